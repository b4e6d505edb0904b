/** Crockford base32, 26 characters: a ULID, as the server issues ticket codes. */
const TICKET_CODE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** The ticket link printed in the QR code: `…/t/<code>`. */
const TICKET_LINK = /\/t\/([0-9A-Za-z]+)\/?(?:[?#].*)?$/;

/** The ticket code in what a scanner typed or a camera read (the code itself or the ticket link), or null. */
export function ticketCodeFrom(scanned: unknown): string | null {
  const trimmed = String(scanned ?? '').trim();
  const match = trimmed.match(TICKET_LINK);
  const candidate = (match?.[1] ?? trimmed).toUpperCase();
  return TICKET_CODE.test(candidate) ? candidate : null;
}

/**
 * What a read that is no ticket looked like, short enough for one line of the result: the volunteer sees that the
 * camera did read something (another QR code, a payment code, a web link) and that it is not a hadir ticket.
 */
export function unreadableExcerpt(scanned: unknown, max = 60): string {
  const flat = String(scanned ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The roster's `ticketHash` of a code: base64url of its SHA-256, first 22 characters. The server sends hashes, not
 * codes, so a lost phone holds no usable tickets.
 */
export async function ticketHash(code: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 22);
}
