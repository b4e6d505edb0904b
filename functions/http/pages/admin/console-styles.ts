import { createHash } from 'node:crypto';

/** A few rules the console needs on top of the public stylesheet (wide tables, navigation). */
const css = `
main.console{max-width:72rem}
nav.console{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 1rem;align-items:center}
nav.console form{margin:0}
nav.console button{padding:.3rem .7rem;font-weight:400}
table{width:100%;border-collapse:collapse;background:#fff;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:var(--bg)}
td form{display:inline;margin:0}
td button{padding:.3rem .6rem;font-size:.85rem;margin:.1rem 0}
.filters{display:grid;grid-template-columns:2fr 1fr 1fr auto;gap:.5rem;align-items:end}
.inline{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap}
.station-link{word-break:break-all;font-family:ui-monospace,monospace;font-size:.85rem}
.checks{columns:2;max-height:24rem;overflow:auto;border:1px solid var(--line);padding:.5rem;background:#fff}
.checks label{font-weight:400;margin:.15rem 0}
.guest-list{list-style:none;padding:0;margin:0 0 1.5rem}
.guest-list li{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;margin:0 0 .5rem}
.guest-list h2{font-size:1.05rem;margin:0 0 .2rem}
.guest-list p{margin:0}
.guest-list .actions{margin:.5rem 0 0;align-items:center}
.guest-list .actions form{margin:0}
`;

export const consoleCss = {
  path: `/admin/assets/console.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`,
  body: css,
};
