import type { RecipientItem } from '../db/campaigns-repo';
import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import { canManageEvent } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import {
  type Campaign,
  type CampaignInput,
  type CampaignStatus,
  defaultCampaignInputs,
  dueAt,
} from '../domain/campaign';
import { DomainError } from '../domain/errors';
import type { EventRecord } from '../domain/schemas';
import { newId } from '../domain/tokens';
import { createCampaignRunner, jobFor, loadAudience } from '../followups/runner';
import type { Recipient } from '../followups/segments';
import { audit } from './admin-audit';

export type CampaignProgress = {
  audience: number | null;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  suppressed: number;
  /** Jobs the worker dropped because their subject vanished (e.g. a check-in undone before sending). */
  skipped: number;
};

const newCampaign = (
  event: EventRecord,
  input: CampaignInput,
  now: Date,
  createdBy: string,
  isDefault: boolean,
): Campaign => ({
  ...input,
  id: newId(),
  eventId: event.id,
  materials: input.materials ?? [],
  status: 'scheduled',
  isDefault,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  createdBy,
  version: 1,
});

/**
 * Every new session's default campaigns (H-1 reminder, thanks, absentee materials), all relative to the
 * session's times. Called by the console when it creates a session and by the local seed.
 */
export async function createDefaultCampaigns(
  store: Store,
  event: EventRecord,
  now: Date,
  createdBy = 'system',
) {
  const campaigns = store.campaigns;
  const existing = await campaigns.listByEvent(event.id);
  if (existing.some((c) => c.isDefault)) return existing.filter((c) => c.isDefault);
  const created: Campaign[] = [];
  for (const input of defaultCampaignInputs()) {
    created.push(await campaigns.create(newCampaign(event, input, now, createdBy, true)));
  }
  return created;
}

/** Counts per state, from the per-recipient items and their email jobs. */
export function progressOf(
  campaign: Campaign,
  recipients: RecipientItem[],
  jobs: Map<string, { status: string; messageId?: string }>,
  suppressions: Map<string, { reason: string; at: string }>,
): CampaignProgress {
  const progress: CampaignProgress = {
    audience: campaign.audienceSize ?? null,
    queued: 0,
    sent: 0,
    failed: 0,
    bounced: 0,
    suppressed: 0,
    skipped: 0,
  };
  for (const recipient of recipients) {
    if (recipient.status === 'suppressed') {
      progress.suppressed++;
      continue;
    }
    const job = recipient.jobId ? jobs.get(recipient.jobId) : undefined;
    const status = job?.status ?? 'sent'; // sent jobs expire after 180 days, like the recipient items
    if (status === 'pending' || status === 'sending') progress.queued++;
    else if (status === 'failed' || status === 'uncertain') progress.failed++;
    else if (job?.messageId?.startsWith('skipped')) progress.skipped++;
    else {
      const bounce = suppressions.get(recipient.addressHash);
      if (bounce && bounce.at >= recipient.createdAt) progress.bounced++;
      else progress.sent++;
    }
  }
  return progress;
}

/** The console's follow-up operations; each checks the user's right to the session first (auth/policy.ts). */
export function createCampaignService(store: Store, clock: () => Date = () => new Date()) {
  const campaigns = store.campaigns;
  const runner = createCampaignRunner(store, clock);

  async function loadEvent(user: User, eventId: string): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    if (!canManageEvent(user, event)) throw new DomainError('forbidden');
    return event;
  }

  async function load(user: User, eventId: string, campaignId: string) {
    const event = await loadEvent(user, eventId);
    const campaign = await campaigns.get(campaignId);
    if (!campaign || campaign.eventId !== event.id) throw new DomainError('not_found');
    return { event, campaign };
  }

  async function progress(campaign: Campaign): Promise<CampaignProgress> {
    const recipients = await campaigns.listRecipients(campaign.id);
    const jobs = await campaigns.jobStatuses(recipients.flatMap((r) => (r.jobId ? [r.jobId] : [])));
    const sent = recipients.filter((r) => r.status === 'queued').map((r) => r.addressHash);
    return progressOf(campaign, recipients, jobs, await campaigns.suppressionsOf(sent));
  }

  const view = (campaign: Campaign, event: EventRecord) => ({
    ...campaign,
    dueAt: dueAt(campaign, event).toISOString(),
  });

  async function list(user: User, eventId: string) {
    const event = await loadEvent(user, eventId);
    const all = (await campaigns.listByEvent(eventId)).sort(
      (a, b) => dueAt(a, event).getTime() - dueAt(b, event).getTime(),
    );
    return {
      event,
      campaigns: await Promise.all(
        all.map(async (c) => ({ ...view(c, event), progress: await progress(c) })),
      ),
    };
  }

  async function get(user: User, eventId: string, campaignId: string) {
    const { event, campaign } = await load(user, eventId, campaignId);
    return { event, campaign: { ...view(campaign, event), progress: await progress(campaign) } };
  }

  async function create(user: User, eventId: string, input: CampaignInput) {
    const event = await loadEvent(user, eventId);
    if (input.segment === 'ba_cooperatives') await assertAssistant(user, input.baUserId);
    const now = clock();
    const campaign = await campaigns.create(newCampaign(event, input, now, user.id, false));
    await audit(store, user, now, {
      action: 'campaign.created',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: `${campaign.id} ${campaign.kind} ${campaign.segment}`,
    });
    return view(campaign, event);
  }

  async function assertAssistant(user: User, baUserId: string | undefined) {
    const assistant = baUserId ? await store.users.get(baUserId) : undefined;
    if (
      assistant?.role !== 'business_assistant' ||
      (user.role !== 'admin' && assistant.organisationId !== user.organisationId)
    ) {
      throw new DomainError('validation', {}, [
        { path: ['baUserId'], code: 'invalid_choice', message: 'invalid_choice' },
      ]);
    }
  }

  /** Edits what has not started yet: a running or finished campaign keeps what it was sent with. */
  async function update(user: User, eventId: string, campaignId: string, input: CampaignInput) {
    const { event, campaign } = await load(user, eventId, campaignId);
    if (campaign.status !== 'scheduled' && campaign.status !== 'paused') throw new DomainError('conflict');
    if (input.segment === 'ba_cooperatives') await assertAssistant(user, input.baUserId);
    const now = clock();
    const saved = await campaigns.save(
      { ...campaign, ...input, updatedAt: now.toISOString() },
      campaign.version,
    );
    await audit(store, user, now, {
      action: 'campaign.updated',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: campaign.id,
    });
    return view(saved, event);
  }

  const moves: Record<'pause' | 'resume' | 'cancel', { from: CampaignStatus[]; to: CampaignStatus }> = {
    pause: { from: ['scheduled', 'running'], to: 'paused' },
    // A paused campaign that had started goes back to the queue; its written recipients are never re-sent.
    resume: { from: ['paused'], to: 'scheduled' },
    cancel: { from: ['scheduled', 'paused', 'running'], to: 'cancelled' },
  };

  async function setState(user: User, eventId: string, campaignId: string, action: keyof typeof moves) {
    const { event } = await load(user, eventId, campaignId);
    const { from, to } = moves[action];
    const now = clock();
    if (!(await campaigns.transition(campaignId, from, to, now))) throw new DomainError('conflict');
    await audit(store, user, now, {
      action: `campaign.${action}`,
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: campaignId,
    });
    const campaign = (await campaigns.get(campaignId)) as Campaign;
    return view(campaign, event);
  }

  /** Who the campaign would reach if it ran now (the real run computes it again at send time). */
  async function audience(user: User, eventId: string, campaignId: string): Promise<Recipient[]> {
    const { event, campaign } = await load(user, eventId, campaignId);
    const recipients = await loadAudience(store, campaign, event);
    await audit(store, user, clock(), {
      action: 'campaign.audience_viewed',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: `${campaignId}: ${recipients.length}`,
    });
    return recipients;
  }

  async function recipientFor(event: EventRecord, campaign: Campaign, recipientKey?: string) {
    const recipients = await loadAudience(store, campaign, event);
    const recipient = recipientKey ? recipients.find((r) => r.key === recipientKey) : recipients[0];
    if (!recipient) throw new DomainError('not_found');
    return recipient;
  }

  /** The email exactly as `recipientKey` would get it now (the first recipient when none is chosen). */
  async function preview(
    user: User,
    eventId: string,
    campaignId: string,
    baseUrl: string,
    recipientKey?: string,
  ) {
    const { event, campaign } = await load(user, eventId, campaignId);
    const recipient = await recipientFor(event, campaign, recipientKey);
    const job: EmailJob = {
      ...jobFor(campaign, recipient),
      id: 'preview',
      status: 'pending',
      attempts: 0,
      availableAt: clock().toISOString(),
      createdAt: clock().toISOString(),
    };
    // React and the email templates load with the first preview, not with every console cold start.
    const { composeEmail } = await import('../mail/compose');
    const message = await composeEmail(job, store, { baseUrl, from: '', inlineImages: false });
    return { recipient, message };
  }

  /** Queues the email `recipientKey` would get, addressed to the signed-in organizer, marked as a test. */
  async function sendTest(user: User, eventId: string, campaignId: string, recipientKey?: string) {
    const { event, campaign } = await load(user, eventId, campaignId);
    const recipient = await recipientFor(event, campaign, recipientKey);
    const now = clock();
    await store.outbox.queue([{ ...jobFor(campaign, recipient), to: user.email, test: true }], now);
    await audit(store, user, now, {
      action: 'campaign.test_sent',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: campaignId,
    });
    return { to: user.email, recipientKey: recipient.key };
  }

  /** "Send now": the runner, for a campaign whose time has come (the tick would pick it up within a minute). */
  async function runNow(user: User, eventId: string, campaignId: string) {
    await load(user, eventId, campaignId);
    return runner.run(campaignId);
  }

  return { list, get, create, update, setState, audience, preview, sendTest, runNow, loadEvent };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
