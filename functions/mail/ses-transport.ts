import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { attachmentBytes, type MailTransport, type OutgoingMessage } from '../domain/mail-message';

/** The exact SendEmail input for a message: tested on its own, since SES cannot run here. */
export function sesSendEmailInput(
  message: OutgoingMessage,
  configurationSetName?: string,
): SendEmailCommandInput {
  return {
    FromEmailAddress: message.from,
    Destination: { ToAddresses: message.to },
    ConfigurationSetName: configurationSetName,
    // SES has no idempotency key for SendEmail; tagging the job id lets bounce and delivery events find the job.
    EmailTags: [{ Name: 'job', Value: message.id }],
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: {
          Html: { Data: message.html, Charset: 'UTF-8' },
          Text: { Data: message.text, Charset: 'UTF-8' },
        },
        Headers: Object.entries(message.headers ?? {}).map(([Name, Value]) => ({ Name, Value })),
        Attachments: message.attachments.map((attachment) => ({
          FileName: attachment.filename,
          ContentType: attachment.contentType,
          // An inline image (a ticket QR) is shown where the HTML refers to its Content-ID.
          ContentDisposition: attachment.contentId ? 'INLINE' : 'ATTACHMENT',
          ...(attachment.contentId ? { ContentId: `<${attachment.contentId}>` } : {}),
          ContentTransferEncoding: 'BASE64',
          RawContent: attachmentBytes(attachment),
        })),
      },
    },
  };
}

export function createSesTransport(options: { configurationSetName?: string; client?: SESv2Client } = {}) {
  const client = options.client ?? new SESv2Client({});
  return {
    name: 'ses',
    async send(message) {
      const result = await client.send(
        new SendEmailCommand(sesSendEmailInput(message, options.configurationSetName)),
      );
      return { messageId: result.MessageId ?? '' };
    },
  } satisfies MailTransport;
}
