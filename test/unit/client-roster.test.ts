import { describe, expect, it } from 'vitest';
import type { QueueItem, RosterEntry } from '../../functions/http/client/door-types';
import { offlineVerdict, windowVerdict } from '../../functions/http/client/offline-verdict';
import {
  admittedOffline,
  checkedInEntry,
  localCounts,
  mergeRoster,
  withoutCheckin,
} from '../../functions/http/client/roster-entries';
import {
  isPlaceholder,
  placeholderEntry,
  queuedWalkIn,
  walkInForm,
  walkInProblem,
} from '../../functions/http/client/walk-in-queue';

const entry = (participantId: string, extra: Partial<RosterEntry> = {}): RosterEntry => ({
  participantId,
  name: `Name ${participantId}`,
  status: 'confirmed',
  ...extra,
});

describe('the roster on the device', () => {
  it('keeps offline check-ins and queued walk-ins over a fresh download', () => {
    const walkIn = placeholderEntry(
      {
        clientId: 'w1',
        scannedAt: '2026-05-01T08:05:00.000Z',
        walkIn: { cooperativeId: 'c', name: 'Siti', role: 'ketua' },
        place: { cooperativeName: 'KDMP Sukamaju', villageName: 'Sukamaju' },
      },
      'Pintu 1',
    );
    const local = new Map([
      ['a', admittedOffline(entry('a'), '2026-05-01T08:01:00.000Z', 'Pintu 1')],
      ['b', entry('b')],
      [walkIn.participantId, walkIn],
    ]);
    const queue: QueueItem[] = [
      { clientId: 'q1', scannedAt: '2026-05-01T08:01:00.000Z', participantId: 'a', ticketCode: 'X' },
      queuedWalkIn({
        clientId: 'w1',
        scannedAt: '2026-05-01T08:05:00.000Z',
        walkIn: { cooperativeId: 'c', name: 'Siti', role: 'ketua' },
        place: {},
      }),
    ];
    const fresh = [entry('a'), entry('b', { checkedInAt: '2026-05-01T08:03:00.000Z', station: 'Pintu 2' })];
    const merged = mergeRoster(fresh, local, queue);
    expect(merged.map((e) => e.participantId)).toEqual(['a', 'b', 'walk-in:w1']);
    expect(merged[0]).toMatchObject({
      checkedInAt: '2026-05-01T08:01:00.000Z',
      station: 'Pintu 1',
      pending: true,
    });
    expect(merged[1]).toMatchObject({ station: 'Pintu 2' });
    expect(merged[2]).toMatchObject({ name: 'Siti', villageName: 'Sukamaju', pending: true });
    expect(isPlaceholder('walk-in:w1')).toBe(true);
    expect(isPlaceholder('01J0000000000000000000000')).toBe(false);
  });

  it('applies the server answer, and an undo, to an entry', () => {
    const known = entry('a', { villageName: 'Sukamaju', pending: true });
    const answer = {
      participantId: 'a',
      name: 'A',
      checkedInAt: '2026-05-01T08:00:00.000Z',
      station: 'Pintu 1',
    };
    const done = checkedInEntry(known, answer);
    expect(done).toMatchObject({ villageName: 'Sukamaju', station: 'Pintu 1', pending: false });
    expect(checkedInEntry(undefined, answer)).toMatchObject({ name: 'A', status: 'confirmed' });
    expect(withoutCheckin(done)).toMatchObject({
      checkedInAt: undefined,
      station: undefined,
      pending: false,
    });
    expect(localCounts([done, entry('b'), entry('c', { status: 'waitlisted' })])).toEqual({
      present: 1,
      registered: 2,
    });
  });

  it('answers offline by the same rules as the server', () => {
    expect(offlineVerdict(undefined, true)).toEqual({ kind: 'unknown', reason: 'unknown_offline' });
    expect(offlineVerdict(undefined, false)).toEqual({ kind: 'unknown', reason: 'ticket_not_found' });
    expect(offlineVerdict(entry('a', { status: 'cancelled' }), true)).toMatchObject({ kind: 'refused' });
    expect(offlineVerdict(entry('a', { status: 'waitlisted' }), true)).toEqual({
      kind: 'refused',
      reason: 'not_confirmed',
    });
    expect(offlineVerdict(entry('a', { checkedInAt: 'x' }), true)).toEqual({ kind: 'already' });
    expect(offlineVerdict(entry('a'), true)).toEqual({ kind: 'admit' });
  });

  it('refuses offline a scan outside the check-in window the roster carried, judged at the scan time', () => {
    const window = {
      opensAt: '2026-05-01T00:00:00.000Z',
      closesAt: '2026-05-01T17:00:00.000Z',
      anyTime: false,
    };
    const early = '2026-04-27T02:00:00.000Z';
    expect(offlineVerdict(entry('a'), true, window, early)).toEqual({
      kind: 'outside',
      reason: 'checkin_not_open',
      opensAt: window.opensAt,
    });
    expect(offlineVerdict(entry('a'), true, window, window.opensAt)).toEqual({ kind: 'admit' });
    expect(offlineVerdict(entry('a'), true, window, window.closesAt)).toEqual({
      kind: 'outside',
      reason: 'checkin_closed',
      closesAt: window.closesAt,
    });
    // The server's order: the ticket and its registration first, then the window, then an earlier check-in.
    expect(offlineVerdict(undefined, true, window, early)).toMatchObject({ kind: 'unknown' });
    expect(offlineVerdict(entry('a', { status: 'cancelled' }), true, window, early)).toMatchObject({
      kind: 'refused',
    });
    expect(offlineVerdict(entry('a', { checkedInAt: 'x' }), true, window, early)).toMatchObject({
      reason: 'checkin_not_open',
    });
    // An organizer allowed any time, or a roster from before the window was sent: the server decides.
    expect(offlineVerdict(entry('a'), true, { ...window, anyTime: true }, early)).toEqual({ kind: 'admit' });
    expect(offlineVerdict(entry('a'), true, null, early)).toEqual({ kind: 'admit' });
    expect(windowVerdict(window, 'not a time')).toBeNull();
  });

  it('reads the walk-in form and explains a refusal', () => {
    const fields: Record<string, string> = { cooperativeId: 'c', name: '  Siti  ', role: 'ketua', phone: '' };
    expect(walkInForm((name) => fields[name] ?? null)).toEqual({
      cooperativeId: 'c',
      name: 'Siti',
      role: 'ketua',
      phone: undefined,
      reason: undefined,
    });
    expect(
      walkInProblem(
        { message: 'Data tidak valid', issues: [{ path: ['name'], message: 'terlalu pendek' }] },
        'x',
      ),
    ).toBe('Data tidak valid (name: terlalu pendek)');
    expect(walkInProblem({}, 'Tidak dapat diproses')).toBe('Tidak dapat diproses');
  });
});
