import nodemailer from 'nodemailer';
import type { MailTransport } from './message';

/** Any SMTP server, from `SMTP_URL` (e.g. `smtps://user:pass@mail.kotimkab.go.id:465`). */
export function createSmtpTransport(url: string) {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      const info = await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        // A stable Message-ID per job: a receiving server or client that sees it twice can drop the copy.
        messageId: `<${message.id}@hadir>`,
        headers: message.headers,
        attachments: message.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: attachment.content,
        })),
      });
      return { messageId: info.messageId };
    },
  } satisfies MailTransport;
}
