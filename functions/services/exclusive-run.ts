import { randomUUID } from 'node:crypto';
import type { Store } from '../db/store';

/**
 * Runs `work` only if no other run of `job` is under way (a lease in the table, held at most `maxMs`, the
 * function's timeout), so an overlapping schedule, a retried delivery or a second process never runs a job twice
 * at once. Answers `{ skipped: true }` when another run holds it.
 */
export async function runExclusively<T>(
  store: Store,
  job: string,
  maxMs: number,
  work: () => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<{ skipped: true } | { skipped: false; result: T }> {
  const holder = randomUUID();
  if (!(await store.leases.acquire(job, holder, now(), maxMs))) return { skipped: true };
  try {
    return { skipped: false, result: await work() };
  } finally {
    await store.leases.release(job, holder);
  }
}
