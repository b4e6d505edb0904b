import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const A4_LANDSCAPE = { width: A4.height, height: A4.width } as const;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.38, 0.42);
export const LINE = rgb(0.35, 0.35, 0.4);
export const HEADER_FILL = rgb(0.9, 0.9, 0.92);

const LOOK_ALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u02BC': '’',
  '\u02BB': '‘',
};

const characterSets = new WeakMap<PDFFont, Set<number>>();

function charactersOf(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/**
 * `text` as the embedded font can print it. Names are composed first (a phone may send "e" + combining accent), line
 * breaks become spaces, invisible format characters go, and a character the font lacks (an emoji, a script DejaVu
 * does not cover) falls back to its unaccented letter or, failing that, to "?" so the reader sees something was
 * there instead of an empty box.
 */
export function printable(text: string, font: PDFFont): string {
  const has = charactersOf(font);
  let out = '';
  for (const char of text.normalize('NFC').replace(/[\t\r\n\u2028\u2029]+/g, ' ')) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x20 || (has.has(code) && !/\p{Cc}|\p{Cf}/u.test(char))) {
      out += char;
      continue;
    }
    if (/\p{Cc}|\p{Cf}/u.test(char)) continue; // control and format characters (ZWJ, BOM, soft hyphen)
    const mapped = LOOK_ALIKES[char];
    if (mapped && has.has(mapped.codePointAt(0) ?? 0)) {
      out += mapped;
      continue;
    }
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base && [...base].every((c) => has.has(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return out;
}

const unitWidths = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width of `text` at `size`, as pdf-lib measures it. pdf-lib lays the text out with fontkit on every call, and
 * wrapping asks again for each candidate line and each size tried: on a daftar hadir of 400 names that was most of
 * the PDF's time. The width is proportional to the size, so one layout per text and font serves every size.
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let known = unitWidths.get(font);
  if (!known) {
    known = new Map();
    unitWidths.set(font, known);
  }
  let unit = known.get(text);
  if (unit === undefined) {
    unit = font.widthOfTextAtSize(text, 1);
    known.set(text, unit);
  }
  return unit * size;
}

/** Splits a word wider than `width` at the width (a long e-mail address or link has no spaces to break at). */
function splitWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while (rest.length > 1 && textWidth(font, rest, size) > width) {
    const chars = [...rest];
    let take = chars.length - 1;
    while (take > 1 && textWidth(font, chars.slice(0, take).join(''), size) > width) take--;
    parts.push(chars.slice(0, take).join(''));
    rest = chars.slice(take).join('');
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * Word-wraps `text` into lines no wider than `width`, all of them: a document never cuts a name, a place or a
 * title. Words wider than a line are split. A line's width is its words' widths and its spaces' (glyph advances
 * add up; no shaping reaches across a space), so each word is measured once.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = printable(text, font).split(/\s+/).filter(Boolean);
  const space = textWidth(font, ' ', size);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const wordWidth = textWidth(font, word, size);
    const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
    if (candidateWidth <= width) {
      line = line ? `${line} ${word}` : word;
      lineWidth = candidateWidth;
      continue;
    }
    if (line) lines.push(line);
    const parts = splitWord(word, font, size, width);
    line = parts.pop() ?? '';
    lineWidth = textWidth(font, line, size);
    lines.push(...parts);
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size from `size` down to `minSize` at which `text` wraps into at most `maxLines` lines, and those
 * lines; at `minSize` it takes as many lines as it needs. For a certificate's name or a letter's heading, where a
 * shorter line reads better than a third one.
 */
export function fitSize(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  maxLines: number,
  minSize = size * 0.6,
): { size: number; lines: string[] } {
  for (let s = size; s > minSize; s -= 0.5) {
    const lines = wrap(text, font, s, width);
    if (lines.length <= maxLines) return { size: s, lines };
  }
  return { size: minSize, lines: wrap(text, font, minSize, width) };
}

type Color = ReturnType<typeof rgb>;

export function drawTextSafe(
  page: PDFPage,
  text: string,
  options: { x: number; y: number; size: number; font: PDFFont; color?: Color },
) {
  page.drawText(printable(text, options.font), { color: INK, ...options });
}

export function drawCentered(
  page: PDFPage,
  text: string,
  y: number,
  size: number,
  font: PDFFont,
  width = page.getWidth(),
) {
  const safe = printable(text, font);
  const x = (width - textWidth(font, safe, size)) / 2;
  page.drawText(safe, { x, y, size, font, color: INK });
}

export function drawRight(
  page: PDFPage,
  text: string,
  right: number,
  y: number,
  size: number,
  font: PDFFont,
) {
  const safe = printable(text, font);
  page.drawText(safe, { x: right - textWidth(font, safe, size), y, size, font, color: MUTED });
}

/**
 * Draws `text` wrapped to `width` from `y` down, each line `leading` below the last; returns the y under the last
 * line. `align: 'center'` centres each line on the page.
 */
export function drawWrapped(
  page: PDFPage,
  text: string,
  options: {
    x: number;
    y: number;
    width: number;
    size: number;
    font: PDFFont;
    leading?: number;
    color?: Color;
    align?: 'left' | 'center';
  },
): number {
  const { x, width, size, font, color = INK } = options;
  const leading = options.leading ?? size * 1.3;
  let y = options.y;
  for (const line of wrap(text, font, size, width)) {
    const lineX = options.align === 'center' ? (page.getWidth() - textWidth(font, line, size)) / 2 : x;
    page.drawText(line, { x: lineX, y, size, font, color });
    y -= leading;
  }
  return y;
}
