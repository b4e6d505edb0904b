import type { Context } from 'hono';
import type RateLimiterDynamo from 'rate-limiter-flexible/lib/RateLimiterDynamo.js';
import { createDynamoHttp, DynamoDbError } from '../db/dynamo-http';
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
  const db = createDynamoHttp({
    region: process.env.AWS_REGION ?? 'ap-southeast-3',
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  // The library calls three methods of the SDK's aggregated `DynamoDB` client with wire-format items, reads
  // `$metadata` on success and `__type` on a failed condition: this is that client's face over dynamo-http.ts.
  const call = (operation: string) => async (input: object) => {
    try {
      return { ...(await db.call(operation, input)), $metadata: { httpStatusCode: 200 } };
    } catch (error) {
      if (error instanceof DynamoDbError) Object.assign(error, { __type: error.name });
      throw error;
    }
  };
  const storeClient = {
    getItem: call('GetItem'),
    updateItem: call('UpdateItem'),
    deleteItem: call('DeleteItem'),
  };
  // Loaded on the first limited request (a registration, a sign-in), not at cold start: scans and pages never
  // need it. Only the DynamoDB store: the package's index loads every store it supports (see functions/types).
  const load = async () => {
    const [{ default: Limiter }, { default: RateLimiterRes }] = await Promise.all([
      import('rate-limiter-flexible/lib/RateLimiterDynamo.js'),
      import('rate-limiter-flexible/lib/RateLimiterRes.js'),
    ]);
    const limiters = Object.fromEntries(
      Object.entries(policies).map(([bucket, policy]) => [
        bucket,
        new Limiter({
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
    return { limiters, RateLimiterRes };
  };
  let loaded: ReturnType<typeof load> | undefined;
  return {
    async consume(bucket, key) {
      loaded ??= load();
      const { limiters, RateLimiterRes } = await loaded;
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
