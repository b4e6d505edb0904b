import * as z from 'zod/mini';
import { DomainError } from './errors';
import type { EventRecord, Participant, Registration } from './schemas';
import { blankAsAbsent, officerRole, personName, phone, text } from './schemas';

/** What check-in needs, and nothing more: no email, phone masked (UU PDP minimisation). */

export const checkinRequest = z
  .object({
    ticketCode: z.optional(text(300)),
    participantId: z.optional(text(40)),
    /**
     * With a ticket code, from the door device's roster: lets the server read the registration while it looks up the
     * ticket. Only a hint: the ticket decides, and a wrong hint costs one more read.
     */
    registrationId: z.optional(text(40)),
    /** The scanning device's nonce: replays of the same scan are recognised and answered the same. */
    clientId: z.optional(text(64, 1)),
    /** When the scan happened (offline scans reach the server later). */
    scannedAt: z.optional(z.iso.datetime({ offset: true })),
  })
  .check(
    z.refine((value) => Boolean(value.ticketCode || value.participantId), {
      error: 'ticket_or_participant_required',
    }),
  );
export type CheckinRequest = z.infer<typeof checkinRequest>;

export const checkinBatch = z.object({
  checkins: z
    .array(z.intersection(checkinRequest, z.object({ clientId: text(64, 1) })))
    .check(z.minLength(1), z.maxLength(1000)),
});

export const walkInRequest = z.object({
  cooperativeId: z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)),
  name: personName,
  role: officerRole,
  phone: blankAsAbsent(phone),
  /** Required only when the cooperative already has its maximum number of officers. */
  reason: z.optional(text(300)),
  /**
   * The door device's nonce for this walk-in: sent again after a lost answer or from the offline queue, it finds
   * the officer already seated instead of seating them twice.
   */
  clientId: z.optional(text(64, 1)),
  /** When the walk-in was checked in at the door, if the device queued it offline. */
  scannedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type WalkInRequest = z.infer<typeof walkInRequest>;

export const substituteRequest = z.object({
  participantId: text(40),
  name: personName,
  role: z.optional(officerRole),
});
export type SubstituteRequest = z.infer<typeof substituteRequest>;

export type CheckinRecord = {
  eventId: string;
  participantId: string;
  registrationId: string;
  cooperativeId: string;
  districtCode: string;
  checkedInAt: string;
  station: string;
  clientId?: string;
  recordedAt: string;
  /** The time came from the scanning device (an offline scan synced later), not from the server. */
  scannedOffline?: boolean;
  /** Later scans of the same person from other devices: counted once, shown to organizers. */
  duplicateScans?: { station: string; scannedAt: string; clientId?: string }[];
};

export type CheckinResult = {
  participantId: string;
  name: string;
  role: Participant['role'];
  cooperativeName: string;
  checkedInAt: string;
  station: string;
  alreadyCheckedIn: boolean;
};

/** Why a ticket cannot enter this session; checked before anything is written. */
export function assertAdmissible(
  found: { registration: Registration; participant: Participant } | undefined,
  eventId: string,
) {
  if (!found) throw new DomainError('ticket_not_found');
  if (found.registration.eventId !== eventId) throw new DomainError('wrong_event');
  if (found.registration.status === 'cancelled') throw new DomainError('registration_cancelled');
  if (found.registration.status !== 'confirmed') throw new DomainError('not_confirmed');
  return found;
}

/**
 * The scan time to record: the device's own clock for offline scans, but never in the future and never before
 * the doors could plausibly open (a phone with a wrong clock must not rewrite history).
 */
export function effectiveScanTime(scannedAt: string | undefined, event: EventRecord, now: Date): string {
  if (!scannedAt) return now.toISOString();
  const at = Date.parse(scannedAt);
  const earliest = Date.parse(event.startsAt) - 24 * 60 * 60 * 1000;
  if (Number.isNaN(at) || at > now.getTime() || at < earliest) return now.toISOString();
  return new Date(at).toISOString();
}

export function checkinResult(
  found: { registration: Registration; participant: Participant },
  record: Pick<CheckinRecord, 'checkedInAt' | 'station'>,
  alreadyCheckedIn: boolean,
): CheckinResult {
  return {
    participantId: found.participant.id,
    name: found.participant.name,
    role: found.participant.role,
    cooperativeName: found.registration.cooperativeName,
    checkedInAt: record.checkedInAt,
    station: record.station,
    alreadyCheckedIn,
  };
}

/** A walk-in beyond the per-cooperative limit needs a stated reason (it is logged). */
export function assertWalkInAllowed(
  registration: Registration | undefined,
  event: EventRecord,
  reason?: string,
) {
  const current = registration?.status === 'confirmed' ? registration.participants.length : 0;
  if (current >= event.maxPerCooperative && !reason) {
    throw new DomainError('too_many_participants', { max: event.maxPerCooperative });
  }
}
