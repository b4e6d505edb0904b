/** @jsxImportSource react */
import { Button, Img, Link, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { whatsAppLink } from '../functions/domain/phone';
import { roleLabels } from '../functions/domain/roles';
import type { Language, Participant } from '../functions/domain/schemas';
import { formatTimeRange } from '../functions/domain/time';
import { common } from './copy';
import { Layout } from './layout';
import type { EventSummary } from './props';
import { askUrl, manageUrl, ticketQrSrc, ticketUrl } from './props';
import { styles } from './theme';

export function Greeting({ name, language }: { name: string; language: Language }) {
  return <Text style={styles.text}>{common[language].greeting(name)}</Text>;
}

export function Paragraph({ children }: { children: string }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function SignOff({ organizerName, language }: { organizerName: string; language: Language }) {
  return (
    <Text style={styles.text}>
      {common[language].signOff}
      <br />
      {organizerName}
    </Text>
  );
}

/**
 * The opening every follow-up shares: layout with its unsubscribe link, greeting, the template's first paragraph
 * and the organizer's own message; the template adds the rest.
 */
export function FollowupFrame(props: {
  event: Pick<EventSummary, 'organizerName'>;
  language: Language;
  preview: string;
  reason: string;
  unsubscribeUrl?: string;
  recipientName: string;
  intro: string;
  message?: string;
  children?: ReactNode;
}) {
  return (
    <Layout
      language={props.language}
      organizerName={props.event.organizerName}
      preview={props.preview}
      reason={props.reason}
      unsubscribeUrl={props.unsubscribeUrl}
    >
      <Greeting name={props.recipientName} language={props.language} />
      <Paragraph>{props.intro}</Paragraph>
      {props.message ? <Paragraph>{props.message}</Paragraph> : null}
      {props.children}
    </Layout>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </>
  );
}

export function SessionDetails({ event, language }: { event: EventSummary; language: Language }) {
  const t = common[language];
  return (
    <Section style={styles.panel}>
      <Field label={t.when} value={formatTimeRange(event.startsAt, event.endsAt, event.timeZone, language)} />
      <Field label={t.where} value={event.venue} />
      {event.address ? <Text style={styles.small}>{event.address}</Text> : null}
    </Section>
  );
}

export type TicketBlockProps = {
  participant: Participant;
  cooperativeName: string;
  event: Pick<EventSummary, 'id' | 'title'>;
  baseUrl: string;
  language: Language;
  /** The contact forwards tickets: prefill the officer's own WhatsApp chat when we know the number. */
  shareToParticipant?: boolean;
  /** The QR as an inline attachment of the email rather than a hosted image. */
  inlineImages?: boolean;
};

/**
 * The ticket as the door sees it. The QR travels inside the email (an inline attachment), so it shows at a venue
 * without signal; the link and the code are printed too, for mail apps that show no images at all.
 */
export function TicketBlock({
  participant,
  cooperativeName,
  event,
  baseUrl,
  language,
  shareToParticipant,
  inlineImages,
}: TicketBlockProps) {
  const t = common[language];
  const url = ticketUrl(baseUrl, participant.ticketCode);
  const share = whatsAppLink(
    t.shareText(participant.name, event.title, url),
    shareToParticipant ? participant.phone : undefined,
  );
  return (
    <Section style={styles.panel}>
      <Text style={styles.value}>{participant.name}</Text>
      <Text style={styles.small}>{`${roleLabels[participant.role][language]} · ${cooperativeName}`}</Text>
      <Img
        src={ticketQrSrc(baseUrl, participant.ticketCode, inlineImages)}
        alt={t.qrAlt(participant.name)}
        width={200}
        height={200}
        style={styles.qr}
      />
      <Text style={styles.small}>{t.qrHint}</Text>
      <Text style={styles.small}>{`${t.ticketCode}: ${participant.ticketCode}`}</Text>
      <Text style={styles.text}>
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
      <Button href={share} style={styles.whatsAppButton}>
        {t.shareWhatsApp}
      </Button>
      <Text style={styles.small}>
        <Link href={askUrl(baseUrl, event.id, participant.ticketCode)} style={styles.link}>
          {t.askQuestion}
        </Link>
      </Text>
    </Section>
  );
}

/** For states without valid tickets (waitlist, cancellation): who is on the registration, nothing to scan. */
export function OfficerList({ participants, language }: { participants: Participant[]; language: Language }) {
  return (
    <Section style={styles.panel}>
      <Text style={styles.label}>{common[language].officers}</Text>
      {participants.map((participant, index) => (
        <Text key={participant.id} style={styles.value}>
          {`${index + 1}. ${participant.name} (${roleLabels[participant.role][language]})`}
        </Text>
      ))}
    </Section>
  );
}

export type ManageLinkProps = {
  baseUrl: string;
  registrationId: string;
  manageToken: string;
  language: Language;
};

export function ManageLink({ baseUrl, registrationId, manageToken, language }: ManageLinkProps) {
  const t = common[language];
  const url = manageUrl(baseUrl, registrationId, manageToken);
  return (
    <Section style={{ margin: '16px 0' }}>
      <Button href={url} style={styles.button}>
        {t.manage}
      </Button>
      {/* For clients that break buttons; the text part already has the button's URL. */}
      <Text style={styles.small} data-skip-in-text>
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
      <Text style={styles.small}>{t.manageHint}</Text>
    </Section>
  );
}
