/** @jsxImportSource react */
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewManageToken, previewRegistration } from './preview-data';
import type { BaseProps, RegistrationSummary } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/** Sent to the contact's address on file when someone asks for the manage link again ("kirim ulang"). */
export type ManageLinkProps = BaseProps & {
  registration: RegistrationSummary;
  manageToken: string;
};

const copy = bilingual({
  id: {
    subject: 'Tautan kelola pendaftaran',
    preview: 'Tautan untuk mengelola pendaftaran koperasi Anda, sesuai permintaan.',
    intro: (cooperative: string) =>
      `Kami menerima permintaan untuk mengirim ulang tautan kelola pendaftaran ${cooperative}. Dengan tautan di bawah ini Anda dapat melihat tiket, mengganti peserta, atau membatalkan pendaftaran.`,
    notYou:
      'Bila Anda tidak memintanya, abaikan email ini: tautan hanya dikirim ke alamat ini dan pendaftaran tidak berubah.',
  },
  en: {
    subject: 'Your registration’s manage link',
    preview: 'The link to manage your cooperative’s registration, as requested.',
    intro: (cooperative: string) =>
      `We received a request to send the manage link of ${cooperative}'s registration again. With the link below you can see the tickets, substitute officers or cancel the registration.`,
    notYou:
      'If you did not ask for it, ignore this email: the link is only sent to this address and nothing has changed.',
  },
});

export const subject = (props: ManageLinkProps) => subjectFor(props, copy[props.language].subject);

export default function ManageLinkEmail({ registration, manageToken, ...props }: ManageLinkProps) {
  const t = copy[props.language];
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={registration.contact.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={[t.intro(registration.cooperativeName), t.notYou]}
      participants={registration.participants}
      showTickets={false}
      forContact
      manage={{ registrationId: registration.id, manageToken }}
    />
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  registration: previewRegistration,
  manageToken: previewManageToken,
} satisfies ManageLinkProps;
