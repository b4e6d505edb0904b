/** @jsxImportSource react */
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewManageToken, previewRegistration } from './preview-data';
import type { BaseProps, RegistrationSummary } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/** Sent to the contact when the session was full: no tickets yet, but the manage link to leave the queue. */
export type WaitlistedProps = BaseProps & {
  registration: RegistrationSummary;
  /** Only the first email carries the link: we keep just its hash, so later emails cannot rebuild it. */
  manageToken?: string;
};

const copy = bilingual({
  id: {
    subject: 'Daftar tunggu',
    preview: 'Kuota peserta sudah penuh; pendaftaran koperasi Anda masuk daftar tunggu.',
    intro: (cooperative: string) =>
      `Terima kasih atas pendaftaran ${cooperative}. Kuota peserta saat ini sudah penuh, sehingga pendaftaran Anda kami masukkan ke daftar tunggu sesuai urutan pendaftaran.`,
    next: 'Jika ada kursi yang kosong, pendaftaran Anda otomatis terkonfirmasi dan tiket peserta kami kirim lewat email. Mohon belum datang ke lokasi tanpa tiket.',
    leave:
      'Jika koperasi Anda batal hadir, mohon batalkan pendaftaran lewat tautan di bawah agar kursi dapat diberikan kepada koperasi lain.',
  },
  en: {
    subject: 'Waiting list',
    preview: "The session is full; your cooperative's registration is on the waiting list.",
    intro: (cooperative: string) =>
      `Thank you for registering ${cooperative}. The session is currently full, so your registration is on the waiting list in order of arrival.`,
    next: 'If a seat becomes free, your registration is confirmed automatically and we email the tickets. Please do not come to the venue without a ticket.',
    leave:
      'If your cooperative can no longer attend, please cancel with the link below so the seats can go to another cooperative.',
  },
});

export const subject = (props: WaitlistedProps) => subjectFor(props, copy[props.language].subject);

export default function WaitlistedEmail({ registration, manageToken, ...props }: WaitlistedProps) {
  const t = copy[props.language];
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={registration.contact.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={[t.intro(registration.cooperativeName), t.next, t.leave]}
      participants={registration.participants}
      showTickets={false}
      forContact
      manage={manageToken ? { registrationId: registration.id, manageToken } : undefined}
    />
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  registration: { ...previewRegistration, status: 'waitlisted' },
  manageToken: previewManageToken,
} satisfies WaitlistedProps;
