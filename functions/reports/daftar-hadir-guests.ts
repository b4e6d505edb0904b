import type { PDFDocument, PDFPage } from 'pdf-lib';
import { type Guest, guestRoleLabels } from '../domain/guests';
import type { EventRecord } from '../domain/schemas';
import { formatDate, formatDateTime, formatTimeRange } from '../domain/time';
import type { PdfFonts } from './pdf-fonts';
import {
  A4_LANDSCAPE,
  drawCentered,
  drawRight,
  drawTextSafe,
  HEADER_FILL,
  LINE,
  MUTED,
  wrap,
} from './pdf-kit';

/**
 * The daftar hadir's own pages for officials and speakers (Daftar Hadir Tamu Undangan / Narasumber): the SPJ
 * needs their signatures apart from the cooperative officers'. One numbered line per guest in protocol order:
 * no, nama, jabatan, instansi, tanda tangan; rows grow with long names; numbered "Halaman x dari y" of their own.
 */
export type GuestSheetInput = {
  event: Pick<
    EventRecord,
    'title' | 'organizerName' | 'venue' | 'address' | 'startsAt' | 'endsAt' | 'timeZone'
  >;
  guests: Pick<Guest, 'name' | 'position' | 'institution' | 'role'>[];
  printedAt: Date;
};

const MARGIN = { left: 32, right: 32, top: 30, bottom: 44 };
const SIZE = 9;
const STEP = 11;
const MIN_ROW = 30;
const HEADER = 20;
const PAD = 4;
const available = A4_LANDSCAPE.width - MARGIN.left - MARGIN.right;
const columns = [
  { key: 'no', label: 'No', width: 28 },
  { key: 'name', label: 'Nama', width: 190 },
  { key: 'position', label: 'Jabatan', width: 170 },
  { key: 'institution', label: 'Instansi', width: 200 },
] as const;
const signatureWidth = available - columns.reduce((sum, column) => sum + column.width, 0);

export function drawGuestPages(doc: PDFDocument, { regular, bold }: PdfFonts, input: GuestSheetInput): void {
  if (input.guests.length === 0) return;
  const { event } = input;
  const cells = input.guests.map((guest, index) => {
    const text: Record<(typeof columns)[number]['key'], string[]> = {
      no: [String(index + 1)],
      name: wrap(guest.name, regular, SIZE, columns[1].width - 2 * PAD),
      position: [
        ...wrap(guest.position, regular, SIZE, columns[2].width - 2 * PAD),
        ...wrap(`(${guestRoleLabels.id[guest.role]})`, regular, SIZE - 1, columns[2].width - 2 * PAD),
      ],
      institution: wrap(guest.institution, regular, SIZE, columns[3].width - 2 * PAD),
    };
    const lines = Math.max(...Object.values(text).map((value) => value.length));
    return { text, height: Math.max(MIN_ROW, lines * STEP + 2 * PAD + 4) };
  });

  const heading = [
    'DAFTAR HADIR TAMU UNDANGAN / NARASUMBER',
    ...wrap(event.title.toUpperCase(), bold, 11, 700),
  ];
  const facts = [
    `Hari, tanggal: ${formatDate(event.startsAt, event.timeZone)}`,
    `Waktu: ${formatTimeRange(event.startsAt, event.endsAt, event.timeZone)}`,
    `Tempat: ${event.address ? `${event.venue}, ${event.address}` : event.venue}`,
  ].flatMap((line) => wrap(line, regular, SIZE, 700));
  // The heading as drawn below: the first baseline 12 pt down, the organizer's line, the heading's and the facts'.
  const firstTop = A4_LANDSCAPE.height - MARGIN.top - 12 - 15 - heading.length * 15 - facts.length * 12 + 4;
  const otherTop = A4_LANDSCAPE.height - MARGIN.top - 20;

  // Paginate first so every page can say how many there are.
  const slices: { from: number; to: number; top: number }[] = [];
  let next = 0;
  while (next < cells.length) {
    const top = slices.length === 0 ? firstTop : otherTop;
    let bottom = top - HEADER;
    let to = next;
    while (to < cells.length && bottom - (cells[to]?.height ?? 0) >= MARGIN.bottom)
      bottom -= cells[to++]?.height ?? 0;
    if (to === next) to++;
    slices.push({ from: next, to, top });
    next = to;
  }

  slices.forEach((slice, pageIndex) => {
    const page: PDFPage = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
    let y = A4_LANDSCAPE.height - MARGIN.top - 12;
    if (pageIndex === 0) {
      drawCentered(page, event.organizerName.toUpperCase(), y, 10, regular);
      y -= 15;
      for (const line of heading) {
        drawCentered(page, line, y, 11, bold);
        y -= 15;
      }
      for (const line of facts) {
        page.drawText(line, { x: MARGIN.left, y, size: SIZE, font: regular });
        y -= 12;
      }
    } else {
      drawTextSafe(page, `DAFTAR HADIR TAMU UNDANGAN / NARASUMBER - ${event.title}`, {
        x: MARGIN.left,
        y,
        size: SIZE,
        font: bold,
      });
    }
    let x = MARGIN.left;
    for (const column of [...columns, { key: 'signature', label: 'Tanda Tangan', width: signatureWidth }]) {
      page.drawRectangle({
        x,
        y: slice.top - HEADER,
        width: column.width,
        height: HEADER,
        color: HEADER_FILL,
        borderColor: LINE,
        borderWidth: 0.6,
      });
      page.drawText(column.label, { x: x + PAD, y: slice.top - 13, size: SIZE - 1, font: bold });
      x += column.width;
    }
    let rowTop = slice.top - HEADER;
    for (let index = slice.from; index < slice.to; index++) {
      const cell = cells[index] as (typeof cells)[number];
      let cx = MARGIN.left;
      for (const column of columns) {
        page.drawRectangle({
          x: cx,
          y: rowTop - cell.height,
          width: column.width,
          height: cell.height,
          borderColor: LINE,
          borderWidth: 0.6,
        });
        cell.text[column.key].forEach((line, lineIndex) => {
          page.drawText(line, {
            x: cx + PAD,
            y: rowTop - PAD - 9 - lineIndex * STEP,
            size: SIZE,
            font: regular,
          });
        });
        cx += column.width;
      }
      page.drawRectangle({
        x: cx,
        y: rowTop - cell.height,
        width: signatureWidth,
        height: cell.height,
        borderColor: LINE,
        borderWidth: 0.6,
      });
      // The number sits left on odd lines and right on even ones, as on paper lists, so signatures do not collide.
      const numberX = index % 2 === 0 ? cx + PAD : cx + signatureWidth / 2 + PAD;
      page.drawText(`${index + 1}.`, {
        x: numberX,
        y: rowTop - PAD - 9,
        size: SIZE - 1,
        font: regular,
        color: MUTED,
      });
      rowTop -= cell.height;
    }
    const footerY = MARGIN.bottom - 18;
    drawTextSafe(
      page,
      `Dicetak ${formatDateTime(input.printedAt.toISOString(), event.timeZone)} oleh hadir`,
      {
        x: MARGIN.left,
        y: footerY,
        size: 7,
        font: regular,
        color: MUTED,
      },
    );
    drawRight(
      page,
      `Tamu undangan / narasumber: halaman ${pageIndex + 1} dari ${slices.length}`,
      A4_LANDSCAPE.width - MARGIN.right,
      footerY,
      8,
      regular,
    );
  });
}
