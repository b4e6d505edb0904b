import { describe, expect, it } from 'vitest';
import { isDue } from '../../functions/domain/campaign';
import {
  assertCheckinOpen,
  checkinMoment,
  checkinWindow,
  DEFAULT_CHECKIN_OPENS_MINUTES,
  sessionEnded,
} from '../../functions/domain/checkin-window';
import type { DomainError } from '../../functions/domain/errors';
import { errorMessage } from '../../functions/domain/messages';

/** Thursday 23 October 2025, 08:30-12:00 local time, in the given zone. */
const session = (timeZone: string, offset: string) => ({
  startsAt: `2025-10-23T08:30:00${offset}`,
  endsAt: `2025-10-23T12:00:00${offset}`,
  timeZone,
});

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('not refused');
};

describe('the door’s check-in window', () => {
  it.each([
    ['Asia/Jakarta', '+07:00', 'WIB'],
    ['Asia/Pontianak', '+07:00', 'WIB'],
    ['Asia/Makassar', '+08:00', 'WITA'],
    ['Asia/Jayapura', '+09:00', 'WIT'],
  ])('opens two hours before the start and closes at midnight after the last day in %s', (zone, offset) => {
    const window = checkinWindow(session(zone, offset));
    expect(DEFAULT_CHECKIN_OPENS_MINUTES).toBe(120);
    expect(window.opensAt.toISOString()).toBe(new Date(`2025-10-23T06:30:00${offset}`).toISOString());
    expect(window.closesAt.toISOString()).toBe(new Date(`2025-10-24T00:00:00${offset}`).toISOString());
  });

  it('takes the session’s own opening time, and a session over two days closes after its last day', () => {
    const window = checkinWindow({
      ...session('Asia/Makassar', '+08:00'),
      endsAt: '2025-10-24T15:00:00+08:00',
      checkinOpensMinutesBefore: 30,
    });
    expect(window.opensAt.toISOString()).toBe('2025-10-23T00:00:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2025-10-24T16:00:00.000Z');
  });

  it('refuses four days early and the day after, with the time in words; accepts during the day', () => {
    const event = { ...session('Asia/Pontianak', '+07:00'), checkinAnyTime: false };
    const early = refusal(() => assertCheckinOpen(event, new Date('2025-10-19T09:00:00+07:00')));
    expect(early.code).toBe('checkin_not_open');
    expect(errorMessage(early.code, 'id', early.params)).toBe(
      'Check-in belum dibuka. Dibuka Kamis, 23 Oktober 2025 pukul 06.30 WIB.',
    );
    expect(errorMessage(early.code, 'en', early.params)).toContain('Thursday, 23 October 2025 at 06:30 WIB');
    const late = refusal(() => assertCheckinOpen(event, new Date('2025-10-24T00:00:00+07:00')));
    expect(late.code).toBe('checkin_closed');
    expect(errorMessage(late.code, 'id', late.params)).toBe(
      'Check-in sudah ditutup. Sesi berakhir Kamis, 23 Oktober 2025 pukul 12.00 WIB.',
    );
    expect(() => assertCheckinOpen(event, new Date('2025-10-23T06:30:00+07:00'))).not.toThrow();
    expect(() => assertCheckinOpen(event, new Date('2025-10-23T23:59:59+07:00'))).not.toThrow();
  });

  it('lets an organizer allow check-ins at any time for a session', () => {
    const event = { ...session('Asia/Jayapura', '+09:00'), checkinAnyTime: true };
    expect(() => assertCheckinOpen(event, new Date('2025-10-01T09:00:00+09:00'))).not.toThrow();
  });

  it('judges an offline scan at its own time, unless that time is in the future', () => {
    const now = new Date('2025-10-27T10:00:00Z');
    expect(checkinMoment('2025-10-23T02:00:00Z', now).toISOString()).toBe('2025-10-23T02:00:00.000Z');
    expect(checkinMoment('2025-10-28T02:00:00Z', now)).toBe(now);
    expect(checkinMoment(undefined, now)).toBe(now);
  });
});

describe('follow-ups about attendance wait for the session’s end', () => {
  const event = session('Asia/Pontianak', '+07:00');
  const during = new Date('2025-10-23T10:00:00+07:00');
  it('a thanks campaign scheduled before the end is not due until the end', () => {
    const thanks = { kind: 'thanks' as const, segment: 'attended' as const };
    expect(
      isDue({ ...thanks, sendAt: { type: 'absolute', at: '2025-10-23T09:00:00+07:00' } }, event, during),
    ).toBe(false);
    expect(
      isDue(
        { ...thanks, sendAt: { type: 'relative', anchor: 'start', offsetMinutes: 60 } },
        event,
        new Date('2025-10-23T12:00:00+07:00'),
      ),
    ).toBe(true);
    expect(sessionEnded(event, during)).toBe(false);
  });
  it('a reminder is still due before the session', () => {
    const reminder = { kind: 'reminder' as const, segment: 'all_registered' as const };
    expect(
      isDue(
        { ...reminder, sendAt: { type: 'relative', anchor: 'start', offsetMinutes: -1440 } },
        event,
        new Date('2025-10-22T09:00:00+07:00'),
      ),
    ).toBe(true);
  });
});
