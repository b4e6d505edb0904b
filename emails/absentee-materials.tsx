/** @jsxImportSource react */
import { Button, Section, Text } from '@react-email/components';
import type { AnsweredQuestion } from '../functions/domain/questions';
import { formatDate, formatTimeRange } from '../functions/domain/time';
import { FollowupFrame, Paragraph, SignOff } from './components';
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewOfficers, previewRegistration } from './preview-data';
import type { BaseProps, EventSummary } from './props';
import { previewQuestions, QaSection } from './qa-section';
import { type FollowupLink, Links, type Officer, officerLine } from './thanks';
import { styles } from './theme';

/** To registered officers who did not come: the materials, and the next session to attend. */
export type AbsenteeMaterialsProps = BaseProps & {
  recipientName: string;
  cooperativeName: string;
  officers: Officer[];
  materials: FollowupLink[];
  nextSession?: { event: EventSummary; url: string };
  message?: string;
  unsubscribeUrl?: string;
  /** Tanya jawab: the session's answered questions (absent in messages composed before they existed). */
  questions?: AnsweredQuestion[];
};

const copy = bilingual({
  id: {
    subject: 'Materi kegiatan',
    preview: 'Anda berhalangan hadir: berikut materi dan jadwal sesi berikutnya.',
    missed: (title: string, date: string) =>
      `Kami mencatat bahwa peserta berikut belum hadir pada ${title}, ${date}. Tidak apa-apa: materi kegiatan dapat dipelajari melalui tautan di bawah ini.`,
    officers: 'Peserta yang terdaftar',
    materials: 'Materi kegiatan',
    noMaterials: 'Materi akan dikirim oleh Business Assistant pendamping koperasi Anda.',
    next: 'Sesi berikutnya',
    register: 'Lihat dan daftar sesi berikutnya',
    noNext: 'Jadwal sesi berikutnya akan kami umumkan.',
    reason: (cooperative: string, title: string) =>
      `Anda menerima email ini karena ${cooperative} mendaftar untuk ${title}.`,
  },
  en: {
    subject: 'Session materials',
    preview: 'You could not attend: here are the materials and the next session.',
    missed: (title: string, date: string) =>
      `Our records show the officers below did not attend ${title} on ${date}. No problem: the materials are available through the links below.`,
    officers: 'Registered officers',
    materials: 'Session materials',
    noMaterials: "Your cooperative's Business Assistant will send you the materials.",
    next: 'Next session',
    register: 'See and register for the next session',
    noNext: 'We will announce the next session.',
    reason: (cooperative: string, title: string) =>
      `You are receiving this email because ${cooperative} registered for ${title}.`,
  },
});

export const subject = ({ event, language }: AbsenteeMaterialsProps) =>
  `${copy[language].subject}: ${event.title}`;

export default function AbsenteeMaterialsEmail(props: AbsenteeMaterialsProps) {
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
      intro={t.missed(event.title, formatDate(event.startsAt, event.timeZone, language))}
      message={props.message}
    >
      <Section style={styles.panel}>
        <Text style={styles.label}>{t.officers}</Text>
        {props.officers.map((officer) => (
          <Text key={officer.name} style={styles.value}>
            {officerLine(officer, language)}
          </Text>
        ))}
      </Section>
      {props.materials.length ? (
        <Links title={t.materials} links={props.materials} />
      ) : (
        <Paragraph>{t.noMaterials}</Paragraph>
      )}
      <QaSection questions={props.questions} language={language} />
      <Section style={styles.panel}>
        <Text style={styles.label}>{t.next}</Text>
        {props.nextSession ? (
          <>
            <Text style={styles.value}>{props.nextSession.event.title}</Text>
            <Text style={styles.text}>
              {`${formatTimeRange(props.nextSession.event.startsAt, props.nextSession.event.endsAt, props.nextSession.event.timeZone, language)} · ${props.nextSession.event.venue}`}
            </Text>
            <Button href={props.nextSession.url} style={styles.button}>
              {t.register}
            </Button>
          </>
        ) : (
          <Text style={styles.text}>{t.noNext}</Text>
        )}
      </Section>
      <SignOff organizerName={event.organizerName} language={language} />
    </FollowupFrame>
  );
}

const nextEvent = {
  ...previewEvent,
  id: 'n3xts3ss10n0001',
  title: 'Sosialisasi Lanjutan KDKMP Kecamatan Baamang',
  venue: 'Aula Kecamatan Baamang',
  startsAt: '2025-11-06T08:30:00+07:00',
  endsAt: '2025-11-06T12:00:00+07:00',
};

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  recipientName: previewRegistration.contact.name,
  cooperativeName: previewRegistration.cooperativeName,
  officers: [previewOfficers.sekretaris, previewOfficers.bendahara],
  materials: [
    { label: 'Bahan paparan Kementerian Koperasi (PDF)', url: `${previewBaseUrl}/materi/paparan.pdf` },
  ],
  nextSession: { event: nextEvent, url: `${previewBaseUrl}/acara/${nextEvent.id}` },
  unsubscribeUrl: `${previewBaseUrl}/berhenti/contoh-token`,
  questions: previewQuestions,
} satisfies AbsenteeMaterialsProps;
