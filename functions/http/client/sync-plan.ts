import type { BatchResult, Checkin, QueueItem } from './door-types';
import { queuedScans } from './offline-queue';

/**
 * The decisions of sending the offline queue and of falling back to it, without the network: what goes in a
 * request, what an answer means, and when to try again.
 */

/** Scans per batch request: small enough to answer well within the 20 s the device waits. */
export const BATCH_SIZE = 200;
/** How long the device waits for each kind of request before it treats the network as down. */
export const TIMEOUT_MS = { scan: 5000, walkIn: 10_000, batch: 20_000, roster: 15_000, attendance: 10_000 };
/** The periodic check: attendance every tick, the queue when there is one. */
export const TICK_MS = 15_000;
/** The roster (check-ins from other doors, late registrations) at most once a minute. */
export const ROSTER_REFRESH_MS = 60_000;
/** After a check-in the counters refresh once things calm down: a busy door must not poll per scan. */
export const ATTENDANCE_SETTLE_MS = 2000;

/** The next scans to send: the oldest first, walk-ins excluded (they have their own endpoint). */
export function nextBatch(queue: readonly QueueItem[], size = BATCH_SIZE): QueueItem[] {
  return queuedScans(queue).slice(0, size);
}

/**
 * The server is there but failing (e.g. 503 while its database is unreachable): the device works offline and
 * retries later, as if the network were down.
 */
export function serverFailing(status: number): boolean {
  return status >= 500;
}

/** Whether the server refuses this device (station revoked, wrong session) after an answer of this status. */
export function deviceRefusedAfter(status: number, ok: boolean, before: boolean): boolean {
  if (status === 401 || status === 403) return true;
  if (ok) return false;
  return before;
}

/**
 * What to do with a queued walk-in after its answer: stop the sync and retry later when the server fails, stop
 * when the device is refused (it stays queued), else take it off the queue as recorded or as a problem to show.
 */
export function walkInSyncStep(
  response: { ok: boolean; status: number },
  deviceRefused: boolean,
): 'retry-later' | 'stop' | 'recorded' | 'refused' {
  if (serverFailing(response.status)) return 'retry-later';
  if (deviceRefused) return 'stop';
  return response.ok ? 'recorded' : 'refused';
}

/** The batch's answers paired with the queued scans they are about; answers for unknown clientIds are ignored. */
export function matchResults(
  batch: readonly QueueItem[],
  results: readonly BatchResult[],
): { item: QueueItem; result: BatchResult }[] {
  const byClient = new Map(batch.map((item) => [item.clientId, item]));
  const matched: { item: QueueItem; result: BatchResult }[] = [];
  for (const result of results) {
    const item = byClient.get(result.clientId);
    if (item) matched.push({ item, result });
  }
  return matched;
}

/** Whether scans of a batch the server answered are still queued: its answer left them out. */
export function unanswered(batch: readonly QueueItem[], queue: readonly QueueItem[]): boolean {
  const sent = new Set(batch.map((item) => item.clientId));
  return queue.some((item) => sent.has(item.clientId));
}

/** An offline scan of someone another door had already let in: shown as a conflict (counted once). */
export function isConflict(checkin: Checkin, station: string): boolean {
  return Boolean(checkin.alreadyCheckedIn) && checkin.station !== station;
}

/** Whether the periodic check should also download the roster again. */
export function rosterDue(now: number, lastRoster: number): boolean {
  return now - lastRoster > ROSTER_REFRESH_MS;
}
