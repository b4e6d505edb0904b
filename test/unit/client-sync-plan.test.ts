import { describe, expect, it } from 'vitest';
import { batchPayload, checkinPayload, walkInPayload } from '../../functions/http/client/checkin-payload';
import type { BatchResult, Checkin, QueueItem } from '../../functions/http/client/door-types';
import {
  BATCH_SIZE,
  deviceRefusedAfter,
  isConflict,
  matchResults,
  nextBatch,
  ROSTER_REFRESH_MS,
  rosterDue,
  serverFailing,
  unanswered,
  walkInSyncStep,
} from '../../functions/http/client/sync-plan';

const scans = (n: number): QueueItem[] =>
  Array.from({ length: n }, (_, i) => ({
    clientId: `c${i}`,
    scannedAt: new Date(Date.UTC(2026, 4, 1, 8, 0, i)).toISOString(),
    participantId: `p${i}`,
  }));

const checkin = (participantId: string, station: string, alreadyCheckedIn: boolean): Checkin => ({
  participantId,
  name: 'Budi',
  checkedInAt: '2026-05-01T08:00:00.000Z',
  station,
  alreadyCheckedIn,
});

describe('sending the queue', () => {
  it('sends scans oldest first in batches of 200, walk-ins apart', () => {
    const queue = [
      {
        clientId: 'w',
        scannedAt: '2026-05-01T07:59:00.000Z',
        walkIn: { cooperativeId: 'x', name: 'A', role: 'ketua' },
      },
      ...scans(450),
    ];
    const first = nextBatch(queue);
    expect(first).toHaveLength(BATCH_SIZE);
    expect(first[0]?.clientId).toBe('c0');
    expect(first.some((item) => item.walkIn)).toBe(false);
    expect(nextBatch(queue.slice(401))).toHaveLength(50);
    expect(nextBatch([])).toEqual([]);
  });

  it('pairs the batch answer with its scans by clientId and ignores answers about other scans', () => {
    const batch = scans(3);
    const results: BatchResult[] = [
      { clientId: 'c2', ok: true, checkin: checkin('p2', 'Pintu 1', false) },
      { clientId: 'elsewhere', ok: true, checkin: checkin('px', 'Pintu 1', false) },
      { clientId: 'c0', ok: false, error: { code: 'registration_cancelled' } },
    ];
    const matched = matchResults(batch, results);
    expect(matched.map(({ item, result }) => [item.clientId, result.ok])).toEqual([
      ['c2', true],
      ['c0', false],
    ]);
    // c1 was left out of the answer: it stays queued and the batch is not sent again at once.
    const remaining = batch.filter((item) => item.clientId === 'c1');
    expect(unanswered(batch, remaining)).toBe(true);
    expect(unanswered(batch, [])).toBe(false);
  });

  it('builds the request bodies the API validates', () => {
    const byTicket = {
      clientId: 'a',
      scannedAt: 't',
      ticketCode: 'CODE',
      registrationId: 'r',
      participantId: 'p',
    };
    expect(checkinPayload(byTicket)).toEqual({
      clientId: 'a',
      scannedAt: 't',
      ticketCode: 'CODE',
      registrationId: 'r',
    });
    expect(checkinPayload({ clientId: 'b', scannedAt: 't', participantId: 'p' })).toEqual({
      clientId: 'b',
      scannedAt: 't',
      participantId: 'p',
    });
    expect(batchPayload([byTicket]).checkins).toHaveLength(1);
    const walkIn = { cooperativeId: '52.04.01.2001', name: 'Siti', role: 'ketua' };
    expect(walkInPayload({ clientId: 'w', scannedAt: 't', walkIn }, false)).toEqual({
      ...walkIn,
      clientId: 'w',
    });
    expect(walkInPayload({ clientId: 'w', scannedAt: 't', walkIn }, true)).toEqual({
      ...walkIn,
      clientId: 'w',
      scannedAt: 't',
    });
  });
});

describe('retry decisions', () => {
  it('works offline while the server fails, and retries on the next tick', () => {
    expect(serverFailing(503)).toBe(true);
    expect(serverFailing(500)).toBe(true);
    expect(serverFailing(409)).toBe(false);
    expect(walkInSyncStep({ ok: false, status: 503 }, false)).toBe('retry-later');
    expect(walkInSyncStep({ ok: false, status: 403 }, true)).toBe('stop');
    expect(walkInSyncStep({ ok: true, status: 200 }, false)).toBe('recorded');
    expect(walkInSyncStep({ ok: false, status: 400 }, false)).toBe('refused');
  });

  it('marks the device refused on 401 or 403 until the server accepts it again', () => {
    expect(deviceRefusedAfter(403, false, false)).toBe(true);
    expect(deviceRefusedAfter(401, false, false)).toBe(true);
    expect(deviceRefusedAfter(404, false, true)).toBe(true);
    expect(deviceRefusedAfter(200, true, true)).toBe(false);
  });

  it('downloads the roster again at most once a minute', () => {
    expect(rosterDue(ROSTER_REFRESH_MS + 1, 0)).toBe(true);
    expect(rosterDue(ROSTER_REFRESH_MS, 0)).toBe(false);
  });

  it('reports a conflict only for someone another door had let in', () => {
    expect(isConflict(checkin('p', 'Pintu 2', true), 'Pintu 1')).toBe(true);
    expect(isConflict(checkin('p', 'Pintu 1', true), 'Pintu 1')).toBe(false);
    expect(isConflict(checkin('p', 'Pintu 2', false), 'Pintu 1')).toBe(false);
  });
});
