import type { EventRecord } from './schemas';

/** Every seat confirmed: a registration now waits for a seat, so an invitation only fills the waiting list. */
export const sessionFull = (event: Pick<EventRecord, 'capacity' | 'seatsTaken'>) =>
  (event.seatsTaken ?? 0) >= event.capacity;
