import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../functions/http/client/door-types';
import {
  dequeue,
  enqueue,
  isQueued,
  orderQueue,
  pendingParticipants,
  queuedScans,
  queuedWalkIns,
} from '../../functions/http/client/offline-queue';

const scan = (clientId: string, scannedAt: string, participantId = `p-${clientId}`): QueueItem => ({
  clientId,
  scannedAt,
  participantId,
  ticketCode: `T${clientId}`,
});
const walkIn: QueueItem = {
  clientId: 'w1',
  scannedAt: '2026-05-01T08:00:30.000Z',
  participantId: 'walk-in:w1',
  walkIn: { cooperativeId: '52.04.01.2001', name: 'Siti', role: 'ketua' },
};

describe('the offline queue', () => {
  it('is read back from IndexedDB in scan order, one item per clientId', () => {
    const stored = [
      scan('b', '2026-05-01T08:02:00.000Z'),
      scan('a', '2026-05-01T08:01:00.000Z'),
      { ...scan('b', '2026-05-01T08:02:00.000Z'), registrationId: 'r-2' },
      scan('c', '2026-05-01T08:00:00.000Z'),
    ];
    const ordered = orderQueue(stored);
    expect(ordered.map((item) => item.clientId)).toEqual(['c', 'a', 'b']);
    // The last copy stored under a clientId wins, as in the store itself.
    expect(ordered[2]?.registrationId).toBe('r-2');
  });

  it('replaces a retried scan instead of queueing it twice, and drops what was sent', () => {
    let queue = enqueue([], scan('a', '2026-05-01T08:01:00.000Z'));
    queue = enqueue(queue, scan('b', '2026-05-01T08:02:00.000Z'));
    queue = enqueue(queue, scan('a', '2026-05-01T08:01:00.000Z'));
    expect(queue.map((item) => item.clientId)).toEqual(['b', 'a']);
    expect(isQueued(queue, 'a')).toBe(true);
    queue = dequeue(queue, 'a');
    expect(queue.map((item) => item.clientId)).toEqual(['b']);
    expect(isQueued(queue, 'a')).toBe(false);
  });

  it('tells walk-ins from scans, and knows whom this device admitted', () => {
    const queue = [scan('a', '2026-05-01T08:01:00.000Z'), walkIn, scan('b', '2026-05-01T08:02:00.000Z')];
    expect(queuedWalkIns(queue)).toEqual([walkIn]);
    expect(queuedScans(queue).map((item) => item.clientId)).toEqual(['a', 'b']);
    expect([...pendingParticipants(queue)].sort()).toEqual(['p-a', 'p-b', 'walk-in:w1']);
  });
});
