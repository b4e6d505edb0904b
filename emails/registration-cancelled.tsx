/** @jsxImportSource react */
import type { EventRecord, Participant, Registration } from '../functions/domain/schemas';
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewRegistration } from './preview-data';
import type { BaseProps } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/**
 * Sent to the contact, and to each officer with their own address, when a registration is cancelled or the
 * organiser cancels the whole event (`event.cancelled`).
 */
export type RegistrationCancelledProps = BaseProps & {
  event: Partial<Pick<EventRecord, 'cancelled'>>;
  registration: Pick<Registration, 'cooperativeName' | 'contact' | 'participants'>;
  /** Set when the email goes to this officer rather than to the contact. */
  participant?: Participant;
};

const copy = bilingual({
  id: {
    subject: 'Pendaftaran dibatalkan',
    eventSubject: 'Kegiatan dibatalkan',
    preview: 'Pendaftaran telah dibatalkan; tiket tidak berlaku lagi.',
    registration: (cooperative: string, title: string) =>
      `Pendaftaran ${cooperative} untuk ${title} telah dibatalkan.`,
    event: (organizer: string, title: string) =>
      `Dengan menyesal kami sampaikan bahwa ${organizer} membatalkan ${title}. Mohon maaf atas ketidaknyamanan ini.`,
    void: 'Tiket untuk peserta di bawah ini tidak berlaku lagi. Mohon tidak datang ke lokasi dengan tiket tersebut.',
    again:
      'Jika pembatalan ini tidak Anda kehendaki, silakan hubungi penyelenggara atau daftar kembali selama kuota masih tersedia.',
  },
  en: {
    subject: 'Registration cancelled',
    eventSubject: 'Event cancelled',
    preview: 'The registration has been cancelled; the tickets are no longer valid.',
    registration: (cooperative: string, title: string) =>
      `The registration of ${cooperative} for ${title} has been cancelled.`,
    event: (organizer: string, title: string) =>
      `We regret to inform you that ${organizer} has cancelled ${title}. We apologise for the inconvenience.`,
    void: 'The tickets of the participants below are no longer valid. Please do not come to the venue with them.',
    again:
      'If you did not intend this cancellation, please contact the organiser or register again while seats are available.',
  },
});

export const subject = (props: RegistrationCancelledProps) => {
  const t = copy[props.language];
  return subjectFor(props, props.event.cancelled ? t.eventSubject : t.subject);
};

export default function RegistrationCancelledEmail({
  registration,
  participant,
  ...props
}: RegistrationCancelledProps) {
  const { event } = props;
  const t = copy[props.language];
  const paragraphs = event.cancelled
    ? [t.event(event.organizerName, event.title), t.void]
    : [t.registration(registration.cooperativeName, event.title), t.void, t.again];
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={participant?.name ?? registration.contact.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={paragraphs}
      participants={participant ? [participant] : registration.participants}
      showTickets={false}
      forContact={!participant}
    />
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  registration: previewRegistration,
} satisfies RegistrationCancelledProps;
