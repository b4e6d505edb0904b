import type { Store } from '../db/store';
import { fallbackJobId, fallbackOriginal, type MessageLog } from '../db/whatsapp-repo';
import type { Channel } from '../domain/channels';
import { type DeliverySummary, summarizeDeliveries } from '../domain/deliveries';

/**
 * One message as the console lists it: what it was, on which channel, how far it got and when. Never the number
 * or the address it went to, nor the platform's ids: the console page already shows the contact it concerns.
 */
export type MessageLine = Pick<
  MessageLog,
  | 'jobId'
  | 'channel'
  | 'kind'
  | 'status'
  | 'participantId'
  | 'sentAt'
  | 'deliveredAt'
  | 'readAt'
  | 'failedAt'
  | 'error'
> & {
  /** A WhatsApp message that failed and went again as an email (listed too). */
  fellBackToEmail?: boolean;
  /** An email sent in place of a WhatsApp message that could not be delivered. */
  insteadOf?: Channel;
};
export type MessageLogView = { summary: DeliverySummary; messages: MessageLine[] };

function view(logs: MessageLog[]): MessageLogView {
  const ids = new Set(logs.map((log) => log.jobId));
  const messages = logs.map(
    (log): MessageLine => ({
      jobId: log.jobId,
      channel: log.channel,
      kind: log.kind,
      status: log.status,
      sentAt: log.sentAt,
      ...(log.participantId ? { participantId: log.participantId } : {}),
      ...(log.deliveredAt ? { deliveredAt: log.deliveredAt } : {}),
      ...(log.readAt ? { readAt: log.readAt } : {}),
      ...(log.failedAt ? { failedAt: log.failedAt } : {}),
      ...(log.error ? { error: log.error } : {}),
      ...(log.channel === 'whatsapp' && ids.has(fallbackJobId(log.jobId)) ? { fellBackToEmail: true } : {}),
      ...(log.channel === 'email' && fallbackOriginal(log.jobId) ? { insteadOf: 'whatsapp' as const } : {}),
    }),
  );
  return { summary: summarizeDeliveries(messages), messages };
}

/**
 * What went out about a registration or for a campaign, both channels. Callers check rights first (the
 * session's, as for the page the log is shown on): these read by id.
 */
export function createMessageLogService(store: Store) {
  const repo = store.whatsapp;
  return {
    ofRegistration: async (registrationId: string) => view(await repo.byRegistration(registrationId)),
    ofCampaign: async (campaignId: string) => view(await repo.byCampaign(campaignId)),
  };
}
