/** @jsxImportSource react */
import { Section, Text } from '@react-email/components';
import { formatDate } from '../functions/domain/time';
import { FollowupFrame, SignOff } from './components';
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewOfficers, previewRegistration } from './preview-data';
import type { BaseProps } from './props';
import { AssistantBlock, type AssistantContact, type Officer, officerLine, StepList } from './thanks';
import { styles } from './theme';

/** To a cooperative's contact: who attended, what is still open in its administration, and its BA. */
export type CooperativeFollowupProps = BaseProps & {
  recipientName: string;
  cooperativeName: string;
  attended: Officer[];
  absent: Officer[];
  openSteps: string[];
  assistant?: AssistantContact;
  message?: string;
  unsubscribeUrl?: string;
};

const copy = bilingual({
  id: {
    subject: 'Tindak lanjut',
    preview: 'Ringkasan kehadiran dan langkah administrasi koperasi Anda.',
    intro: (cooperative: string, title: string, date: string) =>
      `Berikut ringkasan kehadiran ${cooperative} pada ${title}, ${date}, dan langkah administrasi yang masih perlu diselesaikan.`,
    attended: 'Hadir',
    absent: 'Tidak hadir',
    nobody: 'Belum ada pengurus yang tercatat hadir.',
    steps: 'Langkah administrasi yang belum selesai',
    allDone: 'Semua langkah administrasi yang kami catat sudah selesai.',
    assistant: 'Hubungi Business Assistant pendamping koperasi Anda',
    reason: (cooperative: string, title: string) =>
      `Anda menerima email ini sebagai kontak ${cooperative} untuk ${title}.`,
  },
  en: {
    subject: 'Follow-up',
    preview: "Attendance summary and your cooperative's administration steps.",
    intro: (cooperative: string, title: string, date: string) =>
      `Here is the attendance of ${cooperative} at ${title} on ${date}, and the administration steps still to complete.`,
    attended: 'Attended',
    absent: 'Did not attend',
    nobody: 'No officer is recorded as present.',
    steps: 'Administration steps still open',
    allDone: 'All the administration steps we track are done.',
    assistant: "Contact your cooperative's Business Assistant",
    reason: (cooperative: string, title: string) =>
      `You are receiving this email as the contact of ${cooperative} for ${title}.`,
  },
});

export const subject = ({ event, language, cooperativeName }: CooperativeFollowupProps) =>
  `${copy[language].subject}: ${cooperativeName} — ${event.title}`;

export default function CooperativeFollowupEmail(props: CooperativeFollowupProps) {
  const { event, language } = props;
  const t = copy[language];
  return (
    <FollowupFrame
      event={event}
      language={language}
      preview={t.preview}
      reason={t.reason(props.cooperativeName, event.title)}
      unsubscribeUrl={props.unsubscribeUrl}
      recipientName={props.recipientName}
      intro={t.intro(
        props.cooperativeName,
        event.title,
        formatDate(event.startsAt, event.timeZone, language),
      )}
      message={props.message}
    >
      <Section style={styles.panel}>
        <Text style={styles.label}>{t.attended}</Text>
        {props.attended.length === 0 ? <Text style={styles.text}>{t.nobody}</Text> : null}
        {props.attended.map((officer) => (
          <Text key={officer.name} style={styles.value}>
            {officerLine(officer, language)}
          </Text>
        ))}
        {props.absent.length ? <Text style={styles.label}>{t.absent}</Text> : null}
        {props.absent.map((officer) => (
          <Text key={officer.name} style={styles.text}>
            {officerLine(officer, language)}
          </Text>
        ))}
      </Section>
      <StepList title={t.steps} steps={props.openSteps} empty={t.allDone} />
      <AssistantBlock title={t.assistant} assistant={props.assistant} />
      <SignOff organizerName={event.organizerName} language={language} />
    </FollowupFrame>
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  recipientName: previewRegistration.contact.name,
  cooperativeName: previewRegistration.cooperativeName,
  attended: [previewOfficers.ketua, previewOfficers.sekretaris],
  absent: [previewOfficers.bendahara],
  openSteps: ['Badan hukum (SK AHU)', 'NIK koperasi (Nomor Induk Koperasi)', 'NPWP koperasi'],
  assistant: { name: 'Rahmat Hidayat', phone: '+6281349876501', email: 'rahmat.ba@example.go.id' },
  unsubscribeUrl: `${previewBaseUrl}/berhenti/contoh-token`,
} satisfies CooperativeFollowupProps;
