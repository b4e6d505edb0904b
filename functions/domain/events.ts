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
  };
}
export type PublicEvent = ReturnType<typeof publicEvent>;

/** Upcoming first; sessions that ended more than a day ago drop off the public list. */
export function upcoming(events: EventRecord[], now: Date): EventRecord[] {
  const cutoff = now.getTime() - 86_400_000;
  return events
    .filter((event) => event.published && Date.parse(event.endsAt) > cutoff)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
