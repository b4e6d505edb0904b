import {
  DeleteItemCommand,
  type DeleteItemCommandInput,
  DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
// Only the DynamoDB store: the package's index loads every store it supports (see functions/types).
import RateLimiterDynamo from 'rate-limiter-flexible/lib/RateLimiterDynamo.js';
import RateLimiterRes from 'rate-limiter-flexible/lib/RateLimiterRes.js';
import { DomainError } from '../domain/errors';
import type { AppEnv } from './context';

/**
 * Limits on public writes and sign-in, per client address and per target, shared by every Lambda instance
 * through DynamoDB (entries expire by TTL). API Gateway throttling sits in front of this for floods.
 */
const policies = {
  /** A cooperative registers once; a Dinas office behind one address may register a few dozen. */
  registerAddress: { points: 60, duration: 10 * 60 },
  registerTarget: { points: 10, duration: 10 * 60 },
  signInAddress: { points: 20, duration: 15 * 60 },
  signInEmail: { points: 5, duration: 15 * 60 },
} as const;
export type RateLimitBucket = keyof typeof policies;

export type RateLimiter = { consume(bucket: RateLimitBucket, key: string): Promise<void> };

/** The limiter's own small table (its library's key schema: `key`, TTL on `expire`); see db/table.ts. */
export function createDynamoRateLimiter(options: { tableName: string; endpoint?: string }): RateLimiter {
  const client = new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'ap-southeast-3',
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  // The library calls the aggregated `DynamoDB` client's methods; these three are all it uses with the table and
  // its TTL already set up, and the aggregated client would bring every DynamoDB command along.
  const storeClient = {
    getItem: (input: GetItemCommandInput) => client.send(new GetItemCommand(input)),
    updateItem: (input: UpdateItemCommandInput) => client.send(new UpdateItemCommand(input)),
    deleteItem: (input: DeleteItemCommandInput) => client.send(new DeleteItemCommand(input)),
  };
  const limiters = Object.fromEntries(
    Object.entries(policies).map(([bucket, policy]) => [
      bucket,
      new RateLimiterDynamo({
        storeClient,
        tableName: options.tableName,
        tableCreated: true,
        // Both db/table.ts and the CDK stack enable TTL on `expire`; skip the library's check on every cold start.
        ttlSet: true,
        keyPrefix: bucket,
        ...policy,
      }),
    ]),
  ) as Record<RateLimitBucket, InstanceType<typeof RateLimiterDynamo>>;
  return {
    async consume(bucket, key) {
      try {
        await limiters[bucket].consume(key);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          throw new DomainError('rate_limited', { retryAfter: Math.ceil(rejection.msBeforeNext / 1000) });
        }
        throw rejection;
      }
    },
  };
}

/** The caller's address as API Gateway or the local server saw it (never a client-supplied header). */
export function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Consumes one point of `bucket` for `key`; without a configured limiter (unit tests) it allows everything. */
export async function limit(c: Context<AppEnv>, bucket: RateLimitBucket, key: string) {
  const limiter = c.get('services').rateLimiter;
  if (!limiter) return;
  try {
    await limiter.consume(bucket, key);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'rate_limited') {
      c.header('Retry-After', String(error.params.retryAfter ?? 60));
    }
    throw error;
  }
}
