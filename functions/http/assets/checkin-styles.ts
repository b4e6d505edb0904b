/** The door page's own rules, on top of app.css: big, high-contrast results readable at arm's length. */
export const checkinStyles = `
.door main{max-width:40rem;padding:.75rem}
.door h1{font-size:1.2rem;margin:.25rem 0}
.small{font-size:.88rem}
.door .meta{margin:0 0 .5rem;color:var(--muted);font-size:.9rem}
.netbar{border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0;font-weight:600;background:#dff3e8;color:#0b5e35}
.netbar.offline{background:#fff1d6;color:#7a4500;font-size:1.1rem}
.netbar.error{background:#fde2e6;color:var(--red)}
.scan{display:flex;gap:.5rem;align-items:flex-end}
.scan div{flex:1}
.scan input{font-size:1.2rem;font-family:ui-monospace,monospace}
.camera video{display:block;width:100%;max-height:55vh;background:#000;border-radius:.5rem;margin-top:.5rem}
.camera video[hidden]{display:none}
.camera .error:empty{display:none}
[data-camera-on] .camera{position:sticky;top:0;z-index:2;background:var(--bg);box-shadow:0 3px 6px -3px rgba(0,0,0,.35);padding:.5rem 0;margin:0 -.75rem;padding-left:.75rem;padding-right:.75rem}
[data-camera-on] .camera video{height:32vh;max-height:32vh;object-fit:cover;margin-top:.4rem}
[data-camera-on] .result{margin:.5rem 0 0;padding:.6rem .8rem}
[data-camera-on] .result h2{font-size:1.7rem}
[data-camera-on] .result .who{font-size:1.2rem}
.result{border-radius:.6rem;padding:1rem;margin:.75rem 0;color:#fff;background:var(--muted)}
.result.ok{background:var(--green)}
.result.warn{background:var(--amber)}
.result.bad{background:var(--red)}
.result h2{font-size:2rem;line-height:1.15;margin:0 0 .35rem}
.result .who{font-size:1.35rem;font-weight:700;margin:0}
.result p{margin:.15rem 0}
.result button{background:#fff;color:var(--ink);margin-top:.6rem}
ul.people{list-style:none;padding:0;margin:.5rem 0}
ul.people li{background:#fff;border:1px solid var(--line);border-radius:.45rem;padding:.6rem .75rem;margin:0 0 .5rem}
ul.people .name{font-weight:700}
ul.people .small{font-size:.88rem;color:var(--muted)}
ul.people .actions{margin:.4rem 0 0}
ul.people button{padding:.45rem .8rem}
.counts{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}
.counts div{background:#fff;border:1px solid var(--line);border-radius:.45rem;padding:.5rem .75rem}
.counts strong{display:block;font-size:1.5rem}
table.districts{width:100%;border-collapse:collapse;font-size:.9rem;background:#fff;margin:.5rem 0}
table.districts th,table.districts td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line)}
table.districts td.n{text-align:right;font-variant-numeric:tabular-nums}
.issues li{margin:.25rem 0}
details.panel{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem;margin:.75rem 0}
details.panel summary{font-weight:700;cursor:pointer;padding:.25rem 0}
.choices.small{max-height:12rem}
`;
