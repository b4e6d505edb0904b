import { canManageEvent, canReadEvent } from './access-policy';
import type { User } from './accounts';
import type { EventRecord } from './schemas';

/**
 * Who may register a cooperative's officers from the console, on its behalf: the session's organizers (and admins)
 * for any invited cooperative, a Business Assistant only for the cooperatives assigned to them. Returns the test
 * for a cooperative id, or undefined when the user may enter none.
 */
export function assistedRegistrationScope(
  user: User,
  event: Pick<EventRecord, 'organisationId'>,
  assigned: string[],
): ((cooperativeId: string) => boolean) | undefined {
  if (canManageEvent(user, event)) return () => true;
  if (user.role === 'business_assistant' && canReadEvent(user, event)) {
    const mine = new Set(assigned);
    return (cooperativeId) => mine.has(cooperativeId);
  }
  return undefined;
}
