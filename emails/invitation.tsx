/** @jsxImportSource react */
import { Button, Link, Section, Text } from '@react-email/components';
import { FollowupFrame, Paragraph, SessionDetails, SignOff } from './components';
import { bilingual } from './copy';
import { previewBaseUrl, previewEvent, previewRegistration } from './preview-data';
import type { BaseProps } from './props';
import { styles } from './theme';

/** To an invited cooperative that has not registered (its contact, where known): please register. */
export type InvitationProps = BaseProps & {
  recipientName: string;
  cooperativeName: string;
  registerUrl: string;
  /** The link is the cooperative's personal one: the form opens with the cooperative already chosen. */
  personalLink?: boolean;
  message?: string;
  unsubscribeUrl?: string;
};

const copy = bilingual({
  id: {
    subject: 'Undangan',
    preview: 'Koperasi Anda diundang. Daftarkan pengurus dalam beberapa menit.',
    invite: (cooperative: string, title: string) =>
      `Dengan hormat, ${cooperative} diundang mengikuti ${title}. Kami belum menerima pendaftaran dari koperasi Anda.`,
    how: 'Pendaftaran dilakukan secara daring: pilih desa/kelurahan Anda, isi nama pengurus yang akan hadir, dan setiap pengurus menerima tiket dengan kode QR.',
    howPersonal: (cooperative: string) =>
      `Pendaftaran dilakukan secara daring melalui tautan khusus ${cooperative} di bawah ini: koperasi Anda sudah terpilih, cukup isi nama pengurus yang akan hadir, dan setiap pengurus menerima tiket dengan kode QR.`,
    register: 'Daftarkan koperasi',
    reason: (cooperative: string, title: string) =>
      `Anda menerima email ini karena ${cooperative} termasuk koperasi yang diundang ke ${title} dan alamat email Anda tercatat sebagai kontaknya.`,
  },
  en: {
    subject: 'Invitation',
    preview: 'Your cooperative is invited. Register its officers in a few minutes.',
    invite: (cooperative: string, title: string) =>
      `${cooperative} is invited to ${title}. We have not yet received a registration from your cooperative.`,
    how: 'Registration is online: choose your village, enter the officers who will attend, and each officer receives a ticket with a QR code.',
    howPersonal: (cooperative: string) =>
      `Registration is online through the personal link of ${cooperative} below: your cooperative is already chosen, enter the officers who will attend, and each officer receives a ticket with a QR code.`,
    register: 'Register the cooperative',
    reason: (cooperative: string, title: string) =>
      `You are receiving this email because ${cooperative} is invited to ${title} and your address is on record as its contact.`,
  },
});

export const subject = ({ event, language }: InvitationProps) => `${copy[language].subject}: ${event.title}`;

export default function InvitationEmail(props: InvitationProps) {
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
      intro={t.invite(props.cooperativeName, event.title)}
      message={props.message}
    >
      <SessionDetails event={event} language={language} />
      <Paragraph>{props.personalLink ? t.howPersonal(props.cooperativeName) : t.how}</Paragraph>
      <Section style={{ margin: '16px 0' }}>
        <Button href={props.registerUrl} style={styles.button}>
          {t.register}
        </Button>
        <Text style={styles.small} data-skip-in-text>
          <Link href={props.registerUrl} style={styles.link}>
            {props.registerUrl}
          </Link>
        </Text>
      </Section>
      <SignOff organizerName={event.organizerName} language={language} />
    </FollowupFrame>
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  event: previewEvent,
  recipientName: previewRegistration.contact.name,
  cooperativeName: 'Koperasi Desa Merah Putih Bapinang Hilir',
  registerUrl: `${previewBaseUrl}/acara/${previewEvent.id}/daftar`,
  unsubscribeUrl: `${previewBaseUrl}/berhenti/contoh-token`,
} satisfies InvitationProps;
