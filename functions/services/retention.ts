import type { Store } from '../db/store';
import { anonymized, DEFAULT_RETENTION_DAYS, retentionCutoff } from '../domain/privacy';

/**
 * Erases personal data of sessions that ended more than `days` ago (UU PDP storage limitation), in place: each
 * registration keeps its status, so attendance and coverage figures of the session stay true, and no counter moves
 * and nobody is emailed. Safe to run again after a crash at any point: each registration is one conditional
 * transaction, and what is done is skipped.
 */
export async function purgeExpiredPersonalData(store: Store, now: Date, days = DEFAULT_RETENTION_DAYS) {
  const cutoff = retentionCutoff(now, days);
  let erased = 0;
  for (const event of await store.sessions.listAll()) {
    if (Date.parse(event.endsAt) >= cutoff.getTime()) continue;
    for (const registration of await store.registrations.listByEvent(event.id)) {
      if ('erasedAt' in registration) continue;
      // The roster index may lag behind a run that crashed after erasing: the item itself decides.
      const current = await store.registrations.get(registration.id);
      if (!current || 'erasedAt' in current) continue;
      await store.registrations.erase(current, anonymized(current, now), { anyStatus: true });
      erased++;
    }
  }
  return { erased };
}
