/** @jsxImportSource react */
import { Link, Section, Text } from '@react-email/components';
import type { AnsweredQuestion } from '../functions/domain/questions';
import { roleLabels } from '../functions/domain/roles';
import type { Language, Participant } from '../functions/domain/schemas';
import { formatDate } from '../functions/domain/time';
import { FollowupFrame, SignOff } from './components';
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewOfficers, previewRegistration } from './preview-data';
import type { BaseProps } from './props';
import { previewQuestions, QaSection } from './qa-section';
import { styles } from './theme';

export type FollowupLink = { label: string; url: string };
export type Officer = Pick<Participant, 'name' | 'role'>;
export type AssistantContact = { name: string; phone?: string; email?: string };

/** Thanks to officers who attended, with each one's certificate and the cooperative's next steps. */
export type ThanksProps = BaseProps & {
  recipientName: string;
  cooperativeName: string;
  /** `evaluationUrl`: the officer's session evaluation form (absent in messages composed before it existed). */
  officers: (Officer & { certificateUrl: string; evaluationUrl?: string })[];
  /** The cooperative's open administration steps (the checklist), in order. */
  nextSteps: string[];
  assistant?: AssistantContact;
  materials: FollowupLink[];
  message?: string;
  unsubscribeUrl?: string;
  /** Tanya jawab: the session's answered questions (absent in messages composed before they existed). */
  questions?: AnsweredQuestion[];
};

const copy = bilingual({
  id: {
    subject: 'Terima kasih atas kehadiran Anda',
    preview: 'Terima kasih telah hadir. Sertifikat dan langkah berikutnya ada di email ini.',
    thanks: (title: string, date: string) =>
      `Terima kasih telah menghadiri ${title} pada ${date}. Kehadiran Bapak/Ibu sangat berarti bagi pembentukan dan penguatan koperasi di daerah kita.`,
    certificates: 'Sertifikat kehadiran',
    certificateLink: (name: string) => `Unduh sertifikat ${name} (PDF)`,
    materials: 'Materi kegiatan',
    evaluation: 'Evaluasi kegiatan (2 menit)',
    evaluationLink: (name: string) => `Isi evaluasi: ${name}`,
    nextSteps: (cooperative: string) => `Langkah administrasi berikutnya untuk ${cooperative}`,
    allDone: 'Semua langkah administrasi yang kami catat sudah selesai. Terima kasih.',
    assistant: 'Business Assistant pendamping koperasi Anda',
    reason: (cooperative: string, title: string) =>
      `Anda menerima email ini karena ${cooperative} terdaftar dan hadir pada ${title}.`,
  },
  en: {
    subject: 'Thank you for attending',
    preview: 'Thank you for coming. Your certificate and the next steps are in this email.',
    thanks: (title: string, date: string) =>
      `Thank you for attending ${title} on ${date}. Your presence matters for founding and strengthening the cooperatives in our region.`,
    certificates: 'Certificate of attendance',
    certificateLink: (name: string) => `Download the certificate for ${name} (PDF)`,
    materials: 'Session materials',
    evaluation: 'Session evaluation (2 minutes)',
    evaluationLink: (name: string) => `Evaluate the session: ${name}`,
    nextSteps: (cooperative: string) => `Next administration steps for ${cooperative}`,
    allDone: 'All the administration steps we track are done. Thank you.',
    assistant: "Your cooperative's Business Assistant",
    reason: (cooperative: string, title: string) =>
      `You are receiving this email because ${cooperative} registered for and attended ${title}.`,
  },
});

export const subject = ({ event, language }: ThanksProps) => `${copy[language].subject}: ${event.title}`;

export function Links({ title, links }: { title: string; links: FollowupLink[] }) {
  if (links.length === 0) return null;
  return (
    <Section style={styles.panel}>
      <Text style={styles.label}>{title}</Text>
      {links.map((link) => (
        <Text key={link.url} style={styles.text}>
          <Link href={link.url} style={styles.link}>
            {link.label}
          </Link>
        </Text>
      ))}
    </Section>
  );
}

export function AssistantBlock({ title, assistant }: { title: string; assistant?: AssistantContact }) {
  if (!assistant) return null;
  return (
    <Section style={styles.panel}>
      <Text style={styles.label}>{title}</Text>
      <Text style={styles.value}>{assistant.name}</Text>
      {assistant.phone ? <Text style={styles.text}>{assistant.phone}</Text> : null}
      {assistant.email ? (
        <Text style={styles.text}>
          <Link href={`mailto:${assistant.email}`} style={styles.link}>
            {assistant.email}
          </Link>
        </Text>
      ) : null}
    </Section>
  );
}

export function StepList({ title, steps, empty }: { title: string; steps: string[]; empty: string }) {
  return (
    <Section style={styles.panel}>
      <Text style={styles.label}>{title}</Text>
      {steps.length === 0 ? <Text style={styles.text}>{empty}</Text> : null}
      {steps.map((step, index) => (
        <Text key={step} style={styles.text}>
          {`${index + 1}. ${step}`}
        </Text>
      ))}
    </Section>
  );
}

export const officerLine = (officer: Officer, language: Language) =>
  `${officer.name} (${roleLabels[officer.role][language]})`;

export default function ThanksEmail(props: ThanksProps) {
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
      intro={t.thanks(event.title, formatDate(event.startsAt, event.timeZone, language))}
      message={props.message}
    >
      <Section style={styles.panel}>
        <Text style={styles.label}>{t.certificates}</Text>
        {props.officers.map((officer) => (
          <Text key={officer.certificateUrl} style={styles.text}>
            <Link href={officer.certificateUrl} style={styles.link}>
              {t.certificateLink(officerLine(officer, language))}
            </Link>
          </Text>
        ))}
      </Section>
      {props.officers.some((officer) => officer.evaluationUrl) ? (
        <Section style={styles.panel}>
          <Text style={styles.label}>{t.evaluation}</Text>
          {props.officers.map((officer) =>
            officer.evaluationUrl ? (
              <Text key={officer.evaluationUrl} style={styles.text}>
                <Link href={officer.evaluationUrl} style={styles.link}>
                  {t.evaluationLink(officerLine(officer, language))}
                </Link>
              </Text>
            ) : null,
          )}
        </Section>
      ) : null}
      <Links title={t.materials} links={props.materials} />
      <QaSection questions={props.questions} language={language} />
      <StepList title={t.nextSteps(props.cooperativeName)} steps={props.nextSteps} empty={t.allDone} />
      <AssistantBlock title={t.assistant} assistant={props.assistant} />
      <SignOff organizerName={event.organizerName} language={language} />
    </FollowupFrame>
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  recipientName: previewOfficers.ketua.name,
  cooperativeName: previewRegistration.cooperativeName,
  officers: [
    {
      ...previewOfficers.ketua,
      certificateUrl: `${previewBaseUrl}/t/${previewOfficers.ketua.ticketCode}/sertifikat.pdf`,
      evaluationUrl: `${previewBaseUrl}/t/${previewOfficers.ketua.ticketCode}/evaluasi`,
    },
  ],
  nextSteps: ['Akta pendirian (notaris)', 'Badan hukum (SK AHU)', 'NIK koperasi (Nomor Induk Koperasi)'],
  assistant: { name: 'Rahmat Hidayat', phone: '+6281349876501', email: 'rahmat.ba@example.go.id' },
  materials: [
    { label: 'Bahan paparan Kementerian Koperasi (PDF)', url: `${previewBaseUrl}/materi/paparan.pdf` },
  ],
  unsubscribeUrl: `${previewBaseUrl}/berhenti/contoh-token`,
  questions: previewQuestions,
} satisfies ThanksProps;
