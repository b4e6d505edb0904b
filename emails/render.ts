import { render, toPlainText } from '@react-email/render';
import { createElement, type FunctionComponent } from 'react';
import type { EmailKind } from '../functions/domain/notifications';
import Promoted, { type PromotedProps, subject as promotedSubject } from './promoted';
import RegistrationCancelled, {
  type RegistrationCancelledProps,
  subject as registrationCancelledSubject,
} from './registration-cancelled';
import RegistrationChanged, {
  type RegistrationChangedProps,
  subject as registrationChangedSubject,
} from './registration-changed';
import RegistrationReceived, {
  type RegistrationReceivedProps,
  subject as registrationReceivedSubject,
} from './registration-received';
import Reminder, { type ReminderProps, subject as reminderSubject } from './reminder';
import SignInLink, { type SignInLinkProps, subject as signInSubject } from './sign-in-link';
import Ticket, { type TicketProps, subject as ticketSubject } from './ticket';
import Waitlisted, { type WaitlistedProps, subject as waitlistedSubject } from './waitlisted';

export type EmailProps = {
  registration_received: RegistrationReceivedProps;
  ticket: TicketProps;
  waitlisted: WaitlistedProps;
  promoted: PromotedProps;
  changed: RegistrationChangedProps;
  cancelled: RegistrationCancelledProps;
  reminder: ReminderProps;
  sign_in: SignInLinkProps;
};

export type Template<P> = { component: FunctionComponent<P>; subject: (props: P) => string };

/** Mapped over EmailKind, so adding a kind in notifications.ts without a template is a type error here. */
export const templates: { [K in EmailKind]: Template<EmailProps[K]> } = {
  registration_received: { component: RegistrationReceived, subject: registrationReceivedSubject },
  ticket: { component: Ticket, subject: ticketSubject },
  waitlisted: { component: Waitlisted, subject: waitlistedSubject },
  promoted: { component: Promoted, subject: promotedSubject },
  changed: { component: RegistrationChanged, subject: registrationChangedSubject },
  cancelled: { component: RegistrationCancelled, subject: registrationCancelledSubject },
  reminder: { component: Reminder, subject: reminderSubject },
  sign_in: { component: SignInLink, subject: signInSubject },
};

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<K extends EmailKind>(
  kind: K,
  props: EmailProps[K],
): Promise<RenderedEmail> {
  const template: Template<EmailProps[K]> = templates[kind];
  const html = await render(createElement(template.component, props));
  // Same output as render(element, { plainText: true }), which converts this very HTML, without rendering twice.
  // Titles and names are user input: a line break must never reach a mail header.
  const subject = template.subject(props).replace(/\s+/g, ' ').trim();
  return { subject, html, text: toPlainText(html) };
}
