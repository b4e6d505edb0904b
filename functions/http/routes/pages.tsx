import type { Context } from 'hono';
import { sessionEnded } from '../../domain/checkin-window';
import { searchCooperatives } from '../../domain/cooperative-search';
import { DomainError, isDomainError } from '../../domain/errors';
import { publicEvent } from '../../domain/events';
import { materialsOpen } from '../../domain/materials';
import {
  type Language,
  manageLinkRequest,
  registrationChangeInput,
  registrationInput,
  sessionListQuery,
} from '../../domain/schemas';
import { newSecret, ticketCodeFrom } from '../../domain/tokens';
import { invitationMessages, invitedContact, resolveInvitation } from '../../outreach/invitation-check';
import type { PublicEnv } from '../context';
import { errorBody } from '../error-handler';
import { baseUrlOf, currentPath } from '../page-context';
import { EventPage, EventsPage, PAST_SESSIONS_PATH } from '../pages/event-pages';
import { t } from '../pages/i18n';
import { ManageLinkPage } from '../pages/manage-link-page';
import { EraseConfirmPage, ErasedPage, ManagePage } from '../pages/manage-page';
import { type FieldErrors, type FormValues, invitedSentence, RegisterPage } from '../pages/register-page';
import { TicketPage } from '../pages/ticket-page';
import { publicFactory } from '../public-factory';
import { clientAddress, limit, limitRegistration } from '../rate-limit';
import { readForm, validate } from '../request';

// qrcode (ticket images) and ics with yup (calendar files) are imported where they are used: most requests need
// neither, and evaluating them would add some 25 ms to every cold start of the public Lambda.

/** Officer rows the user left completely empty are not officers. */
function withoutEmptyRows(form: Record<string, unknown>): Record<string, unknown> {
  const rows = Array.isArray(form.participants) ? form.participants : [];
  const filled = rows.filter(
    (row: Record<string, string> | undefined) =>
      row && [row.name, row.phone, row.email].some((value) => value?.trim()),
  );
  return { ...form, participants: filled };
}

/**
 * The manage form's officer rows as a change: a row marked for removal is left out, and a "ganti peserta" row is
 * the new person (their own name and phone), which the domain turns into a new ticket.
 */
function officerChanges(form: Record<string, unknown>): unknown[] {
  const rows = Array.isArray(form.participants) ? (form.participants as Record<string, string>[]) : [];
  return rows
    .filter((row) => row && row.remove !== 'true')
    .map(({ newName, newPhone, remove: _remove, ...row }) =>
      newName?.trim() ? { ...row, name: newName, phone: newPhone ?? '', email: '' } : row,
    );
}

/** Who a session is for, from the regency's kecamatan it invites. */
async function invitedOf(
  c: Context<PublicEnv>,
  event: Pick<PublicEventOf, 'regencyCode' | 'invitedDistrictCodes'>,
) {
  const { store } = c.get('services');
  const regency = await store.cooperatives.getRegency(event.regencyCode);
  const districts = (regency?.districts ?? []).filter(
    (d) => event.invitedDistrictCodes.length === 0 || event.invitedDistrictCodes.includes(d.code),
  );
  return {
    regency,
    districts,
    sentence: (language: Language) =>
      invitedSentence(event, districts, regency?.name ?? event.regencyCode, language),
  };
}
type PublicEventOf = ReturnType<typeof publicEvent>;

function fieldErrors(error: unknown, language: 'id' | 'en'): { errors: FieldErrors; formError: string } {
  const { body } = errorBody(error, language);
  const errors: FieldErrors = {};
  for (const issue of body.error.issues ?? []) errors[issue.path.join('.')] ??= issue.message;
  return { errors, formError: body.error.message };
}

async function loadTicket(c: Context<PublicEnv>) {
  const { store } = c.get('services');
  const code = ticketCodeFrom(c.req.param('code') ?? '');
  const ticket = code ? await store.registrations.findTicket(code) : undefined;
  const event = ticket ? await store.events.get(ticket.registration.eventId) : undefined;
  if (!code || !ticket || !event) throw new DomainError('not_found');
  return { code, ticket, event, ticketUrl: `${baseUrlOf(c)}/t/${code}` };
}

function calendarFile(c: Context<PublicEnv>, body: string) {
  c.header('Content-Disposition', 'attachment; filename="sosialisasi.ics"');
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8; method=PUBLISH' });
}

async function loadEvent(c: Context<PublicEnv>) {
  const { store, clock } = c.get('services');
  const event = await store.events.get(c.req.param('eventId') ?? '');
  if (!event?.published) throw new DomainError('not_found');
  return { ...publicEvent(event, clock()), requireInvitation: event.requireInvitation === true };
}

/** A page of upcoming sessions (the home page) or of past ones; `?setelah=` is where the previous page ended. */
async function sessionList(c: Context<PublicEnv>, when: 'upcoming' | 'past') {
  const { store, clock } = c.get('services');
  const { cursor } = validate(sessionListQuery, { cursor: c.req.query('setelah') }, c);
  const now = clock();
  const page = await store.events.listPublic({ when, now, cursor });
  const base = when === 'upcoming' ? '/' : PAST_SESSIONS_PATH;
  return c.render(
    <EventsPage
      when={when}
      events={page.events.map((event) => publicEvent(event, now))}
      nextHref={page.next ? `${base}?setelah=${encodeURIComponent(page.next)}` : undefined}
      firstHref={cursor ? base : undefined}
      language={c.get('language')}
      path={currentPath(c)}
    />,
  );
}

export const pages = publicFactory
  .createApp()
  .get('/', (c) => sessionList(c, 'upcoming'))
  .get(PAST_SESSIONS_PATH, (c) => sessionList(c, 'past'))
  .get('/acara/:eventId', async (c) => {
    const event = await loadEvent(c);
    const language = c.get('language');
    const invited = (await invitedOf(c, event)).sentence(language);
    return c.render(<EventPage event={event} language={language} path={currentPath(c)} invited={invited} />);
  })
  .on(['GET', 'POST'], '/acara/:eventId/daftar', async (c) => {
    const event = await loadEvent(c);
    const language = c.get('language');
    const { store, registrations } = c.get('services');
    let values: FormValues = {};
    let errors: FieldErrors = {};
    let formError: string | undefined;
    let idempotencyKey = newSecret();
    // Outreach: `?undangan=<code>` (or the form's hidden field) locks the invited cooperative.
    const form = c.req.method === 'POST' ? withoutEmptyRows(await readForm(c)) : undefined;
    const sentCode = typeof form?.undangan === 'string' ? form.undangan : c.req.query('undangan');
    const invitationCode = sentCode ? sentCode.slice(0, 100) : undefined;
    const lockedId = invitationCode ? await resolveInvitation(store, event.id, invitationCode) : undefined;
    if (invitationCode && !lockedId) {
      errors = { undangan: invitationMessages.invalid_invitation[language] };
      formError = errors.undangan;
      c.status(403);
    } else if (lockedId && c.req.method === 'GET') {
      await store.invitations.markOpened(event.id, lockedId, c.get('services').clock()).catch(() => {});
    }

    if (form && !(invitationCode && !lockedId)) {
      values = form as FormValues;
      if (typeof form.idempotencyKey === 'string' && form.idempotencyKey.length <= 100) {
        idempotencyKey = form.idempotencyKey;
      }
      try {
        await limit(c, 'registerAddress', clientAddress(c));
        const input = validate(
          registrationInput,
          {
            ...form,
            consent: form.consent === 'true',
            keepContact: form.keepContact === 'true',
            whatsapp: form.whatsapp === 'true',
          },
          c,
        );
        await limitRegistration(c, event.id, input);
        const result = await registrations.register(event.id, input, {
          language,
          idempotencyKey,
          invitationCode,
        });
        const { id } = result.registration;
        return c.redirect(`/kelola/${id}?token=${encodeURIComponent(result.manageToken)}&baru=1`, 303);
      } catch (error) {
        if (!isDomainError(error) || error.code === 'not_found') throw error;
        ({ errors, formError } = fieldErrors(error, language));
        c.status(error.code === 'validation' || error.code === 'too_many_participants' ? 400 : 409);
      }
    }

    const q = (c.req.query('q') ?? '').slice(0, 100);
    const district = c.req.query('district') || undefined;
    const { districts: invited, sentence } = await invitedOf(c, event);
    const directory = await store.cooperatives.listByRegency(event.regencyCode);
    const invitedDirectory = directory.filter((coop) => invited.some((d) => d.code === coop.districtCode));
    const locked = lockedId ? directory.find((coop) => coop.id === lockedId) : undefined;
    if (locked) values = { ...values, cooperativeId: locked.id };
    // Opened from the personal link: the contact the organizer imported for this cooperative fills step 2.
    if (locked && !form) values = { ...values, contact: await invitedContact(store, event.id, locked.id) };
    const chosen = values.cooperativeId
      ? invitedDirectory.filter((coop) => coop.id === values.cooperativeId)
      : [];
    const found =
      q || district ? searchCooperatives(invitedDirectory, { q, districtCode: district, limit: 60 }) : [];
    const cooperatives = [...chosen, ...found.filter((coop) => coop.id !== values.cooperativeId)];
    return c.render(
      <RegisterPage
        event={event}
        language={language}
        path={currentPath(c)}
        districts={invited}
        cooperatives={cooperatives}
        query={{ q, district }}
        values={values}
        errors={errors}
        formError={formError}
        idempotencyKey={idempotencyKey}
        invitation={locked && invitationCode ? { code: invitationCode, cooperative: locked } : undefined}
        invitationRequired={event.requireInvitation}
        invited={sentence(language)}
      />,
    );
  })
  .get('/kelola/:registrationId', async (c) => {
    const token = c.req.query('token') ?? '';
    const { registrations, store, clock } = c.get('services');
    const registration = await registrations.authorize(c.req.param('registrationId'), token);
    const event = await store.events.get(registration.eventId);
    if (!event) throw new DomainError('not_found');
    c.header('Referrer-Policy', 'no-referrer');
    return c.render(
      <ManagePage
        registration={registration}
        event={publicEvent(event, clock())}
        manageToken={token}
        baseUrl={baseUrlOf(c)}
        language={c.get('language')}
        path={currentPath(c)}
        notice={c.req.query('saved') ? t(c.get('language')).saved : undefined}
        fresh={c.req.query('baru') === '1'}
      />,
    );
  })
  .post('/kelola/:registrationId/ubah', async (c) => {
    const form = withoutEmptyRows(await readForm(c));
    return changeFromManagePage(c, form, { participants: officerChanges(form) }, form as FormValues);
  })
  .post('/kelola/:registrationId/kontak', async (c) => {
    const form = await readForm(c);
    return changeFromManagePage(
      c,
      form,
      { contact: form.contact, whatsapp: form.whatsapp === 'true' },
      {
        contact: form.contact as FormValues['contact'],
        whatsapp: typeof form.whatsapp === 'string' ? form.whatsapp : undefined,
      },
    );
  })
  // UU PDP self-service on the manage page: the same services as /api/registrations/:id/data and /erase.
  .post('/kelola/:registrationId/data', async (c) => {
    const form = await readForm(c);
    const token = typeof form.token === 'string' ? form.token : '';
    const data = await c.get('services').registrations.exportData(c.req.param('registrationId'), token);
    c.header('Content-Disposition', 'attachment; filename="data-pendaftaran.json"');
    return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  })
  .post('/kelola/:registrationId/hapus', async (c) => {
    const form = await readForm(c);
    const token = typeof form.token === 'string' ? form.token : '';
    const id = c.req.param('registrationId');
    const language = c.get('language');
    const { registrations } = c.get('services');
    const registration = await registrations.authorize(id, token);
    c.header('Referrer-Policy', 'no-referrer');
    // Erasure cannot be undone: the first press only asks, the second (ticked) erases.
    if (form.step !== 'confirm' || form.confirm !== 'yes') {
      if (form.step === 'confirm') c.status(400);
      return c.render(
        <EraseConfirmPage
          registration={registration}
          manageToken={token}
          language={language}
          path={`/kelola/${id}`}
          error={
            form.step === 'confirm'
              ? language === 'id'
                ? 'Centang persetujuan untuk menghapus.'
                : 'Tick the box to erase.'
              : undefined
          }
        />,
      );
    }
    await registrations.erase(id, token);
    return c.render(<ErasedPage language={language} path="/" />);
  })
  .on(['GET', 'POST'], '/acara/:eventId/kirim-ulang', async (c) => {
    const event = await loadEvent(c);
    const language = c.get('language');
    const { store, registrations } = c.get('services');
    const { districts } = await invitedOf(c, event);
    const directory = (await store.cooperatives.listByRegency(event.regencyCode)).filter((coop) =>
      districts.some((d) => d.code === coop.districtCode),
    );
    let values: { cooperativeId?: string; contact?: string } = {};
    let errors: FieldErrors = {};
    let formError: string | undefined;
    let sent = false;
    if (c.req.method === 'POST') {
      const form = await readForm(c);
      values = {
        cooperativeId: typeof form.cooperativeId === 'string' ? form.cooperativeId : undefined,
        contact: typeof form.contact === 'string' ? form.contact : undefined,
      };
      try {
        await limit(c, 'manageLinkAddress', clientAddress(c));
        const request = validate(manageLinkRequest, values, c);
        await limit(c, 'manageLinkTarget', `${event.id}:${request.cooperativeId}`);
        await registrations.resendManageLink(event.id, request);
        sent = true;
      } catch (error) {
        if (!isDomainError(error) || error.code === 'not_found') throw error;
        ({ errors, formError } = fieldErrors(error, language));
        c.status(error.code === 'validation' ? 400 : error.code === 'rate_limited' ? 429 : 409);
      }
    }
    return c.render(
      <ManageLinkPage
        event={event}
        language={language}
        path={currentPath(c)}
        districts={districts}
        cooperatives={directory}
        values={values}
        errors={errors}
        formError={formError}
        sent={sent}
      />,
    );
  })
  .post('/kelola/:registrationId/batal', async (c) => {
    const form = await readForm(c);
    const token = typeof form.token === 'string' ? form.token : '';
    const id = c.req.param('registrationId');
    await c.get('services').registrations.cancel(id, token);
    return c.redirect(`/kelola/${id}?token=${encodeURIComponent(token)}`, 303);
  })
  .get('/acara/:eventId/kalender.ics', async (c) => {
    const { store } = c.get('services');
    const event = await store.events.get(c.req.param('eventId'));
    if (!event?.published) throw new DomainError('not_found');
    const { sessionInvitation } = await import('../../domain/calendar');
    return calendarFile(c, sessionInvitation({ event, language: c.get('language') }));
  })
  .get('/t/:code/qr.png', async (c) => {
    const { code, ticketUrl } = await loadTicket(c);
    c.header('Content-Disposition', `inline; filename="tiket-${code}.png"`);
    const { ticketQrPng } = await import('../../../emails/ticket-qr');
    return c.body(new Uint8Array(ticketQrPng(ticketUrl)), 200, { 'Content-Type': 'image/png' });
  })
  .get('/t/:code/tiket.ics', async (c) => {
    const { ticket, event, ticketUrl } = await loadTicket(c);
    const { sessionInvitation } = await import('../../domain/calendar');
    const invitation = sessionInvitation({
      event,
      participantId: ticket.participant.id,
      attendeeName: ticket.participant.name,
      ticketUrl,
      language: c.get('language'),
    });
    return calendarFile(c, invitation);
  })
  .get('/t/:code', async (c) => {
    const { clock } = c.get('services');
    const { ticket, event, ticketUrl } = await loadTicket(c);
    const checkedIn = await c.get('services').store.checkins.get(event.id, ticket.participant.id);
    const { default: QRCode } = await import('qrcode');
    const qrSvg = await QRCode.toString(ticketUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    // Speakers' materials only after the session: before it, slides would spoil the briefing.
    const materials = materialsOpen(event, clock())
      ? await c.get('services').store.materials.list(event.id)
      : [];
    c.header('Referrer-Policy', 'no-referrer');
    return c.render(
      <TicketPage
        registration={ticket.registration}
        participant={ticket.participant}
        event={publicEvent(event, clock())}
        ticketUrl={ticketUrl}
        qrSvg={qrSvg}
        language={c.get('language')}
        path={currentPath(c)}
        // The certificate exists only for an officer who checked in, once the session has ended.
        certificateUrl={
          sessionEnded(event, clock()) && checkedIn
            ? `/t/${ticket.participant.ticketCode}/sertifikat.pdf`
            : undefined
        }
        evaluationUrl={checkedIn ? `/t/${ticket.participant.ticketCode}/evaluasi` : undefined}
        materials={materials}
      />,
    );
  });

/**
 * One change posted from the manage page (officers, or the contact): saved, back to the page with a notice; or
 * refused, and the page again with what was typed and why.
 */
async function changeFromManagePage(
  c: Context<PublicEnv>,
  form: Record<string, unknown>,
  change: unknown,
  values: FormValues,
) {
  const token = typeof form.token === 'string' ? form.token : '';
  const id = c.req.param('registrationId') as string;
  const language = c.get('language');
  const { registrations, store, clock } = c.get('services');
  try {
    await registrations.change(id, token, validate(registrationChangeInput, change, c), language);
    return c.redirect(`/kelola/${id}?token=${encodeURIComponent(token)}&saved=1`, 303);
  } catch (error) {
    if (!isDomainError(error) || error.code === 'not_found') throw error;
    const registration = await registrations.authorize(id, token);
    const event = await store.events.get(registration.eventId);
    if (!event) throw new DomainError('not_found');
    const { errors, formError } = fieldErrors(error, language);
    c.status(error.code === 'validation' ? 400 : 409);
    return c.render(
      <ManagePage
        registration={registration}
        event={publicEvent(event, clock())}
        manageToken={token}
        baseUrl={baseUrlOf(c)}
        language={language}
        path={`/kelola/${id}`}
        values={values}
        errors={errors}
        formError={formError}
      />,
    );
  }
}
