import { createHmac } from 'node:crypto';

/**
 * Personal invitation links: `/acara/<eventId>/daftar?undangan=<code>`.
 *
 * The code is HMAC-SHA256 over eventId, cooperativeId and a nonce under the ticket key's invitation-links key
 * (linkKey in functions/domain/tokens.ts), base64url, 32 characters (192 bits): it cannot be guessed, and it names
 * its session and cooperative, so it cannot be moved to another one. The table keeps only the nonce and the code's
 * SHA-256; whoever holds the store's key (the console, the email worker) derives the code again whenever it prints
 * a letter, prepares a WhatsApp message or renders an email, so every channel carries the same link and no email
 * job holds it. Not the session secret: that one is rotated between events, which would void every printed letter.
 */
export const INVITATION_CODE_LENGTH = 32;

export function invitationCode(
  invitationKey: Buffer,
  eventId: string,
  cooperativeId: string,
  nonce: string,
): string {
  return createHmac('sha256', invitationKey)
    .update(`invitation:v1:${eventId}:${cooperativeId}:${nonce}`)
    .digest('base64url')
    .slice(0, INVITATION_CODE_LENGTH);
}

/** What a code must look like before it is hashed and looked up. */
export const isInvitationCode = (value: string): boolean =>
  new RegExp(`^[A-Za-z0-9_-]{${INVITATION_CODE_LENGTH}}$`).test(value);

export const invitationLink = (baseUrl: string, eventId: string, code: string) =>
  `${baseUrl.replace(/\/+$/, '')}/acara/${encodeURIComponent(eventId)}/daftar?undangan=${encodeURIComponent(code)}`;
