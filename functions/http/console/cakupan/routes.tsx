import type { Context, MiddlewareHandler } from 'hono';
import { coverageProvinces, isCoverageViewer } from '../../../domain/access-policy';
import { DomainError } from '../../../domain/errors';
import type { CoverageService } from '../../../services/coverage';
import type { ConsoleEnv } from '../../context';
import { consoleFactory, me, readConsoleAction, requireRole, type SignedInEnv } from '../kit';
import { coverageCopy } from './copy';
import { CoveragePage, coverageCss } from './views';

const coverage = (c: Context<SignedInEnv>) => c.var.services.coverage;

/**
 * Province and national viewers read the coverage pages and nothing else of the console: whatever an
 * organisation's route would allow its members, a viewer is refused before it runs. Their console home is the
 * coverage page.
 */
export const coverageViewerGate: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const user = c.get('user');
  if (user && isCoverageViewer(user)) {
    const path = c.req.path;
    if (path === '/admin' || path === '/admin/') return c.redirect('/admin/cakupan', 303);
    if (!path.startsWith('/admin/cakupan')) throw new DomainError('forbidden');
  }
  await next();
};

const currentMonth = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);

const page = (
  c: Context<SignedInEnv>,
  view: Awaited<ReturnType<CoverageService['nation']>>,
  notice?: string,
) =>
  c.render(
    <CoveragePage
      language={c.get('language')}
      user={me(c)}
      csrfToken={c.get('csrfToken')}
      notice={notice}
      view={view}
      month={currentMonth(c.get('services').clock())}
    />,
  );

/** The coverage dashboards, mounted at /admin/cakupan: national, province, regency and kecamatan pages. */
export const adminCoverage = consoleFactory
  .createApp()
  .get(coverageCss.path.replace('/admin/cakupan', ''), (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(coverageCss.body, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  })
  // Organizers and Business Assistants: 403 (coverage spans organisations).
  .use(requireRole('admin', 'national_viewer', 'province_viewer'))
  .get('/', async (c) => {
    const provinces = coverageProvinces(me(c));
    // A viewer of one province has no use for a national table of one row.
    if (provinces !== 'all' && provinces.length === 1)
      return c.redirect(`/admin/cakupan/provinsi/${provinces[0]}`, 303);
    return page(c, await coverage(c).nation(me(c)));
  })
  .get('/provinsi/:code{[0-9]{2}}', async (c) =>
    page(c, await coverage(c).province(me(c), c.req.param('code'))),
  )
  .get('/kabupaten/:code{[0-9]{2}\\.[0-9]{2}}', async (c) =>
    page(
      c,
      await coverage(c).regency(me(c), c.req.param('code')),
      c.req.query('ok') ? coverageCopy[c.var.language].recounted : undefined,
    ),
  )
  .get(
    '/kabupaten/:code{[0-9]{2}\\.[0-9]{2}}/kecamatan/:district{[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}}',
    async (c) => page(c, await coverage(c).regency(me(c), c.req.param('code'), c.req.param('district'))),
  )
  .get('/ekspor/:file', async (c) => {
    const match = /^([a-z]+(?:-[0-9.]+)?)\.(csv|xlsx)$/.exec(c.req.param('file'));
    if (!match) throw new DomainError('not_found');
    const file = await coverage(c).exportTable(me(c), match[1] as string, match[2] as 'csv' | 'xlsx');
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(file.body);
  })
  .get('/ringkasan-bulanan.pdf', async (c) => {
    const month = c.req.query('bulan') ?? '';
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainError('not_found');
    const pdf = await coverage(c).monthlySummary(me(c), month);
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="${pdf.filename}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(pdf.bytes as Uint8Array<ArrayBuffer>);
  })
  .post('/kabupaten/:code{[0-9]{2}\\.[0-9]{2}}/hitung-ulang', requireRole('admin'), async (c) => {
    await readConsoleAction(c);
    await coverage(c).recountRegency(c.req.param('code'));
    return c.redirect(`/admin/cakupan/kabupaten/${c.req.param('code')}?ok=1`, 303);
  });
