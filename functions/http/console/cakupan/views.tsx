import { createHash } from 'node:crypto';
import { type CoverageFigures, type CoverageRow, percentOf } from '../../../domain/coverage';
import { PROVINCE_TILES, SHADE_STEPS, shadeOf } from '../../../domain/province-grid';
import type { Language } from '../../../domain/schemas';
import { cooperativeStatusLabel } from '../../../domain/statuses';
import type { AreaView, RegencyView } from '../../../services/coverage';
import { ConsoleLayout, type ConsolePageProps, Csrf } from '../../pages/admin/layout';

const css = `
.cov-figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.5rem;margin:0 0 1rem}
.cov-figures div{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
.cov-figures strong{display:block;font-size:1.5rem}
.cov-table{overflow-x:auto}
.cov-table table{min-width:40rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.trail{font-size:.9rem;margin:0 0 .25rem}
.map svg{width:100%;max-width:46rem;height:auto;background:#fff;border:1px solid var(--line);border-radius:.5rem}
.map a text{font-size:9px;fill:#111;pointer-events:none}
.s0{fill:#eceef2}.s1{fill:#c9e7d4}.s2{fill:#8fd0a7}.s3{fill:#4fae74}.s4{fill:#14804a}
.map .none{fill:#fafafa;stroke:#d5d5dc;stroke-dasharray:2 2}
.legend{font-size:.85rem}.legend span{margin-right:.75rem;white-space:nowrap}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem;vertical-align:middle;margin-right:.25rem}
.sw0{background:#eceef2}.sw1{background:#c9e7d4}.sw2{background:#8fd0a7}.sw3{background:#4fae74}.sw4{background:#14804a}
.downloads a{margin-right:.75rem;white-space:nowrap}
@media (max-width:40rem){
.cov-table table{min-width:0}
.cov-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.cov-table table,.cov-table tbody,.cov-table tfoot,.cov-table tr,.cov-table th,.cov-table td{display:block}
.cov-table tr{display:grid;grid-template-columns:1fr 1fr;gap:.25rem .75rem;background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;margin:0 0 .5rem}
.cov-table th[scope=row]{grid-column:1/-1;padding:0;border:0;background:none}
.cov-table td{padding:0;border:0;text-align:left;font-size:.95rem}
.cov-table td::before{content:attr(data-label);display:block;font-size:.75rem;color:#555}
.map{overflow-x:auto}.map svg{min-width:34rem}
}
`;

export const coverageCss = {
  path: `/admin/cakupan/assets/coverage.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`,
  body: css,
};

import { coverageCopy as copy } from './copy';

const nf = (language: Language) => new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB');

const base = '/admin/cakupan';
/** Where a row of a table leads. */
const rowHref = (view: AreaView, row: CoverageRow) =>
  view.level === 'nation'
    ? `${base}/provinsi/${row.code}`
    : view.level === 'province'
      ? `${base}/kabupaten/${row.code}`
      : `${base}/kabupaten/${view.code}/kecamatan/${row.code}`;
/** The export file of a table (the same name the route reads). */
export const exportName = (view: AreaView) =>
  view.level === 'nation'
    ? 'nasional'
    : view.level === 'province'
      ? `provinsi-${view.code}`
      : `kabupaten-${view.code}`;

function Figures({ total, language }: { total: CoverageFigures; language: Language }) {
  const t = copy[language];
  const n = nf(language);
  return (
    <div class="cov-figures">
      <div>
        {t.directory}
        <strong>{n.format(total.directory)}</strong>
      </div>
      <div>
        {t.registered}
        <strong>{`${n.format(total.registered)} (${percentOf(total.registered, total.directory)}%)`}</strong>
      </div>
      <div>
        {t.briefed}
        <strong>{`${n.format(total.briefed)} (${percentOf(total.briefed, total.directory)}%)`}</strong>
      </div>
      <div>
        {t.held}
        <strong>{n.format(total.held)}</strong>
      </div>
      <div>
        {t.planned}
        <strong>{n.format(total.planned)}</strong>
      </div>
    </div>
  );
}

function Table({ view, language }: { view: AreaView; language: Language }) {
  const t = copy[language];
  const n = nf(language);
  const areaLabel = view.level === 'nation' ? t.province : view.level === 'province' ? t.regency : t.district;
  return (
    <div class="cov-table">
      <table>
        <thead>
          <tr>
            <th scope="col">{areaLabel}</th>
            <th scope="col" class="num">
              {t.directory}
            </th>
            <th scope="col" class="num">
              {t.registered}
            </th>
            <th scope="col" class="num">
              {t.briefed}
            </th>
            <th scope="col" class="num">
              {t.held}
            </th>
            <th scope="col" class="num">
              {t.planned}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr>
              <th scope="row">{view.canOpen ? <a href={rowHref(view, row)}>{row.name}</a> : row.name}</th>
              <td class="num" data-label={t.directory}>
                {n.format(row.directory)}
              </td>
              <td class="num" data-label={t.registered}>
                {`${n.format(row.registered)} · ${percentOf(row.registered, row.directory)}%`}
              </td>
              <td class="num" data-label={t.briefed}>
                {`${n.format(row.briefed)} · ${percentOf(row.briefed, row.directory)}%`}
              </td>
              <td class="num" data-label={t.held}>
                {n.format(row.held)}
              </td>
              <td class="num" data-label={t.planned}>
                {n.format(row.planned)}
              </td>
            </tr>
          ))}
        </tbody>
        {view.rows.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td class="num" data-label={t.directory}>
                {n.format(view.total.directory)}
              </td>
              <td class="num" data-label={t.registered}>
                {n.format(view.total.registered)}
              </td>
              <td class="num" data-label={t.briefed}>
                {n.format(view.total.briefed)}
              </td>
              <td class="num" data-label={t.held}>
                {n.format(view.total.held)}
              </td>
              <td class="num" data-label={t.planned}>
                {n.format(view.total.planned)}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** The tile grid: every province has its square; those without data (or not the viewer's) are dashed. */
function TileMap({ view, language }: { view: AreaView; language: Language }) {
  const t = copy[language];
  const rows = new Map(view.rows.map((row) => [row.code, row]));
  const size = 44;
  const gap = 4;
  return (
    <figure class="map">
      {/* A group, not an image: the provinces with data are links a keyboard and a screen reader reach. */}
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the role names its set of links */}
      <svg viewBox={`0 0 ${14 * (size + gap)} ${7 * (size + gap)}`} role="group" aria-label={t.map}>
        {Object.entries(PROVINCE_TILES).map(([code, tile]) => {
          const row = rows.get(code);
          const x = tile.col * (size + gap);
          const y = tile.row * (size + gap);
          const percent = row ? percentOf(row.briefed, row.directory) : 0;
          const square = (
            <rect
              x={x}
              y={y}
              width={size}
              height={size}
              rx="4"
              class={row?.directory ? `s${shadeOf(percent)}` : 'none'}
            >
              <title>{row ? `${row.name}: ${percent}%` : `${tile.short}: ${t.noData}`}</title>
            </rect>
          );
          const label = (
            <text x={x + size / 2} y={y + size / 2 + 3} text-anchor="middle">
              {tile.short}
            </text>
          );
          return row?.directory ? (
            <a href={`${base}/provinsi/${code}`}>
              {square}
              {label}
            </a>
          ) : (
            <g>
              {square}
              {label}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {t.map}.{' '}
        {SHADE_STEPS.map((step, i) => (
          <span>
            <i class={`swatch sw${i}`} />
            {i === 0 ? '0%' : `≤ ${step}%`}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function Trail({ view }: { view: AreaView }) {
  const hrefs = [base, `${base}/provinsi/`, `${base}/kabupaten/`];
  return view.trail.length ? (
    <p class="trail">
      {view.trail.map((link, i) => (
        <>
          <a href={i === 0 ? base : `${hrefs[i]}${link.code}`}>{link.name}</a>
          {' › '}
        </>
      ))}
    </p>
  ) : null;
}

export function CoveragePage(props: ConsolePageProps & { view: AreaView | RegencyView; month: string }) {
  const { view, language } = props;
  const t = copy[language];
  const file = exportName(view);
  return (
    <ConsoleLayout
      title={`${t.title}: ${view.name}`}
      language={language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
    >
      <link rel="stylesheet" href={coverageCss.path} />
      <Trail view={view} />
      <h1>{`${t.title}: ${view.name}`}</h1>
      <p class="muted">{t.privacy}</p>
      <Figures total={view.total} language={language} />
      {view.level === 'nation' ? <TileMap view={view} language={language} /> : null}
      {view.level !== 'district' ? <Table view={view} language={language} /> : null}
      <p class="downloads">
        {view.level !== 'district' ? (
          <>
            {`${t.download}: `}
            <a href={`${base}/ekspor/${file}.csv`}>CSV</a>
            <a href={`${base}/ekspor/${file}.xlsx`}>XLSX</a>
          </>
        ) : null}
        {view.level === 'nation' ? (
          <a href={`${base}/ringkasan-bulanan.pdf?bulan=${props.month}`}>{t.monthly}</a>
        ) : null}
      </p>
      {'unreached' in view ? <Unreached view={view} language={language} /> : null}
      {view.level === 'regency' && props.user.role === 'admin' ? (
        <form method="post" action={`${base}/kabupaten/${view.code}/hitung-ulang`}>
          <Csrf token={props.csrfToken} />
          <button type="submit" class="secondary">
            {t.recount}
          </button>
        </form>
      ) : null}
    </ConsoleLayout>
  );
}

function Unreached({ view, language }: { view: RegencyView; language: Language }) {
  const t = copy[language];
  const file = `belum-${view.code}`;
  return (
    <section aria-labelledby="unreached">
      <h2 id="unreached">{`${t.unreached} (${nf(language).format(view.unreached.length)})`}</h2>
      {view.unreached.length === 0 ? (
        <p>{t.noneUnreached}</p>
      ) : (
        <>
          <p class="downloads">
            {`${t.download}: `}
            <a href={`${base}/ekspor/${file}.csv`}>CSV</a>
            <a href={`${base}/ekspor/${file}.xlsx`}>XLSX</a>
          </p>
          <div class="cov-table">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.district}</th>
                  <th scope="col">{t.village}</th>
                  <th scope="col">{t.cooperative}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {view.unreached.map((coop) => (
                  <tr>
                    <td data-label={t.district}>{coop.districtName}</td>
                    <td data-label={t.village}>{coop.villageName}</td>
                    <td data-label={t.cooperative}>{coop.name}</td>
                    <td data-label={t.status}>
                      {cooperativeStatusLabel(
                        coop.registered ? 'registered_not_yet_present' : 'not_registered',
                        language,
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
