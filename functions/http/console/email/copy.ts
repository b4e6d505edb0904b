import type { Language } from '../../../domain/schemas';

/** The email problems page's words (/admin/email), Bahasa Indonesia first. */
const copy = {
  id: {
    title: 'Email bermasalah',
    none: 'Tidak ada email yang gagal atau belum pasti terkirim.',
    failed: 'Gagal',
    uncertain: 'Belum pasti (periksa dengan penerima sebelum mengirim ulang)',
    retry: 'Kirim ulang',
    resent: 'Email dimasukkan kembali ke antrean.',
  },
  en: {
    title: 'Email problems',
    none: 'No email has failed or is of unknown delivery.',
    failed: 'Failed',
    uncertain: 'Unknown (check with the recipient before resending)',
    retry: 'Send again',
    resent: 'The email is back in the queue.',
  },
};

export type EmailProblemsText = (typeof copy)[Language];

export const emailProblemsText = (language: Language): EmailProblemsText => copy[language];
