/**
 * Indonesian mobile numbers arrive written every usual way: `0812…`, `+62 812…`, `62812…`, `0062 812…`, with the
 * trunk 0 kept after the country code (`+62 0812…`, `+62 (0)812…`), and grouped with spaces, dashes, dots,
 * slashes or brackets. We store E.164 `+62812…`. Mobile numbers have 10-13 digits with the leading 0, i.e. 9-12
 * digits after the country code, and start with 8.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  // Unicode spaces and dashes come in when a number is pasted from a chat or a document.
  const compact = input.trim().replace(/[\s\u00a0\u2010-\u2015\-()./]/g, '');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('0062')) national = compact.slice(4);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else if (compact.startsWith('8')) national = compact;
  else return null;
  // The trunk 0 written after the country code, as many do: `+62 0812…`.
  if (national.startsWith('0')) national = national.slice(1);
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

/** `+6281234567890` -> `+62 812-****-890`: enough for a volunteer to confirm, not enough to harvest. */
export function maskPhone(e164: string): string {
  const national = e164.replace(/^\+62/, '');
  return `+62 ${national.slice(0, 3)}-****-${national.slice(-3)}`;
}

/** `+6281234567890` -> `0812-3456-7890`, the way people write it on paper. */
export function formatPhoneLocal(e164: string): string {
  const local = `0${e164.replace(/^\+62/, '')}`;
  return `${local.slice(0, 4)}-${local.slice(4, 8)}-${local.slice(8)}`;
}

/** wa.me wants digits only, without the plus. */
export function whatsAppLink(text: string, e164?: string): string {
  const target = e164 ? e164.replace(/^\+/, '') : '';
  return `https://wa.me/${target}?text=${encodeURIComponent(text)}`;
}
