/** @jsxImportSource react */
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewManageToken, previewRegistration } from './preview-data';
import type { BaseProps, RegistrationSummary } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/** Sent to the cooperative's contact when a registration is confirmed on arrival (seats were free). */
export type RegistrationReceivedProps = BaseProps & {
  registration: RegistrationSummary;
  manageToken: string;
};

const copy = bilingual({
  id: {
    subject: 'Pendaftaran diterima',
    preview: 'Pendaftaran koperasi Anda terkonfirmasi. Tiket setiap peserta ada di email ini.',
    intro: (cooperative: string, count: number) =>
      `Pendaftaran ${cooperative} untuk ${count} peserta telah kami terima dan terkonfirmasi.`,
    forward:
      'Setiap peserta memiliki tiket sendiri. Mohon teruskan tiket kepada masing-masing peserta, misalnya lewat tombol WhatsApp di bawah tiketnya.',
  },
  en: {
    subject: 'Registration received',
    preview: "Your cooperative's registration is confirmed. Each participant's ticket is in this email.",
    intro: (cooperative: string, count: number) =>
      `We have received and confirmed the registration of ${cooperative} for ${count} participant(s).`,
    forward:
      'Each participant has their own ticket. Please forward each ticket to its holder, for example with the WhatsApp button under it.',
  },
});

export const subject = (props: RegistrationReceivedProps) => subjectFor(props, copy[props.language].subject);

export default function RegistrationReceivedEmail({
  registration,
  manageToken,
  ...props
}: RegistrationReceivedProps) {
  const t = copy[props.language];
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={registration.contact.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={[t.intro(registration.cooperativeName, registration.participants.length), t.forward]}
      participants={registration.participants}
      showTickets
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
} satisfies RegistrationReceivedProps;
