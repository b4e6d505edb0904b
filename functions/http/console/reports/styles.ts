import { createHash } from 'node:crypto';

/**
 * The reports' own rules: bar columns, figures, blank laporan sections and print. Bars are inline SVG with
 * `width` attributes (presentation attributes, allowed by the CSP that forbids style attributes).
 */
const css = `
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;margin:0 0 1rem}
.figures div{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem}
.figures strong{display:block;font-size:1.6rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
svg.bar{vertical-align:middle}
.cov{white-space:nowrap}
svg.chart{max-width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:.5rem}
.downloads{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.75rem}
.downloads ul{margin:.25rem 0 0;padding-left:1.1rem}
.legend span{margin-right:1rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem;vertical-align:middle;margin-right:.25rem}
.swatch.invited{background:#d9d9e0}.swatch.registered{background:#f0b54a}.swatch.present{background:#14804a}
ol.checklist{padding-left:1.2rem}ol.checklist li{margin:.35rem 0}
ol.checklist form{display:inline;margin-left:.5rem}ol.checklist button{padding:.2rem .6rem;font-size:.85rem}
.done{color:var(--green);font-weight:600}
.blank{min-height:9rem;border:1px dashed var(--line);border-radius:.35rem;background:#fff;padding:.5rem;color:var(--muted)}
.laporan dl{display:grid;grid-template-columns:10rem 1fr;gap:.25rem .75rem}
.laporan dt{font-weight:600}
.laporan .scroll{overflow-x:auto}.laporan table{width:100%}.laporan td{overflow-wrap:break-word}
.laporan tr.total td{font-weight:600}
.laporan h4{margin:.75rem 0 .25rem}
.signature{margin:2rem 0 0 auto;width:18rem}
.signature .space{height:4rem}
@media print{
  header,nav.console,.no-print{display:none!important}
  body{background:#fff}
  main.console{max-width:none;padding:0}
  .card,.blank,table{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`;

export const reportsCss = {
  path: `/admin/laporan/assets/reports.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`,
  body: css,
};
