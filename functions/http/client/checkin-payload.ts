import type { QueueItem, RosterEntry, ScanTarget, WalkInForm } from './door-types';

/** What the check-in endpoints take for one scan (functions/domain/checkin.ts: checkinRequest). */
export type CheckinPayload = {
  clientId: string;
  scannedAt: string;
  ticketCode?: string;
  registrationId?: string;
  participantId?: string;
};

/** A new scan or manual check-in, stamped with this device's nonce and clock. */
export function newQueueItem(target: ScanTarget, clientId: string, scannedAt: string): QueueItem {
  return { clientId, scannedAt, ...target };
}

/** What to check in for a scanned code: with the roster's registration id when the device knows the ticket. */
export function scanTarget(ticketCode: string, local: RosterEntry | undefined): ScanTarget {
  return local?.registrationId ? { ticketCode, registrationId: local.registrationId } : { ticketCode };
}

/** The request body for one scan: by ticket when one was scanned, else by the officer picked from the list. */
export function checkinPayload(item: QueueItem): CheckinPayload {
  const body: CheckinPayload = { clientId: item.clientId, scannedAt: item.scannedAt };
  if (item.ticketCode) {
    body.ticketCode = item.ticketCode;
    // From the roster: the server reads the registration while it looks up the ticket.
    if (item.registrationId) body.registrationId = item.registrationId;
  } else body.participantId = item.participantId;
  return body;
}

export function batchPayload(batch: readonly QueueItem[]): { checkins: CheckinPayload[] } {
  return { checkins: batch.map(checkinPayload) };
}

/**
 * The walk-in endpoint's body. The clientId always goes along (the server derives the officer's id from it, so a
 * retry seats nobody twice); the device's time only for a walk-in taken offline.
 */
export function walkInPayload(
  item: { clientId: string; scannedAt: string; walkIn: WalkInForm },
  offline: boolean,
): WalkInForm & { clientId: string; scannedAt?: string } {
  return { ...item.walkIn, clientId: item.clientId, ...(offline ? { scannedAt: item.scannedAt } : {}) };
}
