/** @jsxImportSource react */
import { Button, Link, Text } from '@react-email/components';
import type { Language } from '../functions/domain/schemas';
import { Paragraph } from './components';
import { bilingual } from './copy';
import { Layout } from './layout';
import { previewBaseUrl, previewEvent } from './preview-data';
import { signInUrl } from './props';
import { styles } from './theme';

/** Passwordless sign-in for organiser staff. */
export type SignInLinkProps = {
  baseUrl: string;
  language: Language;
  token: string;
  expiresInMinutes: number;
  /** The Dinas the account belongs to, shown in the header; the app's name when unknown. */
  organizerName?: string;
};

const copy = bilingual({
  id: {
    subject: 'Tautan masuk hadir',
    preview: 'Tautan untuk masuk ke halaman penyelenggara hadir.',
    greeting: 'Yth. Bapak/Ibu,',
    intro: 'Gunakan tombol di bawah untuk masuk ke halaman penyelenggara hadir.',
    button: 'Masuk ke hadir',
    expiry: (minutes: number) => `Tautan ini berlaku selama ${minutes} menit.`,
    ignore: 'Jika Anda tidak meminta tautan ini, abaikan email ini. Tidak ada yang berubah pada akun Anda.',
    reason: 'Anda menerima email ini karena ada permintaan masuk ke hadir dengan alamat email ini.',
  },
  en: {
    subject: 'Your hadir sign-in link',
    preview: 'Your link to sign in to the hadir organiser pages.',
    greeting: 'Hello,',
    intro: 'Use the button below to sign in to the hadir organiser pages.',
    button: 'Sign in to hadir',
    expiry: (minutes: number) => `This link is valid for ${minutes} minutes.`,
    ignore: 'If you did not ask for this link, ignore this email. Nothing changes on your account.',
    reason: 'You are receiving this email because someone asked to sign in to hadir with this email address.',
  },
});

export const subject = ({ language }: SignInLinkProps) => copy[language].subject;

export default function SignInLinkEmail({
  baseUrl,
  language,
  token,
  expiresInMinutes,
  organizerName,
}: SignInLinkProps) {
  const t = copy[language];
  const url = signInUrl(baseUrl, token);
  return (
    <Layout
      language={language}
      organizerName={organizerName ?? 'hadir'}
      preview={t.preview}
      reason={t.reason}
    >
      <Paragraph>{t.greeting}</Paragraph>
      <Paragraph>{t.intro}</Paragraph>
      <Button href={url} style={styles.button}>
        {t.button}
      </Button>
      {/* For clients that break buttons; the text part already has the button's URL. */}
      <Text style={styles.small} data-skip-in-text>
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
      <Paragraph>{t.expiry(expiresInMinutes)}</Paragraph>
      <Paragraph>{t.ignore}</Paragraph>
    </Layout>
  );
}

export const PreviewProps = {
  baseUrl: previewBaseUrl,
  language: 'id',
  token: 'S1gn-In_T0ken_Example0123456789abcdefghijklmn',
  expiresInMinutes: 15,
  organizerName: previewEvent.organizerName,
} satisfies SignInLinkProps;
