import type { Consent, Language } from './schemas';

/**
 * UU PDP (UU 27/2022) wants consent that is explicit, separate, and states purpose, data and retention.
 * The exact text and its version are stored with every registration as proof.
 */
export const CONSENT_VERSION = '2025-10-01';

export const consentTexts: Record<Language, string> = {
  id:
    'Saya setuju Dinas penyelenggara memproses nama, jabatan, nomor HP/WhatsApp, dan email pengurus yang saya ' +
    'daftarkan untuk pendaftaran, tiket, absensi (daftar hadir), dan tindak lanjut kegiatan ini. Data disimpan ' +
    'paling lama 1 tahun setelah kegiatan lalu dihapus, kecuali angka rekapitulasi tanpa identitas. Saya telah ' +
    'memberi tahu pengurus yang didaftarkan dan dapat meminta salinan, perbaikan, atau penghapusan data melalui ' +
    'tautan kelola pendaftaran.',
  en:
    'I agree that the organising Dinas processes the names, roles, phone/WhatsApp numbers and emails of the ' +
    'officers I register, for registration, tickets, attendance (daftar hadir) and follow-up of this session. The ' +
    'data is kept for at most 1 year after the session and then deleted, except anonymous totals. I have told ' +
    'the registered officers and can request a copy, correction or deletion through the registration manage link.',
};

/** Separate and optional (UU PDP: one purpose per consent): reuse of the contact for the next sessions. */
export const contactConsentTexts: Record<Language, string> = {
  id:
    'Saya bersedia nama, nomor HP/WhatsApp, dan email saya sebagai narahubung koperasi disimpan oleh Dinas untuk ' +
    'undangan kegiatan berikutnya. Persetujuan ini dapat dicabut kapan saja.',
  en:
    'I agree that the Dinas keeps my name, phone/WhatsApp number and email as the cooperative contact for ' +
    'invitations to later sessions. I can withdraw this at any time.',
};

export function recordContactConsent(language: Language, now: Date): Consent {
  return {
    textVersion: CONSENT_VERSION,
    text: contactConsentTexts[language],
    language,
    givenAt: now.toISOString(),
  };
}

export function recordConsent(language: Language, now: Date): Consent {
  return { textVersion: CONSENT_VERSION, text: consentTexts[language], language, givenAt: now.toISOString() };
}

/**
 * Separate and optional: the registration's messages (tickets, manage link, reminder, thanks, certificate) on
 * WhatsApp. A reply BERHENTI withdraws it for every later message.
 */
export const whatsappConsentTexts: Record<Language, string> = {
  id:
    'Saya bersedia menerima pesan WhatsApp dari Dinas penyelenggara di nomor HP narahubung di atas tentang ' +
    'pendaftaran ini: tiket, tautan kelola, pengingat, ucapan terima kasih, dan sertifikat. Balas BERHENTI untuk ' +
    'berhenti kapan saja.',
  en:
    "I agree to receive WhatsApp messages from the organising Dinas on the contact's phone number above about this " +
    'registration: tickets, the manage link, the reminder, thanks and certificates. Reply BERHENTI (stop) at any time.',
};

export function recordWhatsAppConsent(language: Language, now: Date): Consent {
  return {
    textVersion: CONSENT_VERSION,
    text: whatsappConsentTexts[language],
    language,
    givenAt: now.toISOString(),
  };
}
