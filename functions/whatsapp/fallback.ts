import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import type { EmailJobInput } from '../domain/notifications';

// Apart from deliver.ts: the webhook on the public API needs this, and must not load email rendering with it.

/** Kinds whose email names the manage link (the notices); the others carry their own links. */
const NOTICES = new Set(['registration_received', 'waitlisted', 'promoted', 'changed', 'cancelled']);

/**
 * The email that replaces a WhatsApp message that could not be sent, when the job says so (the person gave an
 * address that did not already get the same message) and the registration still has one.
 */
export async function fallbackFor(
  job: Pick<
    EmailJob,
    | 'language'
    | 'registrationId'
    | 'participantId'
    | 'campaignId'
    | 'recipientKey'
    | 'eventId'
    | 'fallbackEmail'
  > & { kind: string },
  store: Store,
): Promise<EmailJobInput | undefined> {
  if (!job.fallbackEmail || !job.registrationId) return undefined;
  const registration = await store.registrations.get(job.registrationId);
  const to = registration?.contact.email;
  if (!to) return undefined;
  return {
    kind: job.kind as EmailJobInput['kind'],
    to,
    language: job.language,
    registrationId: job.registrationId,
    ...(job.participantId ? { participantId: job.participantId } : {}),
    ...(NOTICES.has(job.kind) ? { manageLink: true } : {}),
    ...(job.campaignId
      ? {
          campaignId: job.campaignId,
          recipientKey: job.recipientKey,
          eventId: job.eventId,
          unsubscribeLink: true,
        }
      : {}),
  };
}
