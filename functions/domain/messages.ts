import type { z } from 'zod/mini';
import zodEn from 'zod/v4/locales/en.js';
import zodId from 'zod/v4/locales/id.js';
import type { ErrorCode, ValidationIssue } from './errors';
import type { Language } from './schemas';

type Catalogue = Record<string, { id: string; en: string }>;

/** One catalogue of user-facing error messages, Bahasa Indonesia first. `{name}` placeholders are filled in. */
export const errorMessages: Record<ErrorCode, { id: string; en: string }> = {
  validation: { id: 'Data yang dikirim belum benar.', en: 'The submitted data is not valid.' },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  already_registered: {
    id: 'Koperasi ini sudah terdaftar untuk kegiatan ini. Gunakan tautan kelola untuk mengubah peserta.',
    en: 'This cooperative is already registered for this session. Use the manage link to change officers.',
  },
  registration_closed: {
    id: 'Pendaftaran untuk kegiatan ini sudah ditutup.',
    en: 'Registration for this session is closed.',
  },
  idempotency_key_reused: {
    id: 'Idempotency-Key ini sudah dipakai untuk permintaan yang berbeda.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  phone_taken: {
    id: 'Salah satu nomor HP pengurus sudah dipakai pada kegiatan ini. Periksa kembali nomor HP yang diisi.',
    en: 'One of the officers’ phone numbers is already in use for this session. Please check the numbers.',
  },
  too_many_participants: {
    id: 'Setiap koperasi paling banyak mendaftarkan {max} pengurus.',
    en: 'Each cooperative may register at most {max} officers.',
  },
  event_full: { id: 'Kuota kegiatan sudah penuh.', en: 'The session is full.' },
  conflict: {
    id: 'Data berubah saat diproses. Silakan muat ulang dan coba lagi.',
    en: 'The data changed while being processed. Please reload and try again.',
  },
  unauthorized: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  forbidden: { id: 'Anda tidak memiliki akses.', en: 'You do not have access.' },
  payload_too_large: {
    id: 'Data yang dikirim terlalu besar (maksimal 64 KB).',
    en: 'The request body is too large (64 KB at most).',
  },
  unsupported_media_type: {
    id: 'Format data tidak didukung. Kirim JSON atau formulir.',
    en: 'Unsupported content type. Send JSON or a form.',
  },
  rate_limited: {
    id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
    en: 'Too many requests. Please try again shortly.',
  },
  unavailable: {
    id: 'Layanan sedang tidak tersedia. Coba lagi beberapa saat lagi.',
    en: 'The service is temporarily unavailable. Please try again shortly.',
  },
  ticket_not_found: { id: 'Tiket tidak dikenal.', en: 'Unknown ticket.' },
  wrong_event: { id: 'Tiket ini untuk kegiatan lain.', en: 'This ticket is for another session.' },
  registration_cancelled: {
    id: 'Pendaftaran tiket ini sudah dibatalkan.',
    en: 'This ticket’s registration was cancelled.',
  },
  not_confirmed: {
    id: 'Koperasi ini masih di daftar tunggu; tiket belum berlaku.',
    en: 'This cooperative is still on the waiting list; the ticket is not valid yet.',
  },
  checkin_not_open: {
    id: 'Check-in belum dibuka. Dibuka {opens}.',
    en: 'Check-in is not open yet. It opens {opensEn}.',
  },
  checkin_closed: {
    id: 'Check-in sudah ditutup. Sesi berakhir {ended}.',
    en: 'Check-in is closed. The session ended {endedEn}.',
  },
  session_not_ended: {
    id: 'Sertifikat tersedia setelah sesi selesai ({ends}).',
    en: 'The certificate is available once the session has ended ({endsEn}).',
  },
  questions_closed: {
    id: 'Sesi tanya jawab kegiatan ini sudah ditutup.',
    en: 'Questions for this session are closed.',
  },
  already_answered: {
    id: 'Evaluasi untuk tiket ini sudah diisi. Terima kasih, setiap tiket hanya dapat mengisi satu kali.',
    en: 'The evaluation for this ticket has already been answered. Thank you: each ticket answers once.',
  },
  not_checked_in: {
    id: 'Evaluasi hanya untuk pengurus yang sudah check-in di kegiatan ini.',
    en: 'The evaluation is only for officers who checked in at this session.',
  },
  evaluation_closed: {
    id: 'Evaluasi kegiatan ini sudah ditutup ({closed}).',
    en: 'The evaluation of this session closed ({closedEn}).',
  },
  capacity_below_taken: {
    id: 'Kapasitas tidak boleh lebih kecil dari kursi yang sudah terisi ({taken}).',
    en: 'The capacity cannot be lower than the seats already taken ({taken}).',
  },
  sign_in_link_invalid: {
    id: 'Tautan masuk tidak berlaku lagi (sudah dipakai, kedaluwarsa, atau salah). Minta tautan baru.',
    en: 'This sign-in link is no longer valid (used, expired or wrong). Ask for a new one.',
  },
};

/** Messages for custom validation issues; the schema puts the key in the issue's message. */
const issueMessages: Catalogue = {
  invalid_phone: {
    id: 'Nomor HP tidak valid. Tulis nomor HP Indonesia, mis. 0812-3456-7890 atau +62 812 3456 7890.',
    en: 'Invalid phone number. Write an Indonesian mobile number, e.g. 0812-3456-7890 or +62 812 3456 7890.',
  },
  control_characters: {
    id: 'Mengandung karakter yang tidak diizinkan.',
    en: 'Contains disallowed characters.',
  },
  invalid_cooperative: { id: 'Pilih koperasi dari daftar.', en: 'Choose a cooperative from the list.' },
  invalid_organisation_code: {
    id: 'Kode 2-60 karakter: huruf kecil, angka dan tanda hubung, diawali huruf atau angka (mis. dinkop-kotim).',
    en: 'A code of 2-60 characters: lowercase letters, digits and hyphens, starting with a letter or digit (e.g. dinkop-kotim).',
  },
  consent_required: {
    id: 'Persetujuan pemrosesan data pribadi wajib dicentang.',
    en: 'You must agree to the processing of personal data.',
  },
  invalid_regency: {
    id: 'Kode kabupaten/kota ditulis dua angka, titik, dua angka (mis. 62.02).',
    en: 'A regency code is two digits, a dot and two digits (e.g. 62.02).',
  },
  unknown_regency: {
    id: 'Kabupaten/kota ini belum ada di direktori koperasi.',
    en: 'This regency is not in the cooperative directory yet.',
  },
  regency_not_served: {
    id: 'Organisasi ini tidak melayani kabupaten/kota tersebut. Admin dapat menambahkannya di halaman Pengguna.',
    en: 'This organisation does not serve that regency. An admin can add it on the Users page.',
  },
  nothing_to_change: { id: 'Tidak ada perubahan yang dikirim.', en: 'Nothing to change was sent.' },
  invalid_cursor: {
    id: 'Penanda halaman tidak berlaku. Mulai lagi dari halaman pertama.',
    en: 'The page cursor is not valid. Start again from the first page.',
  },
  invalid_time_zone: { id: 'Zona waktu tidak dikenal.', en: 'Unknown time zone.' },
  ends_before_start: {
    id: 'Waktu selesai harus setelah waktu mulai.',
    en: 'The end time must be after the start time.',
  },
  required: { id: 'Wajib diisi.', en: 'Required.' },
  too_short: { id: 'Minimal {min} karakter.', en: 'At least {min} characters.' },
  too_long: { id: 'Maksimal {max} karakter.', en: 'At most {max} characters.' },
  too_few_items: { id: 'Minimal {min} orang.', en: 'At least {min} people.' },
  too_many_items: { id: 'Maksimal {max} orang.', en: 'At most {max} people.' },
  invalid_email: { id: 'Alamat email tidak valid.', en: 'Invalid email address.' },
  invalid_choice: { id: 'Pilihan tidak valid.', en: 'Invalid choice.' },
  csv_header: {
    id: 'Baris pertama CSV harus berisi kolom email dan cooperativeId (kode desa).',
    en: 'The first CSV line must name the columns email and cooperativeId (village code).',
  },
  unknown_assistant: {
    id: 'Email ini bukan Business Assistant yang dapat Anda atur.',
    en: 'This email is not a Business Assistant you can manage.',
  },
  ticket_or_participant_required: {
    id: 'Kirim kode tiket atau id peserta.',
    en: 'Send a ticket code or a participant id.',
  },
  duplicate_phone_in_request: {
    id: 'Nomor HP yang sama dipakai lebih dari sekali.',
    en: 'The same phone number is used more than once.',
  },
  cooperative_not_invited: {
    id: 'Koperasi ini tidak termasuk yang diundang ke sesi ini. Pilih koperasi dari daftar undangan, atau hubungi Dinas penyelenggara.',
    en: 'This cooperative is not invited to this session. Choose one from the invited list, or contact the organizing Dinas.',
  },
  consent_method_required: {
    id: 'Pilih cara persetujuan data pribadi diperoleh (formulir kertas atau telepon).',
    en: 'Choose how consent to personal data processing was obtained (paper form or by phone).',
  },
  contact_required: {
    id: 'Isi nomor HP atau email narahubung yang dipakai saat mendaftar.',
    en: 'Enter the contact’s phone number or email used when registering.',
  },
  choose_score: { id: 'Pilih nilai 1 sampai 5.', en: 'Choose a score from 1 to 5.' },
  too_many_scales: {
    id: 'Paling banyak 12 pertanyaan skala.',
    en: 'At most 12 scale questions.',
  },
  close_days_range: {
    id: 'Isi 0 sampai 90 hari.',
    en: 'Enter 0 to 90 days.',
  },
  duplicate_scale: {
    id: 'Setiap pertanyaan skala hanya boleh muncul sekali.',
    en: 'Each scale question may appear only once.',
  },
  duplicate_name_in_request: {
    id: 'Pengurus dengan nama ini sudah diisi di atas. Setiap pengurus cukup didaftarkan sekali.',
    en: 'An officer with this name is already listed above. List each officer once.',
  },
};

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in params ? String(params[key]) : match,
  );
}

export function errorMessage(
  code: ErrorCode,
  language: Language,
  params?: Record<string, string | number>,
): string {
  return fill(errorMessages[code][language], params);
}

export function issueMessage(key: string, language: Language, params?: Record<string, string | number>) {
  const entry = issueMessages[key];
  return entry ? fill(entry[language], params) : undefined;
}

// Two locales imported by path: `z.locales` would bundle all of zod's ~60 languages into every Lambda.
const fallbackLocales = { id: zodId().localeError, en: zodEn().localeError };

/** Turns zod issues into short messages a village officer understands, in their language. */
export function localizeIssues(error: z.core.$ZodError, language: Language): ValidationIssue[] {
  return error.issues.map((raw) => {
    const path = raw.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const custom = issueMessage(raw.message, language);
    if (custom) return { path, code: raw.message, message: custom };
    const [code, message] = describe(raw, language);
    return { path, code, message };
  });
}

function describe(raw: z.core.$ZodIssue, language: Language): [string, string] {
  switch (raw.code) {
    case 'invalid_type':
      if (raw.input === undefined || raw.input === null || raw.input === '')
        return ['required', issueMessage('required', language) as string];
      break;
    case 'too_small':
      if (raw.origin === 'string')
        return ['too_short', issueMessage('too_short', language, { min: Number(raw.minimum) }) as string];
      if (raw.origin === 'array')
        return [
          'too_few_items',
          issueMessage('too_few_items', language, { min: Number(raw.minimum) }) as string,
        ];
      break;
    case 'too_big':
      if (raw.origin === 'string')
        return ['too_long', issueMessage('too_long', language, { max: Number(raw.maximum) }) as string];
      if (raw.origin === 'array')
        return [
          'too_many_items',
          issueMessage('too_many_items', language, { max: Number(raw.maximum) }) as string,
        ];
      break;
    case 'invalid_format':
      if (raw.format === 'email') return ['invalid_email', issueMessage('invalid_email', language) as string];
      break;
    case 'invalid_value':
      return ['invalid_choice', issueMessage('invalid_choice', language) as string];
  }
  const text = fallbackLocales[language]({ ...raw, input: raw.input } as never);
  return [raw.code, typeof text === 'string' ? text : (text?.message ?? raw.message)];
}
