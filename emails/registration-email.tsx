/** @jsxImportSource react */
import type { Participant } from '../functions/domain/schemas';
import { formatDate } from '../functions/domain/time';
import {
  Greeting,
  ManageLink,
  OfficerList,
  Paragraph,
  SessionDetails,
  SignOff,
  TicketBlock,
} from './components';
import { common } from './copy';
import { Layout } from './layout';
import type { BaseProps } from './props';

/** The body every registration email shares; templates differ only in wording and in what they pass here. */
export type RegistrationEmailProps = BaseProps & {
  preview: string;
  recipientName: string;
  cooperativeName: string;
  paragraphs: string[];
  participants: Participant[];
  /** Tickets only while seats are confirmed; waitlisted or cancelled officers get a plain list. */
  showTickets: boolean;
  /** The contact forwards tickets, so share buttons open each officer's own WhatsApp chat. */
  forContact: boolean;
  manage?: { registrationId: string; manageToken: string };
  unsubscribeUrl?: string;
};

export function RegistrationEmail(props: RegistrationEmailProps) {
  const { baseUrl, event, language, cooperativeName, participants, manage } = props;
  return (
    <Layout
      language={language}
      organizerName={event.organizerName}
      preview={props.preview}
      reason={common[language].reasonRegistration(cooperativeName, event.title)}
      unsubscribeUrl={props.unsubscribeUrl}
    >
      <Greeting name={props.recipientName} language={language} />
      {props.paragraphs.map((paragraph) => (
        <Paragraph key={paragraph}>{paragraph}</Paragraph>
      ))}
      <SessionDetails event={event} language={language} />
      {props.showTickets ? (
        participants.map((participant) => (
          <TicketBlock
            key={participant.id}
            participant={participant}
            cooperativeName={cooperativeName}
            event={event}
            baseUrl={baseUrl}
            language={language}
            shareToParticipant={props.forContact}
            inlineImages={props.inlineImages}
          />
        ))
      ) : (
        <OfficerList participants={participants} language={language} />
      )}
      {manage ? <ManageLink baseUrl={baseUrl} language={language} {...manage} /> : null}
      <SignOff organizerName={event.organizerName} language={language} />
    </Layout>
  );
}

/** "Tiket Anda: Sosialisasi … — Kamis, 23 Oktober 2025": the date tells sessions apart in a crowded inbox. */
export function subjectFor({ event, language }: BaseProps, prefix: string) {
  return `${prefix}: ${event.title} — ${formatDate(event.startsAt, event.timeZone, language)}`;
}
