import type { Context } from 'hono';
import { type InvitationChannel, invitationChannels } from '../../../db/invitations-repo';
import { DomainError } from '../../../domain/errors';
import { sessionFull } from '../../../domain/seats';
import { isXlsx, xlsxRows } from '../../../outreach/xlsx-rows';
import { assertFormToken } from '../../console-login';
import { baseUrlOf } from '../../page-context';
import { readJson } from '../../request';
import {
  consoleFactory,
  describeConsoleRoute,
  me,
  pageProps,
  readConsoleAction,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { outreachText } from './copy';
import { ContactsPage, type ImportResult, OutreachListPage } from './views';

/**
 * Outreach before a session: the console's invitation pages under /admin/acara/:eventId/undangan and their JSON
 * API under /api/admin/events/:eventId/outreach. One app with full paths, mounted once.
 */
const outreach = (c: Context<SignedInEnv>) => c.var.services.outreach;
const eventIdOf = (c: Context<SignedInEnv>) => c.req.param('eventId') ?? '';
const base = (c: Context<SignedInEnv>) => `/admin/acara/${eventIdOf(c)}/undangan`;

const str = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === 'string' ? (form[name] as string) : '';

function pdfResponse(c: Context<SignedInEnv>, pdf: Uint8Array, filename: string) {
  c.header('Content-Disposition', `inline; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
}

async function listPage(c: Context<SignedInEnv>, notice?: string, error?: string) {
  const filters = {
    district: c.req.query('district') || undefined,
    ba: c.req.query('ba') || undefined,
    state: c.req.query('state') || undefined,
  };
  const overview = await outreach(c).overview(me(c), eventIdOf(c), baseUrlOf(c), filters);
  const saved = c.req.query('ok') ? outreachText(c.var.language).saved : undefined;
  return c.render(
    <OutreachListPage
      {...pageProps(c, notice ?? saved)}
      error={error}
      overview={overview}
      filters={filters}
      href={base(c)}
      organizer={me(c).role !== 'business_assistant'}
    />,
  );
}

async function contactsPage(c: Context<SignedInEnv>, result?: ImportResult, csv = '') {
  const contacts = await outreach(c).contacts(me(c), eventIdOf(c));
  const notice = c.req.query('ok') ? outreachText(c.var.language).contactSaved : undefined;
  return c.render(
    <ContactsPage {...pageProps(c, notice)} contacts={contacts} href={base(c)} result={result} csv={csv} />,
  );
}

const CSV_LIMIT = 1024 * 1024;

/** The contacts form is multipart (a file, or pasted CSV): read as is, with its CSRF token checked. */
async function csvFrom(c: Context<SignedInEnv>) {
  const data = await c.req.formData();
  const sent = data.get('_csrf');
  assertFormToken(c, { _csrf: typeof sent === 'string' ? sent : '' });
  const file = data.get('file');
  let csv: string | string[][] = typeof data.get('csv') === 'string' ? (data.get('csv') as string) : '';
  if (file && typeof file !== 'string' && file.size > 0) {
    if (file.size > CSV_LIMIT) throw new DomainError('payload_too_large');
    const bytes = new Uint8Array(await file.arrayBuffer());
    csv = isXlsx(bytes) ? await xlsxRows(bytes) : new TextDecoder().decode(bytes);
  }
  return { csv, apply: data.get('apply') === '1' };
}

const tag = 'Outreach';
const overviewDoc = describeConsoleRoute({
  operationId: 'getOutreach',
  summary:
    'Every invited cooperative with its personal link, contact, Business Assistant and invitation state',
  description: 'A Business Assistant sees only their cooperatives. Reading it is logged: it shows contacts.',
  tag,
  query: 'outreachOverviewQuery',
  responses: { 200: 'outreachOverviewResponse' },
  errors: [404],
});
const lettersDoc = describeConsoleRoute({
  operationId: 'getInvitationLetters',
  summary: 'The invitation letters as one PDF',
  tag,
  query: 'outreachLettersQuery',
  responses: { 200: { type: 'application/pdf', description: 'A download' } },
  errors: [404],
});
const importContactsDoc = describeConsoleRoute({
  operationId: 'importOutreachContacts',
  summary: 'Check a CSV of contacts against the directory, and with `apply` write the exact matches',
  tag,
  body: 'contactImportBody',
  responses: { 200: 'contactImportResponse', 400: 'contactImportRefused' },
  errors: [404],
});
const contactDoc = describeConsoleRoute({
  operationId: 'updateOutreachContact',
  summary: 'Set a cooperative’s contact and Business Assistant',
  tag,
  body: 'contactBody',
  responses: { 200: 'contactResponse' },
  errors: [404],
});
const requireInvitationDoc = describeConsoleRoute({
  operationId: 'setRequireInvitation',
  summary: 'Whether only a cooperative’s personal invitation link may register it',
  tag,
  body: 'requireInvitationBody',
  responses: { 200: 'requireInvitationResponse' },
  errors: [404],
});
const emailInvitationsDoc = describeConsoleRoute({
  operationId: 'emailInvitations',
  summary: 'Email the invitation to every invited cooperative with a contact address not yet emailed',
  tag,
  responses: { 202: 'invitationsEmailedResponse' },
  errors: [404],
});
const reminderDoc = describeConsoleRoute({
  operationId: 'remindUnregistered',
  summary: 'Schedule a reminder campaign to the invited cooperatives that have not registered',
  tag,
  responses: { 201: 'campaignResponse' },
  errors: [404],
});
const markSentDoc = describeConsoleRoute({
  operationId: 'markInvitationSent',
  summary: 'Record that a cooperative’s invitation went out by WhatsApp, letter or email by hand',
  tag,
  body: 'invitationSentBody',
  responses: { 204: null },
  errors: [404],
});

const letterOptions = (c: Context<SignedInEnv>) => ({
  signerName: c.req.query('signer'),
  signerTitle: c.req.query('jabatan'),
  place: c.req.query('tempat'),
});

export const outreachRoutes = consoleFactory
  .createApp()
  // Any signed-in user: the outreach service decides per session (organizers all, Business Assistants theirs).
  .use('/admin/acara/:eventId/undangan', requireSignedIn)
  .use('/admin/acara/:eventId/undangan/*', requireSignedIn)
  .use('/api/admin/events/:eventId/outreach', requireSignedIn)
  .use('/api/admin/events/:eventId/outreach/*', requireSignedIn)
  // --- Console pages ---
  .get('/admin/acara/:eventId/undangan', (c) => listPage(c))
  .get('/admin/acara/:eventId/undangan/surat.pdf', async (c) => {
    const { pdf } = await outreach(c).letters(me(c), eventIdOf(c), baseUrlOf(c), letterOptions(c));
    return pdfResponse(c, pdf, 'surat-undangan.pdf');
  })
  .get('/admin/acara/:eventId/undangan/kontak', (c) => contactsPage(c))
  .post('/admin/acara/:eventId/undangan/kontak', async (c) => {
    const { csv, apply } = await csvFrom(c);
    const result = await outreach(c).importCsv(me(c), eventIdOf(c), csv, { apply });
    if (result.errors.length) c.status(400);
    return contactsPage(c, result, typeof csv === 'string' && csv.length <= 64 * 1024 ? csv : '');
  })
  .post('/admin/acara/:eventId/undangan/kontak/:cooperativeId', async (c) => {
    const form = await readConsoleAction(c);
    const chosen =
      c.req.param('cooperativeId') === 'ubah' ? str(form, 'cooperativeId') : c.req.param('cooperativeId');
    const reviewLine = Number.parseInt(str(form, 'reviewLine'), 10);
    await outreach(c).updateContact(
      me(c),
      eventIdOf(c),
      chosen,
      {
        name: str(form, 'name'),
        phone: str(form, 'phone'),
        email: str(form, 'email'),
        baEmail: str(form, 'baEmail'),
      },
      { reviewLine: Number.isInteger(reviewLine) ? reviewLine : undefined },
    );
    return c.redirect(`${base(c)}/kontak?ok=1`, 303);
  })
  .post('/admin/acara/:eventId/undangan/kontak/periksa/:line/lewati', async (c) => {
    await readConsoleAction(c);
    const line = Number.parseInt(c.req.param('line'), 10);
    if (!Number.isInteger(line)) throw new DomainError('validation');
    await outreach(c).dismissReview(me(c), eventIdOf(c), line);
    return c.redirect(`${base(c)}/kontak`, 303);
  })
  .post('/admin/acara/:eventId/undangan/wajib', async (c) => {
    const form = await readConsoleAction(c);
    await outreach(c).setRequireInvitation(me(c), eventIdOf(c), str(form, 'required') === '1');
    return c.redirect(`${base(c)}?ok=1`, 303);
  })
  .post('/admin/acara/:eventId/undangan/email', async (c) => {
    const form = await readConsoleAction(c);
    const text = outreachText(c.var.language);
    const event = await outreach(c).loadEvent(me(c), eventIdOf(c), 'manage');
    // Invitations to a full session only fill the waiting list: sent only once the organizer says so.
    if (sessionFull(event) && str(form, 'confirmFull') !== '1') {
      c.status(409);
      return listPage(c, undefined, text.fullRefused);
    }
    const sent = await outreach(c).emailInvitations(me(c), eventIdOf(c), baseUrlOf(c));
    return listPage(c, text.emailsQueued(sent.queued, sent.suppressed, sent.withoutEmail));
  })
  .post('/admin/acara/:eventId/undangan/pengingat', async (c) => {
    await readConsoleAction(c);
    await outreach(c).remindUnregistered(me(c), eventIdOf(c));
    return c.redirect(`/admin/acara/${eventIdOf(c)}/tindak-lanjut`, 303);
  })
  .get('/admin/acara/:eventId/undangan/:cooperativeId/surat.pdf', async (c) => {
    const { pdf } = await outreach(c).letters(me(c), eventIdOf(c), baseUrlOf(c), {
      cooperativeId: c.req.param('cooperativeId'),
      ...letterOptions(c),
    });
    return pdfResponse(c, pdf, `surat-undangan-${c.req.param('cooperativeId')}.pdf`);
  })
  .post('/admin/acara/:eventId/undangan/:cooperativeId/terkirim', async (c) => {
    const form = await readConsoleAction(c);
    const channel = str(form, 'channel') as InvitationChannel;
    if (!invitationChannels.includes(channel)) throw new DomainError('validation');
    await outreach(c).markSent(me(c), eventIdOf(c), c.req.param('cooperativeId'), channel);
    return c.redirect(`${base(c)}?ok=1`, 303);
  })

  // --- JSON API ---
  .get('/api/admin/events/:eventId/outreach', overviewDoc, async (c) => {
    const { rows, counts } = await outreach(c).overview(me(c), eventIdOf(c), baseUrlOf(c), {
      district: c.req.query('district') || undefined,
      ba: c.req.query('ba') || undefined,
      state: c.req.query('state') || undefined,
    });
    return c.json({
      counts,
      cooperatives: rows.map((row) => ({
        cooperativeId: row.cooperative.id,
        name: row.cooperative.name,
        districtCode: row.cooperative.districtCode,
        districtName: row.cooperative.districtName,
        state: row.state,
        link: row.link,
        whatsAppUrl: row.whatsAppUrl,
        contact: row.contact ?? null,
        assistant: row.assistant ?? null,
        sent: {
          email: row.invitation.emailedAt ?? null,
          whatsapp: row.invitation.whatsappAt ?? null,
          letter: row.invitation.letterAt ?? null,
        },
        openedAt: row.invitation.openedAt ?? null,
      })),
    });
  })
  .get('/api/admin/events/:eventId/outreach/letters.pdf', lettersDoc, async (c) => {
    const { pdf } = await outreach(c).letters(me(c), eventIdOf(c), baseUrlOf(c), {
      cooperativeId: c.req.query('cooperativeId') || undefined,
      ...letterOptions(c),
    });
    return pdfResponse(c, pdf, 'surat-undangan.pdf');
  })
  .post('/api/admin/events/:eventId/outreach/contacts/import', importContactsDoc, async (c) => {
    const body = (await readJson(c)) as { csv?: unknown; apply?: unknown };
    if (typeof body?.csv !== 'string') throw new DomainError('validation');
    const result = await outreach(c).importCsv(me(c), eventIdOf(c), body.csv, {
      apply: body.apply === true,
    });
    return c.json(result, result.errors.length ? 400 : 200);
  })
  .put('/api/admin/events/:eventId/outreach/contacts/:cooperativeId', contactDoc, async (c) => {
    const body = ((await readJson(c)) ?? {}) as Record<string, unknown>;
    const contact = await outreach(c).updateContact(me(c), eventIdOf(c), c.req.param('cooperativeId'), {
      name: str(body, 'name'),
      phone: str(body, 'phone'),
      email: str(body, 'email'),
      baEmail: str(body, 'baEmail'),
    });
    return c.json(contact);
  })
  .put('/api/admin/events/:eventId/outreach/require-invitation', requireInvitationDoc, async (c) => {
    const body = (await readJson(c)) as { required?: unknown };
    if (typeof body?.required !== 'boolean') throw new DomainError('validation');
    await outreach(c).setRequireInvitation(me(c), eventIdOf(c), body.required);
    return c.json({ requireInvitation: body.required });
  })
  .post('/api/admin/events/:eventId/outreach/email', emailInvitationsDoc, async (c) =>
    c.json(await outreach(c).emailInvitations(me(c), eventIdOf(c), baseUrlOf(c)), 202),
  )
  .post('/api/admin/events/:eventId/outreach/reminder', reminderDoc, async (c) =>
    c.json(await outreach(c).remindUnregistered(me(c), eventIdOf(c)), 201),
  )
  .post('/api/admin/events/:eventId/outreach/:cooperativeId/sent', markSentDoc, async (c) => {
    const body = (await readJson(c)) as { channel?: unknown };
    const channel = body?.channel as InvitationChannel;
    if (!invitationChannels.includes(channel)) throw new DomainError('validation');
    await outreach(c).markSent(me(c), eventIdOf(c), c.req.param('cooperativeId'), channel);
    return c.body(null, 204);
  });
