import type { Context } from 'hono';
import { DomainError } from '../domain/errors';
import type { RateLimitBucket } from '../services/rate-limiter';
import type { BaseEnv } from './context';

/** The caller's address as API Gateway or the local server saw it (never a client-supplied header). */
export function clientAddress<E extends BaseEnv>(c: Context<E>): string {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * One refused registration as a CloudWatch metric (embedded metric format: a log line CloudWatch turns into a
 * data point, no API call). The operator's alarm watches their rate (infra/constructs/operator-alarms.ts).
 */
function reportRefused(bucket: RateLimitBucket) {
  if (!bucket.startsWith('register')) return;
  console.log(
    JSON.stringify({
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: 'hadir',
            Dimensions: [['stage']],
            Metrics: [{ Name: 'RegistrationsRefused', Unit: 'Count' }],
          },
        ],
      },
      stage: process.env.HADIR_STAGE ?? 'local',
      RegistrationsRefused: 1,
      level: 'warn',
      message: 'registration refused by rate limit',
      bucket,
    }),
  );
}

/** Consumes one point of `bucket` for `key`; without a configured limiter (unit tests) it allows everything. */
export async function limit<E extends BaseEnv>(c: Context<E>, bucket: RateLimitBucket, key: string) {
  const limiter = c.get('services').rateLimiter;
  if (!limiter) return;
  try {
    await limiter.consume(bucket, key);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'rate_limited') {
      c.header('Retry-After', String(error.params.retryAfter ?? 60));
      reportRefused(bucket);
    }
    throw error;
  }
}

/**
 * The limits a validated registration meets, beyond the caller's address: its cooperative, its contact's phone and
 * its session. None of them is reached by a whole regency registering from one venue's Wi-Fi.
 */
export async function limitRegistration<E extends BaseEnv>(
  c: Context<E>,
  eventId: string,
  input: { cooperativeId: string; contact: { phone: string } },
) {
  await limit(c, 'registerTarget', `${eventId}:${input.cooperativeId}`);
  await limit(c, 'registerPhone', `${eventId}:${input.contact.phone}`);
  await limit(c, 'registerSession', eventId);
}
