/**
 * Certificate numbers: `HDR/2025/KOTIM/000123`, sequential per regency and year. The number of an officer's
 * certificate for a session is allocated once and stored, so it never changes (see certificates-repo.ts).
 * In URLs the slashes become dashes: `/sertifikat/HDR-2025-KOTIM-000123`.
 */
const regencyAbbreviations: Record<string, string> = { '62.02': 'KOTIM', '62.01': 'KOBAR' };

export const regencyAbbreviation = (regencyCode: string) =>
  regencyAbbreviations[regencyCode] ?? regencyCode.replace(/\D/g, '');

export function certificateNumber(year: string, regencyCode: string, sequence: number): string {
  return `HDR/${year}/${regencyAbbreviation(regencyCode)}/${String(sequence).padStart(6, '0')}`;
}

export const numberToSlug = (number: string) => number.replaceAll('/', '-');

/** Accepts the slug or the number as printed (with slashes, any case); undefined for anything else. */
export function slugFrom(value: string): string | undefined {
  const slug = value.trim().toUpperCase().replaceAll('/', '-');
  return /^HDR-\d{4}-[A-Z0-9]{2,12}-\d{6,}$/.test(slug) ? slug : undefined;
}

export const slugToNumber = (slug: string) => slug.replaceAll('-', '/');

/** "Budi Santoso" -> "Bu*** Sa*****": enough to recognise, not enough to harvest. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const chars = [...word];
      const keep = chars.length <= 2 ? 1 : 2;
      return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
    })
    .join(' ');
}

// URLs live here, not beside the PDF renderer, so the email worker can link certificates without bundling pdf-lib.
const origin = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** The public verification page of a certificate: short, printed under the QR. */
export const verifyUrl = (baseUrl: string, number: string) =>
  `${origin(baseUrl)}/sertifikat/${numberToSlug(number)}`;

/** Where an officer downloads their certificate: behind their ticket code (the same secret as the ticket). */
export const certificateDownloadUrl = (baseUrl: string, ticketCode: string) =>
  `${origin(baseUrl)}/t/${ticketCode}/sertifikat.pdf`;
