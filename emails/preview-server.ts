import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { type EmailKind, emailKinds } from '../functions/domain/notifications';
import { type Language, languageSchema } from '../functions/domain/schemas';
import { previews } from './previews';
import { renderEmail } from './render';
import { ticketQrPng } from './ticket-qr';

const kindByFile = new Map(emailKinds.map((kind) => [previews[kind].file, kind]));
const languages = languageSchema.options;

/** Links point at this server, which also serves the QR images, so previews work offline. */
function renderPreview<K extends EmailKind>(kind: K, language: Language, baseUrl: string) {
  return renderEmail(kind, { ...previews[kind].props, language, baseUrl });
}

export function createPreviewApp() {
  const app = new Hono();

  app.get('/', async (c) => {
    const { origin } = new URL(c.req.url);
    const rows = await Promise.all(
      emailKinds.map(async (kind) => {
        const { file } = previews[kind];
        const { subject } = await renderPreview(kind, 'id', origin);
        const links = languages.map(
          (lang) =>
            html`<div>${lang}: <a href="/${file}?lang=${lang}">HTML</a> · <a href="/${file}/text?lang=${lang}">text</a></div>`,
        );
        return html`<tr><td><code>${file}.tsx</code><br /><small>${kind}</small></td><td>${subject}</td><td>${links}</td></tr>`;
      }),
    );
    return c.html(
      html`<!doctype html><html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>hadir email previews</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td{border-top:1px solid #ddd;padding:.5rem;vertical-align:top}</style></head>
<body><h1>hadir email previews</h1><table>${rows}</table></body></html>`,
    );
  });

  app.get('/t/:code/qr.png', async (c) => {
    const png = ticketQrPng(new URL(`/t/${c.req.param('code')}`, c.req.url).href);
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' });
  });

  app.get('/:file/:format{text}?', async (c) => {
    const kind = kindByFile.get(c.req.param('file'));
    if (!kind) return c.notFound();
    const language = languageSchema.safeParse(c.req.query('lang')).data ?? 'id';
    const email = await renderPreview(kind, language, new URL(c.req.url).origin);
    if (c.req.param('format') === 'text') return c.text(`Subject: ${email.subject}\n\n${email.text}`);
    return c.html(email.html);
  });

  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.EMAIL_PREVIEW_PORT ?? 3030);
  serve({ fetch: createPreviewApp().fetch, port }, (info) => {
    console.log(`Email previews on http://localhost:${info.port}`);
  });
}
