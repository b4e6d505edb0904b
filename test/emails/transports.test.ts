import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../functions/domain/mail-message';
import { sesSendEmailInput } from '../../functions/mail/ses-transport';
import { createSmtpTransport } from '../../functions/mail/smtp-transport';

const message: OutgoingMessage = {
  id: 'job123',
  from: 'Dinas Koperasi Kotim <noreply@hadir.test>',
  to: ['siti@example.org'],
  subject: 'Tiket Anda: Sosialisasi — Kamis, 23 Oktober 2025',
  html: '<p>Halo <strong>Siti</strong></p>',
  text: 'Halo Siti',
  attachments: [
    {
      filename: 'sosialisasi.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
    },
  ],
  headers: { 'X-Hadir-Kind': 'ticket' },
};

describe('SMTP transport against a real SMTP server', () => {
  const received: { from?: string; to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers both parts, the .ics attachment and a stable Message-ID', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    const receipt = await transport.send(message);
    expect(receipt.messageId).toBe('<job123@hadir>');
    const [mail] = received;
    expect(mail?.from).toBe('noreply@hadir.test');
    expect(mail?.to).toEqual(['siti@example.org']);
    const raw = mail?.raw ?? '';
    expect(raw).toMatch(/^Message-ID: <job123@hadir>/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m); // the em dash makes it an encoded word
    expect(raw).toMatch(/^X-Hadir-Kind: ticket/m);
    expect(raw).toContain('Content-Type: multipart/mixed');
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Content-Type: text/html');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/);
    expect(raw).toMatch(/filename=sosialisasi\.ics/);
  });
});

it('builds the exact SES v2 SendEmail input', () => {
  const input = sesSendEmailInput(message, 'hadir-prod');
  expect(input).toMatchObject({
    FromEmailAddress: message.from,
    Destination: { ToAddresses: ['siti@example.org'] },
    ConfigurationSetName: 'hadir-prod',
    EmailTags: [{ Name: 'job', Value: 'job123' }],
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: {
          Html: { Data: message.html, Charset: 'UTF-8' },
          Text: { Data: 'Halo Siti', Charset: 'UTF-8' },
        },
        Headers: [{ Name: 'X-Hadir-Kind', Value: 'ticket' }],
      },
    },
  });
  const [attachment] = input.Content?.Simple?.Attachments ?? [];
  expect(attachment).toMatchObject({
    FileName: 'sosialisasi.ics',
    ContentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    ContentDisposition: 'ATTACHMENT',
  });
  expect(new TextDecoder().decode(attachment?.RawContent)).toContain('BEGIN:VCALENDAR');
});
