/** @jsxImportSource react */
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { Language } from '../functions/domain/schemas';
import { common } from './copy';
import { styles } from './theme';

export type LayoutProps = {
  language: Language;
  /** The Dinas running the event: recipients trust the sender they recognise, not the app's name. */
  organizerName: string;
  /** Inbox preview line (preheader). */
  preview: string;
  /** Why this person receives the email, stated in the footer. */
  reason: string;
  /** Only for mail the recipient may refuse (reminders); transactional mail has no unsubscribe link. */
  unsubscribeUrl?: string;
  children: ReactNode;
};

export function Layout({ language, organizerName, preview, reason, unsubscribeUrl, children }: LayoutProps) {
  return (
    <Html lang={language}>
      <Head>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.headerText}>{organizerName}</Text>
          </Section>
          <Section style={styles.content}>{children}</Section>
          <Section style={styles.footer}>
            <Hr style={styles.hr} />
            <Text style={styles.small}>{reason}</Text>
            {unsubscribeUrl ? (
              <Text style={styles.small}>
                <Link href={unsubscribeUrl} style={styles.link}>
                  {common[language].unsubscribe}
                </Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
