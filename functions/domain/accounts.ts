import * as z from 'zod/mini';
import { cooperativeId, email, languageSchema, text } from './schemas';

/**
 * Who may use the organizer console, as zod schemas shared by the API, storage and pages.
 * `admin` sees and changes everything, `organizer` the sessions of their organisation, `business_assistant`
 * reads the registrations of the cooperatives assigned to them and changes nothing. `province_viewer` (their
 * `provinceCodes`) and `national_viewer` (the whole country) read the coverage dashboards only: counts,
 * cooperative names and villages, never a person.
 */
export const userRoles = [
  'admin',
  'organizer',
  'business_assistant',
  'province_viewer',
  'national_viewer',
] as const;
export const userRole = z.enum(userRoles);
export type UserRole = z.infer<typeof userRole>;

export const userRoleLabels: Record<UserRole, { id: string; en: string }> = {
  admin: { id: 'Admin', en: 'Admin' },
  organizer: { id: 'Penyelenggara', en: 'Organizer' },
  business_assistant: { id: 'Business Assistant', en: 'Business Assistant' },
  province_viewer: { id: 'Pemantau provinsi', en: 'Province viewer' },
  national_viewer: { id: 'Pemantau nasional', en: 'National viewer' },
};

/** A province code as the area data writes it, e.g. `62` (Kalimantan Tengah). */
export const provinceCode = z.string().check(z.trim(), z.regex(/^\d{2}$/, { error: 'invalid_province' }));
const provinceCodes = z.array(provinceCode).check(z.maxLength(40));

export const organisationId = z
  .string()
  .check(z.trim(), z.regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: 'invalid_organisation_code' }));

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRole,
  organisationId: z.string(),
  language: languageSchema,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Console logins carry the generation they were started in; deactivating the user moves it on, so no login
   * (or sign-in link) from before works again, even once the user is reactivated. Absent: 0.
   */
  loginGeneration: z.optional(z.number()),
  /** A province viewer's provinces. */
  provinceCodes: z.optional(z.array(z.string())),
});
export type User = z.infer<typeof userSchema>;

export const userInput = z.object({
  email,
  name: text(100, 2),
  role: userRole,
  organisationId,
  language: z._default(languageSchema, 'id'),
  provinceCodes: z.optional(provinceCodes),
});
export type UserInput = z.infer<typeof userInput>;

export const userChangeInput = z
  .object({
    name: z.optional(text(100, 2)),
    role: z.optional(userRole),
    organisationId: z.optional(organisationId),
    language: z.optional(languageSchema),
    active: z.optional(z.boolean()),
    provinceCodes: z.optional(provinceCodes),
  })
  .check(
    z.refine((value) => Object.values(value).some((v) => v !== undefined), { error: 'nothing_to_change' }),
  );
export type UserChangeInput = z.infer<typeof userChangeInput>;

/** A regency (kabupaten/kota) code as the area directory writes it, e.g. `62.02`. */
export const regencyCode = z
  .string()
  .check(z.trim(), z.regex(/^\d{2}\.\d{2}$/, { error: 'invalid_regency' }));
const regencyCodes = z.array(regencyCode).check(z.maxLength(600));

/**
 * An organisation (a Dinas) and the regencies it serves: its organizers create sessions only there, and what
 * it collects (contacts, checklists) is its own, even where two organisations serve the same regency.
 * `regencyCodes` absent: stored before organisations were bound, serves none until an admin assigns some.
 */
export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  regencyCodes: z.optional(z.array(z.string())),
});
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationInput = z.object({
  id: organisationId,
  name: text(200, 3),
  regencyCodes: z.optional(regencyCodes),
});
export const organisationRegenciesInput = z.object({ regencyCodes });

export const signInInput = z.object({ email: text(254) });

export const stationInput = z.object({ name: text(60, 1) });
export type Station = {
  id: string;
  eventId: string;
  name: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
};

export const assignmentInput = z.object({ cooperativeIds: z.array(cooperativeId).check(z.maxLength(500)) });

/** Who is acting: a signed-in user, or a check-in station enrolled for one session. */
export type Actor = { kind: 'user'; user: User } | { kind: 'station'; station: Station };

export type AuditEntry = {
  id: string;
  at: string;
  actorId: string;
  actorEmail: string;
  action: string;
  targetType: 'event' | 'registration' | 'user' | 'station' | 'assignment' | 'organisation' | 'cooperative';
  targetId: string;
  eventId?: string;
  detail?: string;
};
