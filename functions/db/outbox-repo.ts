import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EmailJobInput } from '../domain/notifications';
import { newId } from '../domain/tokens';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { GSI2, keys, PENDING_OUTBOX, withoutKeys } from './keys';
import { emailJobPuts } from './outbox-items';
import { queryAll, queryPage } from './paging';
import { type TransactItem, transact } from './transactions';

/**
 * Email jobs move pending -> claimed -> sending -> sent, or back to pending with a later `availableAt` after a
 * transport error, or to failed after the last attempt. Every move is a conditional write on the job's status
 * and the claim id of the worker holding it, so two workers or a replayed stream record can never both send it.
 *
 * A worker that dies before handing the message to the transport leaves it `claimed`: when the lease runs out
 * the sweep puts it back to pending, and a restart sends it once. One that dies after the hand-over leaves it
 * `sending`: the sweep marks it `uncertain` and shows it to organizers instead of re-sending it, because the
 * transports cannot tell us whether the message left, and a duplicate ticket email is worse than a visible
 * "please check" (at-most-once in that window of milliseconds, at-least-once everywhere else).
 */
export type EmailJobStatus = 'pending' | 'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain';

export type EmailJob = EmailJobInput & {
  id: string;
  status: EmailJobStatus;
  attempts: number;
  availableAt: string;
  createdAt: string;
  claimId?: string;
  leaseUntil?: string;
  sentAt?: string;
  messageId?: string;
  lastError?: string;
  /** Only in jobs written before unsubscribe and invitation links were derived (outreach/invitation-email.ts). */
  secret?: string;
};

const SENDING = 'OUTBOX#sending';
const FAILED = 'OUTBOX#failed';
const UNCERTAIN = 'OUTBOX#uncertain';
const SENT_RETENTION_SECONDS = 180 * 24 * 60 * 60;
const STATUS = { '#status': 'status' };

const held = () => true;
/** A write conditioned on the worker's claim failed its condition: the job is someone else's now. */
const lostClaim = (error: unknown) => {
  if (isConditionFailure(error)) return false;
  throw error;
};

export function createOutboxRepo(doc: DocumentClient, tableName: string) {
  /** Jobs in one state up to a time, oldest first: all of them, or the `batch` oldest. */
  async function listByState(partition: string, upTo: string, batch?: number): Promise<EmailJob[]> {
    const query = {
      TableName: tableName,
      IndexName: GSI2.name,
      KeyConditionExpression: 'gsi2pk = :state AND gsi2sk <= :upTo',
      ExpressionAttributeValues: { ':state': partition, ':upTo': `${upTo}~` },
    };
    const items = batch ? (await queryPage(doc, query, batch)).items : await queryAll(doc, query);
    return items.map((item) => withoutKeys(item) as EmailJob);
  }

  /** The write that records a job as sent; see markSent. */
  const sentUpdate = (job: EmailJob, messageId: string, now: Date) => ({
    TableName: tableName,
    Key: keys.outboxJob(job.id),
    UpdateExpression:
      'SET #status = :sent, sentAt = :now, messageId = :messageId, expiresAt = :expires REMOVE secret, claimId, leaseUntil, gsi2pk, gsi2sk, lastError',
    // `claimed` too: a job with nothing left to send (its officer was substituted) is closed without sending.
    ConditionExpression: 'claimId = :claim AND #status IN (:claimed, :sending, :uncertain)',
    ExpressionAttributeNames: STATUS,
    ExpressionAttributeValues: {
      ':sent': 'sent',
      ':claimed': 'claimed',
      ':sending': 'sending',
      ':uncertain': 'uncertain',
      ':now': now.toISOString(),
      ':messageId': messageId,
      ':claim': job.claimId,
      ':expires': Math.floor(now.getTime() / 1000) + SENT_RETENTION_SECONDS,
    },
  });
  const failedUpdate = (job: EmailJob, error: string, now: Date) => ({
    TableName: tableName,
    Key: keys.outboxJob(job.id),
    UpdateExpression:
      'SET #status = :failed, failedAt = :now, lastError = :error, gsi2pk = :failedPk, gsi2sk = :failedSk REMOVE claimId, leaseUntil',
    ConditionExpression: 'claimId = :claim AND #status IN (:claimed, :sending)',
    ExpressionAttributeNames: STATUS,
    ExpressionAttributeValues: {
      ':failed': 'failed',
      ':claimed': 'claimed',
      ':sending': 'sending',
      ':now': now.toISOString(),
      ':error': error.slice(0, 500),
      ':failedPk': FAILED,
      ':failedSk': `${now.toISOString()}#${job.id}`,
      ':claim': job.claimId,
    },
  });

  return {
    /** Queues emails outside any other write (an organizer's test send): all of them or, on a conflict, none. */
    async queue(jobs: EmailJobInput[], now: Date): Promise<boolean> {
      return (await transact(doc, emailJobPuts(tableName, jobs, now))).ok;
    },

    get: async (jobId: string) => {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.outboxJob(jobId), ConsistentRead: true }),
      );
      return Item ? (withoutKeys(Item) as EmailJob) : undefined;
    },

    /**
     * The `batch` oldest jobs whose time has come: one run's share of work. The stream hands every new job to a
     * worker at once; what a run leaves, the next scheduled sweep takes.
     */
    due: (now: Date, batch = 25) => listByState(PENDING_OUTBOX, now.toISOString(), batch),
    /** Every job that failed for good, oldest first (organizers see and retry them). */
    failed: () => listByState(FAILED, '~'),
    /** Every job whose send may or may not have happened, oldest first. */
    uncertain: () => listByState(UNCERTAIN, '~'),

    /** Takes a pending, due job for this worker; undefined if another worker was first or it is not due. */
    async claim(jobId: string, now: Date, leaseMs: number): Promise<EmailJob | undefined> {
      const claimId = newId();
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.outboxJob(jobId),
            UpdateExpression:
              'SET #status = :claimed, claimId = :claim, leaseUntil = :lease, gsi2pk = :sendingPk, gsi2sk = :sendingSk ADD attempts :one',
            ConditionExpression: '#status = :pending AND availableAt <= :now',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: {
              ':claimed': 'claimed',
              ':pending': 'pending',
              ':claim': claimId,
              ':lease': leaseUntil,
              ':sendingPk': SENDING,
              ':sendingSk': `${leaseUntil}#${jobId}`,
              ':one': 1,
              ':now': now.toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? (withoutKeys(Attributes) as EmailJob) : undefined;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    /** The last write before the transport is called: from here on a crash makes the job uncertain. */
    async markSending(job: EmailJob): Promise<EmailJob | undefined> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.outboxJob(job.id),
            UpdateExpression: 'SET #status = :sending',
            ConditionExpression: 'claimId = :claim AND #status = :claimed',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':claimed': 'claimed',
              ':claim': job.claimId,
            },
          }),
        );
        return { ...job, status: 'sending' };
      } catch (error) {
        if (isConditionFailure(error)) return undefined; // the lease ran out and the job went back to the queue
        throw error;
      }
    },

    /**
     * Records delivery and drops the `secret` an older job may still carry (an unsubscribe or invitation link;
     * jobs written now carry none, their links are derived). This and
     * the two below answer false when the worker no longer holds the job (its lease ran out and the sweep or an
     * organizer moved it on): the worker then leaves it to whoever has it now.
     */
    async markSent(job: EmailJob, messageId: string, now: Date): Promise<boolean> {
      const write = doc.send(new UpdateCommand(sentUpdate(job, messageId, now)));
      return write.then(held, lostClaim);
    },

    /**
     * markSent together with other writes that must exist exactly when the job is recorded as sent (the
     * WhatsApp message's log and its platform id); false when the worker no longer holds the job.
     */
    async markSentWith(job: EmailJob, messageId: string, now: Date, items: TransactItem[]): Promise<boolean> {
      const result = await transact(doc, [{ Update: sentUpdate(job, messageId, now) }, ...items]);
      if (result.ok) return true;
      if (result.failed.includes(0)) return false;
      throw new Error(`writes recorded with job ${job.id} failed their conditions`);
    },

    /** markFailed together with the writes that follow a failure (the fallback email's job); as markSentWith. */
    async markFailedWith(job: EmailJob, error: string, now: Date, items: TransactItem[]): Promise<boolean> {
      const result = await transact(doc, [{ Update: failedUpdate(job, error, now) }, ...items]);
      if (result.ok) return true;
      if (result.failed.includes(0)) return false;
      throw new Error(`writes recorded with job ${job.id} failed their conditions`);
    },

    async markRetry(job: EmailJob, error: string, availableAt: Date): Promise<boolean> {
      const at = availableAt.toISOString();
      const write = doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.outboxJob(job.id),
          UpdateExpression:
            'SET #status = :pending, availableAt = :at, lastError = :error, gsi2pk = :pendingPk, gsi2sk = :pendingSk REMOVE claimId, leaseUntil',
          ConditionExpression: 'claimId = :claim AND #status IN (:claimed, :sending)',
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':claimed': 'claimed',
            ':sending': 'sending',
            ':at': at,
            ':error': error.slice(0, 500),
            ':pendingPk': PENDING_OUTBOX,
            ':pendingSk': `${at}#${job.id}`,
            ':claim': job.claimId,
          },
        }),
      );
      return write.then(held, lostClaim);
    },

    async markFailed(job: EmailJob, error: string, now: Date): Promise<boolean> {
      const write = doc.send(new UpdateCommand(failedUpdate(job, error, now)));
      return write.then(held, lostClaim);
    },

    /**
     * Jobs whose worker vanished: never handed to the transport (`claimed`) go back to the queue; handed over
     * (`sending`) become uncertain and are shown to organizers, never re-sent automatically.
     */
    async sweepExpiredLeases(now: Date): Promise<{ requeued: EmailJob[]; uncertain: EmailJob[] }> {
      const expired = await listByState(SENDING, now.toISOString());
      const requeued: EmailJob[] = [];
      const uncertain: EmailJob[] = [];
      for (const job of expired) {
        const neverSent = job.status === 'claimed';
        const at = now.toISOString();
        try {
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keys.outboxJob(job.id),
              UpdateExpression: neverSent
                ? 'SET #status = :next, availableAt = :now, gsi2pk = :pk, gsi2sk = :sk REMOVE claimId, leaseUntil'
                : 'SET #status = :next, gsi2pk = :pk, gsi2sk = :sk, lastError = :why',
              ConditionExpression: '#status = :was AND leaseUntil < :now',
              ExpressionAttributeNames: STATUS,
              ExpressionAttributeValues: {
                ':next': neverSent ? 'pending' : 'uncertain',
                ':was': job.status,
                ':pk': neverSent ? PENDING_OUTBOX : UNCERTAIN,
                ':sk': `${at}#${job.id}`,
                ':now': at,
                ...(neverSent
                  ? {}
                  : {
                      ':why': 'The worker stopped while sending; check with the recipient before resending.',
                    }),
              },
            }),
          );
          (neverSent ? requeued : uncertain).push({ ...job, status: neverSent ? 'pending' : 'uncertain' });
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return { requeued, uncertain };
    },

    /** An organizer's explicit "send again" for a failed or uncertain job. */
    async requeue(jobId: string, now: Date): Promise<boolean> {
      const at = now.toISOString();
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.outboxJob(jobId),
            UpdateExpression:
              'SET #status = :pending, availableAt = :at, attempts = :zero, gsi2pk = :pendingPk, gsi2sk = :sk REMOVE claimId, leaseUntil',
            ConditionExpression: '#status IN (:failed, :uncertain)',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':failed': 'failed',
              ':uncertain': 'uncertain',
              ':at': at,
              ':zero': 0,
              ':pendingPk': PENDING_OUTBOX,
              ':sk': `${at}#${jobId}`,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
