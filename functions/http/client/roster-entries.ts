import type { Checkin, Place, QueueItem, RosterEntry } from './door-types';
import { pendingParticipants } from './offline-queue';

/**
 * How the device's roster changes: a fresh download merged with what this device did offline, and an officer's
 * entry after a check-in, an undo or an offline admission.
 */

/**
 * The downloaded roster, keeping what the server has not heard of yet: officers admitted offline keep their local
 * check-in until the queue is sent, and walk-ins still queued (known only here, under their placeholder) stay.
 */
export function mergeRoster(
  fresh: readonly RosterEntry[],
  local: ReadonlyMap<string, RosterEntry>,
  queue: readonly QueueItem[],
): RosterEntry[] {
  const pending = pendingParticipants(queue);
  const merged = fresh.map((entry) => {
    const mine = local.get(entry.participantId);
    if (mine && pending.has(entry.participantId) && !entry.checkedInAt) {
      return { ...entry, checkedInAt: mine.checkedInAt, station: mine.station, pending: true };
    }
    return entry;
  });
  for (const item of queue) {
    const placeholder = item.walkIn && item.participantId ? local.get(item.participantId) : undefined;
    if (placeholder) merged.push(placeholder);
  }
  return merged;
}

/** The entry after the server's answer about this officer; someone the device never knew gets one from the answer. */
export function checkedInEntry(
  local: RosterEntry | undefined,
  checkin: Checkin,
  extra?: Partial<RosterEntry>,
): RosterEntry {
  const base: RosterEntry = local ?? {
    participantId: checkin.participantId,
    name: checkin.name,
    role: checkin.role,
    cooperativeName: checkin.cooperativeName,
    status: 'confirmed',
  };
  return { ...base, ...extra, checkedInAt: checkin.checkedInAt, station: checkin.station, pending: false };
}

/** Admitted on this device while offline: checked in at the scan time, pending until the queue is sent. */
export function admittedOffline(local: RosterEntry, scannedAt: string, station: string): RosterEntry {
  return { ...local, checkedInAt: scannedAt, station, pending: true };
}

/** Not checked in after all (undone, or the server refused the offline scan). */
export function withoutCheckin(entry: RosterEntry): RosterEntry {
  return { ...entry, checkedInAt: undefined, station: undefined, pending: false };
}

/** Where an officer's cooperative is, to keep on the server's entry that replaces a placeholder. */
export function placeOf(entry: RosterEntry | undefined): Place {
  if (!entry) return {};
  return {
    cooperativeId: entry.cooperativeId,
    cooperativeName: entry.cooperativeName,
    villageName: entry.villageName,
    districtName: entry.districtName,
  };
}

/** Confirmed officers and how many of them are in, from the roster alone (before any attendance download). */
export function localCounts(entries: Iterable<RosterEntry>): { present: number; registered: number } {
  let present = 0;
  let registered = 0;
  for (const entry of entries) {
    if (entry.status !== 'confirmed') continue;
    registered++;
    if (entry.checkedInAt) present++;
  }
  return { present, registered };
}
