import type { DocumentClient } from '../db/client';
import { createRateLimitsRepo } from '../db/rate-limits-repo';
import { DomainError } from '../domain/errors';

/**
 * Limits on public writes and sign-in, shared by every Lambda instance through DynamoDB (counters expire by TTL).
 * API Gateway throttling sits in front of this for floods.
 */
const policies = {
  /**
   * A venue's Wi-Fi, a carrier's NAT or the Dinas office puts hundreds of cooperatives behind one address: every
   * cooperative of the largest regency must be able to register from there within minutes. Abuse is held back by
   * the per-cooperative limit and the session's own capacity, not by this one.
   */
  registerAddress: { points: 2_000, duration: 10 * 60 },
  /** Attempts for one cooperative in one session: a contact retrying a refused form, not a bot. */
  registerTarget: { points: 10, duration: 10 * 60 },
  /**
   * Registrations naming one contact phone: a BA or Dinas officer may stand as contact for the cooperatives they
   * help, a few dozen, never hundreds.
   */
  registerPhone: { points: 40, duration: 10 * 60 },
  /** Registration writes to one session: above the largest regency (a few hundred cooperatives) with retries. */
  registerSession: { points: 3_000, duration: 10 * 60 },
  /** "Kirim ulang tautan kelola": each request may email a contact, so few per address and per cooperative. */
  manageLinkAddress: { points: 20, duration: 15 * 60 },
  manageLinkTarget: { points: 3, duration: 60 * 60 },
  signInAddress: { points: 20, duration: 15 * 60 },
  signInEmail: { points: 5, duration: 15 * 60 },
  /**
   * Tanya jawab: a hall of 400 phones shares the venue's Wi-Fi, so the address limit only stops a flood; one phone
   * or ticket asks a few questions, and a session takes at most a few hundred.
   */
  questionAddress: { points: 600, duration: 10 * 60 },
  questionAsker: { points: 5, duration: 10 * 60 },
  questionSession: { points: 1_000, duration: 10 * 60 },
  /** Votes: one per question per voter anyway; these stop a script from voting with made-up device ids. */
  voteAddress: { points: 4_000, duration: 10 * 60 },
  voteSession: { points: 20_000, duration: 10 * 60 },
} as const;
export type RateLimitBucket = keyof typeof policies;

export type RateLimiter = { consume(bucket: RateLimitBucket, key: string): Promise<void> };

/**
 * The limiter over the limiter's own table. A limiter that cannot reach its table lets the request through with a
 * warning in the log: an outage of the counters must not turn registrations into errors (the request itself
 * still meets the main table, which answers 503 if it is down too).
 */
export function createDynamoRateLimiter(doc: DocumentClient, tableName: string): RateLimiter {
  const counters = createRateLimitsRepo(doc, tableName);
  return {
    async consume(bucket, key) {
      const policy = policies[bucket];
      let hit: Awaited<ReturnType<typeof counters.hit>>;
      try {
        hit = await counters.hit(`${bucket}#${key}`, policy.points, policy.duration);
      } catch (error) {
        console.warn(
          JSON.stringify({
            level: 'warn',
            message: 'rate limiter unavailable; request allowed',
            bucket,
            error: error instanceof Error ? ((error as { code?: string }).code ?? error.name) : String(error),
          }),
        );
        return;
      }
      if (!hit.allowed) throw new DomainError('rate_limited', { retryAfter: hit.retryAfterSeconds });
    },
  };
}
