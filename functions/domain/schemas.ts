import * as z from 'zod/mini';
import { normalizeIndonesianPhone } from './phone';
import { officerRoles } from './roles';

/**
 * The single source of truth for shapes shared by the API, storage and email props. Written with zod/mini: the
 * same validation as classic zod at 40 KiB instead of 95 in every function's cold start.
 * Custom issues carry a message code (e.g. `invalid_phone`) that messages.ts turns into Bahasa Indonesia or
 * English for the request's language.
 */

const issue = (code: string) => ({ error: code });

/** Trims, refuses control characters (null bytes, newlines in header-bound fields) and bounds length. */
export const personName = z.string().check(
  z.trim(),
  z.minLength(2),
  z.maxLength(100),
  z.refine((value) => !/[\p{Cc}]/u.test(value), issue('control_characters')),
);

/** Any way Indonesians write a mobile number, stored as `+628…`. */
export const phone = z.pipe(
  z.string().check(
    z.maxLength(32),
    z.refine((value) => normalizeIndonesianPhone(value) !== null, { message: 'invalid_phone' }),
  ),
  z.transform((value: string) => normalizeIndonesianPhone(value) as string),
);

export const email = z.pipe(
  z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()),
  z.transform((value: string) => value.toLowerCase()),
);

/** Trimmed text of at most `max` characters (at least `min`). */
export const text = (max: number, min = 0) =>
  z.string().check(z.trim(), ...(min ? [z.minLength(min)] : []), z.maxLength(max));

/** Forms send empty strings for untouched optional fields; treat them as absent. */
export const blankAsAbsent = <T extends z.ZodMiniType>(schema: T) =>
  // Typed as the optional schema it ends in: what the pipe outputs, and a key that may be missing.
  z.pipe(
    z.transform((value: unknown): unknown => (value === '' || value === null ? undefined : value)),
    z.optional(schema as z.ZodMiniType),
  ) as unknown as z.ZodMiniOptional<T>;
const optional = blankAsAbsent;

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

export const cooperativeId = z
  .string()
  .check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, issue('invalid_cooperative')));

export const registrationInput = z.object({
  cooperativeId,
  contact: contactInput,
  participants: z.array(participantInput).check(z.minLength(1), z.maxLength(20)),
  consent: z.literal(true, issue('consent_required')),
  /** A separate, optional consent: keep the contact person for invitations to later sessions. */
  keepContact: z.optional(z.boolean()),
  /** A separate, optional consent: messages about this registration on WhatsApp to the contact's number. */
  whatsapp: z.optional(z.boolean()),
  language: z.optional(languageSchema),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

/** PATCH replaces the contact and/or the whole officer list; participants keep their id to keep their ticket. */
export const registrationChangeInput = z
  .object({
    contact: z.optional(contactInput),
    /** WhatsApp consent for the contact's number, asked again when the number changes (registration.ts). */
    whatsapp: z.optional(z.boolean()),
    participants: z.optional(
      z
        .array(z.extend(participantInput, { id: z.optional(z.string().check(z.maxLength(40))) }))
        .check(z.minLength(1), z.maxLength(20)),
    ),
  })
  .check(z.refine((value) => Boolean(value.contact || value.participants), issue('nothing_to_change')));
export type RegistrationChangeInput = z.infer<typeof registrationChangeInput>;

/** How the consent of an assisted registration was obtained: the officers signed a paper form, or agreed by phone. */
export const consentMethods = ['paper', 'phone'] as const;

/** Entered in the console by an organizer or a Business Assistant on the cooperative's behalf. */
export const assistedEntrySchema = z.object({
  byUserId: z.string(),
  byName: z.string(),
  byRole: z.string(),
  consentMethod: z.enum(consentMethods),
  at: z.string(),
});
export type AssistedEntry = z.infer<typeof assistedEntrySchema>;

/** The console's form: the public form's fields, with how consent was obtained instead of the tick box. */
export const assistedRegistrationInput = z.object({
  ...z.omit(registrationInput, { consent: true, language: true }).shape,
  consentMethod: z.enum(consentMethods, issue('consent_method_required')),
});
export type AssistedRegistrationInput = z.infer<typeof assistedRegistrationInput>;

/** "Kirim ulang tautan kelola": the cooperative and the contact's phone or email as given at registration. */
export const manageLinkRequest = z.object({
  cooperativeId,
  contact: z.string().check(z.trim(), z.minLength(3, issue('contact_required')), z.maxLength(254)),
});
export type ManageLinkRequest = z.infer<typeof manageLinkRequest>;

export const registrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type RegistrationStatus = z.infer<typeof registrationStatus>;

/** The public session list: sessions that end after now (the default) or those that ended, from a page cursor. */
export const sessionListQuery = z.object({
  when: z._default(z.enum(['upcoming', 'past']), 'upcoming'),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const participantSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: officerRole,
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  /**
   * Derived from `id` with the server's ticket key (ticketCodeFor in tokens.ts) whenever a registration is read,
   * never stored: the table keeps only its hash, as the key of the ticket item.
   */
  ticketCode: z.string(),
  /** Registered at the door; `reason` explains going over the per-cooperative limit. */
  walkIn: z.optional(z.object({ at: z.string(), by: z.string(), reason: z.optional(z.string()) })),
  /** The registered officer this person attends in place of. */
  substituteFor: z.optional(z.string()),
});
export type Participant = z.infer<typeof participantSchema>;

/** An officer as the table holds them, and as a rule creates them before the data layer issues their ticket. */
export const participantRecordSchema = z.omit(participantSchema, { ticketCode: true });
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
  contact: z.object({ name: z.string(), phone: z.string(), email: z.optional(z.string()) }),
  participants: z.array(participantSchema),
  consent: consentSchema,
  /** Present when the contact agreed to be kept for invitations to later sessions. */
  contactConsent: z.optional(consentSchema),
  /** Present when the contact agreed to receive this registration's messages on WhatsApp (channels.ts). */
  whatsappConsent: z.optional(consentSchema),
  /** The organizer's channel setting when the registration was made (channels.ts); absent: both. */
  messageChannels: z.optional(z.enum(['both', 'whatsapp_first'])),
  language: languageSchema,
  /** Entered in the console on the cooperative's behalf: who entered it and how consent was obtained. */
  assisted: z.optional(assistedEntrySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Arrival time at the server; the waitlist is served in this order. */
  queuedAt: z.string(),
  version: z.int(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** A registration as the table holds it: its officers without ticket codes. */
export const registrationRecordSchema = z.extend(registrationSchema, {
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

export const timeZone = z.string().check(
  z.refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, issue('invalid_time_zone')),
);

/** A whole number from a JSON number or a form field's string. */
export const wholeNumber = (min: number, max: number) =>
  z.pipe(z.coerce.number(), z.int().check(z.minimum(min), z.maximum(max)));

export const eventInput = z
  .object({
    title: text(200, 3),
    description: z._default(text(5000), ''),
    venue: text(200, 2),
    address: z._default(text(500), ''),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    timeZone: z._default(timeZone, 'Asia/Jakarta'),
    capacity: wholeNumber(1, 100_000),
    maxPerCooperative: wholeNumber(1, 20),
    registrationDeadline: z.optional(isoDateTime),
    organizerName: text(200, 2),
    regencyCode: z.string().check(z.regex(/^\d{2}\.\d{2}$/)),
    /** Empty means every kecamatan of the regency is invited. */
    invitedDistrictCodes: z._default(z.array(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/))), []),
    published: z._default(z.boolean(), true),
    /** The organisation that runs the session; organizers only see their own. Admins choose, organizers get theirs. */
    organisationId: z.optional(text(60, 1)),
    /** Outreach: only a cooperative's personal invitation link may register it. */
    requireInvitation: z.optional(z.boolean()),
    /** Who agreed to WhatsApp gets it; `both` also emails them, `whatsapp_first` emails only if WhatsApp fails. */
    messageChannels: z.optional(z.enum(['both', 'whatsapp_first'])),
  })
  .check(
    z.refine((value) => Date.parse(value.endsAt) > Date.parse(value.startsAt), {
      ...issue('ends_before_start'),
      path: ['endsAt'],
    }),
  );
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
  capacity: z.int(),
  maxPerCooperative: z.int(),
  registrationDeadline: z.string(),
  organizerName: z.string(),
  regencyCode: z.string(),
  invitedDistrictCodes: z.array(z.string()),
  published: z.boolean(),
  cancelled: z.boolean(),
  /** Owning organisation. Optional so sessions written before it existed still load: admins see them. */
  organisationId: z.optional(z.string()),
  /** Outreach: registration only through a personal invitation link. Absent: anyone invited may. */
  requireInvitation: z.optional(z.boolean()),
  /** How long before the start the door accepts check-ins; absent: the default of checkin-window.ts. */
  checkinOpensMinutesBefore: z.optional(z.int()),
  /** An organizer allowed check-ins at any time for this session (a rehearsal, a session moved at short notice). */
  checkinAnyTime: z.optional(z.boolean()),
  /** Who agreed to WhatsApp gets it; `both` also emails them, `whatsapp_first` emails only if WhatsApp fails. */
  messageChannels: z.optional(z.enum(['both', 'whatsapp_first'])),
  seatsTaken: z.int(),
  waitlistCount: z.int(),
  createdAt: z.string(),
});
export type EventRecord = z.infer<typeof eventSchema>;

/** The door's check-in window for a session, as the console sets it (checkin-window.ts). */
export const checkinWindowInput = z.object({
  checkinOpensMinutesBefore: wholeNumber(0, 24 * 60),
  checkinAnyTime: z._default(z.boolean(), false),
});
