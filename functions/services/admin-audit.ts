import type { Store } from '../db/store';
import type { AuditEntry, User } from '../domain/accounts';
import { newId } from '../domain/tokens';

/** Writes one audit entry for an action of `user` (PDP: log who viewed or changed personal data). */
export async function audit(
  store: Store,
  user: User,
  now: Date,
  entry: Pick<AuditEntry, 'action' | 'targetType' | 'targetId'> &
    Partial<Pick<AuditEntry, 'eventId' | 'detail'>>,
) {
  await store.audit.record({
    id: newId(),
    at: now.toISOString(),
    actorId: user.id,
    actorEmail: user.email,
    ...entry,
  });
}
