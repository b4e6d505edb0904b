import type { EventRecord, Language, Registration } from '../functions/domain/schemas';

/** Only what the emails show, so callers can pass a full EventRecord or a projection of it. */
export type EventSummary = Pick<
  EventRecord,
  'id' | 'title' | 'venue' | 'address' | 'startsAt' | 'endsAt' | 'timeZone' | 'organizerName'
>;

export type RegistrationSummary = Pick<
  Registration,
  'id' | 'cooperativeName' | 'status' | 'contact' | 'participants'
>;

export type BaseProps = {
  /** Public origin of the app, e.g. `https://hadir.kotimkab.go.id`; a trailing slash is tolerated. */
  baseUrl: string;
  language: Language;
  event: EventSummary;
};

const origin = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

export const ticketUrl = (baseUrl: string, ticketCode: string) => `${origin(baseUrl)}/t/${ticketCode}`;

/** Hosted, not a data: URI: Gmail and Outlook drop data: images, and a URL keeps the email small. */
export const ticketQrUrl = (baseUrl: string, ticketCode: string) =>
  `${ticketUrl(baseUrl, ticketCode)}/qr.png`;

export const manageUrl = (baseUrl: string, registrationId: string, manageToken: string) =>
  `${origin(baseUrl)}/kelola/${registrationId}?token=${encodeURIComponent(manageToken)}`;

export const signInUrl = (baseUrl: string, token: string) =>
  `${origin(baseUrl)}/auth/verify?token=${encodeURIComponent(token)}`;
