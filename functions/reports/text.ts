/**
 * pdf-lib's standard fonts (Helvetica) encode text as WinAnsi (Windows-1252): Latin-1 plus a few typographic
 * characters. Indonesian names are almost always plain Latin, but a name typed on a phone may carry an emoji,
 * a Javanese/Arabic letter or a combining accent, and `drawText` throws on anything it cannot encode. Every
 * string that goes into a PDF passes through `toWinAnsi` first: accents are decomposed to their base letter
 * when the accented form is missing (e.g. "ş" -> "s"), a few look-alikes are mapped, and what is left becomes
 * "?" so the list still prints and the reader sees that something was there. Embedding a Unicode font
 * (fontkit + a TTF) would keep such names exactly; we chose no extra dependency for now.
 */

/** The 27 characters WinAnsi adds in 0x80-0x9F over Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const LOOK_ALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u02BC': "'",
  '\u02BB': "'",
  '\u2018': '‘',
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
};

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  // 0xAD (soft hyphen) is in Latin-1 but invisible: treat it as absent.
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff && code !== 0xad) ||
    WIN_ANSI_EXTRA.has(char)
  );
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n\u2028\u2029]+/g, ' ')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    if (/\p{Cc}|\p{Cf}/u.test(char)) continue; // control and format characters (ZWJ, BOM, soft hyphen): drop
    const mapped = LOOK_ALIKES[char];
    if (mapped) {
      out += mapped;
      continue;
    }
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}
