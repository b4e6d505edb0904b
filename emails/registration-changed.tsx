/** @jsxImportSource react */
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewManageToken, previewRegistration } from './preview-data';
import type { BaseProps, RegistrationSummary } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/** Sent to the contact after the officer list or contact changed: the list as it now stands. */
export type RegistrationChangedProps = BaseProps & {
  registration: RegistrationSummary;
  /** Only the first email carries the link: we keep just its hash, so later emails cannot rebuild it. */
  manageToken?: string;
};

const copy = bilingual({
  id: {
    subject: 'Perubahan pendaftaran',
    preview: 'Perubahan pendaftaran koperasi Anda telah disimpan.',
    intro: (cooperative: string) =>
      `Perubahan pendaftaran ${cooperative} telah kami simpan. Berikut daftar peserta yang berlaku sekarang.`,
    confirmed:
      'Hanya tiket di email ini yang berlaku. Tiket peserta yang dihapus dari daftar tidak dapat dipakai lagi; mohon teruskan tiket baru kepada pesertanya.',
    waitlisted: 'Pendaftaran Anda masih dalam daftar tunggu. Tiket kami kirim setelah kursi tersedia.',
  },
  en: {
    subject: 'Registration changed',
    preview: "The changes to your cooperative's registration are saved.",
    intro: (cooperative: string) =>
      `We have saved the changes to the registration of ${cooperative}. This is the participant list as it now stands.`,
    confirmed:
      'Only the tickets in this email are valid. Tickets of participants removed from the list no longer work; please forward new tickets to their holders.',
    waitlisted: 'Your registration is still on the waiting list. We will send tickets once seats are free.',
  },
});

export const subject = (props: RegistrationChangedProps) => subjectFor(props, copy[props.language].subject);

export default function RegistrationChangedEmail({
  registration,
  manageToken,
  ...props
}: RegistrationChangedProps) {
  const t = copy[props.language];
  const confirmed = registration.status === 'confirmed';
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={registration.contact.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={[t.intro(registration.cooperativeName), confirmed ? t.confirmed : t.waitlisted]}
      participants={registration.participants}
      showTickets={confirmed}
      forContact
      manage={manageToken ? { registrationId: registration.id, manageToken } : undefined}
    />
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  registration: previewRegistration,
  manageToken: previewManageToken,
} satisfies RegistrationChangedProps;
