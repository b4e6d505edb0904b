import type { Context } from 'hono';
import { DomainError } from '../domain/errors';
import type { RateLimitBucket } from '../services/rate-limiter';
import type { AppEnv } from './context';

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
