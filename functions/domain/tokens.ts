import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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

/** Ticket codes: 130 random bits (26 characters), unguessable; what the QR carries inside the ticket URL. */
export const newTicketCode = (): string => base32(randomBytes(17)).slice(0, 26);

/** Bearer secrets (manage links, sign-in links, station tokens): 256 bits, only their hash is stored. */
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
 * What an offline scanner keeps instead of ticket codes: a stolen roster then holds no usable tickets, yet the
 * device can still recognise a scanned code by hashing it the same way (SHA-256, base64url, first 22 chars).
 */
export const ticketHash = (code: string): string =>
  createHash('sha256').update(code).digest('base64url').slice(0, 22);
