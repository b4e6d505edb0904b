import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createPreviewApp } from '../../emails/preview-server';
import { previews } from '../../emails/previews';
import { emailKinds } from '../../functions/domain/notifications';

const app = createPreviewApp();

describe('email preview server', () => {
  it('lists every template in both languages, HTML and text', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    const page = await response.text();
    for (const kind of emailKinds) {
      const { file } = previews[kind];
      for (const lang of ['id', 'en']) {
        expect(page).toContain(`href="/${file}?lang=${lang}"`);
        expect(page).toContain(`href="/${file}/text?lang=${lang}"`);
      }
    }
    expect(page).toContain('Tiket Anda: Sosialisasi');
  });

  it('renders HTML and text, with links pointing at itself', async () => {
    const html = await (await app.request('http://localhost:3030/ticket?lang=en')).text();
    expect(html).toContain('lang="en"');
    expect(html).toContain('src="http://localhost:3030/t/7K3M9Q2XHT5RVB8N4WJ6CPZD1A/qr.png"');
    const text = await app.request('http://localhost:3030/registration-received/text');
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toMatch(
      /^Subject: Pendaftaran diterima: [\s\S]*http:\/\/localhost:3030\/kelola\//,
    );
  });

  it('serves the QR images the previews show', async () => {
    const response = await app.request('http://localhost:3030/t/7K3M9Q2XHT5RVB8N4WJ6CPZD1A/qr.png');
    expect(response.headers.get('content-type')).toBe('image/png');
    const image = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(
      'http://localhost:3030/t/7K3M9Q2XHT5RVB8N4WJ6CPZD1A',
    );
  });

  it('answers 404 for an unknown template', async () => {
    expect((await app.request('/nope')).status).toBe(404);
  });
});
