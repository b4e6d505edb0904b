import type { Language } from '../functions/domain/schemas';

/** English is checked against Indonesian: a missing string is a type error, not a blank in an email. */
export const bilingual = <T>(copy: { id: T; en: NoInfer<T> }): Record<Language, T> => copy;

/** Wording shared by several templates; template-specific wording lives next to its template. */
export const common = bilingual({
  id: {
    greeting: (name: string) => `Yth. Bapak/Ibu ${name},`,
    when: 'Waktu',
    where: 'Tempat',
    ticketCode: 'Kode tiket',
    qrAlt: (name: string) => `Kode QR tiket ${name}`,
    qrHint: 'Tunjukkan kode QR ini kepada petugas di meja daftar hadir.',
    shareWhatsApp: 'Kirim tiket lewat WhatsApp',
    askQuestion: 'Punya pertanyaan untuk narasumber? Kirim sebelum acara',
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
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    when: 'When',
    where: 'Where',
    ticketCode: 'Ticket code',
    qrAlt: (name: string) => `Ticket QR code for ${name}`,
    qrHint: 'Show this QR code to the staff at the attendance desk.',
    shareWhatsApp: 'Send ticket via WhatsApp',
    askQuestion: 'A question for the speaker? Send it before the session',
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
});
