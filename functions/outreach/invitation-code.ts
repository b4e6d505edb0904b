import { createHmac } from 'node:crypto';

/**
 * Personal invitation links (issue 11): `/acara/<eventId>/daftar?undangan=<code>`.
 *
 * The code is HMAC-SHA256(server secret, eventId, cooperativeId, nonce), base64url, 32 characters (192 bits):
 * it cannot be guessed, and it names its session and cooperative, so it cannot be moved to another one. The
 * table keeps only the nonce and the code's SHA-256; the console (which holds the secret) re-derives the code
 * whenever it prints a letter or prepares a WhatsApp message, so every channel carries the same link.
 */
export const INVITATION_CODE_LENGTH = 32;

export function invitationCode(
  secret: string,
  eventId: string,
  cooperativeId: string,
  nonce: string,
): string {
  return createHmac('sha256', secret)
    .update(`invitation:${eventId}:${cooperativeId}:${nonce}`)
    .digest('base64url')
    .slice(0, INVITATION_CODE_LENGTH);
}

/** What a code must look like before it is hashed and looked up. */
export const isInvitationCode = (value: string): boolean =>
  new RegExp(`^[A-Za-z0-9_-]{${INVITATION_CODE_LENGTH}}$`).test(value);

export const invitationLink = (baseUrl: string, eventId: string, code: string) =>
  `${baseUrl.replace(/\/+$/, '')}/acara/${encodeURIComponent(eventId)}/daftar?undangan=${encodeURIComponent(code)}`;
