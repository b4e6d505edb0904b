import type { Store } from '../db/store';
import { type Campaign, isDue, isNonTransactional } from '../domain/campaign';
import type { EmailJobInput } from '../domain/notifications';
import type { EventRecord, Language } from '../domain/schemas';
import { audienceOf, type Recipient, type SegmentData } from './segments';
import { withWhatsApp } from './whatsapp-audience';

/** Everything a segment needs, read once when the campaign runs. */
export async function loadAudience(
  store: Store,
  campaign: Campaign,
  event: EventRecord,
): Promise<Recipient[]> {
  const registrations = await store.registrations.listByEvent(event.id);
  const checkedIn = new Set((await store.checkins.listByEvent(event.id)).map((c) => c.participantId));
  const data: SegmentData = {
    event,
    registrations,
    checkedIn,
    directory: [],
    knownContacts: new Map(),
  };
  if (campaign.segment === 'invited_not_registered') {
    data.directory = await store.cooperatives.listByRegency(event.regencyCode);
    // Contacts a cooperative gave for the organisation's other sessions in the regency, oldest first so the
    // newest wins. The organisation's own index partition: what another Dinas collected is never used here.
    const sessions = event.organisationId
      ? await store.eventAdmin.listByOrganisation(event.organisationId)
      : [];
    const others = sessions.filter((e) => e.regencyCode === event.regencyCode && e.id !== event.id);
    const known = (await Promise.all(others.map((e) => store.registrations.listByEvent(e.id))))
      .flat()
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const r of known) {
      if (r.contact.email)
        data.knownContacts.set(r.cooperativeId, {
          name: r.contact.name,
          email: r.contact.email,
          language: r.language as Language,
        });
    }
  }
  if (campaign.segment === 'ba_cooperatives' && campaign.baUserId) {
    data.assigned = await store.users.assignedCooperatives(campaign.baUserId);
  }
  return withWhatsApp(audienceOf(campaign.segment, data), campaign, data, event.messageChannels);
}

/**
 * A recipient's email job. Its unsubscribe link is not in it: enqueueRecipient marks the job as having one (and
 * stores the link's hash), and the worker derives it; a test send or a preview built from this alone has none.
 */
export const jobFor = (campaign: Campaign, recipient: Recipient): EmailJobInput => ({
  kind: campaign.kind,
  to: recipient.to,
  language: recipient.language,
  registrationId: recipient.registrationId,
  participantId: recipient.participantId,
  cooperativeId: recipient.cooperativeId,
  recipientName: recipient.name,
  campaignId: campaign.id,
  recipientKey: recipient.key,
  eventId: campaign.eventId,
  ...(recipient.channel ? { channel: recipient.channel } : {}),
  ...(recipient.fallbackEmail ? { fallbackEmail: true } : {}),
});

/** A campaign of a few thousand recipients takes seconds: the tick starts none this close to its end. */
export const TICK_MARGIN_MS = 15_000;

export type RunOutcome =
  | { outcome: 'not_found' | 'inactive' | 'not_due' | 'stopped' }
  | { outcome: 'done'; audience: number; queued: number; suppressed: number; existing: number };

export type RunOptions = {
  /** Called before each recipient is written; tests throw from it to kill a run halfway. */
  beforeRecipient?: (index: number) => void;
  /** How often the run re-reads the campaign to notice a pause or cancel. */
  checkEvery?: number;
};

/**
 * The campaign runner: the same code for the EventBridge Scheduler Lambda, the timer in `npm start` and tests.
 *
 * When a campaign is due it computes the audience from the session as it is now and writes, per recipient, an
 * item keyed by campaign + recipient together with the email job in one transaction (conditional on the item
 * being new). Running twice, concurrently, or again after a crash halfway writes each recipient's email once:
 * whoever comes second finds the item. Suppressed (bounced, complained) and unsubscribed addresses get an item
 * marked `suppressed` and no email. When every recipient has an item the campaign is `done`.
 */
export function createCampaignRunner(store: Store, clock: () => Date = () => new Date()) {
  const campaigns = store.campaigns;
  const suppressions = store.suppressions;

  async function suppressionOf(email: string) {
    const bounced = await suppressions.get(email);
    if (bounced) return bounced.reason;
    return (await campaigns.isUnsubscribed(email)) ? ('unsubscribed' as const) : undefined;
  }

  async function run(campaignId: string, options: RunOptions = {}): Promise<RunOutcome> {
    const checkEvery = options.checkEvery ?? 25;
    const campaign = await campaigns.get(campaignId);
    if (!campaign) return { outcome: 'not_found' };
    if (campaign.status !== 'scheduled' && campaign.status !== 'running') return { outcome: 'inactive' };
    const event = await store.events.get(campaign.eventId, { consistent: true });
    if (!event || event.cancelled) {
      await campaigns.transition(campaign.id, ['scheduled', 'running'], 'cancelled', clock());
      return { outcome: 'inactive' };
    }
    if (!isDue(campaign, event, clock())) return { outcome: 'not_due' };
    if (campaign.status === 'scheduled') {
      const started = await campaigns.transition(campaign.id, ['scheduled'], 'running', clock(), {
        startedAt: clock().toISOString(),
      });
      if (!started && (await campaigns.get(campaign.id))?.status !== 'running')
        return { outcome: 'inactive' };
    }

    const audience = await loadAudience(store, campaign, event);
    const written = new Set((await campaigns.listRecipients(campaign.id)).map((r) => r.recipientKey));
    if (campaign.audienceSize === undefined) {
      await campaigns.update(campaign.id, 'SET audienceSize = if_not_exists(audienceSize, :n)', {
        ':n': audience.length,
      });
    }
    const filtered = isNonTransactional(campaign.kind);
    let queued = 0;
    let suppressed = 0;
    let existing = 0;
    for (const [index, recipient] of audience.entries()) {
      if (index > 0 && index % checkEvery === 0) {
        const current = await campaigns.get(campaign.id);
        if (current?.status !== 'running') return { outcome: 'stopped' };
      }
      if (written.has(recipient.key)) {
        existing++;
        continue;
      }
      options.beforeRecipient?.(index);
      const now = clock();
      const base = {
        campaignId: campaign.id,
        recipientKey: recipient.key,
        to: recipient.to,
        createdAt: now.toISOString(),
      };
      const reason = filtered ? await suppressionOf(recipient.to) : undefined;
      if (reason) {
        const outcome = await campaigns.recordSuppressed({ ...base, reason }, now);
        if (outcome === 'suppressed') suppressed++;
        else existing++;
        continue;
      }
      const outcome = await campaigns.enqueueRecipient(base, jobFor(campaign, recipient), now);
      if (outcome === 'queued') queued++;
      else existing++;
    }
    await campaigns.transition(campaign.id, ['running'], 'done', clock(), {
      finishedAt: clock().toISOString(),
    });
    log(campaign, { audience: audience.length, queued, suppressed, existing });
    return { outcome: 'done', audience: audience.length, queued, suppressed, existing };
  }

  /**
   * The periodic tick: runs every scheduled or interrupted campaign whose time has come, as the due-time index
   * lists them, so its reads follow the campaigns due, not every campaign waiting in the country. A campaign the
   * index files too early (its session moved later) is filed again under its new time. With `timeLeft`, it starts
   * no campaign in the last `TICK_MARGIN_MS`: what is left stays due for the next tick.
   */
  async function tick({ timeLeft }: { timeLeft?: () => number } = {}) {
    const results: { campaignId: string; result: RunOutcome }[] = [];
    for (const campaign of await campaigns.listDue(clock())) {
      if (timeLeft && timeLeft() < TICK_MARGIN_MS) break;
      const result = await run(campaign.id);
      if (result.outcome === 'not_due') await campaigns.redate(campaign);
      results.push({ campaignId: campaign.id, result });
    }
    return results;
  }

  return { run, tick };
}

function log(campaign: Campaign, counts: Record<string, number>) {
  console.log(
    JSON.stringify({
      level: 'info',
      message: 'campaign run',
      campaignId: campaign.id,
      kind: campaign.kind,
      ...counts,
    }),
  );
}

export type CampaignRunner = ReturnType<typeof createCampaignRunner>;
