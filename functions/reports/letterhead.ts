import type { PDFFont, PDFPage } from 'pdf-lib';
import type { EventRecord } from '../domain/schemas';
import { A4, drawCentered, LINE, wrap } from './pdf-kit';

/** The margins of a Dinas letter on A4, shared by the cooperatives' and the officials' invitations. */
export const LETTER: Readonly<Record<'left' | 'width' | 'bottom' | 'signWidth', number>> = {
  left: 60,
  width: A4.width - 120,
  bottom: 60,
  signWidth: 220,
};

/** "23 Oktober 2025" (a letter's date has no weekday). */
export const letterDate = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);

/**
 * The organizer's name in capitals over its address, ruled off, as a Dinas letterhead is: drawn from `y` down,
 * returning where the letter's text starts.
 */
export function drawLetterhead(
  page: PDFPage,
  event: Pick<EventRecord, 'organizerName' | 'address' | 'venue'>,
  y: number,
  { regular, bold }: { regular: PDFFont; bold: PDFFont },
): number {
  for (const line of wrap(event.organizerName.toUpperCase(), bold, 13, LETTER.width)) {
    drawCentered(page, line, y, 13, bold);
    y -= 17;
  }
  for (const line of wrap(event.address || event.venue, regular, 9, LETTER.width)) {
    drawCentered(page, line, y, 9, regular);
    y -= 11;
  }
  y += 1;
  page.drawLine({
    start: { x: LETTER.left, y },
    end: { x: A4.width - LETTER.left, y },
    thickness: 1.5,
    color: LINE,
  });
  return y - 26;
}
