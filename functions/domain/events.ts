import { registrationOpen, seatsLeft } from './registration';
import type { EventRecord } from './schemas';

/** What anyone may see of a session: no counters beyond seats, nothing about registrants. */
export function publicEvent(event: EventRecord, now: Date) {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    venue: event.venue,
    address: event.address,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    capacity: event.capacity,
    seatsLeft: seatsLeft(event),
    waitlistCount: event.waitlistCount,
    maxPerCooperative: event.maxPerCooperative,
    registrationDeadline: event.registrationDeadline,
    registrationOpen: registrationOpen(event, now),
    organizerName: event.organizerName,
    regencyCode: event.regencyCode,
    invitedDistrictCodes: event.invitedDistrictCodes,
    cancelled: event.cancelled,
    ended: hasEnded(event, now),
  };
}
export type PublicEvent = ReturnType<typeof publicEvent>;

/**
 * A session is upcoming until it ends (one under way still is); then it moves to the past sessions. The public
 * list's index applies the same rule (functions/db/events-repo.ts).
 */
export const hasEnded = (event: Pick<EventRecord, 'endsAt'>, now: Date) =>
  Date.parse(event.endsAt) <= now.getTime();
