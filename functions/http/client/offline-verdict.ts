import type { CheckinWindow, RosterEntry } from './door-types';

export type OfflineVerdict =
  | { kind: 'unknown'; reason: 'unknown_offline' | 'ticket_not_found' }
  | { kind: 'refused'; reason: 'registration_cancelled' | 'not_confirmed' }
  | { kind: 'outside'; reason: 'checkin_not_open'; opensAt: string }
  | { kind: 'outside'; reason: 'checkin_closed'; closesAt: string }
  | { kind: 'already' }
  | { kind: 'admit' };

/**
 * Whether the session's door is open at `at` (an ISO time), as the server judges it
 * (functions/domain/checkin-window.ts: assertCheckinOpen), from the window the roster download carried. A device
 * whose roster came before the window was sent knows none, and leaves the judgement to the server.
 */
export function windowVerdict(
  hours: CheckinWindow | null | undefined,
  at: string,
): Extract<OfflineVerdict, { kind: 'outside' }> | null {
  if (!hours || hours.anyTime) return null;
  const time = Date.parse(at);
  if (Number.isNaN(time)) return null;
  if (time < Date.parse(hours.opensAt))
    return { kind: 'outside', reason: 'checkin_not_open', opensAt: hours.opensAt };
  if (time >= Date.parse(hours.closesAt))
    return { kind: 'outside', reason: 'checkin_closed', closesAt: hours.closesAt };
  return null;
}

/**
 * The answer the device gives from its own roster when the server cannot be asked: the same rules in the same
 * order as the server's (functions/services/checkins.ts: the ticket, its registration, then the window at the
 * scan's time, then an earlier check-in), on the entry found by the ticket's hash or picked from the list.
 */
export function offlineVerdict(
  local: RosterEntry | undefined,
  byTicket: boolean,
  hours?: CheckinWindow | null,
  scannedAt?: string,
): OfflineVerdict {
  if (!local) return { kind: 'unknown', reason: byTicket ? 'unknown_offline' : 'ticket_not_found' };
  if (local.status === 'cancelled') return { kind: 'refused', reason: 'registration_cancelled' };
  if (local.status !== 'confirmed') return { kind: 'refused', reason: 'not_confirmed' };
  const outside = scannedAt ? windowVerdict(hours, scannedAt) : null;
  if (outside) return outside;
  if (local.checkedInAt) return { kind: 'already' };
  return { kind: 'admit' };
}
