import { unstableToPlainText } from '@react-email/render';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { EmailKind } from '../functions/domain/notifications';
import AbsenteeMaterials, {
  type AbsenteeMaterialsProps,
  subject as absenteeMaterialsSubject,
} from './absentee-materials';
import CooperativeFollowup, {
  type CooperativeFollowupProps,
  subject as cooperativeFollowupSubject,
} from './cooperative-followup';
import Invitation, { type InvitationProps, subject as invitationSubject } from './invitation';
import ManageLink, { type ManageLinkProps, subject as manageLinkSubject } from './manage-link';
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
import Thanks, { type ThanksProps, subject as thanksSubject } from './thanks';
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
  manage_link: ManageLinkProps;
  thanks: ThanksProps;
  absentee_materials: AbsenteeMaterialsProps;
  invitation: InvitationProps;
  cooperative_followup: CooperativeFollowupProps;
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
  manage_link: { component: ManageLink, subject: manageLinkSubject },
  thanks: { component: Thanks, subject: thanksSubject },
  absentee_materials: { component: AbsenteeMaterials, subject: absenteeMaterialsSubject },
  invitation: { component: Invitation, subject: invitationSubject },
  cooperative_followup: { component: CooperativeFollowup, subject: cooperativeFollowupSubject },
};

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * React Email's `render()` streams through Suspense for components that fetch; ours are synchronous, so React's
 * own `renderToStaticMarkup` gives the same markup about twice as fast, and the worker renders every email.
 * React 19 adds `<link rel="preload" as="image">` for each image: mail clients ignore them, so they go.
 */
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
const IMAGE_PRELOAD = /<link rel="preload" as="image"[^>]*>/g;

export async function renderEmail<K extends EmailKind>(
  kind: K,
  props: EmailProps[K],
): Promise<RenderedEmail> {
  const template: Template<EmailProps[K]> = templates[kind];
  const html =
    DOCTYPE + renderToStaticMarkup(createElement(template.component, props)).replace(IMAGE_PRELOAD, '');
  // Titles and names are user input: a line break must never reach a mail header.
  const subject = template.subject(props).replace(/\s+/g, ' ').trim();
  return { subject, html, text: unstableToPlainText(html) };
}
