import type { QueueItem } from './door-types';

/**
 * The offline queue's order and identity, without IndexedDB: the store keeps items by `clientId`, and the page
 * keeps the same items in memory in scan order.
 */

/** Oldest scan first (the order they happened at the door), one item per clientId: the last one stored wins. */
export function orderQueue(items: readonly QueueItem[]): QueueItem[] {
  const byClient = new Map<string, QueueItem>();
  for (const item of items) byClient.set(item.clientId, item);
  return [...byClient.values()].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
}

/** The queue with `item` at the end, replacing an earlier item of the same clientId (a retry of the same scan). */
export function enqueue(queue: readonly QueueItem[], item: QueueItem): QueueItem[] {
  return [...queue.filter((queued) => queued.clientId !== item.clientId), item];
}

/** The queue without the item of this clientId (sent, refused for good, or undone). */
export function dequeue(queue: readonly QueueItem[], clientId: string): QueueItem[] {
  return queue.filter((queued) => queued.clientId !== clientId);
}

export function isQueued(queue: readonly QueueItem[], clientId: string): boolean {
  return queue.some((queued) => queued.clientId === clientId);
}

/** Walk-ins, which go one request each and before the scans (a scan may be of nobody else). */
export function queuedWalkIns(queue: readonly QueueItem[]): QueueItem[] {
  return queue.filter((queued) => queued.walkIn);
}

/** Scans of registered officers, which go in batches. */
export function queuedScans(queue: readonly QueueItem[]): QueueItem[] {
  return queue.filter((queued) => !queued.walkIn);
}

/** The officers this device admitted and the server has not heard of yet. */
export function pendingParticipants(queue: readonly QueueItem[]): Set<string> {
  const ids = new Set<string>();
  for (const queued of queue) if (queued.participantId) ids.add(queued.participantId);
  return ids;
}
