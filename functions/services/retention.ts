import type { Store } from '../db/store';
import { anonymized, DEFAULT_RETENTION_DAYS, retentionCutoff } from '../domain/privacy';

export type PurgeOptions = {
  /** Milliseconds the caller can still give the purge; it stops before starting a session it might not finish. */
  timeLeft?: () => number;
  /** Sessions read from the end-time index per query. */
  pageSize?: number;
};

/** A session with hundreds of registrations takes seconds to erase: stop starting new ones this close to the end. */
const SAFETY_MARGIN_MS = 30_000;

/**
 * Erases personal data of sessions that ended more than `days` ago (UU PDP storage limitation), in place: each
 * registration keeps its status, so attendance and coverage figures of the session stay true, and no counter moves
 * and nobody is emailed.
 *
 * Sessions are read from the end-time index, page after page with its cursor, so every expired session is erased
 * however many there are; a session leaves the index when it is done, so the cost of a run follows the sessions
 * that expired since the last one, not every session ever held. Safe to run again after a crash at any point:
 * each registration is one conditional transaction, what is done is skipped, and a session whose erasure was cut
 * short stays in the index for the next run. `complete` is false when it stopped for time; the next run resumes.
 */
export async function purgeExpiredPersonalData(
  store: Store,
  now: Date,
  days = DEFAULT_RETENTION_DAYS,
  { timeLeft = () => Number.POSITIVE_INFINITY, pageSize = 100 }: PurgeOptions = {},
) {
  const cutoff = retentionCutoff(now, days);
  let erased = 0;
  let sessions = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await store.eventAdmin.listEndedBefore(cutoff, { limit: pageSize, cursor });
    for (const ended of page.ended) {
      if (timeLeft() < SAFETY_MARGIN_MS) return { erased, sessions, complete: false };
      for (const registration of await store.registrations.listByEvent(ended.eventId)) {
        if ('erasedAt' in registration) continue;
        // The roster index may lag behind a run that crashed after erasing: the item itself decides.
        const current = await store.registrations.get(registration.id);
        if (!current || 'erasedAt' in current) continue;
        await store.registrations.erase(current, anonymized(current, now), { anyStatus: true });
        erased++;
      }
      await store.eventAdmin.markErased(ended, now);
      sessions++;
    }
    cursor = page.next;
  } while (cursor);
  return { erased, sessions, complete: true };
}
