import { createDocumentClient } from '../db/client';
import { createSuppressionsRepo, type SuppressionReason } from '../db/suppressions-repo';

/**
 * The parts of an SES event, as EventBridge delivers it (`source: aws.ses`), that this handler reads. `detail` is
 * the same JSON SES publishes to SNS or Firehose.
 */
export type SesEvent = {
  'detail-type': string;
  source: string;
  time?: string;
  detail: {
    eventType: string;
    bounce?: {
      bounceType: 'Permanent' | 'Transient' | 'Undetermined';
      bounceSubType?: string;
      bouncedRecipients: { emailAddress: string }[];
      timestamp?: string;
    };
    complaint?: { complainedRecipients: { emailAddress: string }[]; timestamp?: string };
    mail: { messageId: string; tags?: Record<string, string[]> };
  };
};

const tableName = process.env.TABLE_NAME ?? 'hadir';
const suppressions = createSuppressionsRepo(
  createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName,
);

/** Which addresses to suppress for an event, and why; none for transient bounces and other event types. */
export function suppressionsOf(
  event: SesEvent,
): { emails: string[]; reason: SuppressionReason; at: Date } | undefined {
  const { detail } = event;
  if (detail.eventType === 'Bounce' && detail.bounce?.bounceType === 'Permanent') {
    const at = new Date(detail.bounce.timestamp ?? event.time ?? Date.now());
    return { emails: detail.bounce.bouncedRecipients.map((r) => r.emailAddress), reason: 'bounce', at };
  }
  if (detail.eventType === 'Complaint' && detail.complaint) {
    const at = new Date(detail.complaint.timestamp ?? event.time ?? Date.now());
    return {
      emails: detail.complaint.complainedRecipients.map((r) => r.emailAddress),
      reason: 'complaint',
      at,
    };
  }
  return undefined;
}

/**
 * Records addresses that bounced permanently or complained. Throwing makes EventBridge retry the event and finally
 * put it in the dead-letter queue. Logs carry the job id (the `job` tag the SES transport sets), never addresses.
 */
export async function handler(event: SesEvent) {
  const found = suppressionsOf(event);
  const jobId = event.detail.mail.tags?.job?.[0];
  if (!found) {
    console.log(
      JSON.stringify({
        level: 'info',
        message: 'ses event ignored',
        eventType: event.detail.eventType,
        jobId,
      }),
    );
    return { suppressed: 0 };
  }
  const emails = [...new Set(found.emails.map((email) => email.trim().toLowerCase()))];
  await Promise.all(emails.map((email) => suppressions.suppress(email, found.reason, found.at)));
  console.log(
    JSON.stringify({
      level: 'info',
      message: 'addresses suppressed',
      reason: found.reason,
      count: emails.length,
      jobId,
    }),
  );
  return { suppressed: emails.length };
}
