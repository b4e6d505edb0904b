import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a code read aloud at the door is not misheard. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Record ids: 80 random bits, short enough for URLs, never sequential (nothing to enumerate). */
export const newId = (): string => base32(randomBytes(10)).toLowerCase();

/** An id named by what identifies a record once (a device's nonce for a walk-in), so a retry names it again. */
export const derivedId = (...parts: string[]): string =>
  base32(createHash('sha256').update(parts.join('\n')).digest().subarray(0, 10)).toLowerCase();

/**
 * Ticket codes: 130 bits (26 characters) of HMAC-SHA256 over the officer's id, keyed with the server's ticket key.
 * Unguessable without the key, yet derivable again at any time, so the table never holds a code: a copy of it
 * yields no usable ticket. A new holder of a seat gets a new participant id, hence a new code. `v1` names this
 * derivation, so another one could coexist with it.
 */
export const ticketCodeFor = (ticketKey: string, participantId: string): string =>
  base32(createHmac('sha256', ticketKey).update(`ticket:v1:${participantId}`).digest()).slice(0, 26);

/**
 * What else the ticket key derives: each purpose gets its own key (HKDF-SHA256, RFC 5869, the purpose as `info`),
 * so a manage link, a sign-in link, an unsubscribe link, an invitation code and a ticket code can never be
 * computed from one another, whatever ids and messages look like, and code that needs one purpose can be handed
 * that key alone (the users repository gets only the sign-in key). Ticket codes keep using the ticket key itself:
 * every code already sent is derived so.
 */
export type LinkPurpose = 'manage-links' | 'sign-in-links' | 'unsubscribe-links' | 'invitation-links';

export const linkKey = (ticketKey: string, purpose: LinkPurpose): Buffer =>
  Buffer.from(hkdfSync('sha256', ticketKey, '', `hadir ${purpose} v1`, 32));

/**
 * A registration's manage link: 256 bits of HMAC-SHA256 over its id under the manage-links key. Derivable at any
 * time, so neither the idempotency record of the registration nor its email jobs need to keep it: the
 * registration keeps only its SHA-256 hash, which is what a request's token is checked against.
 */
export const manageTokenFor = (manageKey: Buffer, registrationId: string): string =>
  createHmac('sha256', manageKey).update(`manage:v1:${registrationId}`).digest('base64url');

/**
 * A sign-in link: 256 bits of HMAC-SHA256 over a random link id under the sign-in-links key. The email job keeps
 * only the id (which opens nothing without the key), the link's item only the token's hash; the item is what makes
 * the link single use and short-lived, so deriving the token changes neither.
 */
export const signInTokenFor = (signInKey: Buffer, linkId: string): string =>
  createHmac('sha256', signInKey).update(`sign-in:v1:${linkId}`).digest('base64url');

/**
 * A campaign recipient's unsubscribe link: 256 bits of HMAC-SHA256 over the recipient's id (its campaign and
 * recipient key, which name its recipient item) under the unsubscribe-links key. The email job keeps only a flag,
 * the link's item only the token's hash, so a job that failed or is left uncertain holds no working link. Campaign
 * ids hold no colon, so one message names one recipient.
 */
export const unsubscribeTokenFor = (
  unsubscribeKey: Buffer,
  campaignId: string,
  recipientKey: string,
): string =>
  createHmac('sha256', unsubscribeKey)
    .update(`unsubscribe:v1:${campaignId}:${recipientKey}`)
    .digest('base64url');

/** Random bearer secrets (sessions, station tokens): 256 bits, only their hash is stored. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const isTicketCode = (value: string): boolean => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);

/** Accepts the bare code or any URL ending in `/t/<code>` (what a scanner reads from the QR). */
export function ticketCodeFrom(scanned: string): string | null {
  const trimmed = scanned.trim();
  const candidate = (trimmed.match(/\/t\/([0-9A-Za-z]+)\/?(?:[?#].*)?$/)?.[1] ?? trimmed).toUpperCase();
  return isTicketCode(candidate) ? candidate : null;
}

/**
 * What the table and an offline scanner keep instead of ticket codes: a stolen copy of either then holds no usable
 * ticket, yet a scanned code is still recognised by hashing it the same way (SHA-256, base64url, first 22 chars,
 * 132 bits). A lookup by this hash compares no code byte by byte, so it leaks nothing through timing.
 */
export const ticketHash = (code: string): string =>
  createHash('sha256').update(code).digest('base64url').slice(0, 22);
