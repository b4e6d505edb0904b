/** A rendered email, ready for any transport. */
export type OutgoingMessage = {
  /** The job id: the transport's idempotency key where it supports one. */
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
  headers?: Record<string, string>;
};

export type SentReceipt = { messageId: string };

/** SES, SMTP and the local outbox all fit behind this. */
export interface MailTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SentReceipt>;
}
