import type { RosterEntry } from './door-types';

export type OfflineVerdict =
  | { kind: 'unknown'; reason: 'unknown_offline' | 'ticket_not_found' }
  | { kind: 'refused'; reason: 'registration_cancelled' | 'not_confirmed' }
  | { kind: 'already' }
  | { kind: 'admit' };

/**
 * The answer the device gives from its own roster when the server cannot be asked: the same rules as the server's
 * (functions/domain/checkin.ts: assertAdmissible), on the entry found by the ticket's hash or picked from the list.
 */
export function offlineVerdict(local: RosterEntry | undefined, byTicket: boolean): OfflineVerdict {
  if (!local) return { kind: 'unknown', reason: byTicket ? 'unknown_offline' : 'ticket_not_found' };
  if (local.status === 'cancelled') return { kind: 'refused', reason: 'registration_cancelled' };
  if (local.status !== 'confirmed') return { kind: 'refused', reason: 'not_confirmed' };
  if (local.checkedInAt) return { kind: 'already' };
  return { kind: 'admit' };
}
