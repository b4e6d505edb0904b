/** One small stylesheet: cheap phones on slow networks load it once and cache it for a year. */
export const styles = `
:root{--ink:#1d1d1f;--muted:#5c5c66;--line:#d9d9e0;--red:#c8102e;--green:#14804a;--amber:#a15c00;--bg:#f7f7f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--red);color:#fff;padding:.75rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
header a{color:#fff}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none}
main{max-width:44rem;margin:0 auto;padding:1rem}
footer{max-width:44rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.card{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.muted{color:var(--muted)}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.button,button{display:inline-block;background:var(--red);color:#fff;border:0;border-radius:.4rem;padding:.7rem 1.1rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.button.secondary,button.secondary{background:#fff;color:var(--red);border:1px solid var(--red)}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
input,select,textarea{width:100%;font:inherit;padding:.55rem;border:1px solid #b9b9c3;border-radius:.35rem;background:#fff}
input[type=checkbox],input[type=radio]{width:auto;margin-right:.5rem}
fieldset{border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem 1rem;margin:0 0 1rem;background:#fff}
legend{font-weight:700;padding:0 .3rem}
.row{display:grid;gap:0 1rem;grid-template-columns:1fr}
@media(min-width:40rem){.row{grid-template-columns:1fr 1fr}}
.choices{max-height:18rem;overflow:auto;border:1px solid var(--line);border-radius:.35rem;padding:.25rem .5rem;margin-top:.5rem}
.choices label{font-weight:400;margin:.35rem 0}
.error{color:var(--red);font-size:.9rem;margin:.2rem 0 0}
.alert{border-left:4px solid var(--red);background:#fff;padding:.75rem 1rem;margin:0 0 1rem}
.ok{border-left-color:var(--green)}
.warn{border-left-color:var(--amber)}
.badge{display:inline-block;border-radius:1rem;padding:.1rem .6rem;font-size:.85rem;font-weight:600;background:#eee}
.badge.confirmed{background:#dff3e8;color:#0b6b3a}
.badge.waitlisted{background:#fff1d6;color:var(--amber)}
.badge.cancelled{background:#fde2e6;color:var(--red)}
.pre{white-space:pre-line;overflow-wrap:anywhere}
iframe.mail{width:100%;height:70vh;border:1px solid var(--line);background:#fff}
iframe.mail.phone{max-width:360px;height:56rem}
.qr{max-width:18rem;margin:1rem auto;display:block}
.qr svg{width:100%;height:auto}
.code{font-family:ui-monospace,monospace;letter-spacing:.08em;word-break:break-all}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0}
.consent{font-size:.92rem;background:var(--bg);padding:.75rem;border-radius:.35rem}
ul.tickets{list-style:none;padding:0}
ul.tickets li{border-top:1px solid var(--line);padding:.75rem 0}
ul.tickets .actions{margin:.4rem 0 0;gap:.4rem}
ul.tickets .button{padding:.5rem .75rem;font-size:.95rem}
.error-summary{border:2px solid var(--red);border-left-width:6px}
.error-summary:focus{outline:3px solid #1a56db;outline-offset:2px}
.error-summary h2{margin:0 0 .4rem;font-size:1.05rem}
.error-summary ul{margin:0;padding-left:1.2rem}
.error-summary a{color:var(--red);font-weight:600}
[aria-invalid=true]{border:2px solid var(--red)}
.q-list{list-style:none;padding:0;margin:0}
.q-item{border:1px solid #d6d6de;border-radius:.5rem;padding:.6rem .75rem;margin:0 0 .5rem;background:#fff}
.q-item p{margin:0 0 .3rem}
.q-text{font-size:1.05rem;overflow-wrap:anywhere}
.q-votes{font-weight:600}
.q-label{font-weight:700;color:var(--red);text-transform:uppercase;letter-spacing:.04em}
.q-by{font-size:.9rem}
body.screen{max-width:none;margin:0;padding:2rem 3rem;font-size:1.6rem;background:#fff}
.screen main{max-width:none;padding:0}
.screen h1{font-size:2.4rem;margin:0 0 1rem}
.screen .q-layout{display:grid;grid-template-columns:1fr 18rem;gap:2.5rem;align-items:start}
.screen #pinned{border:4px solid var(--red);border-radius:.8rem;padding:1.2rem 1.5rem;margin:0 0 1.5rem}
.screen #pinned .q-text{font-size:2.6rem;line-height:1.25;font-weight:600}
.screen .q-text{font-size:1.8rem;line-height:1.3}
.screen .q-by{font-size:1.3rem}
.screen .q-item{padding:1rem 1.25rem}
.screen .qr svg{width:100%;height:auto}
.screen .qr p{font-size:1.3rem;text-align:center;overflow-wrap:anywhere}
.q-mod{display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-end}
.q-mod form{margin:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button.danger,.button.danger{background:#a00d24;color:#fff}
button.secondary.danger{background:#fff;color:#a00d24;border-color:#a00d24}
details{margin:.5rem 0}
summary{cursor:pointer;font-weight:600;color:var(--red)}
.scale{display:grid;grid-template-columns:repeat(5,1fr);gap:.4rem}
.scale label{position:relative;margin:0;text-align:center;border:1px solid #b9b9c3;border-radius:.4rem;padding:.55rem 0;font-size:1.1rem;cursor:pointer;background:#fff}
.scale label:has(:checked){background:var(--red);border-color:var(--red);color:#fff}
.scale label:has(:focus-visible){outline:3px solid #1a56db;outline-offset:2px}
.scale input{position:absolute;opacity:0;width:1px;height:1px}
.hint{font-size:.9rem;margin:0 0 .4rem}
`;
