import type { Language } from '../functions/domain/schemas';

/** Wording shared by several templates; template-specific wording lives next to its template. */
const id = {
    greeting: (name: string) => `Yth. Bapak/Ibu ${name},`,
    when: 'Waktu',
    where: 'Tempat',
    cooperative: 'Koperasi',
    role: 'Jabatan',
    ticketCode: 'Kode tiket',
    qrAlt: (name: string) => `Kode QR tiket ${name}`,
    qrHint: 'Tunjukkan kode QR ini kepada petugas di meja daftar hadir.',
    openTicket: 'Buka tiket',
    shareWhatsApp: 'Kirim tiket lewat WhatsApp',
    shareText: (name: string, title: string, url: string) =>
      `Tiket ${title} untuk ${name}: ${url} (tunjukkan kode QR di meja daftar hadir)`,
    manage: 'Ubah atau batalkan pendaftaran',
    manageHint:
      'Tautan ini bersifat rahasia: siapa pun yang memilikinya dapat mengubah pendaftaran. Jangan dibagikan.',
    officers: 'Peserta',
    signOff: 'Hormat kami,',
    reasonRegistration: (cooperative: string, title: string) =>
      `Anda menerima email ini karena ${cooperative} mendaftar untuk ${title} dan mencantumkan alamat email Anda.`,
    unsubscribe: 'Berhenti menerima email pengingat',
};

export const common: Record<Language, typeof id> = {
  id,
  en: {
    greeting: (name: string) => `Dear ${name},`,
    when: 'When',
    where: 'Where',
    cooperative: 'Cooperative',
    role: 'Position',
    ticketCode: 'Ticket code',
    qrAlt: (name: string) => `Ticket QR code for ${name}`,
    qrHint: 'Show this QR code to the staff at the attendance desk.',
    openTicket: 'Open ticket',
    shareWhatsApp: 'Send ticket via WhatsApp',
    shareText: (name: string, title: string, url: string) =>
      `Ticket for ${title}, ${name}: ${url} (show the QR code at the attendance desk)`,
    manage: 'Change or cancel the registration',
    manageHint: 'This link is private: anyone who has it can change the registration. Do not share it.',
    officers: 'Participants',
    signOff: 'Kind regards,',
    reasonRegistration: (cooperative: string, title: string) =>
      `You are receiving this email because ${cooperative} registered for ${title} and gave your email address.`,
    unsubscribe: 'Stop receiving reminder emails',
  },
};

/** Both languages must have the same keys: a missing English string is a type error, not a blank in an email. */
export const bilingual = <T>(copy: Record<Language, T>) => copy;
