import type { Language, Registration } from './schemas';

/**
 * One vocabulary for where a cooperative or a registration stands, shared by the console pages, the outreach
 * list, the reports, the laporan kegiatan and the exports. A cooperative on the waiting list is "Daftar tunggu"
 * wherever it is shown: a Dinas officer comparing the outreach page with the laporan must read the same word for
 * the same fact. Documents (PDF, CSV, XLSX) print the Indonesian label.
 */
export type Bilingual = Record<Language, string>;

export const registrationStatusLabels: Record<Registration['status'], Bilingual> = {
  confirmed: { id: 'Terdaftar', en: 'Registered' },
  waitlisted: { id: 'Daftar tunggu', en: 'Waiting list' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};

/** Where an invited cooperative stands for one session (or across sessions, in the coverage reports). */
export type CooperativeStatus =
  | 'not_contacted'
  | 'invited'
  | 'opened'
  | 'not_registered'
  | 'waitlisted'
  | 'registered'
  | 'registered_absent'
  | 'registered_not_yet_present'
  | 'present';

export const cooperativeStatusLabels: Record<CooperativeStatus, Bilingual> = {
  not_contacted: { id: 'Belum dihubungi', en: 'Not contacted' },
  invited: { id: 'Sudah diundang', en: 'Invited' },
  opened: { id: 'Membuka tautan', en: 'Opened the link' },
  not_registered: { id: 'Belum mendaftar', en: 'Not registered' },
  waitlisted: registrationStatusLabels.waitlisted,
  registered: registrationStatusLabels.confirmed,
  registered_absent: { id: 'Terdaftar, tidak hadir', en: 'Registered, absent' },
  /** Across all sessions of an area (the coverage dashboards): registered, briefed at none so far. */
  registered_not_yet_present: { id: 'Terdaftar, belum hadir', en: 'Registered, not yet attended' },
  present: { id: 'Hadir', en: 'Present' },
};

export const registrationStatusLabel = (status: Registration['status'], language: Language = 'id') =>
  registrationStatusLabels[status][language];

export const cooperativeStatusLabel = (status: CooperativeStatus, language: Language = 'id') =>
  cooperativeStatusLabels[status][language];

/**
 * A cooperative's standing from its counts: present beats registered beats waitlisted, so a cooperative with
 * one confirmed and one waitlisted group counts as registered.
 */
export function coverageStatus(counts: {
  registeredFor: number;
  waitlistedFor?: number;
  attended: number;
}): CooperativeStatus {
  if (counts.attended > 0) return 'present';
  if (counts.registeredFor > 0) return 'registered_absent';
  if ((counts.waitlistedFor ?? 0) > 0) return 'waitlisted';
  return 'not_registered';
}
