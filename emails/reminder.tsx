/** @jsxImportSource react */
import type { Participant } from '../functions/domain/schemas';
import { formatDateTime } from '../functions/domain/time';
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewManageToken, previewRegistration } from './preview-data';
import type { BaseProps, RegistrationSummary } from './props';
import { RegistrationEmail, subjectFor } from './registration-email';

/** The day before (H-1), to the contact with every ticket, or to one officer with their own ticket. */
export type ReminderProps = BaseProps & {
  registration: RegistrationSummary;
  /** Set when the reminder goes to this officer rather than to the contact. */
  participant?: Participant;
  /** Contact reminders may carry the manage link, so a cooperative that cannot come frees its seats. */
  manageToken?: string;
  /** Reminders are the one kind a recipient may refuse. */
  unsubscribeUrl?: string;
};

const copy = bilingual({
  id: {
    subject: 'Besok',
    preview: 'Besok: jangan lupa membawa tiket dengan kode QR.',
    tomorrow: (title: string, when: string, venue: string) =>
      `Kami mengingatkan bahwa ${title} dilaksanakan besok, ${when}, di ${venue}.`,
    bring:
      'Mohon datang lebih awal untuk daftar hadir dan tunjukkan kode QR tiket dari ponsel atau dalam bentuk cetak.',
    cannotCome:
      'Jika koperasi Anda batal hadir, mohon batalkan pendaftaran agar kursi dapat dipakai koperasi lain.',
  },
  en: {
    subject: 'Tomorrow',
    preview: 'Tomorrow: remember to bring your ticket with its QR code.',
    tomorrow: (title: string, when: string, venue: string) =>
      `This is a reminder that ${title} takes place tomorrow, ${when}, at ${venue}.`,
    bring: 'Please arrive early to sign in and show the ticket QR code on your phone or on paper.',
    cannotCome:
      'If your cooperative can no longer attend, please cancel so the seats can go to another cooperative.',
  },
});

export const subject = (props: ReminderProps) => subjectFor(props, copy[props.language].subject);

export default function ReminderEmail({ registration, participant, manageToken, ...props }: ReminderProps) {
  const { event, language } = props;
  const t = copy[language];
  const manage = !participant && manageToken ? { registrationId: registration.id, manageToken } : undefined;
  const paragraphs = [
    t.tomorrow(event.title, formatDateTime(event.startsAt, event.timeZone, language), event.venue),
    t.bring,
    ...(manage ? [t.cannotCome] : []),
  ];
  return (
    <RegistrationEmail
      {...props}
      preview={t.preview}
      recipientName={participant?.name ?? registration.contact.name}
      cooperativeName={registration.cooperativeName}
      paragraphs={paragraphs}
      participants={participant ? [participant] : registration.participants}
      showTickets
      forContact={!participant}
      manage={manage}
    />
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  registration: previewRegistration,
  manageToken: previewManageToken,
  unsubscribeUrl: `${previewBaseUrl}/berhenti?token=example`,
} satisfies ReminderProps;
