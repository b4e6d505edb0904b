import { type EmailProps, renderEmail } from '../../emails/render';
import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import type { OutgoingMessage } from '../domain/mail-message';
import type { EventRecord, Registration } from '../domain/schemas';
import {
  FollowupGone,
  followupEmail,
  isFollowupKind,
  unsubscribeHeaders,
  unsubscribeLinkOf,
} from '../followups/compose';
import { withInlineTicketQrs } from './inline-images';

export type MailConfig = {
  baseUrl: string;
  from: string;
  signInMinutes?: number;
  /**
   * Ticket QR codes travel inside the email as inline attachments (the default, for what is sent); a preview shown
   * in the console's browser uses the hosted images instead, which a browser can load.
   */
  inlineImages?: boolean;
};

/** A job whose subject vanished (e.g. an officer substituted before the email left) has nothing to send. */
export class NothingToSend extends Error {}

const CALENDAR = 'text/calendar; charset=utf-8; method=PUBLISH';

/**
 * Renders a job with the data as it is now, so a delayed email never shows outdated tickets. Every link that opens
 * something (manage, sign-in, unsubscribe, personal invitation) is derived here with the store's keys from ids the
 * job holds, so no job holds a secret, whether it is sent, pending, failed or left uncertain.
 */
export async function composeEmail(
  job: EmailJob,
  store: Store,
  config: MailConfig,
): Promise<OutgoingMessage> {
  const inlineImages = config.inlineImages !== false;
  const message = await composeParts(job, store, config, inlineImages);
  return inlineImages ? withInlineTicketQrs(message, config.baseUrl) : message;
}

async function composeParts(
  job: EmailJob,
  store: Store,
  config: MailConfig,
  inlineImages: boolean,
): Promise<OutgoingMessage> {
  const base = { baseUrl: config.baseUrl, language: job.language, inlineImages };
  const message = (
    rendered: { subject: string; html: string; text: string },
    attachments: OutgoingMessage['attachments'] = [],
  ) => ({
    id: job.id,
    from: config.from,
    to: [job.to],
    ...rendered,
    attachments,
  });

  if (job.kind === 'sign_in') {
    if (!job.signInLinkId) throw new NothingToSend('sign-in job without its link');
    const props: EmailProps['sign_in'] = {
      ...base,
      token: store.users.signInToken(job.signInLinkId),
      expiresInMinutes: config.signInMinutes ?? 15,
    };
    return message(await renderEmail('sign_in', props));
  }

  // Follow-up campaigns: non-transactional, so they carry List-Unsubscribe (RFC 8058 one-click).
  if (isFollowupKind(job.kind)) {
    try {
      const { rendered, unsubscribe } = await followupEmail(job, store, config.baseUrl);
      return { ...message(rendered), headers: unsubscribeHeaders(unsubscribe) };
    } catch (error) {
      if (error instanceof FollowupGone) throw new NothingToSend(error.message);
      throw error;
    }
  }

  const registration = job.registrationId ? await store.registrations.get(job.registrationId) : undefined;
  const event = registration ? await store.events.get(registration.eventId) : undefined;
  if (!registration || !event) throw new NothingToSend(`registration ${job.registrationId} is gone`);
  const participant = job.participantId
    ? registration.participants.find((candidate) => candidate.id === job.participantId)
    : undefined;
  if (job.participantId && !participant) throw new NothingToSend('the officer was removed or substituted');

  // The calendar library (ics with yup, 65 KiB) is loaded with the first email that carries a calendar file,
  // not at every worker's cold start.
  const invitation = async (forParticipant = participant) => {
    const { sessionInvitation } = await import('../domain/calendar');
    return {
      filename: 'sosialisasi.ics',
      contentType: CALENDAR,
      content: sessionInvitation({
        event,
        participantId: forParticipant?.id,
        attendeeName: forParticipant?.name,
        ticketUrl: forParticipant ? `${config.baseUrl}/t/${forParticipant.ticketCode}` : undefined,
        language: job.language,
      }),
    };
  };
  const withEvent = { ...base, event };
  const confirmed = (r: Registration, e: EventRecord) => r.status === 'confirmed' && !e.cancelled;

  switch (job.kind) {
    case 'ticket': {
      if (!participant || !confirmed(registration, event)) throw new NothingToSend('ticket no longer valid');
      return message(await renderEmail('ticket', { ...withEvent, registration, participant }), [
        await invitation(),
      ]);
    }
    case 'registration_received':
    case 'promoted':
    case 'changed':
    case 'waitlisted': {
      const manageToken = job.manageLink ? store.registrations.manageToken(registration.id) : undefined;
      const rendered = await renderEmail(job.kind, { ...withEvent, registration, manageToken });
      return message(rendered, confirmed(registration, event) ? [await invitation()] : []);
    }
    case 'manage_link': {
      // Only an active registration's link: a request that raced a cancellation sends nothing.
      if (registration.status === 'cancelled' || 'erasedAt' in registration)
        throw new NothingToSend('registration no longer active');
      const manageToken = store.registrations.manageToken(registration.id);
      return message(await renderEmail('manage_link', { ...withEvent, registration, manageToken }));
    }
    case 'cancelled':
      return message(await renderEmail('cancelled', { ...withEvent, registration, participant }));
    case 'reminder': {
      if (!confirmed(registration, event)) throw new NothingToSend('not confirmed');
      // A campaign's reminder may be refused: it shows its recipient's unsubscribe link.
      const unsubscribe = job.campaignId ? unsubscribeLinkOf(job, store, config.baseUrl) : undefined;
      const rendered = await renderEmail('reminder', {
        ...withEvent,
        registration,
        participant,
        unsubscribeUrl: unsubscribe,
      });
      return {
        ...message(rendered, [await invitation()]),
        ...(unsubscribe ? { headers: unsubscribeHeaders(unsubscribe) } : {}),
      };
    }
  }
}
