import type { Context } from 'hono';
import { canManageEvent } from '../../domain/access-policy';
import {
  organisationInput,
  organisationRegenciesInput,
  stationInput,
  type User,
  userInput,
} from '../../domain/accounts';
import { DomainError, isDomainError } from '../../domain/errors';
import { eventInput, registrationChangeInput } from '../../domain/schemas';
import { fromLocalDateTime } from '../../domain/time';
import { createMessageLogService } from '../../services/message-log';
import { consoleFactory, requireSignedIn, type SignedInEnv } from '../console/kit';
import { assertFormToken } from '../console-login';
import { errorBody } from '../error-handler';
import { consoleText } from '../pages/admin/copy';
import {
  AssignmentsPage,
  AuditPage,
  EventFormPage,
  type EventFormValues,
  EventsListPage,
  eventFormValues,
  RegistrationEditPage,
  SessionPage,
  StationsPage,
  type UsersForms,
  UsersPage,
} from '../pages/admin/pages';
import type { FieldErrors, FormValues } from '../pages/register-page';
import { readForm, validate } from '../request';
import { stationUrl } from './admin-api';

const me = (c: Context<SignedInEnv>) => c.get('user') as User;
const base = (c: Context<SignedInEnv>, notice?: string) => ({
  language: c.get('language'),
  user: me(c),
  csrfToken: c.get('csrfToken'),
  notice,
});

/** A console form: same origin (middleware), the session's CSRF token, then its fields. */
async function postedForm(c: Context<SignedInEnv>) {
  const form = await readForm(c);
  assertFormToken(c, form);
  return form;
}

function fieldErrors(error: unknown, c: Context<SignedInEnv>): { errors: FieldErrors; message: string } {
  if (!isDomainError(error) || ['not_found', 'forbidden', 'unauthorized'].includes(error.code)) throw error;
  const { body } = errorBody(error, c.get('language'));
  const errors: FieldErrors = {};
  for (const issue of body.error.issues ?? []) errors[issue.path.join('.')] ??= issue.message;
  c.status(error.code === 'validation' ? 400 : 409);
  return { errors, message: body.error.message };
}

/** Form fields (datetime-local in the session's zone, checkboxes) -> the shared event schema's input. */
async function eventFromForm(c: Context<SignedInEnv>, form: Record<string, unknown>) {
  const all = await c.req.formData();
  const zone = typeof form.timeZone === 'string' && form.timeZone ? form.timeZone : 'Asia/Jakarta';
  const at = (name: string) => {
    const value = form[name];
    if (typeof value !== 'string' || !value) return undefined;
    try {
      return fromLocalDateTime(value, zone);
    } catch {
      return value;
    }
  };
  const values: EventFormValues = {
    ...(form as EventFormValues),
    invitedDistrictCodes: all.getAll('invitedDistrictCodes').map(String),
    published: form.published === 'true',
  };
  const input = {
    ...form,
    _csrf: undefined,
    startsAt: at('startsAt'),
    endsAt: at('endsAt'),
    registrationDeadline: at('registrationDeadline'),
    timeZone: zone,
    invitedDistrictCodes: values.invitedDistrictCodes,
    published: values.published,
    organisationId: form.organisationId || undefined,
  };
  return { input, values };
}

async function regencyOf(c: Context<SignedInEnv>, regencyCode: string) {
  return c.get('services').store.cooperatives.getRegency(regencyCode);
}

async function renderEventForm(
  c: Context<SignedInEnv>,
  options: { action: string; heading: string; values: EventFormValues; errors?: FieldErrors; error?: string },
) {
  const code = typeof options.values.regencyCode === 'string' ? options.values.regencyCode : '62.02';
  const regency = await regencyOf(c, code);
  return c.render(
    <EventFormPage
      {...base(c)}
      error={options.error}
      action={options.action}
      heading={options.heading}
      values={options.values}
      errors={options.errors ?? {}}
      districts={regency?.districts ?? []}
      regencyName={regency ? [regency.name, regency.provinceName].filter(Boolean).join(', ') : undefined}
      organisations={await c.get('services').adminUsers.listOrganisations(me(c))}
    />,
  );
}

async function sessionPage(c: Context<SignedInEnv>, eventId: string, notice?: string) {
  const filters = {
    q: c.req.query('q')?.slice(0, 100) || undefined,
    district: c.req.query('district') || undefined,
    status: c.req.query('status') || undefined,
  };
  const roster = await c.get('services').adminEvents.roster(me(c), eventId, filters);
  return c.render(
    <SessionPage
      {...base(c, notice)}
      event={roster.event}
      seats={roster.seats}
      registrations={roster.registrations}
      waitlist={roster.waitlist}
      notRegistered={roster.notRegistered}
      districts={roster.districts}
      filters={filters}
      canManage={canManageEvent(me(c), roster.event)}
    />,
  );
}

/** Users and organisations (admins only), with what a refused form needs shown again. */
async function usersPage(c: Context<SignedInEnv>, forms: UsersForms = {}) {
  if (me(c).role !== 'admin') throw new DomainError('forbidden');
  const { adminUsers } = c.get('services');
  const [users, organisations, regencies] = await Promise.all([
    adminUsers.list(me(c)),
    adminUsers.listOrganisations(me(c)),
    adminUsers.directoryRegencies(me(c)),
  ]);
  return c.render(
    <UsersPage {...base(c)} {...forms} users={users} organisations={organisations} regencies={regencies} />,
  );
}

async function stationsPage(
  c: Context<SignedInEnv>,
  eventId: string,
  extra: { created?: { name: string; url: string; qrSvg: string }; errors?: FieldErrors } = {},
) {
  const { adminEvents } = c.get('services');
  const event = await adminEvents.loadEvent(me(c), eventId, 'manage');
  const stations = await adminEvents.listStations(me(c), eventId);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'same-origin'); // the station link must not leak to other sites
  return c.render(<StationsPage {...base(c)} event={event} stations={stations} {...extra} />);
}

async function assignmentsPage(
  c: Context<SignedInEnv>,
  selectedId?: string,
  extra: { notice?: string; errors?: string[] } = {},
) {
  const { adminUsers, store } = c.get('services');
  const assistants = (await adminUsers.list(me(c))).filter((u) => u.role === 'business_assistant');
  const selected = assistants.find((a) => a.id === selectedId) ?? assistants[0];
  const assigned = selected ? await adminUsers.getAssignments(me(c), selected.id) : [];
  const regencies = await store.cooperatives.listRegencies();
  const cooperatives = (await Promise.all(regencies.map((r) => store.cooperatives.listByRegency(r.code))))
    .flat()
    .sort((a, b) => a.districtName.localeCompare(b.districtName) || a.name.localeCompare(b.name));
  return c.render(
    <AssignmentsPage
      {...base(c, extra.notice)}
      assistants={assistants}
      selected={selected}
      assigned={assigned}
      cooperatives={cooperatives}
      errors={extra.errors}
    />,
  );
}

/**
 * The console's pages, server-rendered, Bahasa Indonesia first, no scripts: every action is a form with
 * the session's CSRF token. Rights are checked by the same services as the JSON API.
 */
export const adminPages = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', async (c) => {
    const { events, next } = await c
      .get('services')
      .adminEvents.listPage(me(c), c.req.query('setelah') || undefined);
    return c.render(<EventsListPage {...base(c)} events={events} next={next} />);
  })
  .get('/acara/baru', async (c) => {
    const user = me(c);
    if (user.role === 'business_assistant') throw new DomainError('forbidden');
    const org = (await c.get('services').adminUsers.listOrganisations(user)).find(
      (o) => o.id === user.organisationId,
    );
    return renderEventForm(c, {
      action: '/admin/acara/baru',
      heading: consoleText(c.get('language')).newSession,
      values: {
        timeZone: 'Asia/Jakarta',
        capacity: '100',
        maxPerCooperative: '3',
        regencyCode: '62.02',
        organizerName: org?.name ?? '',
        organisationId: user.organisationId,
        published: true,
      },
    });
  })
  .post('/acara/baru', async (c) => {
    const form = await postedForm(c);
    const { input, values } = await eventFromForm(c, form);
    try {
      const event = await c.get('services').adminEvents.create(me(c), validate(eventInput, input, c));
      return c.redirect(`/admin/acara/${event.id}`, 303);
    } catch (error) {
      const { errors, message } = fieldErrors(error, c);
      const heading = consoleText(c.get('language')).newSession;
      return renderEventForm(c, { action: '/admin/acara/baru', heading, values, errors, error: message });
    }
  })
  .get('/acara/:eventId', (c) =>
    sessionPage(
      c,
      c.req.param('eventId'),
      c.req.query('ok') ? consoleText(c.get('language')).saved : undefined,
    ),
  )
  .get('/acara/:eventId/ubah', async (c) => {
    const event = await c.get('services').adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    return renderEventForm(c, {
      action: `/admin/acara/${event.id}/ubah`,
      heading: consoleText(c.get('language')).editSession,
      values: eventFormValues(event),
    });
  })
  .post('/acara/:eventId/ubah', async (c) => {
    const { adminEvents } = c.get('services');
    const current = await adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    const form = await postedForm(c);
    const { input, values } = await eventFromForm(c, form);
    try {
      await adminEvents.update(me(c), current.id, validate(eventInput, input, c));
      return c.redirect(`/admin/acara/${current.id}?ok=1`, 303);
    } catch (error) {
      const { errors, message } = fieldErrors(error, c);
      const heading = consoleText(c.get('language')).editSession;
      return renderEventForm(c, {
        action: `/admin/acara/${current.id}/ubah`,
        heading,
        values,
        errors,
        error: message,
      });
    }
  })
  .post('/acara/:eventId/terbit', async (c) => {
    const { adminEvents } = c.get('services');
    const current = await adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    await postedForm(c);
    const input = validate(
      eventInput,
      { ...adminEvents.editable(current), published: !current.published },
      c,
    );
    await adminEvents.update(me(c), current.id, input);
    return c.redirect(`/admin/acara/${current.id}?ok=1`, 303);
  })
  .post('/acara/:eventId/tutup', async (c) => {
    await postedForm(c);
    await c.get('services').adminEvents.close(me(c), c.req.param('eventId'));
    return c.redirect(`/admin/acara/${c.req.param('eventId')}?ok=1`, 303);
  })
  .post('/acara/:eventId/batal', async (c) => {
    const form = await postedForm(c);
    // Rights before the confirmation: a caller without them gets 403/404, never a validation answer.
    await c.get('services').adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    if (form.confirm !== 'yes') throw new DomainError('validation');
    await c.get('services').adminEvents.cancel(me(c), c.req.param('eventId'));
    return c.redirect(`/admin/acara/${c.req.param('eventId')}?ok=1`, 303);
  })
  .get('/acara/:eventId/stasiun', (c) => stationsPage(c, c.req.param('eventId')))
  .post('/acara/:eventId/stasiun', async (c) => {
    const eventId = c.req.param('eventId');
    await c.get('services').adminEvents.loadEvent(me(c), eventId, 'manage');
    const form = await postedForm(c);
    try {
      const { name } = validate(stationInput, form, c);
      const { station, token } = await c.get('services').adminEvents.createStation(me(c), eventId, name);
      const url = stationUrl(c, token);
      // The QR encoder loads with the first station created, not with every console cold start.
      const { default: QRCode } = await import('qrcode');
      const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return stationsPage(c, eventId, { created: { name: station.name, url, qrSvg } });
    } catch (error) {
      return stationsPage(c, eventId, { errors: fieldErrors(error, c).errors });
    }
  })
  .post('/acara/:eventId/stasiun/:stationId/cabut', async (c) => {
    await postedForm(c);
    const eventId = c.req.param('eventId');
    await c.get('services').adminEvents.revokeStation(me(c), eventId, c.req.param('stationId'));
    return c.redirect(`/admin/acara/${eventId}/stasiun`, 303);
  })
  .get('/pendaftaran/:registrationId', async (c) => {
    const { adminEvents } = c.get('services');
    const id = c.req.param('registrationId');
    const { event } = await adminEvents.loadRegistration(me(c), id, 'manage');
    const registration = await adminEvents.getRegistration(me(c), id);
    const suppressions = c.get('services').store.suppressions;
    const addresses = [registration.contact.email, ...registration.participants.map((p) => p.email)];
    const undeliverable: string[] = [];
    for (const address of new Set(addresses.filter((a): a is string => Boolean(a)))) {
      if (await suppressions.get(address)) undeliverable.push(address);
    }
    // Rights were checked above (the session's, to manage it): the log is read by the registration's id.
    const messages = await createMessageLogService(c.get('services').store).ofRegistration(registration.id);
    return c.render(
      <RegistrationEditPage
        {...base(c)}
        registration={registration}
        event={event}
        undeliverable={undeliverable}
        messages={messages}
      />,
    );
  })
  .post('/pendaftaran/:registrationId', async (c) => {
    const { adminEvents } = c.get('services');
    const id = c.req.param('registrationId');
    const { registration, event } = await adminEvents.loadRegistration(me(c), id, 'manage');
    const form = await postedForm(c);
    const rows = Array.isArray(form.participants) ? form.participants : [];
    const participants = rows.filter((row: Record<string, string> | undefined) =>
      [row?.name, row?.phone, row?.email].some((value) => value?.trim()),
    );
    try {
      const input = validate(registrationChangeInput, { contact: form.contact, participants }, c);
      await adminEvents.editRegistration(me(c), id, input, c.get('language'));
      return c.redirect(`/admin/acara/${event.id}?ok=1`, 303);
    } catch (error) {
      const { errors, message } = fieldErrors(error, c);
      return c.render(
        <RegistrationEditPage
          {...base(c)}
          error={message}
          registration={registration}
          event={event}
          values={{ ...(form as FormValues), participants: participants as FormValues['participants'] }}
          errors={errors}
        />,
      );
    }
  })
  .post('/pendaftaran/:registrationId/naikkan', async (c) => {
    await postedForm(c);
    const registration = await c.get('services').adminEvents.promote(me(c), c.req.param('registrationId'));
    return c.redirect(`/admin/acara/${registration.eventId}?ok=1`, 303);
  })
  .post('/pendaftaran/:registrationId/kirim-ulang', async (c) => {
    await postedForm(c);
    const { adminEvents } = c.get('services');
    const id = c.req.param('registrationId');
    const queued = await adminEvents.resendTickets(me(c), id);
    const { event } = await adminEvents.loadRegistration(me(c), id, 'manage');
    const text = consoleText(c.get('language'));
    return sessionPage(c, event.id, queued ? text.queued(queued) : text.noEmailSent);
  })
  .post('/pendaftaran/:registrationId/batal', async (c) => {
    const form = await postedForm(c);
    await c.get('services').adminEvents.loadRegistration(me(c), c.req.param('registrationId'), 'manage');
    if (form.confirm !== 'yes') throw new DomainError('validation');
    const registration = await c
      .get('services')
      .adminEvents.cancelRegistration(me(c), c.req.param('registrationId'));
    return c.redirect(`/admin/acara/${registration.eventId}?ok=1`, 303);
  })
  .get('/pengguna', (c) => usersPage(c))
  .post('/pengguna', async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    const form = await postedForm(c);
    try {
      // "62, 63" in the form; a list in the API.
      const provinceCodes = String(form.provinceCodes ?? '')
        .split(/[\s,;]+/)
        .filter(Boolean);
      const input = { ...form, provinceCodes: provinceCodes.length ? provinceCodes : undefined };
      await c.get('services').adminUsers.create(me(c), validate(userInput, input, c));
      return c.redirect('/admin/pengguna', 303);
    } catch (error) {
      const { errors, message } = fieldErrors(error, c);
      return usersPage(c, { error: message, errors, values: form as Record<string, string> });
    }
  })
  .post('/organisasi', async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    const form = await postedForm(c);
    try {
      await c.get('services').adminUsers.createOrganisation(me(c), validate(organisationInput, form, c));
      return c.redirect('/admin/pengguna#organisasi', 303);
    } catch (error) {
      const { errors, message } = fieldErrors(error, c);
      return usersPage(c, {
        error: message,
        organisationErrors: errors,
        organisationValues: form as Record<string, string>,
      });
    }
  })
  .post('/organisasi/:organisationId/wilayah', async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    await postedForm(c);
    const codes = (await c.req.formData()).getAll('regencyCodes').map(String);
    try {
      const { regencyCodes } = validate(organisationRegenciesInput, { regencyCodes: codes }, c);
      await c
        .get('services')
        .adminUsers.setOrganisationRegencies(me(c), c.req.param('organisationId'), regencyCodes);
      return c.redirect('/admin/pengguna#organisasi', 303);
    } catch (error) {
      const { errors, message } = fieldErrors(error, c);
      return usersPage(c, { error: Object.values(errors)[0] ?? message });
    }
  })
  .post('/pengguna/:userId/status', async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    const form = await postedForm(c);
    await c
      .get('services')
      .adminUsers.update(me(c), c.req.param('userId'), { active: form.active === 'true' });
    return c.redirect('/admin/pengguna', 303);
  })
  .get('/pendamping', (c) => {
    if (me(c).role === 'business_assistant') throw new DomainError('forbidden');
    return assignmentsPage(c, c.req.query('ba'));
  })
  .post('/pendamping/impor', async (c) => {
    if (me(c).role === 'business_assistant') throw new DomainError('forbidden');
    await postedForm(c);
    const file = (await c.req.formData()).get('csv');
    const csv = typeof file === 'string' ? file : file ? await file.text() : '';
    try {
      const result = await c.get('services').adminUsers.importAssignments(me(c), csv);
      return assignmentsPage(c, undefined, {
        notice: consoleText(c.get('language')).imported(result.rows, result.assistants),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      const { body } = errorBody(error, c.get('language'));
      c.status(400);
      const errors = (body.error.issues ?? []).map((issue) => `${issue.path.join(' ')}: ${issue.message}`);
      return assignmentsPage(c, undefined, { errors });
    }
  })
  .post('/pendamping/:userId', async (c) => {
    await postedForm(c);
    const ids = (await c.req.formData()).getAll('cooperativeIds').map(String);
    await c.get('services').adminUsers.setAssignments(me(c), c.req.param('userId'), ids);
    return assignmentsPage(c, c.req.param('userId'), { notice: consoleText(c.get('language')).saved });
  })
  .get('/audit', async (c) => {
    const page = await c
      .get('services')
      .adminUsers.auditLog(me(c), { cursor: c.req.query('cursor'), limit: 50 });
    return c.render(<AuditPage {...base(c)} entries={page.entries} cursor={page.cursor} />);
  });
