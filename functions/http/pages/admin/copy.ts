import type { Language } from '../../../domain/schemas';
import { registrationStatusLabel } from '../../../domain/statuses';

/** A registration's status in the words the reports, exports and outreach list use too. */
const registrationStatusWords = (language: Language) => ({
  confirmed: registrationStatusLabel('confirmed', language),
  waitlisted: registrationStatusLabel('waitlisted', language),
  cancelled: registrationStatusLabel('cancelled', language),
});

/**
 * The organizer console's shared copy, Bahasa Indonesia first (kept apart from the public pages' i18n.ts): the
 * frame, sign-in, and the words several console resources use. Each resource's own words are in its folder's
 * copy.ts (functions/http/console/<resource>/copy.ts).
 */
const copy = {
  id: {
    console: 'Konsol penyelenggara',
    signInTitle: 'Masuk ke konsol penyelenggara',
    signInHint: 'Masukkan email Anda. Bila terdaftar, kami kirimkan tautan masuk yang berlaku 15 menit.',
    email: 'Email',
    sendLink: 'Kirim tautan masuk',
    sentTitle: 'Periksa email Anda',
    sentText:
      'Bila alamat tersebut terdaftar, tautan masuk sudah dikirim. Tautan berlaku 15 menit dan hanya dapat dipakai sekali.',
    signOut: 'Keluar',
    sessions: 'Kegiatan',
    users: 'Pengguna',
    assignments: 'Business Assistant',
    audit: 'Log audit',
    stations: 'Stasiun check-in',
    organisation: 'Organisasi',
    save: 'Simpan',
    status: registrationStatusWords('id'),
    contact: 'Narahubung',
    actions: 'Tindakan',
    edit: 'Ubah',
    assistant: 'Business Assistant',
    name: 'Nama',
    saved: 'Tersimpan.',
  },
  en: {
    console: 'Organizer console',
    signInTitle: 'Sign in to the organizer console',
    signInHint: 'Enter your email. If it has an account, we send a sign-in link valid for 15 minutes.',
    email: 'Email',
    sendLink: 'Send sign-in link',
    sentTitle: 'Check your email',
    sentText:
      'If that address has an account, a sign-in link is on its way. It is valid for 15 minutes, once.',
    signOut: 'Sign out',
    sessions: 'Sessions',
    users: 'Users',
    assignments: 'Business Assistants',
    audit: 'Audit log',
    stations: 'Check-in stations',
    organisation: 'Organisation',
    save: 'Save',
    status: registrationStatusWords('en'),
    contact: 'Contact',
    actions: 'Actions',
    edit: 'Edit',
    assistant: 'Business Assistant',
    name: 'Name',
    saved: 'Saved.',
  },
} satisfies Record<Language, unknown>;

export type ConsoleCopy = (typeof copy)['id'];
export const consoleText = (language: Language): ConsoleCopy => copy[language];
