import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { keys } from './keys';

/**
 * One holder at a time of a scheduled job (the campaign tick, the retention purge). EventBridge Scheduler may start
 * a run while the previous one is still going (a slow tick, a retried delivery, `npm start`'s timer beside a
 * Lambda): the second finds the lease held and does nothing. A lease lasts as long as the job may run, so a holder
 * that crashed without releasing it blocks the job only until then; TTL removes the item later.
 */
export function createLeasesRepo(doc: DocumentClient, tableName: string) {
  return {
    /** True when `holder` now holds the lease on `job` until `now + ttlMs`. */
    async acquire(job: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const until = now.getTime() + ttlMs;
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.lease(job),
              holder,
              until,
              acquiredAt: now.toISOString(),
              // A day after it ends: the item is only a lock, nothing reads it later.
              expiresAt: Math.ceil(until / 1000) + 86_400,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':now': now.getTime() },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Gives the lease back, if `holder` still has it (a lease that ran out may be someone else's now). */
    async release(job: string, holder: string): Promise<void> {
      try {
        await doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.lease(job),
            ConditionExpression: 'holder = :holder',
            ExpressionAttributeValues: { ':holder': holder },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}

export type LeasesRepo = ReturnType<typeof createLeasesRepo>;
