import { DomainError } from './errors';
import type { EventRecord } from './schemas';
import { formatDateTime, fromLocalDateTime, toZonedIso } from './time';

/** Doors usually open for registration at the desk an hour or two before the opening speech. */
export const DEFAULT_CHECKIN_OPENS_MINUTES = 120;
/** The most an organizer may open the door ahead of the start: one day (offline scans are trusted that far). */
export const MAX_CHECKIN_OPENS_MINUTES = 24 * 60;

type WindowFacts = Pick<
  EventRecord,
  'startsAt' | 'endsAt' | 'timeZone' | 'checkinOpensMinutesBefore' | 'checkinAnyTime'
>;

/** The date after `yyyy-mm-dd`, by the calendar (no zone involved). */
function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year as number, (month as number) - 1, (day as number) + 1))
    .toISOString()
    .slice(0, 10);
}

/**
 * When the door accepts check-ins: from the configured time before the start to midnight after the session's
 * last day, in the session's own zone (WIB, WITA or WIT). A late arrival the same evening is still recorded; a
 * ticket scanned days early, or a test scan in the office, is not.
 */
export function checkinWindow(event: WindowFacts): { opensAt: Date; closesAt: Date } {
  const minutes = event.checkinOpensMinutesBefore ?? DEFAULT_CHECKIN_OPENS_MINUTES;
  const opensAt = new Date(Date.parse(event.startsAt) - minutes * 60_000);
  const lastDay = toZonedIso(new Date(event.endsAt), event.timeZone).slice(0, 10);
  const closesAt = new Date(fromLocalDateTime(`${nextDate(lastDay)}T00:00`, event.timeZone));
  return { opensAt, closesAt };
}

/**
 * Refuses a check-in at `at` outside the window, with both ends in words for the volunteer, unless an organizer
 * allowed check-ins at any time for this session (a rehearsal, a session moved at short notice).
 */
export function assertCheckinOpen(event: WindowFacts, at: Date): void {
  if (event.checkinAnyTime) return;
  const { opensAt, closesAt } = checkinWindow(event);
  const words = (when: Date) => ({
    id: formatDateTime(when.toISOString(), event.timeZone, 'id'),
    en: formatDateTime(when.toISOString(), event.timeZone, 'en'),
  });
  if (at.getTime() < opensAt.getTime()) {
    const opens = words(opensAt);
    throw new DomainError('checkin_not_open', { opens: opens.id, opensEn: opens.en });
  }
  if (at.getTime() >= closesAt.getTime()) {
    const ended = words(new Date(event.endsAt));
    throw new DomainError('checkin_closed', { ended: ended.id, endedEn: ended.en });
  }
}

/**
 * The moment a check-in is judged at: the scan's own time when the device queued it offline (it may reach the
 * server days later), else now. A time in the future is a wrong clock; the server's time stands instead.
 */
export function checkinMoment(scannedAt: string | undefined, now: Date): Date {
  const at = scannedAt ? Date.parse(scannedAt) : Number.NaN;
  return Number.isNaN(at) || at > now.getTime() ? now : new Date(at);
}

/**
 * Thanks, certificates and other attendee follow-ups speak of a session that took place: none before it ended.
 * A campaign due earlier waits for the end.
 */
export const sessionEnded = (event: Pick<EventRecord, 'endsAt'>, now: Date) =>
  now.getTime() >= Date.parse(event.endsAt);
