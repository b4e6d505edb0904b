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
  /**
   * Ticket QR codes as inline attachments (`cid:`), as sent emails carry them, so a ticket shows without a
   * network and in mail apps that block remote images; previews in a browser use the hosted image instead.
   */
  inlineImages?: boolean;
};

const origin = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

export const ticketUrl = (baseUrl: string, ticketCode: string) => `${origin(baseUrl)}/t/${ticketCode}`;

/** The tanya jawab page as this officer: their question carries their cooperative and desa. */
export const askUrl = (baseUrl: string, eventId: string, ticketCode: string) =>
  `${origin(baseUrl)}/acara/${eventId}/tanya?kode=${encodeURIComponent(ticketCode)}`;

/** The hosted QR, for previews in a browser (Gmail and Outlook drop data: images, so never a data: URI). */
export const ticketQrUrl = (baseUrl: string, ticketCode: string) =>
  `${ticketUrl(baseUrl, ticketCode)}/qr.png`;

/** The Content-ID of a ticket's QR attached to the email itself (functions/mail/inline-images.ts). */
export const ticketQrCid = (ticketCode: string) => `qr-${ticketCode}@hadir`;

export const ticketQrSrc = (baseUrl: string, ticketCode: string, inline = false) =>
  inline ? `cid:${ticketQrCid(ticketCode)}` : ticketQrUrl(baseUrl, ticketCode);

export const manageUrl = (baseUrl: string, registrationId: string, manageToken: string) =>
  `${origin(baseUrl)}/kelola/${registrationId}?token=${encodeURIComponent(manageToken)}`;

export const signInUrl = (baseUrl: string, token: string) =>
  `${origin(baseUrl)}/auth/verify?token=${encodeURIComponent(token)}`;
