import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { formatPhoneLocal, maskPhone } from '../domain/phone';
import type { EventRecord } from '../domain/schemas';
import { formatDate, formatDateTime, formatTime, formatTimeRange } from '../domain/time';
import type { AttendeeRow } from './attendees';
import {
  A4_LANDSCAPE,
  drawCentered,
  drawRight,
  drawTextSafe,
  fitLines,
  HEADER_FILL,
  LINE,
  MUTED,
} from './pdf-kit';

export type DaftarHadirVersion = 'empty' | 'filled';
export type PhoneDisplay = 'masked' | 'full';

export type DaftarHadirInput = {
  event: Pick<
    EventRecord,
    'title' | 'organizerName' | 'venue' | 'address' | 'startsAt' | 'endsAt' | 'timeZone'
  >;
  /** Already filtered and sorted (attendeeRows): all confirmed officers, or those checked in. */
  rows: AttendeeRow[];
  version: DaftarHadirVersion;
  phone: PhoneDisplay;
  printedAt: Date;
  /** Numbered blank lines after the list, for people not on it (empty version only). */
  blankRows?: number;
};

type Column = { key: string; label: string; width: number; align?: 'center' };

const MARGIN = { left: 32, right: 32, top: 30, bottom: 44 };
const ROW_HEIGHT = 26;
const HEADER_ROW_HEIGHT = 20;
const FONT_SIZE = 8;
const PAD = 3;
/** Room the totals and the signature block need below the last row. */
const CLOSING_HEIGHT = 118;

export const WALK_IN_MARK = '*';
export const SUBSTITUTE_MARK = '**';

function columnsFor(version: DaftarHadirVersion): Column[] {
  const fixed: Column[] = [
    { key: 'no', label: 'No', width: 24, align: 'center' },
    { key: 'name', label: 'Nama', width: 128 },
    { key: 'role', label: 'Jabatan', width: 82 },
    { key: 'cooperative', label: 'Koperasi', width: 136 },
    { key: 'village', label: 'Desa/Kelurahan', width: 84 },
    { key: 'district', label: 'Kecamatan', width: 80 },
    { key: 'phone', label: 'No HP', width: 80 },
  ];
  if (version === 'filled') fixed.push({ key: 'time', label: 'Jam Hadir', width: 44, align: 'center' });
  const used = fixed.reduce((sum, column) => sum + column.width, 0);
  const available = A4_LANDSCAPE.width - MARGIN.left - MARGIN.right;
  return [...fixed, { key: 'signature', label: 'Tanda Tangan', width: available - used }];
}

const phoneText = (phone: string | undefined, display: PhoneDisplay) =>
  phone ? (display === 'full' ? formatPhoneLocal(phone) : maskPhone(phone)) : '-';

type Fonts = { regular: PDFFont; bold: PDFFont };

/**
 * The daftar hadir the auditors expect for the SPJ, as a landscape A4 PDF: the Dinas, the session and its
 * day, date, time and place on top; one numbered line per officer (sorted by kecamatan, desa/kelurahan,
 * name) with an empty signature box whose number sits left on odd lines and right on even ones, as on
 * paper lists; "Halaman x dari y" on every page; totals and the signature of the person responsible at
 * the end. Walk-ins and substitutes are marked and explained in a legend on every page.
 */
export async function buildDaftarHadir(input: DaftarHadirInput): Promise<Uint8Array> {
  const { event, rows, version } = input;
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const columns = columnsFor(version);
  const blankRows = version === 'empty' ? (input.blankRows ?? 5) : 0;
  const lineCount = rows.length + blankRows;

  // Pagination first, so every page can say "Halaman x dari y".
  const firstTableTop = A4_LANDSCAPE.height - MARGIN.top - 112;
  const otherTableTop = A4_LANDSCAPE.height - MARGIN.top - 26;
  const perPage = (top: number) => Math.floor((top - HEADER_ROW_HEIGHT - MARGIN.bottom) / ROW_HEIGHT);
  const pages: { from: number; to: number; top: number }[] = [];
  let next = 0;
  do {
    const top = pages.length === 0 ? firstTableTop : otherTableTop;
    const to = Math.min(lineCount, next + perPage(top));
    pages.push({ from: next, to, top });
    next = to;
  } while (next < lineCount);
  const last = pages[pages.length - 1] as (typeof pages)[number];
  const lastBottom = last.top - HEADER_ROW_HEIGHT - (last.to - last.from) * ROW_HEIGHT;
  const closingOnNewPage = lastBottom - CLOSING_HEIGHT < MARGIN.bottom;
  const totalPages = pages.length + (closingOnNewPage ? 1 : 0);

  let closingY = lastBottom;
  pages.forEach((slice, index) => {
    const page = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
    if (index === 0) drawTitle(page, input, fonts);
    else drawRunningHead(page, input, fonts);
    drawTableHeader(page, columns, slice.top, fonts);
    for (let line = slice.from; line < slice.to; line++) {
      const y = slice.top - HEADER_ROW_HEIGHT - (line - slice.from + 1) * ROW_HEIGHT;
      drawRow(page, columns, y, line, rows[line], input, fonts);
    }
    drawFooter(page, index + 1, totalPages, input, fonts);
  });
  if (closingOnNewPage) {
    const page = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
    drawRunningHead(page, input, fonts);
    drawFooter(page, totalPages, totalPages, input, fonts);
    closingY = otherTableTop;
  }
  drawClosing(doc.getPages()[totalPages - 1] as PDFPage, closingY, input, fonts);

  doc.setTitle(`Daftar Hadir - ${event.title}`);
  doc.setAuthor(event.organizerName);
  doc.setSubject(version === 'empty' ? 'Daftar hadir (kosong)' : 'Daftar hadir (peserta hadir)');
  doc.setCreator('hadir');
  doc.setProducer('hadir (pdf-lib)');
  doc.setCreationDate(input.printedAt);
  doc.setModificationDate(input.printedAt);
  return doc.save();
}

function drawTitle(page: PDFPage, input: DaftarHadirInput, { regular, bold }: Fonts) {
  const { event } = input;
  let y = A4_LANDSCAPE.height - MARGIN.top - 14;
  drawCentered(page, 'DAFTAR HADIR', y, 14, bold);
  y -= 16;
  for (const line of fitLines(event.organizerName.toUpperCase(), bold, 10, 700, 2)) {
    drawCentered(page, line, y, 10, bold);
    y -= 13;
  }
  for (const line of fitLines(event.title, regular, 10, 700, 2)) {
    drawCentered(page, line, y, 10, regular);
    y -= 13;
  }
  y = A4_LANDSCAPE.height - MARGIN.top - 74;
  const facts: [string, string][] = [
    ['Hari/Tanggal', formatDate(event.startsAt, event.timeZone)],
    ['Waktu', formatTimeRange(event.startsAt, event.endsAt, event.timeZone).split(', ').pop() ?? ''],
    ['Tempat', [event.venue, event.address].filter(Boolean).join(', ')],
  ];
  for (const [label, value] of facts) {
    drawTextSafe(page, label, { x: MARGIN.left, y, size: 9, font: bold });
    drawTextSafe(page, `: ${value}`, { x: MARGIN.left + 70, y, size: 9, font: regular });
    y -= 12;
  }
  const note =
    input.version === 'empty'
      ? 'Daftar peserta terdaftar untuk ditandatangani'
      : 'Peserta yang hadir (menurut check-in)';
  drawRight(page, note, A4_LANDSCAPE.width - MARGIN.right, A4_LANDSCAPE.height - MARGIN.top - 98, 8, regular);
}

function drawRunningHead(page: PDFPage, input: DaftarHadirInput, { regular, bold }: Fonts) {
  const y = A4_LANDSCAPE.height - MARGIN.top - 12;
  drawTextSafe(page, 'DAFTAR HADIR', { x: MARGIN.left, y, size: 9, font: bold });
  const title = fitLines(
    `${input.event.title} - ${formatDate(input.event.startsAt, input.event.timeZone)}`,
    regular,
    9,
    600,
    1,
  )[0];
  drawTextSafe(page, title ?? '', { x: MARGIN.left + 80, y, size: 9, font: regular });
}

function drawTableHeader(page: PDFPage, columns: Column[], top: number, { bold }: Fonts) {
  let x = MARGIN.left;
  for (const column of columns) {
    page.drawRectangle({
      x,
      y: top - HEADER_ROW_HEIGHT,
      width: column.width,
      height: HEADER_ROW_HEIGHT,
      color: HEADER_FILL,
      borderColor: LINE,
      borderWidth: 0.6,
    });
    const labelX =
      column.align === 'center'
        ? x + (column.width - bold.widthOfTextAtSize(column.label, FONT_SIZE)) / 2
        : x + PAD;
    page.drawText(column.label, { x: labelX, y: top - 13, size: FONT_SIZE, font: bold });
    x += column.width;
  }
}

function cellLines(key: string, row: AttendeeRow, input: DaftarHadirInput, font: PDFFont, width: number) {
  switch (key) {
    case 'name': {
      const mark = row.substituteFor ? ` ${SUBSTITUTE_MARK}` : row.walkIn ? ` ${WALK_IN_MARK}` : '';
      if (row.substituteFor) {
        return [
          ...fitLines(`${row.name}${mark}`, font, FONT_SIZE, width, 1),
          ...fitLines(`mengganti ${row.substituteFor}`, font, 6.5, width, 1),
        ];
      }
      return fitLines(`${row.name}${mark}`, font, FONT_SIZE, width, 2);
    }
    case 'role':
      return fitLines(row.role, font, FONT_SIZE, width, 2);
    case 'cooperative':
      return fitLines(row.cooperativeName, font, FONT_SIZE, width, 2);
    case 'village':
      return fitLines(row.villageName, font, FONT_SIZE, width, 2);
    case 'district':
      return fitLines(row.districtName, font, FONT_SIZE, width, 2);
    case 'phone':
      return [phoneText(row.phone, input.phone)];
    case 'time':
      return row.checkedInAt ? [formatTime(row.checkedInAt, input.event.timeZone).split(' ')[0] ?? ''] : [''];
    default:
      return [];
  }
}

function drawRow(
  page: PDFPage,
  columns: Column[],
  y: number,
  index: number,
  row: AttendeeRow | undefined,
  input: DaftarHadirInput,
  { regular }: Fonts,
) {
  const number = String(index + 1);
  let x = MARGIN.left;
  for (const column of columns) {
    page.drawRectangle({
      x,
      y,
      width: column.width,
      height: ROW_HEIGHT,
      borderColor: LINE,
      borderWidth: 0.6,
    });
    const inner = column.width - 2 * PAD;
    if (column.key === 'no') {
      const w = regular.widthOfTextAtSize(number, FONT_SIZE);
      page.drawText(number, {
        x: x + (column.width - w) / 2,
        y: y + ROW_HEIGHT - 11,
        size: FONT_SIZE,
        font: regular,
      });
    } else if (column.key === 'signature') {
      // Paper lists stagger the signatures: odd numbers sign on the left, even numbers on the right.
      const offset = index % 2 === 0 ? PAD : column.width / 2;
      page.drawText(`${number}.`, {
        x: x + offset,
        y: y + ROW_HEIGHT - 10,
        size: 7,
        font: regular,
        color: MUTED,
      });
    } else if (row) {
      const lines = cellLines(column.key, row, input, regular, inner);
      lines.forEach((line, lineIndex) => {
        const size = column.key === 'name' && row.substituteFor && lineIndex === 1 ? 6.5 : FONT_SIZE;
        const w = regular.widthOfTextAtSize(line, size);
        const lineX = column.align === 'center' ? x + (column.width - w) / 2 : x + PAD;
        page.drawText(line, {
          x: lineX,
          y: y + ROW_HEIGHT - 11 - lineIndex * 9.5,
          size,
          font: regular,
          color: lineIndex === 1 && size < FONT_SIZE ? MUTED : undefined,
        });
      });
    }
    x += column.width;
  }
}

function drawFooter(
  page: PDFPage,
  number: number,
  total: number,
  input: DaftarHadirInput,
  { regular }: Fonts,
) {
  const y = MARGIN.bottom - 18;
  drawTextSafe(
    page,
    `${WALK_IN_MARK} walk-in: mendaftar di tempat   ${SUBSTITUTE_MARK} pengganti: hadir menggantikan pengurus terdaftar`,
    { x: MARGIN.left, y: y + 9, size: 7, font: regular, color: MUTED },
  );
  drawTextSafe(
    page,
    `Dicetak ${formatDateTime(input.printedAt.toISOString(), input.event.timeZone)} oleh hadir`,
    {
      x: MARGIN.left,
      y,
      size: 7,
      font: regular,
      color: MUTED,
    },
  );
  drawRight(page, `Halaman ${number} dari ${total}`, A4_LANDSCAPE.width - MARGIN.right, y, 8, regular);
}

/** Totals as the auditor counts them, and the signature block of the person responsible. */
export function totalsOf(rows: AttendeeRow[]) {
  return {
    people: rows.length,
    cooperatives: new Set(rows.map((r) => r.cooperativeId)).size,
    districts: new Set(rows.map((r) => r.districtCode)).size,
    walkIns: rows.filter((r) => r.walkIn).length,
    substitutes: rows.filter((r) => r.substituteFor).length,
  };
}

function drawClosing(page: PDFPage, top: number, input: DaftarHadirInput, { regular, bold }: Fonts) {
  const totals = totalsOf(input.rows);
  let y = top - 16;
  const label = input.version === 'filled' ? 'Jumlah hadir' : 'Jumlah terdaftar';
  drawTextSafe(
    page,
    `${label}: ${totals.people} orang dari ${totals.cooperatives} koperasi (${totals.districts} kecamatan)`,
    { x: MARGIN.left, y, size: 9, font: bold },
  );
  y -= 12;
  drawTextSafe(page, `Termasuk ${totals.walkIns} walk-in dan ${totals.substitutes} pengganti.`, {
    x: MARGIN.left,
    y,
    size: 8,
    font: regular,
  });
  const x = A4_LANDSCAPE.width - MARGIN.right - 220;
  let sy = top - 16;
  drawTextSafe(page, `${formatDate(input.event.startsAt, input.event.timeZone)}`, {
    x,
    y: sy,
    size: 9,
    font: regular,
  });
  sy -= 12;
  drawTextSafe(page, 'Penanggung jawab kegiatan,', { x, y: sy, size: 9, font: regular });
  sy -= 52;
  drawTextSafe(page, '(.................................................)', {
    x,
    y: sy,
    size: 9,
    font: regular,
  });
  sy -= 12;
  drawTextSafe(page, 'NIP. ...........................................', {
    x,
    y: sy,
    size: 9,
    font: regular,
  });
}
