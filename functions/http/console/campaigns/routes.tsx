import type { Context } from 'hono';
import { campaignInput } from '../../../domain/campaign';
import { DomainError } from '../../../domain/errors';
import type { EventRecord } from '../../../domain/schemas';
import { fromLocalDateTime } from '../../../domain/time';
import { hashSecret, ticketCodeFrom } from '../../../domain/tokens';
import { createMessageLogService } from '../../../services/message-log';
import type { ConsoleEnv } from '../../context';
import { baseUrlOf } from '../../page-context';
import { readJson, validate } from '../../request';
import {
  consoleFactory,
  describeConsoleRoute,
  me,
  readConsoleAction,
  readConsoleForm,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { campaignText as text } from './copy';
import {
  CampaignPage,
  CampaignsPage,
  CertificateVerifyPage,
  UnsubscribeAskPage,
  UnsubscribedPage,
} from './views';

/**
 * Follow-ups: the console's campaign pages (/admin/acara/:eventId/tindak-lanjut), their JSON API
 * (/api/admin/events/:eventId/campaigns), and the public certificate and unsubscribe pages.
 */
const services = (c: Context<SignedInEnv>) => c.var.services;

/** Console form fields -> the campaign schema's input (times in the session's zone). */
function inputFromForm(form: Record<string, unknown>, event: EventRecord) {
  const str = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  let at = str('at');
  try {
    if (at) at = fromLocalDateTime(at, event.timeZone);
  } catch {
    // left as typed: the schema reports it
  }
  const materials = str('materials')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, url] = line.includes('|') ? line.split('|').map((p) => p.trim()) : [line, line];
      return { label, url };
    });
  return {
    kind: str('kind'),
    segment: str('segment'),
    baUserId: str('baUserId') || undefined,
    name: str('name') || undefined,
    message: str('message') || undefined,
    materials,
    sendAt:
      str('timing') === 'absolute'
        ? { type: 'absolute', at }
        : { type: 'relative', anchor: str('anchor') || 'end', offsetMinutes: str('offsetMinutes') || '0' },
  };
}

const consoleBase = (c: Context<SignedInEnv>, notice?: string) => ({
  language: c.get('language'),
  user: me(c),
  csrfToken: c.get('csrfToken'),
  notice,
});

async function assistantsFor(c: Context<SignedInEnv>, event: EventRecord) {
  const users = await c.get('services').store.users.list();
  return users.filter(
    (u) =>
      u.role === 'business_assistant' &&
      u.active &&
      (!event.organisationId || u.organisationId === event.organisationId),
  );
}

async function listPage(c: Context<SignedInEnv>, extra: { notice?: string; error?: string } = {}) {
  const { event, campaigns } = await services(c).campaigns.list(me(c), c.req.param('eventId') ?? '');
  return c.render(
    <CampaignsPage
      {...consoleBase(c, extra.notice)}
      error={extra.error}
      event={event}
      campaigns={campaigns}
      assistants={await assistantsFor(c, event)}
    />,
  );
}

async function detailPage(c: Context<SignedInEnv>, campaignId: string, notice?: string, selected?: string) {
  const eventId = c.req.param('eventId') ?? '';
  const { campaigns } = services(c);
  const { event, campaign } = await campaigns.get(me(c), eventId, campaignId);
  const recipients = await campaigns.audience(me(c), eventId, campaignId);
  // Rights were checked by campaigns.get (the session's organisation): the log is read by the campaign's id.
  const { summary } = await createMessageLogService(c.get('services').store).ofCampaign(campaign.id);
  return c.render(
    <CampaignPage
      {...consoleBase(c, notice)}
      event={event}
      campaign={campaign}
      recipients={recipients}
      deliveries={summary}
      selected={selected ?? c.req.query('r')}
    />,
  );
}

const stateActions = { jeda: 'pause', lanjut: 'resume', batal: 'cancel' } as const;

/** Mounted at /admin/acara/:eventId/tindak-lanjut. */
export const campaignPages = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', (c) => listPage(c))
  .post('/', async (c) => {
    const { campaigns } = services(c);
    const event = await campaigns.loadEvent(me(c), c.req.param('eventId') ?? '');
    const read = await readConsoleForm(c, campaignInput, (form) => inputFromForm(form, event));
    if (!read.ok) {
      const details = Object.entries(read.errors)
        .map(([path, message]) => `${path}: ${message}`)
        .join('; ');
      return listPage(c, { error: `${read.message} ${details}` });
    }
    await campaigns.create(me(c), event.id, read.values);
    return c.redirect(`/admin/acara/${event.id}/tindak-lanjut?ok=1`, 303);
  })
  .get('/:campaignId', (c) => detailPage(c, c.req.param('campaignId')))
  .get('/:campaignId/pratinjau', async (c) => {
    const { message } = await services(c).campaigns.preview(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
      baseUrlOf(c),
      c.req.query('r') || undefined,
    );
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-ancestors 'self'",
    );
    c.header('X-Frame-Options', 'SAMEORIGIN');
    return c.html(message.html);
  })
  .post('/:campaignId/uji', async (c) => {
    const form = await readConsoleAction(c);
    const recipient = typeof form.r === 'string' && form.r ? form.r : undefined;
    const sent = await services(c).campaigns.sendTest(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
      recipient,
    );
    return detailPage(c, c.req.param('campaignId'), text[c.get('language')].testSent(sent.to), recipient);
  })
  .post('/:campaignId/kirim', async (c) => {
    await readConsoleAction(c);
    await services(c).campaigns.runNow(me(c), c.req.param('eventId') ?? '', c.req.param('campaignId'));
    return c.redirect(
      `/admin/acara/${c.req.param('eventId')}/tindak-lanjut/${c.req.param('campaignId')}`,
      303,
    );
  })
  .post('/:campaignId/:action{jeda|lanjut|batal}', async (c) => {
    await readConsoleAction(c);
    const action = stateActions[c.req.param('action') as keyof typeof stateActions];
    await services(c).campaigns.setState(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
      action,
    );
    return c.redirect(`/admin/acara/${c.req.param('eventId')}/tindak-lanjut`, 303);
  });

const listCampaigns = describeConsoleRoute({
  operationId: 'listCampaigns',
  summary: 'A session’s follow-up campaigns, soonest first, with their progress',
  tag: 'Campaigns',
  responses: { 200: 'campaignListResponse' },
  errors: [404],
});
const createCampaign = describeConsoleRoute({
  operationId: 'createCampaign',
  summary: 'Schedule a campaign',
  tag: 'Campaigns',
  body: campaignInput,
  responses: { 201: 'campaignResponse' },
  errors: [404],
});
const getCampaign = describeConsoleRoute({
  operationId: 'getCampaign',
  summary: 'One campaign with its progress',
  tag: 'Campaigns',
  responses: { 200: 'campaignResponse' },
  errors: [404],
});
const updateCampaign = describeConsoleRoute({
  operationId: 'updateCampaign',
  summary: 'Change a scheduled or paused campaign',
  tag: 'Campaigns',
  body: campaignInput,
  responses: { 200: 'campaignResponse' },
  errors: [404, 409],
});
const campaignAudience = describeConsoleRoute({
  operationId: 'getCampaignAudience',
  summary: 'Who the campaign would go to if it ran now',
  tag: 'Campaigns',
  responses: { 200: 'audienceResponse' },
  errors: [404],
});
const previewCampaign = describeConsoleRoute({
  operationId: 'previewCampaign',
  summary: 'The email one recipient would get',
  tag: 'Campaigns',
  query: 'campaignPreviewQuery',
  responses: { 200: 'campaignPreviewResponse' },
  errors: [404],
});
const testCampaign = describeConsoleRoute({
  operationId: 'sendCampaignTest',
  summary: 'Send the signed-in organizer the email one recipient would get, marked as a test',
  description: 'The body is optional.',
  tag: 'Campaigns',
  body: 'campaignTestBody',
  responses: { 202: 'campaignTestResponse' },
  errors: [404],
});
const campaignState = describeConsoleRoute({
  operationId: '{action}Campaign',
  summary: 'Campaign: {action}',
  tag: 'Campaigns',
  responses: { 200: 'campaignResponse' },
  errors: [404, 409],
});
const runCampaign = describeConsoleRoute({
  operationId: 'runCampaign',
  summary: 'Send a due campaign now instead of at the next minute’s tick',
  tag: 'Campaigns',
  responses: { 200: 'campaignRunResponse' },
  errors: [404],
});

/** Mounted at /api/admin/events/:eventId/campaigns. */
export const campaignApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', listCampaigns, async (c) => {
    const { campaigns } = await services(c).campaigns.list(me(c), c.req.param('eventId') ?? '');
    return c.json({ campaigns });
  })
  .post('/', createCampaign, async (c) => {
    // Rights before the body is read: a caller without them learns nothing from a validation answer.
    await services(c).campaigns.loadEvent(me(c), c.req.param('eventId') ?? '');
    const input = validate(campaignInput, await readJson(c), c);
    return c.json(await services(c).campaigns.create(me(c), c.req.param('eventId') ?? '', input), 201);
  })
  .get('/:campaignId', getCampaign, async (c) => {
    const { campaign } = await services(c).campaigns.get(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
    );
    return c.json(campaign);
  })
  .put('/:campaignId', updateCampaign, async (c) => {
    await services(c).campaigns.loadEvent(me(c), c.req.param('eventId') ?? '');
    const input = validate(campaignInput, await readJson(c), c);
    return c.json(
      await services(c).campaigns.update(
        me(c),
        c.req.param('eventId') ?? '',
        c.req.param('campaignId'),
        input,
      ),
    );
  })
  .get('/:campaignId/audience', campaignAudience, async (c) => {
    const recipients = await services(c).campaigns.audience(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
    );
    return c.json({ size: recipients.length, recipients });
  })
  .get('/:campaignId/preview', previewCampaign, async (c) => {
    const { recipient, message } = await services(c).campaigns.preview(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
      baseUrlOf(c),
      c.req.query('recipient') || undefined,
    );
    return c.json({
      recipient,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers ?? {},
    });
  })
  .post('/:campaignId/test', testCampaign, async (c) => {
    const body = (await readJson(c).catch(() => ({}))) as { recipient?: unknown };
    const recipient = typeof body?.recipient === 'string' ? body.recipient : undefined;
    return c.json(
      await services(c).campaigns.sendTest(
        me(c),
        c.req.param('eventId') ?? '',
        c.req.param('campaignId'),
        recipient,
      ),
      202,
    );
  })
  .post('/:campaignId/:action{pause|resume|cancel}', campaignState, async (c) => {
    const action = c.req.param('action') as 'pause' | 'resume' | 'cancel';
    return c.json(
      await services(c).campaigns.setState(
        me(c),
        c.req.param('eventId') ?? '',
        c.req.param('campaignId'),
        action,
      ),
    );
  })
  .post('/:campaignId/run', runCampaign, async (c) =>
    c.json(
      await services(c).campaigns.runNow(me(c), c.req.param('eventId') ?? '', c.req.param('campaignId')),
    ),
  );

const path = (c: Context<ConsoleEnv>) => new URL(c.req.url).pathname;

async function unsubscribe(c: Context<ConsoleEnv>) {
  const { store, clock } = c.get('services');
  const token = c.req.param('token') ?? '';
  const done = token.length <= 100 && (await store.campaigns.unsubscribe(hashSecret(token), clock()));
  return { done };
}

/** Public: certificate verification and download, and one-click unsubscribe (RFC 8058). */
export const followupPublic = consoleFactory
  .createApp()
  .get('/sertifikat/:number', async (c) => {
    const language = c.get('language');
    const found = await c.var.services.certificates.verify(c.req.param('number'));
    c.header('Cache-Control', 'no-store');
    if (found.state === 'not_found') c.status(404);
    return c.render(<CertificateVerifyPage language={language} path={path(c)} found={found} />);
  })
  .get('/t/:code/sertifikat.pdf', async (c) => {
    const code = ticketCodeFrom(c.req.param('code'));
    if (!code) throw new DomainError('not_found');
    const { pdf, record } = await c.var.services.certificates.pdfForTicket(
      code,
      baseUrlOf(c),
      c.get('language'),
    );
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `inline; filename="sertifikat-${record.slug}.pdf"`);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.body(pdf as Uint8Array<ArrayBuffer>);
  })
  .get('/berhenti/:token', async (c) => {
    // A GET never unsubscribes: mail scanners open links. The page asks for one press.
    const language = c.get('language');
    const { store } = c.get('services');
    const token = c.req.param('token');
    const known = token.length <= 100 && (await store.campaigns.linkExists(hashSecret(token)));
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    return c.render(
      <UnsubscribeAskPage language={language} path={path(c)} token={known ? token : undefined} />,
    );
  })
  .post('/berhenti/:token', async (c) => {
    // RFC 8058: mail providers POST `List-Unsubscribe=One-Click` without cookies; the token is the authority.
    const { done } = await unsubscribe(c);
    const language = c.get('language');
    c.header('Cache-Control', 'no-store');
    if (!done) c.status(404);
    return c.render(<UnsubscribedPage language={language} path={path(c)} done={done} />);
  });
