import type { Language } from '../../../domain/schemas';

/** The registration edit page's copy, Bahasa Indonesia first. */
const copy = {
  id: {
    cancelRegistration: 'Batalkan pendaftaran',
    undeliverable: (addresses: string) =>
      `Email tidak dapat dikirim ke ${addresses}. Perbaiki alamatnya atau hubungi lewat WhatsApp.`,
    noEmailSent: 'Tidak ada alamat email untuk tiket ini.',
    queued: (n: number) => `${n} email tiket dikirim ulang.`,
  },
  en: {
    cancelRegistration: 'Cancel registration',
    undeliverable: (addresses: string) =>
      `Email cannot be delivered to ${addresses}. Correct the address or reach them on WhatsApp.`,
    noEmailSent: 'No email address for this ticket.',
    queued: (n: number) => `${n} ticket emails queued again.`,
  },
} satisfies Record<Language, unknown>;

export type RegistrationsCopy = (typeof copy)['id'];
export const registrationsText = (language: Language): RegistrationsCopy => copy[language];
