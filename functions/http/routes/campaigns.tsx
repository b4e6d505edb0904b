import type { Context } from 'hono';
import type { User } from '../../domain/accounts';
import {
  type CampaignKind,
  campaignInput,
  campaignKinds,
  type Segment,
  segments,
} from '../../domain/campaign';
import type { DeliverySummary } from '../../domain/deliveries';
import { DomainError } from '../../domain/errors';
import type { EventRecord, Language } from '../../domain/schemas';
import { formatDateTime, fromLocalDateTime } from '../../domain/time';
import { hashSecret, ticketCodeFrom } from '../../domain/tokens';
import { type CampaignService, createCampaignService } from '../../services/campaigns';
import { type CertificateService, createCertificateService } from '../../services/certificates';
import { createMessageLogService } from '../../services/message-log';
import { consoleFactory } from '../console/kit';
import { assertFormToken, requireUser } from '../console-login';
import type { ConsoleEnv, ConsoleServices } from '../context';
import { describeRoute } from '../describe-route';
import { errorBody } from '../error-handler';
import { baseUrlOf } from '../page-context';
import { ConsoleLayout, Csrf } from '../pages/admin/layout';
import { CampaignChannelCounts } from '../pages/admin/message-log';
import { Layout } from '../pages/layout';
import { readForm, readJson, validate } from '../request';

/**
 * Follow-ups: the console's campaign pages (/admin/acara/:eventId/tindak-lanjut), their JSON API
 * (/api/admin/events/:eventId/campaigns), and the public certificate and unsubscribe pages. Services are built
 * per app on first use, so ConsoleServices stays as it is.
 */
const built = new WeakMap<
  ConsoleServices,
  { campaigns: CampaignService; certificates: CertificateService }
>();
function services(c: Context<ConsoleEnv>) {
  const app = c.get('services');
  let found = built.get(app);
  if (!found) {
    found = {
      campaigns: createCampaignService(app.store, app.clock),
      certificates: createCertificateService(app.store, app.clock),
    };
    built.set(app, found);
  }
  return found;
}
const me = (c: Context<ConsoleEnv>) => c.get('user') as User;

const text = {
  id: {
    title: 'Tindak lanjut',
    back: 'Kembali ke sesi',
    kinds: {
      reminder: 'Pengingat H-1',
      thanks: 'Terima kasih + sertifikat',
      absentee_materials: 'Materi untuk yang tidak hadir',
      invitation: 'Undangan mendaftar',
      cooperative_followup: 'Tindak lanjut per koperasi',
    } satisfies Record<CampaignKind, string>,
    segments: {
      attended: 'Pengurus yang hadir',
      absent: 'Terdaftar tetapi tidak hadir',
      invited_not_registered: 'Diundang tetapi belum mendaftar',
      ba_cooperatives: 'Koperasi seorang Business Assistant',
      all_registered: 'Semua yang terdaftar (terkonfirmasi)',
    } satisfies Record<Segment, string>,
    statuses: {
      scheduled: 'Terjadwal',
      paused: 'Dijeda',
      cancelled: 'Dibatalkan',
      running: 'Berjalan',
      done: 'Selesai',
    },
    template: 'Templat',
    segment: 'Penerima',
    when: 'Waktu kirim',
    status: 'Status',
    progress: 'Kemajuan',
    counts: (p: Progress) =>
      `antre ${p.queued} · terkirim ${p.sent} · gagal ${p.failed} · terpental ${p.bounced} · ditahan ${p.suppressed}`,
    relative: (minutes: number, anchor: string) =>
      `${Math.abs(minutes)} menit ${minutes < 0 ? 'sebelum' : 'setelah'} sesi ${anchor === 'start' ? 'dimulai' : 'selesai'}`,
    open: 'Buka',
    pause: 'Jeda',
    resume: 'Lanjutkan',
    cancel: 'Batalkan',
    runNow: 'Kirim sekarang (jika sudah waktunya)',
    newCampaign: 'Kampanye baru',
    name: 'Nama (opsional)',
    assistant: 'Business Assistant',
    timing: 'Jenis waktu',
    relativeTo: 'Relatif terhadap sesi',
    absolute: 'Tanggal dan jam tertentu',
    anchor: 'Patokan',
    start: 'Mulai sesi',
    end: 'Akhir sesi',
    offset: 'Menit setelah patokan (negatif = sebelum)',
    at: 'Tanggal dan jam',
    message: 'Pesan tambahan (opsional)',
    materials: 'Tautan materi, satu per baris: judul | https://…',
    create: 'Jadwalkan',
    audience: (n: number) => `Penerima jika dikirim sekarang: ${n}`,
    preview: 'Pratinjau untuk',
    show: 'Tampilkan',
    test: 'Kirim uji ke email saya',
    testSent: (to: string) => `Email uji dikirim ke ${to}.`,
    saved: 'Tersimpan.',
    none: 'Belum ada kampanye.',
    noRecipients: 'Belum ada penerima untuk segmen ini.',
  },
  en: {
    title: 'Follow-ups',
    back: 'Back to the session',
    kinds: {
      reminder: 'Day-before reminder',
      thanks: 'Thanks + certificate',
      absentee_materials: 'Materials for absentees',
      invitation: 'Invitation to register',
      cooperative_followup: 'Per-cooperative follow-up',
    } satisfies Record<CampaignKind, string>,
    segments: {
      attended: 'Officers who attended',
      absent: 'Registered but absent',
      invited_not_registered: 'Invited but not registered',
      ba_cooperatives: "A Business Assistant's cooperatives",
      all_registered: 'Everyone registered (confirmed)',
    } satisfies Record<Segment, string>,
    statuses: {
      scheduled: 'Scheduled',
      paused: 'Paused',
      cancelled: 'Cancelled',
      running: 'Running',
      done: 'Done',
    },
    template: 'Template',
    segment: 'Audience',
    when: 'Send time',
    status: 'Status',
    progress: 'Progress',
    counts: (p: Progress) =>
      `queued ${p.queued} · sent ${p.sent} · failed ${p.failed} · bounced ${p.bounced} · suppressed ${p.suppressed}`,
    relative: (minutes: number, anchor: string) =>
      `${Math.abs(minutes)} minutes ${minutes < 0 ? 'before' : 'after'} the session ${anchor === 'start' ? 'starts' : 'ends'}`,
    open: 'Open',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    runNow: 'Send now (if due)',
    newCampaign: 'New campaign',
    name: 'Name (optional)',
    assistant: 'Business Assistant',
    timing: 'Timing',
    relativeTo: 'Relative to the session',
    absolute: 'A fixed date and time',
    anchor: 'Anchor',
    start: 'Session start',
    end: 'Session end',
    offset: 'Minutes after the anchor (negative = before)',
    at: 'Date and time',
    message: 'Extra message (optional)',
    materials: 'Material links, one per line: title | https://…',
    create: 'Schedule',
    audience: (n: number) => `Recipients if sent now: ${n}`,
    preview: 'Preview for',
    show: 'Show',
    test: 'Send a test to my email',
    testSent: (to: string) => `Test email sent to ${to}.`,
    saved: 'Saved.',
    none: 'No campaigns yet.',
    noRecipients: 'No recipients in this segment yet.',
  },
};
type Progress = { queued: number; sent: number; failed: number; bounced: number; suppressed: number };
type CampaignView = Awaited<ReturnType<CampaignService['list']>>['campaigns'][number];

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

function When({
  campaign,
  event,
  language,
}: {
  campaign: CampaignView;
  event: EventRecord;
  language: Language;
}) {
  const t = text[language];
  const due = formatDateTime(campaign.dueAt, event.timeZone, language);
  return (
    <>
      {due}
      {campaign.sendAt.type === 'relative' ? (
        <div class="muted">{t.relative(campaign.sendAt.offsetMinutes, campaign.sendAt.anchor)}</div>
      ) : null}
    </>
  );
}

function StateActions({
  campaign,
  base,
  csrf,
  language,
}: {
  campaign: CampaignView;
  base: string;
  csrf?: string;
  language: Language;
}) {
  const t = text[language];
  const button = (action: string, label: string) => (
    <form method="post" action={`${base}/${campaign.id}/${action}`}>
      <Csrf token={csrf} />
      <button type="submit" class="secondary">
        {label}
      </button>
    </form>
  );
  return (
    <>
      {campaign.status === 'scheduled' || campaign.status === 'running' ? button('jeda', t.pause) : null}
      {campaign.status === 'paused' ? button('lanjut', t.resume) : null}
      {['scheduled', 'paused', 'running'].includes(campaign.status) ? button('batal', t.cancel) : null}
    </>
  );
}

function CampaignsPage(props: {
  language: Language;
  user: User;
  csrfToken?: string;
  notice?: string;
  error?: string;
  event: EventRecord;
  campaigns: CampaignView[];
  assistants: User[];
}) {
  const { event, language } = props;
  const t = text[language];
  const base = `/admin/acara/${event.id}/tindak-lanjut`;
  return (
    <ConsoleLayout
      title={`${t.title} · ${event.title}`}
      language={language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
      error={props.error}
    >
      <p>
        <a href={`/admin/acara/${event.id}`}>{`← ${t.back}`}</a>
      </p>
      <h1>{`${t.title}: ${event.title}`}</h1>
      {props.campaigns.length === 0 ? <p>{t.none}</p> : null}
      {props.campaigns.length ? (
        <table>
          <thead>
            <tr>
              <th>{t.template}</th>
              <th>{t.segment}</th>
              <th>{t.when}</th>
              <th>{t.status}</th>
              <th>{t.progress}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.campaigns.map((campaign) => (
              <tr data-campaign={campaign.id}>
                <td>
                  <a href={`${base}/${campaign.id}`}>{campaign.name || t.kinds[campaign.kind]}</a>
                  <div class="muted">{t.kinds[campaign.kind]}</div>
                </td>
                <td>{t.segments[campaign.segment]}</td>
                <td>
                  <When campaign={campaign} event={event} language={language} />
                </td>
                <td>
                  <span class="badge">{t.statuses[campaign.status]}</span>
                </td>
                <td class="progress">{t.counts(campaign.progress)}</td>
                <td>
                  <StateActions campaign={campaign} base={base} csrf={props.csrfToken} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <form method="post" action={base} class="card">
        <h2>{t.newCampaign}</h2>
        <Csrf token={props.csrfToken} />
        <label for="kind">{t.template}</label>
        <select id="kind" name="kind">
          {campaignKinds.map((kind) => (
            <option value={kind}>{t.kinds[kind]}</option>
          ))}
        </select>
        <label for="segment">{t.segment}</label>
        <select id="segment" name="segment">
          {segments.map((segment) => (
            <option value={segment}>{t.segments[segment]}</option>
          ))}
        </select>
        <label for="baUserId">{t.assistant}</label>
        <select id="baUserId" name="baUserId">
          <option value="">—</option>
          {props.assistants.map((assistant) => (
            <option value={assistant.id}>{assistant.name}</option>
          ))}
        </select>
        <label for="timing">{t.timing}</label>
        <select id="timing" name="timing">
          <option value="relative">{t.relativeTo}</option>
          <option value="absolute">{t.absolute}</option>
        </select>
        <label for="anchor">{t.anchor}</label>
        <select id="anchor" name="anchor">
          <option value="end">{t.end}</option>
          <option value="start">{t.start}</option>
        </select>
        <label for="offsetMinutes">{t.offset}</label>
        <input id="offsetMinutes" name="offsetMinutes" type="number" value="120" />
        <label for="at">{t.at}</label>
        <input id="at" name="at" type="datetime-local" />
        <label for="name">{t.name}</label>
        <input id="name" name="name" maxlength={120} />
        <label for="message">{t.message}</label>
        <textarea id="message" name="message" rows={3} maxlength={3000} />
        <label for="materials">{t.materials}</label>
        <textarea id="materials" name="materials" rows={3} />
        <button type="submit">{t.create}</button>
      </form>
    </ConsoleLayout>
  );
}

function CampaignPage(props: {
  language: Language;
  user: User;
  csrfToken?: string;
  notice?: string;
  event: EventRecord;
  campaign: CampaignView;
  recipients: { key: string; name: string; cooperativeName: string; to: string }[];
  selected?: string;
  /** What the campaign sent, counted per channel and by how far it got. */
  deliveries?: DeliverySummary;
}) {
  const { event, campaign, language } = props;
  const t = text[language];
  const base = `/admin/acara/${event.id}/tindak-lanjut`;
  const selected = props.selected ?? props.recipients[0]?.key;
  return (
    <ConsoleLayout
      title={campaign.name || t.kinds[campaign.kind]}
      language={language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
    >
      <p>
        <a href={base}>{`← ${t.title}`}</a>
      </p>
      <h1>{campaign.name || t.kinds[campaign.kind]}</h1>
      <dl class="facts">
        <dt>{t.template}</dt>
        <dd>{t.kinds[campaign.kind]}</dd>
        <dt>{t.segment}</dt>
        <dd>{t.segments[campaign.segment]}</dd>
        <dt>{t.when}</dt>
        <dd>
          <When campaign={campaign} event={event} language={language} />
        </dd>
        <dt>{t.status}</dt>
        <dd>{t.statuses[campaign.status]}</dd>
        <dt>{t.progress}</dt>
        <dd class="progress">{t.counts(campaign.progress)}</dd>
      </dl>
      {props.deliveries ? <CampaignChannelCounts summary={props.deliveries} language={language} /> : null}
      <div class="actions">
        <StateActions campaign={campaign} base={base} csrf={props.csrfToken} language={language} />
        {campaign.status === 'scheduled' || campaign.status === 'running' ? (
          <form method="post" action={`${base}/${campaign.id}/kirim`}>
            <Csrf token={props.csrfToken} />
            <button type="submit" class="secondary">
              {t.runNow}
            </button>
          </form>
        ) : null}
      </div>
      <h2 id="audience">{t.audience(props.recipients.length)}</h2>
      {props.recipients.length === 0 ? (
        <p>{t.noRecipients}</p>
      ) : (
        <>
          <form method="get" action={`${base}/${campaign.id}`} class="filters">
            <div>
              <label for="r">{t.preview}</label>
              <select id="r" name="r">
                {props.recipients.map((r) => (
                  <option value={r.key} selected={r.key === selected}>
                    {`${r.name} · ${r.cooperativeName} · ${r.to}`}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t.show}</button>
          </form>
          <iframe
            class="mail"
            title={t.preview}
            src={`${base}/${campaign.id}/pratinjau?r=${encodeURIComponent(selected ?? '')}`}
            sandbox=""
            style="width:100%;min-height:600px;border:1px solid #ddd"
          />
          <form method="post" action={`${base}/${campaign.id}/uji`}>
            <Csrf token={props.csrfToken} />
            <input type="hidden" name="r" value={selected ?? ''} />
            <button type="submit">{t.test}</button>
          </form>
        </>
      )}
    </ConsoleLayout>
  );
}

const consoleBase = (c: Context<ConsoleEnv>, notice?: string) => ({
  language: c.get('language'),
  user: me(c),
  csrfToken: c.get('csrfToken'),
  notice,
});

async function assistantsFor(c: Context<ConsoleEnv>, event: EventRecord) {
  const users = await c.get('services').store.users.list();
  return users.filter(
    (u) =>
      u.role === 'business_assistant' &&
      u.active &&
      (!event.organisationId || u.organisationId === event.organisationId),
  );
}

async function listPage(c: Context<ConsoleEnv>, extra: { notice?: string; error?: string } = {}) {
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

async function detailPage(c: Context<ConsoleEnv>, campaignId: string, notice?: string, selected?: string) {
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

async function postedForm(c: Context<ConsoleEnv>) {
  const form = await readForm(c);
  assertFormToken(c, form);
  return form;
}

const signedIn = async (c: Context<ConsoleEnv>, next: () => Promise<void>) => {
  if (!c.get('user')) {
    if (c.req.method === 'GET') return c.redirect('/masuk', 303);
    throw new DomainError('unauthorized');
  }
  c.header('Cache-Control', 'no-store');
  await next();
};

const stateActions = { jeda: 'pause', lanjut: 'resume', batal: 'cancel' } as const;

/** Mounted at /admin/acara/:eventId/tindak-lanjut. */
export const campaignPages = consoleFactory
  .createApp()
  .use(signedIn)
  .get('/', (c) => listPage(c))
  .post('/', async (c) => {
    const { campaigns } = services(c);
    const event = await campaigns.loadEvent(me(c), c.req.param('eventId') ?? '');
    const form = await postedForm(c);
    try {
      const input = validate(campaignInput, inputFromForm(form, event), c);
      await campaigns.create(me(c), event.id, input);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
      c.status(400);
      const { body } = errorBody(error, c.get('language'));
      const details = (body.error.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return listPage(c, { error: `${body.error.message} ${details}` });
    }
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
    const form = await postedForm(c);
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
    await postedForm(c);
    await services(c).campaigns.runNow(me(c), c.req.param('eventId') ?? '', c.req.param('campaignId'));
    return c.redirect(
      `/admin/acara/${c.req.param('eventId')}/tindak-lanjut/${c.req.param('campaignId')}`,
      303,
    );
  })
  .post('/:campaignId/:action{jeda|lanjut|batal}', async (c) => {
    await postedForm(c);
    const action = stateActions[c.req.param('action') as keyof typeof stateActions];
    await services(c).campaigns.setState(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
      action,
    );
    return c.redirect(`/admin/acara/${c.req.param('eventId')}/tindak-lanjut`, 303);
  });

const listCampaigns = describeRoute({
  operationId: 'listCampaigns',
  summary: 'A session’s follow-up campaigns, soonest first, with their progress',
  tag: 'Campaigns',
  access: 'session',
  responses: { 200: 'campaignListResponse' },
  errors: [404],
});
const createCampaign = describeRoute({
  operationId: 'createCampaign',
  summary: 'Schedule a campaign',
  tag: 'Campaigns',
  access: 'session',
  body: campaignInput,
  responses: { 201: 'campaignResponse' },
  errors: [404],
});
const getCampaign = describeRoute({
  operationId: 'getCampaign',
  summary: 'One campaign with its progress',
  tag: 'Campaigns',
  access: 'session',
  responses: { 200: 'campaignResponse' },
  errors: [404],
});
const updateCampaign = describeRoute({
  operationId: 'updateCampaign',
  summary: 'Change a scheduled or paused campaign',
  tag: 'Campaigns',
  access: 'session',
  body: campaignInput,
  responses: { 200: 'campaignResponse' },
  errors: [404, 409],
});
const campaignAudience = describeRoute({
  operationId: 'getCampaignAudience',
  summary: 'Who the campaign would go to if it ran now',
  tag: 'Campaigns',
  access: 'session',
  responses: { 200: 'audienceResponse' },
  errors: [404],
});
const previewCampaign = describeRoute({
  operationId: 'previewCampaign',
  summary: 'The email one recipient would get',
  tag: 'Campaigns',
  access: 'session',
  query: 'campaignPreviewQuery',
  responses: { 200: 'campaignPreviewResponse' },
  errors: [404],
});
const testCampaign = describeRoute({
  operationId: 'sendCampaignTest',
  summary: 'Send the signed-in organizer the email one recipient would get, marked as a test',
  description: 'The body is optional.',
  tag: 'Campaigns',
  access: 'session',
  body: 'campaignTestBody',
  responses: { 202: 'campaignTestResponse' },
  errors: [404],
});
const campaignState = describeRoute({
  operationId: '{action}Campaign',
  summary: 'Campaign: {action}',
  tag: 'Campaigns',
  access: 'session',
  responses: { 200: 'campaignResponse' },
  errors: [404, 409],
});
const runCampaign = describeRoute({
  operationId: 'runCampaign',
  summary: 'Send a due campaign now instead of at the next minute’s tick',
  tag: 'Campaigns',
  access: 'session',
  responses: { 200: 'campaignRunResponse' },
  errors: [404],
});

/** Mounted at /api/admin/events/:eventId/campaigns. */
export const campaignApi = consoleFactory
  .createApp()
  .use(async (c, next) => {
    await requireUser(c);
    c.header('Cache-Control', 'no-store');
    await next();
  })
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

const publicText = {
  id: {
    verifyTitle: 'Verifikasi sertifikat',
    valid: 'Sertifikat ini asli dan tercatat di hadir.',
    revoked: 'Sertifikat ini telah dicabut: kehadiran peserta dibatalkan oleh penyelenggara.',
    notFound: 'Nomor sertifikat tidak ditemukan.',
    number: 'Nomor',
    name: 'Nama',
    cooperative: 'Koperasi',
    session: 'Kegiatan',
    when: 'Tanggal dan tempat',
    signer: 'Penyelenggara',
    unsubscribeTitle: 'Berhenti berlangganan',
    unsubscribeAsk:
      'Tekan tombol di bawah untuk berhenti menerima email tindak lanjut dan pengingat dari hadir. Email tiket dan perubahan pendaftaran tetap dikirim.',
    unsubscribeButton: 'Berhenti menerima email',
    unsubscribed: 'Anda tidak akan menerima email tindak lanjut dan pengingat lagi.',
    unsubscribeInvalid: 'Tautan ini tidak dikenal atau sudah kedaluwarsa.',
  },
  en: {
    verifyTitle: 'Certificate verification',
    valid: 'This certificate is genuine and on record at hadir.',
    revoked: "This certificate has been revoked: the organizer undid the participant's check-in.",
    notFound: 'Certificate number not found.',
    number: 'Number',
    name: 'Name',
    cooperative: 'Cooperative',
    session: 'Session',
    when: 'Date and place',
    signer: 'Organizer',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeAsk:
      'Press the button below to stop receiving follow-up and reminder emails from hadir. Ticket and registration emails still arrive.',
    unsubscribeButton: 'Stop these emails',
    unsubscribed: 'You will no longer receive follow-up and reminder emails.',
    unsubscribeInvalid: 'This link is unknown or has expired.',
  },
};

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
    const t = publicText[language];
    const found = await services(c).certificates.verify(c.req.param('number'));
    c.header('Cache-Control', 'no-store');
    if (found.state === 'not_found') c.status(404);
    return c.render(
      <Layout title={t.verifyTitle} language={language} path={path(c)}>
        <h1>{t.verifyTitle}</h1>
        {found.state === 'not_found' ? (
          <div class="alert">{t.notFound}</div>
        ) : (
          <>
            <div
              class={found.state === 'valid' ? 'alert ok' : 'alert'}
              role="status"
              data-state={found.state}
            >
              {found.state === 'valid' ? t.valid : t.revoked}
            </div>
            <dl class="facts">
              <dt>{t.number}</dt>
              <dd>{found.number}</dd>
              <dt>{t.name}</dt>
              <dd>{found.maskedName}</dd>
              <dt>{t.cooperative}</dt>
              <dd>{found.cooperativeName}</dd>
              <dt>{t.session}</dt>
              <dd>{found.sessionTitle}</dd>
              <dt>{t.when}</dt>
              <dd>{`${found.date} · ${found.place}`}</dd>
              <dt>{t.signer}</dt>
              <dd>{found.signer}</dd>
            </dl>
          </>
        )}
      </Layout>,
    );
  })
  .get('/t/:code/sertifikat.pdf', async (c) => {
    const code = ticketCodeFrom(c.req.param('code'));
    if (!code) throw new DomainError('not_found');
    const { pdf, record } = await services(c).certificates.pdfForTicket(
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
    const t = publicText[language];
    const { store } = c.get('services');
    const token = c.req.param('token');
    const known = token.length <= 100 && (await store.campaigns.linkExists(hashSecret(token)));
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    return c.render(
      <Layout title={t.unsubscribeTitle} language={language} path={path(c)}>
        <h1>{t.unsubscribeTitle}</h1>
        {known ? (
          <form method="post" action={`/berhenti/${encodeURIComponent(token)}`}>
            <p>{t.unsubscribeAsk}</p>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{t.unsubscribeButton}</button>
          </form>
        ) : (
          <div class="alert">{t.unsubscribeInvalid}</div>
        )}
      </Layout>,
    );
  })
  .post('/berhenti/:token', async (c) => {
    // RFC 8058: mail providers POST `List-Unsubscribe=One-Click` without cookies; the token is the authority.
    const { done } = await unsubscribe(c);
    const language = c.get('language');
    const t = publicText[language];
    c.header('Cache-Control', 'no-store');
    if (!done) c.status(404);
    return c.render(
      <Layout title={t.unsubscribeTitle} language={language} path={path(c)}>
        <h1>{t.unsubscribeTitle}</h1>
        <div class={done ? 'alert ok' : 'alert'} role="status">
          {done ? t.unsubscribed : t.unsubscribeInvalid}
        </div>
      </Layout>,
    );
  });
