import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';

/** Attribute names of the limiter's own small table (db/table.ts, infra/data-stack.ts): `key`, TTL on `expire`. */
const HITS = 'hits';

export type WindowHit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters shared by every Lambda instance: one conditional UpdateItem per hit adds one to the
 * counter of the current window unless it already holds `points`. A refused hit writes nothing, so a client that
 * keeps hammering does not extend its own ban; old windows expire by TTL.
 */
export function createRateLimitsRepo(doc: DocumentClient, tableName: string) {
  return {
    async hit(key: string, points: number, windowSeconds: number, now = Date.now()): Promise<WindowHit> {
      const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
      const windowEnd = windowStart + windowSeconds;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { key: `${key}#${windowStart}` },
            UpdateExpression: 'ADD #hits :one SET #expire = if_not_exists(#expire, :expire)',
            ConditionExpression: 'attribute_not_exists(#hits) OR #hits < :points',
            ExpressionAttributeNames: { '#hits': HITS, '#expire': 'expire' },
            // TTL deletion runs late; the minute of slack keeps a window readable until it has ended.
            ExpressionAttributeValues: { ':one': 1, ':points': points, ':expire': windowEnd + 60 },
          }),
        );
        return { allowed: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowEnd - now / 1000)) };
      }
    },
  };
}

export type RateLimitsRepo = ReturnType<typeof createRateLimitsRepo>;
