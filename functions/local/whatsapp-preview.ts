import type { StoredMail } from '../db/dev-mail-repo';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A WhatsApp message of the local outbox drawn as a phone shows it: the business's chat, the template's header
 * (the ticket's QR, the certificate as a document), the text, the footer and the button. A standalone document
 * with its own inline styles, shown in a sandboxed frame like an email's HTML.
 */
export function whatsappPhoneHtml(mail: StoredMail): string {
  const preview = mail.whatsapp;
  if (!preview) return '<!DOCTYPE html><p>Not a WhatsApp message.</p>';
  const time = new Date(mail.createdAt).toLocaleTimeString('id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  });
  const header = !preview.header
    ? ''
    : preview.header.kind === 'IMAGE'
      ? `<img class="media" src="${escapeHtml(preview.header.link)}" alt="QR">`
      : `<a class="doc" href="${escapeHtml(preview.header.link)}"><span class="icon">PDF</span><span>${escapeHtml(
          decodeURIComponent(preview.header.link.split('/').pop() ?? 'dokumen.pdf'),
        )}</span></a>`;
  const button = preview.button
    ? `<a class="button" href="${escapeHtml(preview.button.url)}">↗ ${escapeHtml(preview.button.label)}</a>`
    : '';
  return `<!DOCTYPE html>
<html lang="${preview.language === 'id' ? 'id' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WhatsApp</title>
<style>
*{box-sizing:border-box}body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#efeae2;color:#111b21}
.bar{background:#008069;color:#fff;padding:10px 14px;display:flex;gap:10px;align-items:center}
.avatar{width:34px;height:34px;border-radius:50%;background:#dfe5e7;color:#008069;display:grid;place-items:center;font-weight:700}
.bar small{display:block;opacity:.85;font-size:12px}
.chat{padding:12px 10px 24px;max-width:480px}
.date{margin:4px auto 10px;width:max-content;background:#fff;border-radius:8px;padding:3px 10px;font-size:12px;color:#54656f}
.bubble{background:#fff;border-radius:0 8px 8px 8px;max-width:92%;box-shadow:0 1px .5px rgba(11,20,26,.13);overflow:hidden}
.media{display:block;width:100%;max-width:320px;margin:0 auto;background:#fff;padding:8px}
.doc{display:flex;gap:8px;align-items:center;margin:6px;padding:10px;background:#f5f6f6;border-radius:6px;color:#111b21;text-decoration:none}
.icon{background:#e5533d;color:#fff;font-size:11px;font-weight:700;padding:6px 5px;border-radius:3px}
.text{padding:7px 9px 2px;white-space:pre-wrap;overflow-wrap:anywhere}
.footer{padding:2px 9px 4px;color:#667781;font-size:13px}
.time{text-align:right;padding:0 8px 5px;color:#667781;font-size:11px}
.button{display:block;border-top:1px solid #e9edef;padding:10px;text-align:center;color:#027eb5;text-decoration:none;font-weight:500}
.meta{margin-top:14px;font-size:12px;color:#54656f}
</style></head><body>
<div class="bar"><div class="avatar">h</div><div>hadir<small>Akun bisnis · ${escapeHtml(mail.to.join(', '))}</small></div></div>
<div class="chat">
<div class="date">${escapeHtml(new Date(mail.createdAt).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }))}</div>
<div class="bubble">${header}<div class="text">${escapeHtml(preview.body)}</div><div class="footer">${escapeHtml(preview.footer)}</div><div class="time">${time}</div>${button}</div>
<p class="meta">Template <code>${escapeHtml(preview.template)}</code> (${escapeHtml(preview.language)}, ${escapeHtml(preview.category)})</p>
</div></body></html>`;
}
