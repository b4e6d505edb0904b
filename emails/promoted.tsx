/** @jsxImportSource react */
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewManageToken, previewRegistration } from './preview-data';
import type { BaseProps, RegistrationSummary } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/** Sent to the contact when a seat freed up and the waitlisted registration is now confirmed. */
export type PromotedProps = BaseProps & {
  registration: RegistrationSummary;
  /** Only the first email carries the link: we keep just its hash, so later emails cannot rebuild it. */
  manageToken?: string;
};

const copy = bilingual({
  id: {
    subject: 'Terkonfirmasi dari daftar tunggu',
    preview: 'Pendaftaran koperasi Anda dari daftar tunggu kini terkonfirmasi.',
    intro: (cooperative: string) =>
      `Kabar baik: kursi telah tersedia dan pendaftaran ${cooperative} dari daftar tunggu kini terkonfirmasi.`,
    forward:
      'Berikut tiket setiap peserta. Mohon teruskan tiket kepada masing-masing peserta, misalnya lewat tombol WhatsApp di bawah tiketnya.',
  },
  en: {
    subject: 'Confirmed from the waiting list',
    preview: "Your cooperative's registration has moved from the waiting list and is now confirmed.",
    intro: (cooperative: string) =>
      `Good news: seats have become free and the registration of ${cooperative} has moved from the waiting list and is now confirmed.`,
    forward:
      "Here is each participant's ticket. Please forward each ticket to its holder, for example with the WhatsApp button under it.",
  },
});

export const subject = (props: PromotedProps) => subjectFor(props, copy[props.language].subject);

export default function PromotedEmail({ registration, manageToken, ...props }: PromotedProps) {
  const t = copy[props.language];
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={registration.contact.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={[t.intro(registration.cooperativeName), t.forward]}
      participants={registration.participants}
      showTickets
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
} satisfies PromotedProps;
