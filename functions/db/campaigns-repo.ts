import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Campaign, type CampaignStatus, dueAt, speaksOfAttendance } from '../domain/campaign';
import { DomainError } from '../domain/errors';
import type { EmailJobInput } from '../domain/notifications';
import type { EventRecord } from '../domain/schemas';
import { hashSecret, unsubscribeTokenFor } from '../domain/tokens';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { GSI1, GSI2, keys, withoutKeys } from './keys';
import { emailJobPuts } from './outbox-items';
import { batchGetAll, queryAll } from './paging';
import { transact } from './transactions';

/** What the runner wrote for one recipient: the email's job, or why there is none. */
export type RecipientItem = {
  campaignId: string;
  recipientKey: string;
  status: 'queued' | 'suppressed';
  /** Why it was not sent: a bounce or complaint (SES), or the person unsubscribed. */
  reason?: 'bounce' | 'complaint' | 'unsubscribed';
  jobId?: string;
  to: string;
  addressHash: string;
  createdAt: string;
};

/** Addresses are compared and stored as a hash where the address itself is not needed. */
export const addressHash = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

const IS_NEW = 'attribute_not_exists(pk)';
const RECIPIENT_RETENTION_SECONDS = 180 * 24 * 60 * 60;
/** Campaigns waiting for their time or part-way through: what the runner's tick looks at. */
const queued = (status: CampaignStatus) => status === 'scheduled' || status === 'running';

/**
 * Campaigns, their recipients and the unsubscribe links. `unsubscribeKey` (the ticket key's unsubscribe-links key,
 * tokens.ts) derives each recipient's link, so neither its email job nor any other item needs to keep it.
 */
export function createCampaignsRepo(doc: DocumentClient, tableName: string, unsubscribeKey: Buffer) {
  /** A recipient's unsubscribe token: the same at every call, so the worker derives it when it renders. */
  const unsubscribeToken = (campaignId: string, recipientKey: string): string =>
    unsubscribeTokenFor(unsubscribeKey, campaignId, recipientKey);

  /** The session's times, which relative send times are counted from. */
  async function sessionTimes(eventId: string) {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.event(eventId),
        ProjectionExpression: 'startsAt, endsAt',
      }),
    );
    return Item as Pick<EventRecord, 'startsAt' | 'endsAt'> | undefined;
  }

  /**
   * The campaign's place in the due-time index while it waits or runs. A campaign of a session that is gone is
   * filed as due now: the runner then finds the session missing and cancels it.
   */
  async function queueKey(campaign: Campaign, event?: Pick<EventRecord, 'startsAt' | 'endsAt'>) {
    if (!queued(campaign.status)) return {};
    // An absolute time needs the session only when the message speaks of attendance: it waits for the end.
    const needsSession = campaign.sendAt.type === 'relative' || speaksOfAttendance(campaign);
    const times = event ?? (needsSession ? await sessionTimes(campaign.eventId) : undefined);
    const due = times
      ? dueAt(campaign, times)
      : new Date(campaign.sendAt.type === 'absolute' ? campaign.sendAt.at : 0);
    return keys.campaignQueue('active', due.toISOString(), campaign.id);
  }

  const campaignItem = async (campaign: Campaign) => ({
    ...keys.campaign(campaign.id),
    ...keys.campaignListing(campaign.eventId, campaign.createdAt, campaign.id),
    ...(await queueKey(campaign)),
    ...campaign,
  });

  async function get(campaignId: string): Promise<Campaign | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.campaign(campaignId), ConsistentRead: true }),
    );
    return Item ? (withoutKeys(Item) as Campaign) : undefined;
  }

  function batchGet(all: Record<string, unknown>[], projection: string) {
    const names: Record<string, string> = {};
    if (projection.includes('#status')) names['#status'] = 'status';
    if (projection.includes('#at')) names['#at'] = 'at';
    return batchGetAll(doc, tableName, all, {
      ProjectionExpression: projection,
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    });
  }

  return {
    get,
    unsubscribeToken,

    async create(campaign: Campaign): Promise<Campaign> {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: await campaignItem(campaign),
          ConditionExpression: IS_NEW,
        }),
      );
      return campaign;
    },

    /** Replaces a campaign if nobody changed it since `expectedVersion` was read (optimistic locking). */
    async save(campaign: Campaign, expectedVersion: number): Promise<Campaign> {
      const next = { ...campaign, version: expectedVersion + 1 };
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: await campaignItem(next),
            ConditionExpression: 'attribute_exists(pk) AND version = :version',
            ExpressionAttributeValues: { ':version': expectedVersion },
          }),
        );
        return next;
      } catch (error) {
        if (isConditionFailure(error)) throw new DomainError('conflict');
        throw error;
      }
    },

    /** Moves the status only from one of `from`; false if the campaign was in another state. */
    async transition(
      campaignId: string,
      from: CampaignStatus[],
      to: CampaignStatus,
      now: Date,
      extra: Partial<Pick<Campaign, 'startedAt' | 'finishedAt' | 'audienceSize'>> = {},
    ): Promise<boolean> {
      const current = await get(campaignId);
      if (!current || !from.includes(current.status)) return false;
      try {
        await this.save({ ...current, ...extra, status: to, updatedAt: now.toISOString() }, current.version);
        return true;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'conflict')
          return this.transition(campaignId, from, to, now, extra);
        throw error;
      }
    },

    async listByEvent(eventId: string): Promise<Campaign[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.campaignListing(eventId, '', '').gsi1pk },
      });
      return items.map((item) => withoutKeys(item) as Campaign);
    },

    /**
     * Scheduled and running campaigns due at `now`, oldest due first: one Query over the part of the due-time
     * index before `now`, so the tick reads what is due and nothing of the campaigns still waiting.
     */
    async listDue(now: Date): Promise<Campaign[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI2.name,
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :now',
        ExpressionAttributeValues: {
          ':pk': keys.campaignQueue('active', '', '').gsi2pk,
          // `$` sorts right after the `#` behind every due time: a campaign due exactly now is due.
          ':now': `${now.toISOString()}$`,
        },
      });
      return items.map((item) => withoutKeys(item) as Campaign);
    },

    /**
     * Files a waiting campaign again under its due time as the session now says (the session moved). Only while
     * it is still in the index: one that finished or was cancelled meanwhile stays out.
     */
    async redate(campaign: Campaign, event?: Pick<EventRecord, 'startsAt' | 'endsAt'>): Promise<void> {
      const key = await queueKey(campaign, event);
      if (!('gsi2sk' in key)) return;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.campaign(campaign.id),
            UpdateExpression: 'SET gsi2sk = :sk',
            ConditionExpression: 'attribute_exists(gsi2pk)',
            ExpressionAttributeValues: { ':sk': key.gsi2sk },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /**
     * Files again, by due time, waiting campaigns stored when the index was keyed by session (a table from an
     * earlier version): their key does not start with a date, so the tick would never find them due. Safe to run
     * again; returns how many it changed.
     */
    async refileUndated(): Promise<number> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI2.name,
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.campaignQueue('active', '', '').gsi2pk },
        ProjectionExpression: 'pk, sk, gsi2pk, gsi2sk',
      });
      let changed = 0;
      for (const item of items) {
        if (/^\d{4}-/.test(String(item.gsi2sk))) continue;
        const campaign = await get(String(item.pk).slice('CAMPAIGN#'.length));
        if (!campaign) continue;
        await this.redate(campaign);
        changed++;
      }
      return changed;
    },

    /** Every waiting campaign of a session, filed again under the due time its new start or end gives it. */
    async redateForEvent(event: Pick<EventRecord, 'id' | 'startsAt' | 'endsAt'>): Promise<void> {
      for (const campaign of await this.listByEvent(event.id)) {
        if (queued(campaign.status) && campaign.sendAt.type === 'relative')
          await this.redate(campaign, event);
      }
    },

    /**
     * Writes one recipient's item together with its email job and its unsubscribe link in one transaction.
     * The item's key is the campaign and the recipient, written only if absent: a second run, a concurrent
     * run or a resumed run finds it and writes nothing, so nobody gets the same campaign twice. The link's item
     * holds the hash of the token derived for this recipient; the job only says it has a link.
     */
    async enqueueRecipient(
      recipient: Omit<RecipientItem, 'status' | 'jobId' | 'reason' | 'addressHash'>,
      job: EmailJobInput,
      now: Date,
    ): Promise<'queued' | 'exists'> {
      // The job names the recipient the link is derived from, whatever the caller put in it.
      const [jobPut] = emailJobPuts(
        tableName,
        [
          {
            ...job,
            campaignId: recipient.campaignId,
            recipientKey: recipient.recipientKey,
            unsubscribeLink: true,
          },
        ],
        now,
      );
      if (!jobPut?.Put) throw new Error('no job item');
      const jobId = (jobPut.Put.Item as { id: string }).id;
      const hash = addressHash(recipient.to);
      const item: RecipientItem = { ...recipient, status: 'queued', jobId, addressHash: hash };
      const result = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.campaignRecipient(recipient.campaignId, recipient.recipientKey),
              ...item,
              expiresAt: Math.floor(now.getTime() / 1000) + RECIPIENT_RETENTION_SECONDS,
            },
            ConditionExpression: IS_NEW,
          },
        },
        jobPut,
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.unsubscribeLink(
                hashSecret(unsubscribeToken(recipient.campaignId, recipient.recipientKey)),
              ),
              addressHash: hash,
              campaignId: recipient.campaignId,
              createdAt: now.toISOString(),
              expiresAt: Math.floor(now.getTime() / 1000) + RECIPIENT_RETENTION_SECONDS,
            },
            ConditionExpression: IS_NEW,
          },
        },
      ]);
      if (result.ok) return 'queued';
      if (result.failed.includes(0)) return 'exists';
      throw new DomainError('conflict');
    },

    /** A recipient skipped because the address is suppressed: recorded once, counted in the progress. */
    async recordSuppressed(
      recipient: Omit<RecipientItem, 'status' | 'jobId' | 'addressHash'>,
      now: Date,
    ): Promise<'suppressed' | 'exists'> {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.campaignRecipient(recipient.campaignId, recipient.recipientKey),
              ...recipient,
              status: 'suppressed',
              addressHash: addressHash(recipient.to),
              expiresAt: Math.floor(now.getTime() / 1000) + RECIPIENT_RETENTION_SECONDS,
            },
            ConditionExpression: IS_NEW,
          }),
        );
        return 'suppressed';
      } catch (error) {
        if (isConditionFailure(error)) return 'exists';
        throw error;
      }
    },

    async listRecipients(campaignId: string): Promise<RecipientItem[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.campaign(campaignId).pk, ':prefix': 'RCPT#' },
      });
      return items.map((item) => withoutKeys(item) as RecipientItem);
    },

    /** The status of many email jobs at once (progress), 100 keys per request. */
    async jobStatuses(jobIds: string[]): Promise<Map<string, { status: string; messageId?: string }>> {
      const statuses = new Map<string, { status: string; messageId?: string }>();
      for (const item of await batchGet(
        jobIds.map((id) => keys.outboxJob(id)),
        'id, #status, messageId',
      )) {
        statuses.set(item.id as string, {
          status: item.status as string,
          messageId: item.messageId as string,
        });
      }
      return statuses;
    },

    /** Bounce and complaint records (suppressions-repo.ts items) of many addresses, by address hash. */
    async suppressionsOf(hashes: string[]): Promise<Map<string, { reason: string; at: string }>> {
      const found = new Map<string, { reason: string; at: string }>();
      const unique = [...new Set(hashes)];
      for (const item of await batchGet(
        unique.map((hash) => ({ pk: `SUPPRESS#${hash}`, sk: 'SUPPRESS' })),
        'pk, reason, #at',
      )) {
        found.set(String(item.pk).slice('SUPPRESS#'.length), {
          reason: item.reason as string,
          at: item.at as string,
        });
      }
      return found;
    },

    /** One-click unsubscribe: the link's address stops receiving non-transactional mail. Idempotent. */
    async unsubscribe(tokenHash: string, now: Date): Promise<boolean> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.unsubscribeLink(tokenHash), ConsistentRead: true }),
      );
      if (!Item) return false;
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.unsubscribed(Item.addressHash as string), at: now.toISOString() },
        }),
      );
      return true;
    },

    async linkExists(tokenHash: string): Promise<boolean> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.unsubscribeLink(tokenHash) }),
      );
      return !!Item;
    },

    async isUnsubscribed(email: string): Promise<boolean> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.unsubscribed(addressHash(email)) }),
      );
      return !!Item;
    },

    async update(campaignId: string, expression: string, values: Record<string, unknown>) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.campaign(campaignId),
          UpdateExpression: expression,
          ExpressionAttributeValues: values,
        }),
      );
    },
  };
}

export type CampaignsRepo = ReturnType<typeof createCampaignsRepo>;
