import type { Context } from 'hono';
import { isChecklistStep } from '../../../domain/checklist';
import { DomainError } from '../../../domain/errors';
import { isExportFormat, isExportKind } from '../../../reports/exports';
import { assertFormToken } from '../../console-login';
import { readForm, readJson } from '../../request';
import { consoleFactory, describeConsoleRoute, me, requireSignedIn, type SignedInEnv } from '../kit';
import { reportsCss } from './styles';
import {
  AssistantReportPage,
  CooperativeReportPage,
  LaporanPage,
  OrganisationReportPage,
  ReportsIndexPage,
  SessionReportPage,
} from './views';

const reports = (c: Context<SignedInEnv>) => c.get('services').reports();

const base = (c: Context<SignedInEnv>, notice?: string) => ({
  language: c.get('language'),
  user: me(c),
  csrfToken: c.get('csrfToken'),
  notice,
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Files with personal data: never cached, never sniffed, always a download. */
function download(
  c: Context<SignedInEnv>,
  body: ReadableStream<Uint8Array> | Uint8Array,
  type: string,
  filename: string,
) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'no-store');
  return c.body(body as ReadableStream<Uint8Array>);
}

/**
 * The reports, mounted at /admin/laporan: dashboards and the laporan as console pages; the daftar
 * hadir, the laporan PDF and editable DOCX and the CSV/XLSX exports as downloads (exports are streamed while they are built; in AWS
 * they are relayed through S3, functions/reports/export-files.ts).
 * Rights are checked by the reports service; every download is written to the audit log.
 */
export const adminReports = consoleFactory
  .createApp()
  .get(reportsCss.path.replace('/admin/laporan', ''), (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(reportsCss.body, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  })
  .use(requireSignedIn)
  .get('/', async (c) => {
    const events = await (await reports(c)).reportableEvents(me(c));
    return c.render(<ReportsIndexPage {...base(c)} events={events} />);
  })
  .get('/acara/:eventId', async (c) => {
    const coverage = await (await reports(c)).sessionCoverage(me(c), c.req.param('eventId'));
    return c.render(<SessionReportPage {...base(c)} {...coverage} />);
  })
  .get('/acara/:eventId/daftar-hadir.pdf', async (c) => {
    const version = c.req.query('versi') === 'hadir' ? 'filled' : 'empty';
    const phone = c.req.query('hp') === 'lengkap' ? 'full' : 'masked';
    const pdf = await (await reports(c)).daftarHadir(me(c), c.req.param('eventId'), { version, phone });
    return download(c, pdf.bytes, 'application/pdf', pdf.filename);
  })
  .get('/acara/:eventId/ekspor/:file', async (c) => {
    const [kind, format] = c.req.param('file').split('.');
    if (!isExportKind(kind) || !isExportFormat(format)) throw new DomainError('not_found');
    const eventId = c.req.param('eventId');
    const file = await (await reports(c)).exportReport(me(c), eventId, kind, format);
    const relay = c.get('services').exportFiles;
    return relay
      ? c.redirect(await relay.publish(file, eventId), 303)
      : download(c, file.body, file.contentType, file.filename);
  })
  .get('/acara/:eventId/laporan-kegiatan', async (c) => {
    const laporan = await (await reports(c)).laporan(me(c), c.req.param('eventId'));
    // The laporan's writing loads with the first one asked for, not with every console cold start.
    const { laporanDocument } = await import('../../../reports/laporan-content');
    return c.render(<LaporanPage {...base(c)} event={laporan.event} laporan={laporanDocument(laporan)} />);
  })
  .get('/acara/:eventId/laporan-kegiatan.pdf', async (c) => {
    const pdf = await (await reports(c)).laporanPdf(me(c), c.req.param('eventId'));
    return download(c, pdf.bytes, 'application/pdf', pdf.filename);
  })
  .get('/acara/:eventId/laporan-kegiatan.docx', async (c) => {
    const docx = await (await reports(c)).laporanDocx(me(c), c.req.param('eventId'));
    return download(c, docx.bytes, DOCX, docx.filename);
  })
  .get('/organisasi/:organisationId', async (c) => {
    const coverage = await (await reports(c)).organisationCoverage(me(c), c.req.param('organisationId'));
    return c.render(<OrganisationReportPage {...base(c)} {...coverage} />);
  })
  .get('/koperasi/:cooperativeId', async (c) => {
    const page = await (await reports(c)).cooperativePage(
      me(c),
      c.req.param('cooperativeId'),
      c.req.query('organisasi') || undefined,
    );
    return c.render(
      <CooperativeReportPage {...base(c, c.req.query('ok') ? 'Tersimpan.' : undefined)} {...page} />,
    );
  })
  .post('/koperasi/:cooperativeId/checklist', async (c) => {
    const form = await readForm(c);
    assertFormToken(c, form);
    if (!isChecklistStep(form.step)) throw new DomainError('validation');
    const id = c.req.param('cooperativeId');
    const organisationId = typeof form.organisationId === 'string' ? form.organisationId : undefined;
    await (await reports(c)).setChecklistStep(me(c), id, form.step, form.done === 'true', organisationId);
    const owner = organisationId ? `&organisasi=${encodeURIComponent(organisationId)}` : '';
    return c.redirect(`/admin/laporan/koperasi/${id}?ok=1${owner}`, 303);
  })
  .get('/pendamping', async (c) => {
    const view = await (await reports(c)).assistantView(me(c));
    return c.render(<AssistantReportPage {...base(c)} {...view} />);
  });

/**
 * The same figures as JSON for scripts and the console's future widgets, mounted at /api/admin/laporan.
 * Checklist ticks accept JSON `{ done: boolean, organisationId?: string }` (same-origin only, like every
 * /api/admin route); the checklist is the user's organisation's, and only an admin may name another.
 */
const sessionCoverage = describeConsoleRoute({
  operationId: 'getSessionCoverage',
  summary: 'A session’s attendance and the invited cooperatives it has not reached',
  tag: 'Reports',
  responses: { 200: 'sessionCoverageResponse' },
  errors: [404],
});
const organisationCoverage = describeConsoleRoute({
  operationId: 'getOrganisationCoverage',
  summary: 'An organisation’s coverage: totals, per kecamatan, per session, and cooperatives not reached',
  tag: 'Reports',
  responses: { 200: 'organisationCoverageResponse' },
  errors: [404],
});
const checklistStep = describeConsoleRoute({
  operationId: 'setChecklistStep',
  summary: 'Mark a step of a cooperative’s checklist done or not done',
  tag: 'Reports',
  body: 'checklistStepBody',
  responses: { 200: 'checklistResponse' },
  errors: [404],
});

export const adminReportsApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/events/:eventId/coverage', sessionCoverage, async (c) => {
    const { event, attendance, unreached } = await (await reports(c)).sessionCoverage(
      me(c),
      c.req.param('eventId'),
    );
    return c.json({
      eventId: event.id,
      attendance,
      unreached: unreached.map((u) => ({
        cooperativeId: u.cooperative.id,
        name: u.cooperative.name,
        districtName: u.cooperative.districtName,
        registered: u.registeredFor > 0,
        assistants: u.assistants,
      })),
    });
  })
  .get('/organisations/:organisationId/coverage', organisationCoverage, async (c) => {
    const coverage = await (await reports(c)).organisationCoverage(me(c), c.req.param('organisationId'));
    return c.json({
      organisation: coverage.organisation,
      totals: coverage.totals,
      districts: coverage.districts,
      sessions: coverage.sessions.map(({ event, ...figures }) => ({
        eventId: event.id,
        title: event.title,
        ...figures,
      })),
      unreached: coverage.unreached.map((u) => u.cooperative.id),
    });
  })
  .put('/cooperatives/:cooperativeId/checklist/:step', checklistStep, async (c) => {
    const step = c.req.param('step');
    if (!isChecklistStep(step)) throw new DomainError('not_found');
    const body = (await readJson(c)) as { done?: unknown; organisationId?: unknown } | null;
    if (typeof body?.done !== 'boolean') throw new DomainError('validation');
    const checklist = await (await reports(c)).setChecklistStep(
      me(c),
      c.req.param('cooperativeId'),
      step,
      body.done as boolean,
      typeof body.organisationId === 'string' ? body.organisationId : undefined,
    );
    return c.json({ checklist });
  });
