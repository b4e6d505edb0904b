import type { Attendance, CheckinWindow, Cooperative, QueueItem, RosterEntry } from './door-types';

/** The check-in the undo button takes back: queued (only on this device) or already on the server. */
export type LastCheckin = { participantId: string; clientId: string; queued: boolean };

/**
 * What the door page holds in memory: the roster (mirrored in IndexedDB) with its ticket-hash index, the offline
 * queue in scan order, and what the volunteer has been told.
 */
export class DoorState {
  readonly roster = new Map<string, RosterEntry>();
  /** ticketHash → participantId, to recognise a ticket offline. */
  readonly byHash = new Map<string, string>();
  queue: QueueItem[] = [];
  /** The session's invited cooperatives, for walk-ins without network. */
  cooperatives: Cooperative[] = [];
  /** A request failed or timed out although the browser says it is online. */
  netDown = !navigator.onLine;
  rosterAt: string | null = null;
  /** When the server takes check-ins, from the last roster download: offline scans are judged by it too. */
  checkinWindow: CheckinWindow | null = null;
  attendance: Attendance | null = null;
  last: LastCheckin | null = null;
  /** Offline scans and walk-ins the server refused, for the volunteer to sort out. */
  readonly problems: string[] = [];
  /** Offline scans of people another door had let in, until the attendance download lists them. */
  readonly localConflicts: { participantId: string; line: string }[] = [];

  online(): boolean {
    return navigator.onLine && !this.netDown;
  }

  remember(entry: RosterEntry): void {
    this.roster.set(entry.participantId, entry);
    if (entry.ticketHash) this.byHash.set(entry.ticketHash, entry.participantId);
  }

  replaceRoster(entries: readonly RosterEntry[]): void {
    this.roster.clear();
    this.byHash.clear();
    for (const entry of entries) this.remember(entry);
  }

  byTicketHash(hash: string): RosterEntry | undefined {
    const participantId = this.byHash.get(hash);
    return participantId === undefined ? undefined : this.roster.get(participantId);
  }
}
