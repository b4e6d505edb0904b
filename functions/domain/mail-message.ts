/** A rendered email, ready for any transport. */
export type OutgoingMessage = {
  /** The job id: the transport's idempotency key where it supports one. */
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /**
   * Files carried by the email. Text (a calendar file) is held as is; binary content (a QR image) as base64 with
   * `encoding`. An attachment with a `contentId` is inline: the HTML shows it as `cid:<contentId>`.
   */
  attachments: {
    filename: string;
    contentType: string;
    content: string;
    encoding?: 'base64';
    contentId?: string;
  }[];
  headers?: Record<string, string>;
};

/** An attachment's bytes, whichever way its content is held. */
export const attachmentBytes = (attachment: OutgoingMessage['attachments'][number]): Uint8Array =>
  attachment.encoding === 'base64'
    ? new Uint8Array(Buffer.from(attachment.content, 'base64'))
    : new TextEncoder().encode(attachment.content);

export type SentReceipt = { messageId: string };

/** SES, SMTP and the local outbox all fit behind this. */
export interface MailTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SentReceipt>;
}
