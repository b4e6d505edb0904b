import type { ApiError, Place, QueueItem, RosterEntry, WalkInForm } from './door-types';

/**
 * A walk-in taken without network: admitted on this device under a placeholder id and queued with its nonce and
 * time, until the walk-in endpoint seats them and answers with their real id.
 */

const PLACEHOLDER = 'walk-in:';

/** A walk-in as the form produced it: one nonce and time per form, kept for every retry until it is recorded. */
export type WalkInItem = { clientId: string; scannedAt: string; walkIn: WalkInForm; place: Place };

export function walkInPlaceholder(clientId: string): string {
  return PLACEHOLDER + clientId;
}

export function isPlaceholder(participantId: string): boolean {
  return String(participantId).startsWith(PLACEHOLDER);
}

/** The walk-in form's fields as the API takes them: blank optional fields left out. */
export function walkInForm(field: (name: string) => string | null): WalkInForm {
  return {
    cooperativeId: field('cooperativeId') ?? '',
    name: (field('name') ?? '').trim(),
    role: field('role') ?? '',
    phone: field('phone') || undefined,
    reason: field('reason') || undefined,
  };
}

/** The queue item for a walk-in taken offline. */
export function queuedWalkIn(item: WalkInItem): QueueItem {
  return {
    clientId: item.clientId,
    scannedAt: item.scannedAt,
    participantId: walkInPlaceholder(item.clientId),
    walkIn: item.walkIn,
  };
}

/** The roster entry that stands for the walk-in on this device until the server has them. */
export function placeholderEntry(item: WalkInItem, station: string): RosterEntry {
  return {
    participantId: walkInPlaceholder(item.clientId),
    name: item.walkIn.name,
    role: item.walkIn.role,
    status: 'confirmed',
    ...item.place,
    checkedInAt: item.scannedAt,
    station,
    pending: true,
  };
}

/** Why the server refused a walk-in, with the fields it named, for the volunteer to correct. */
export function walkInProblem(error: ApiError, fallback: string): string {
  const fields = (error.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return (error.message || fallback) + (fields ? ` (${fields})` : '');
}
