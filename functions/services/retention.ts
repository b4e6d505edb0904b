import type { Store } from '../db/store';
import { anonymized, DEFAULT_RETENTION_DAYS, retentionCutoff } from '../domain/privacy';

/**
 * Erases personal data of sessions that ended more than `days` ago (UU PDP storage limitation). Registrations
 * still active are cancelled first, silently (nobody needs an email about a session long past). Aggregates stay.
 */
export async function purgeExpiredPersonalData(store: Store, now: Date, days = DEFAULT_RETENTION_DAYS) {
  const cutoff = retentionCutoff(now, days);
  let erased = 0;
  for (const event of await store.events.list({ limit: 1000 })) {
    if (Date.parse(event.endsAt) >= cutoff.getTime()) continue;
    for (const registration of await store.registrations.listByEvent(event.id)) {
      if ((registration as { erasedAt?: string }).erasedAt) continue;
      let current = await store.registrations.get(registration.id);
      if (!current) continue;
      if (current.status !== 'cancelled') {
        await store.registrations.cancel(current, now, { notify: false });
        current = await store.registrations.get(registration.id);
        if (!current) continue;
      }
      await store.registrations.erase(current, anonymized(current, now));
      erased++;
    }
  }
  return { erased };
}
