import * as z from 'zod';
import { normalizeIndonesianPhone } from './phone';
import { officerRoles } from './roles';

/**
 * The single source of truth for shapes shared by the API, storage and email props.
 * Custom issues carry a message code (e.g. `invalid_phone`) that messages.ts turns into Bahasa Indonesia or
 * English for the request's language.
 */

const issue = (code: string) => ({ error: code });

/** Trims, refuses control characters (null bytes, newlines in header-bound fields) and bounds length. */
export const personName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine((value) => !/[\p{Cc}]/u.test(value), issue('control_characters'));

export const phone = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const normalized = normalizeIndonesianPhone(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'invalid_phone' });
      return z.NEVER;
    }
    return normalized;
  });

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

/** Forms send empty strings for untouched optional fields; treat them as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

export const officerRole = z.enum(officerRoles);

export const languageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const participantInput = z.object({
  name: personName,
  role: officerRole,
  phone: optional(phone),
  email: optional(email),
});
export type ParticipantInput = z.infer<typeof participantInput>;

export const contactInput = z.object({
  name: personName,
  phone: phone,
  email: optional(email),
});
export type ContactInput = z.infer<typeof contactInput>;

export const cooperativeId = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, issue('invalid_cooperative'));

export const registrationInput = z.object({
  cooperativeId,
  contact: contactInput,
  participants: z.array(participantInput).min(1).max(20),
  consent: z.literal(true, issue('consent_required')),
  /** A separate, optional consent: keep the contact person for invitations to later sessions. */
  keepContact: z.boolean().optional(),
  language: languageSchema.optional(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

/** PATCH replaces the contact and/or the whole officer list; participants keep their id to keep their ticket. */
export const registrationChangeInput = z
  .object({
    contact: contactInput.optional(),
    participants: z
      .array(participantInput.extend({ id: z.string().max(40).optional() }))
      .min(1)
      .max(20)
      .optional(),
  })
  .refine((value) => value.contact || value.participants, issue('nothing_to_change'));
export type RegistrationChangeInput = z.infer<typeof registrationChangeInput>;

export const registrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type RegistrationStatus = z.infer<typeof registrationStatus>;

export const participantSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: officerRole,
  phone: z.string().optional(),
  email: z.string().optional(),
  /**
   * Derived from `id` with the server's ticket key (ticketCodeFor in tokens.ts) whenever a registration is read,
   * never stored: the table keeps only its hash, as the key of the ticket item.
   */
  ticketCode: z.string(),
  /** Registered at the door; `reason` explains going over the per-cooperative limit. */
  walkIn: z.object({ at: z.string(), by: z.string(), reason: z.string().optional() }).optional(),
  /** The registered officer this person attends in place of. */
  substituteFor: z.string().optional(),
});
export type Participant = z.infer<typeof participantSchema>;

/** An officer as the table holds them, and as a rule creates them before the data layer issues their ticket. */
export const participantRecordSchema = participantSchema.omit({ ticketCode: true });
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

export const consentSchema = z.object({
  textVersion: z.string(),
  text: z.string(),
  language: languageSchema,
  givenAt: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;

export const registrationSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  cooperativeId: z.string(),
  cooperativeName: z.string(),
  districtCode: z.string(),
  status: registrationStatus,
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string().optional() }),
  participants: z.array(participantSchema),
  consent: consentSchema,
  /** Present when the contact agreed to be kept for invitations to later sessions. */
  contactConsent: consentSchema.optional(),
  language: languageSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Arrival time at the server; the waitlist is served in this order. */
  queuedAt: z.string(),
  version: z.number().int(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** A registration as the table holds it: its officers without ticket codes. */
export const registrationRecordSchema = registrationSchema.extend({
  participants: z.array(participantRecordSchema),
});
export type RegistrationRecord = z.infer<typeof registrationRecordSchema>;

export const cooperativeSchema = z.object({
  id: z.string(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  villageType: z.enum(['desa', 'kelurahan']),
  districtCode: z.string(),
  districtName: z.string(),
  regencyCode: z.string(),
  regencyName: z.string(),
});
export type Cooperative = z.infer<typeof cooperativeSchema>;

/** ISO 8601 with an explicit offset, e.g. `2025-10-23T08:30:00+07:00`. */
const isoDateTime = z.iso.datetime({ offset: true });

export const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, issue('invalid_time_zone'));

export const eventInput = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(5000).default(''),
    venue: z.string().trim().min(2).max(200),
    address: z.string().trim().max(500).default(''),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    timeZone: timeZone.default('Asia/Jakarta'),
    capacity: z.coerce.number().int().min(1).max(100_000),
    maxPerCooperative: z.coerce.number().int().min(1).max(20),
    registrationDeadline: isoDateTime.optional(),
    organizerName: z.string().trim().min(2).max(200),
    regencyCode: z.string().regex(/^\d{2}\.\d{2}$/),
    /** Empty means every kecamatan of the regency is invited. */
    invitedDistrictCodes: z.array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/)).default([]),
    published: z.boolean().default(true),
    /** The organisation that runs the session; organizers only see their own. Admins choose, organizers get theirs. */
    organisationId: z.string().trim().min(1).max(60).optional(),
    /** Outreach (issue 11): only a cooperative's personal invitation link may register it. */
    requireInvitation: z.boolean().optional(),
  })
  .refine((value) => Date.parse(value.endsAt) > Date.parse(value.startsAt), {
    ...issue('ends_before_start'),
    path: ['endsAt'],
  });
export type EventInput = z.infer<typeof eventInput>;

export const eventSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  venue: z.string(),
  address: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  capacity: z.number().int(),
  maxPerCooperative: z.number().int(),
  registrationDeadline: z.string(),
  organizerName: z.string(),
  regencyCode: z.string(),
  invitedDistrictCodes: z.array(z.string()),
  published: z.boolean(),
  cancelled: z.boolean(),
  /** Owning organisation (issue 4). Optional so sessions written before it existed still load: admins see them. */
  organisationId: z.string().optional(),
  /** Outreach (issue 11): registration only through a personal invitation link. Absent: anyone invited may. */
  requireInvitation: z.boolean().optional(),
  seatsTaken: z.number().int(),
  waitlistCount: z.number().int(),
  createdAt: z.string(),
});
export type EventRecord = z.infer<typeof eventSchema>;
