import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { toWinAnsi } from './text';

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const A4_LANDSCAPE = { width: A4.height, height: A4.width } as const;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.38, 0.42);
export const LINE = rgb(0.35, 0.35, 0.4);
export const HEADER_FILL = rgb(0.9, 0.9, 0.92);

/** Shortens `text` with an ellipsis until it fits `width`. */
export function ellipsize(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 0 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Word-wraps `text` (already WinAnsi-safe or not: it is sanitised here) into at most `maxLines` lines of
 * `width`; a word longer than a line is cut, and what does not fit ends in an ellipsis.
 */
export function fitLines(text: string, font: PDFFont, size: number, width: number, maxLines: number) {
  const words = toWinAnsi(text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word wider than the column is split at the width.
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let head = line;
      while (head.length > 1 && font.widthOfTextAtSize(head, size) > width) head = head.slice(0, -1);
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${lines[maxLines]}`, font, size, width);
  return kept;
}

export function drawTextSafe(
  page: PDFPage,
  text: string,
  options: { x: number; y: number; size: number; font: PDFFont; color?: ReturnType<typeof rgb> },
) {
  page.drawText(toWinAnsi(text), { color: INK, ...options });
}

export function drawCentered(
  page: PDFPage,
  text: string,
  y: number,
  size: number,
  font: PDFFont,
  width = page.getWidth(),
) {
  const safe = toWinAnsi(text);
  const x = (width - font.widthOfTextAtSize(safe, size)) / 2;
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
  const safe = toWinAnsi(text);
  page.drawText(safe, { x: right - font.widthOfTextAtSize(safe, size), y, size, font, color: MUTED });
}
