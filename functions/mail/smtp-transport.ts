import type { Transporter } from 'nodemailer';
import type { MailTransport } from '../domain/mail-message';

/**
 * Any SMTP server, from `SMTP_URL` (e.g. `smtps://user:pass@mail.kotimkab.go.id:465`). nodemailer (240 KiB) is
 * imported on the first send: the email Lambdas send through SES and bundle it without ever evaluating it.
 */
export function createSmtpTransport(url: string) {
  let transporter: Promise<Transporter> | undefined;
  const connect = () => {
    transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url));
    return transporter;
  };
  return {
    name: 'smtp',
    async send(message) {
      const info = await (await connect()).sendMail({
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
          ...(attachment.encoding ? { encoding: attachment.encoding } : {}),
          // nodemailer puts an attachment with a cid inline, in a multipart/related part with the HTML.
          ...(attachment.contentId
            ? { cid: attachment.contentId, contentDisposition: 'inline' as const }
            : {}),
        })),
      });
      return { messageId: info.messageId };
    },
  } satisfies MailTransport;
}
