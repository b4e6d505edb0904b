import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Channel } from '../domain/channels';
import type { EmailJobInput } from '../domain/notifications';
import { hashSecret } from '../domain/tokens';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import {
  campaignMessagesPartition,
  GSI1,
  GSI3,
  keys,
  registrationMessagesPartition,
  withoutKeys,
} from './keys';
import { emailJobPut } from './outbox-items';
import type { EmailJob } from './outbox-repo';
import { queryAll } from './paging';
import { type TransactItem, transact } from './transactions';

/**
 * The WhatsApp channel's records: numbers that stopped messages, what each sent message became (both
 * channels, so the console shows a registration's messages side by side), the platform's message ids the status
 * webhooks name, and inbound messages already handled (the platform redelivers webhooks).
 */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';
export type MessageLog = {
  jobId: string;
  channel: Channel;
  kind: string;
  status: DeliveryStatus;
  platformId: string;
  registrationId?: string;
  participantId?: string;
  campaignId?: string;
  language: 'id' | 'en';
  /** The job's own fields a fallback email is built from. */
  fallbackEmail?: boolean;
  recipientKey?: string;
  eventId?: string;
  sentAt: string;
  deliveredAt?: string;
  readAt?: string;
  failedAt?: string;
  error?: string;
};

/** Later states win; a replayed or late `delivered` never overwrites `read`, and `failed` is final. */
const RANK: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, read: 3, failed: 9 };
const LOG_RETENTION_SECONDS = 400 * 24 * 60 * 60;
const INBOUND_RETENTION_SECONDS = 30 * 24 * 60 * 60;

const phoneHash = (phone: string) => hashSecret(`whatsapp:${phone}`);
export const fallbackJobId = (jobId: string) => `${jobId}-email`;
/** The WhatsApp job an email job stands in for, when it is a fallback (its id is derived from that job's). */
export const fallbackOriginal = (jobId: string) =>
  jobId.endsWith('-email') ? jobId.slice(0, -'-email'.length) : undefined;

export function createWhatsAppRepo(doc: DocumentClient, tableName: string) {
  const toLog = (item: Record<string, unknown>) => withoutKeys(item) as MessageLog & { rank?: number };

  /** The log of one message under its registration and campaign, and for WhatsApp the platform id webhooks name. */
  function logItems(
    job: EmailJob,
    channel: Channel,
    outcome: { status: 'sent' | 'failed'; platformId: string; error?: string },
    now: Date,
  ): TransactItem[] {
    const { platformId } = outcome;
    const sentAt = now.toISOString();
    const expiresAt = Math.floor(now.getTime() / 1000) + LOG_RETENTION_SECONDS;
    const log: MessageLog = {
      jobId: job.id,
      channel,
      kind: job.kind,
      status: outcome.status,
      platformId,
      ...(outcome.status === 'failed' ? { failedAt: sentAt, error: outcome.error } : {}),
      language: job.language,
      sentAt,
      ...(job.registrationId ? { registrationId: job.registrationId } : {}),
      ...(job.participantId ? { participantId: job.participantId } : {}),
      ...(job.campaignId ? { campaignId: job.campaignId } : {}),
      ...(job.recipientKey ? { recipientKey: job.recipientKey } : {}),
      ...(job.eventId ? { eventId: job.eventId } : {}),
      ...(job.fallbackEmail ? { fallbackEmail: true } : {}),
    };
    const items: TransactItem[] = [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.messageLog(job.id),
            ...(job.registrationId ? keys.messageOfRegistration(job.registrationId, sentAt, job.id) : {}),
            ...(job.campaignId ? keys.messageOfCampaign(job.campaignId, sentAt, job.id) : {}),
            ...log,
            rank: RANK[outcome.status],
            expiresAt,
          },
        },
      },
    ];
    if (channel === 'whatsapp' && platformId)
      items.push({
        Put: {
          TableName: tableName,
          Item: { ...keys.whatsappMessage(platformId), jobId: job.id, expiresAt },
        },
      });
    return items;
  }

  return {
    async optOut(phone: string, source: 'reply' | 'platform' | 'organizer', now: Date): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.whatsappOptOut(phoneHash(phone)), source, at: now.toISOString() },
        }),
      );
    },
    async optIn(phone: string): Promise<void> {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.whatsappOptOut(phoneHash(phone)) }));
    },
    async isOptedOut(phone: string): Promise<boolean> {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.whatsappOptOut(phoneHash(phone)),
          ConsistentRead: true,
        }),
      );
      return Boolean(Item);
    },

    /**
     * The writes that record a sent message, to go in the same transaction as the job's `sent` (markSentWith):
     * the log listed under its registration and campaign, and for WhatsApp the platform id the webhooks name.
     */
    sentItems(job: EmailJob, channel: Channel, platformId: string, now: Date): TransactItem[] {
      return logItems(job, channel, { status: 'sent', platformId }, now);
    },

    /** Logs a message sent on its own, after the job was already marked (an email the worker sent). */
    async recordSent(job: EmailJob, channel: Channel, platformId: string, now: Date): Promise<void> {
      await transact(doc, logItems(job, channel, { status: 'sent', platformId }, now));
    },

    /**
     * A WhatsApp message the platform refused outright (a number not on WhatsApp, a template problem, attempts
     * used up): logged as failed, in the same transaction as the job's `failed`, so the console lists it beside
     * the email that replaced it.
     */
    failedItems(job: EmailJob, error: string, now: Date): TransactItem[] {
      if (!job.registrationId && !job.campaignId) return [];
      return logItems(job, 'whatsapp', { status: 'failed', platformId: '', error }, now);
    },

    async logOf(jobId: string): Promise<MessageLog | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.messageLog(jobId), ConsistentRead: true }),
      );
      return Item ? toLog(Item) : undefined;
    },

    async logOfPlatformId(platformId: string): Promise<MessageLog | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.whatsappMessage(platformId), ConsistentRead: true }),
      );
      return Item ? this.logOf(Item.jobId as string) : undefined;
    },

    /**
     * Moves a message's status forward. Answers false when it is not a step forward (a replay, a status arriving
     * after a later one): nothing changes then, so a webhook may be delivered any number of times. A `failed`
     * status can bring the fallback email's job, written in the same transaction and under an id derived from the
     * job, so it exists once.
     */
    async advance(
      jobId: string,
      status: Exclude<DeliveryStatus, 'sent'>,
      at: Date,
      { error, fallback }: { error?: string; fallback?: EmailJobInput } = {},
    ): Promise<boolean> {
      const time = at.toISOString();
      const update = {
        TableName: tableName,
        Key: keys.messageLog(jobId),
        UpdateExpression: [
          'SET #status = :status, #rank = :rank',
          `${status}At = if_not_exists(${status}At, :at)`,
          // A read message was delivered, even if the platform's `delivered` never comes or comes later.
          ...(status === 'read' ? ['deliveredAt = if_not_exists(deliveredAt, :at)'] : []),
          ...(error ? ['#error = :error'] : []),
        ].join(', '),
        ConditionExpression: 'attribute_exists(pk) AND #rank < :rank',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#rank': 'rank',
          ...(error ? { '#error': 'error' } : {}),
        },
        ExpressionAttributeValues: {
          ':status': status,
          ':rank': RANK[status],
          ':at': time,
          ...(error ? { ':error': error.slice(0, 300) } : {}),
        },
      };
      try {
        if (fallback) {
          const result = await transact(doc, [
            { Update: update },
            emailJobPut(tableName, fallback, at, fallbackJobId(jobId)),
          ]);
          if (result.ok || result.failed.includes(0)) return result.ok;
          // The fallback was written before (by the worker): the status still moves on.
        }
        await doc.send(new UpdateCommand(update));
        return true;
      } catch (caught) {
        if (isConditionFailure(caught)) return false;
        throw caught;
      }
    },

    /** The fallback email's job put, for a WhatsApp job that failed before the platform took it. */
    fallbackPut: (jobId: string, job: EmailJobInput, now: Date) =>
      emailJobPut(tableName, job, now, fallbackJobId(jobId)),

    /** True the first time an inbound message id is seen; false for every redelivery of it. */
    async firstSight(messageId: string, now: Date): Promise<boolean> {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.whatsappInbound(hashSecret(messageId)),
              at: now.toISOString(),
              expiresAt: Math.floor(now.getTime() / 1000) + INBOUND_RETENTION_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** A registration's sent messages, both channels, oldest first. */
    async byRegistration(registrationId: string): Promise<MessageLog[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': registrationMessagesPartition(registrationId) },
      });
      return items.map(toLog);
    },

    /** A campaign's sent messages, both channels, oldest first. */
    async byCampaign(campaignId: string): Promise<MessageLog[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI3.name,
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': campaignMessagesPartition(campaignId) },
      });
      return items.map(toLog);
    },
  };
}

export type WhatsAppRepo = ReturnType<typeof createWhatsAppRepo>;
