/** @jsxImportSource react */
import type { Participant, Registration } from '../functions/domain/schemas';
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewOfficers, previewRegistration } from './preview-data';
import type { BaseProps } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/** Sent to one officer who has their own email address, once their seat is confirmed. */
export type TicketProps = BaseProps & {
  registration: Pick<Registration, 'cooperativeName'>;
  participant: Participant;
};

const copy = bilingual({
  id: {
    subject: 'Tiket Anda',
    preview: 'Pendaftaran Anda terkonfirmasi. Tunjukkan kode QR ini di meja daftar hadir.',
    intro: (cooperative: string, title: string) =>
      `Bapak/Ibu terdaftar sebagai peserta ${title} mewakili ${cooperative}. Berikut tiket Anda.`,
  },
  en: {
    subject: 'Your ticket',
    preview: 'Your registration is confirmed. Show this QR code at the attendance desk.',
    intro: (cooperative: string, title: string) =>
      `You are registered for ${title} on behalf of ${cooperative}. Here is your ticket.`,
  },
});

export const subject = (props: TicketProps) => subjectFor(props, copy[props.language].subject);

export default function TicketEmail({ registration, participant, ...props }: TicketProps) {
  const t = copy[props.language];
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={participant.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={[t.intro(registration.cooperativeName, props.event.title)]}
      participants={[participant]}
      showTickets
      forContact={false}
    />
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  registration: previewRegistration,
  participant: previewOfficers.ketua,
} satisfies TicketProps;
