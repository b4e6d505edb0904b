import type { Store } from '../db/store';
import { anonymized, DEFAULT_RETENTION_DAYS, retentionCutoff } from '../domain/privacy';

/** The waitlist goes first: cancelling a confirmed group while others wait would promote (and email) them. */
const waitlistFirst = (a: { status: string }, b: { status: string }) =>
  Number(b.status === 'waitlisted') - Number(a.status === 'waitlisted');

/**
 * Erases personal data of sessions that ended more than `days` ago (UU PDP storage limitation). Registrations
 * still active are cancelled first, silently (nobody needs an email about a session long past). Aggregates stay.
 * Safe to run again after a crash at any point: each step is one conditional transaction, and what is done is
 * skipped.
 */
export async function purgeExpiredPersonalData(store: Store, now: Date, days = DEFAULT_RETENTION_DAYS) {
  const cutoff = retentionCutoff(now, days);
  let erased = 0;
  for (const event of await store.events.list({ limit: 1000 })) {
    if (Date.parse(event.endsAt) >= cutoff.getTime()) continue;
    const registrations = (await store.registrations.listByEvent(event.id)).sort(waitlistFirst);
    for (const registration of registrations) {
      if ((registration as { erasedAt?: string }).erasedAt) continue;
      let current = await store.registrations.get(registration.id);
      // The roster index may lag behind a run that crashed after erasing: the item itself decides.
      if (!current || 'erasedAt' in current) continue;
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
