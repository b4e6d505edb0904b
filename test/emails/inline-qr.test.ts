import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredMail } from '../../functions/db/dev-mail-repo';
import { attachmentBytes } from '../../functions/domain/mail-message';
import { createApp } from '../../functions/http/app';
import { createDevRoutes } from '../../functions/local/dev-routes';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { sesSendEmailInput } from '../../functions/mail/ses-transport';
import { createSmtpTransport } from '../../functions/mail/smtp-transport';
import { createRegistrationService, type RegistrationService } from '../../functions/services/registrations';
import { decodeQrPng } from '../helpers/qr';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { imageSources } from './helpers';

/**
 * A ticket must show without a network: at a venue with no signal, in mail apps that block remote images, and in
 * webmail that refused hadir's QR served same-origin only. The QR now travels inside the email.
 */
const mail = { baseUrl: 'https://hadir.test', from: 'hadir <noreply@hadir.test>' };
let store: TestStore;
let registration: Awaited<ReturnType<RegistrationService['register']>>['registration'];
let sent: StoredMail[];

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  const event = makeEvent();
  await store.events.put(event);
  ({ registration } = await createRegistrationService(store).register(
    event.id,
    registrationBody('62.02.05.1002', 3, 7301),
    { language: 'id' },
  ));
  const worker = createOutboxWorker({ store, transport: createLocalOutboxTransport(store.devMail), mail });
  await worker.drain();
  sent = (await store.devMail.listAll()).filter((m) =>
    m.html.includes(registration.participants[0]?.ticketCode ?? '-'),
  );
});

describe('ticket QR codes inside the email', () => {
  it('the confirmation shows every ticket from an inline PNG attachment that decodes to the ticket URL', async () => {
    const confirmation = sent.find((m) => m.to.includes(registration.contact.email as string));
    expect(confirmation).toBeDefined();
    const message = confirmation as StoredMail;
    const codes = registration.participants.map((p) => p.ticketCode);
    expect(imageSources(message.html)).toEqual(codes.map((code) => `cid:qr-${code}@hadir`));
    expect(message.html).not.toContain('/qr.png');
    for (const code of codes) {
      const image = message.attachments.find((a) => a.contentId === `qr-${code}@hadir`);
      expect(image?.contentType).toBe('image/png');
      expect(decodeQrPng(Buffer.from(attachmentBytes(image as never)))).toBe(`${mail.baseUrl}/t/${code}`);
    }
    // The calendar file is still there, as an ordinary attachment.
    expect(message.attachments.some((a) => a.filename.endsWith('.ics') && !a.contentId)).toBe(true);
  });

  it('SES gets the images as INLINE attachments with their Content-ID', () => {
    const message = sent[0] as StoredMail;
    const input = sesSendEmailInput({ ...message, id: message.jobId });
    const attachments = input.Content?.Simple?.Attachments ?? [];
    const inline = attachments.filter((a) => a.ContentDisposition === 'INLINE');
    expect(inline.length).toBeGreaterThan(0);
    for (const a of inline) {
      expect(a.ContentId).toMatch(/^<qr-[0-9A-Z]+@hadir>$/);
      expect(decodeQrPng(Buffer.from(a.RawContent as Uint8Array))).toMatch(/^https:\/\/hadir\.test\/t\//);
    }
    expect(attachments.find((a) => a.FileName?.endsWith('.ics'))?.ContentDisposition).toBe('ATTACHMENT');
  });

  it('SMTP sends a multipart/related message whose image parts carry the Content-IDs the HTML names', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as AddressInfo).port;
      const message = sent[0] as StoredMail;
      await createSmtpTransport(`smtp://127.0.0.1:${port}`).send({ ...message, id: message.jobId });
      const raw = received[0] ?? '';
      expect(raw).toMatch(/Content-Type: multipart\/related/);
      for (const cid of message.attachments.flatMap((a) => (a.contentId ? [a.contentId] : [])))
        expect(raw).toContain(`Content-ID: <${cid}>`);
      expect(raw).toMatch(/Content-Disposition: inline/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the local outbox viewer shows the inline images', async () => {
    const app = createApp({
      store,
      config: { runtime: 'test', publicBaseUrl: mail.baseUrl },
      devRoutes: createDevRoutes(store),
    });
    const message = sent[0] as StoredMail;
    const html = await (await app.request(`/dev/outbox/${encodeURIComponent(message.id)}/html`)).text();
    const sources = imageSources(html);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) {
      expect(src).toMatch(/^\/dev\/outbox\/.+\/attachments\/\d+$/);
      const image = await app.request(src);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(decodeQrPng(Buffer.from(await image.arrayBuffer()))).toMatch(/^https:\/\/hadir\.test\/t\//);
    }
  });
});
