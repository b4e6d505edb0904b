import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatPhoneLocal, maskPhone } from '../domain/phone';
import type { EventRecord } from '../domain/schemas';
import { formatDate, formatDateTime, formatTime, formatTimeRange } from '../domain/time';
import type { AttendeeRow } from './attendees';
import { drawGuestPages, type GuestSheetInput } from './daftar-hadir-guests';
import { embedFonts, type PdfFonts } from './pdf-fonts';
import {
  A4_LANDSCAPE,
  drawCentered,
  drawRight,
  drawTextSafe,
  HEADER_FILL,
  LINE,
  MUTED,
  textWidth,
  wrap,
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
  /** Officials and speakers in protocol order: their own pages after the officers' (daftar-hadir-guests.ts). */
  guests?: GuestSheetInput['guests'];
};

type Column = { key: string; label: string; width: number; align?: 'center' };

const MARGIN = { left: 32, right: 32, top: 30, bottom: 44 };
/** The least a line is high: room to sign. A row with longer names grows with its lines. */
const ROW_HEIGHT = 26;
const LINE_STEP = 9.5;
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

type Fonts = PdfFonts;

/** One printed line of a cell. */
type CellLine = { text: string; size: number; muted?: boolean };
type RowLayout = { cells: Map<string, CellLine[]>; height: number };

const FACTS_LABEL_WIDTH = 70;
const TITLE_WIDTH = 700;
const RUNNING_TITLE_WIDTH = 600;

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
  const fonts = await embedFonts(doc);
  const columns = columnsFor(version);
  const blankRows = version === 'empty' ? (input.blankRows ?? 5) : 0;
  const lineCount = rows.length + blankRows;
  const layouts = Array.from({ length: lineCount }, (_, line) =>
    layoutRow(columns, rows[line], input, fonts),
  );

  // Pagination first, so every page can say "Halaman x dari y". Rows differ in height (a long name wraps).
  const titleHeight = titleBlock(input, fonts).height;
  const firstTableTop = A4_LANDSCAPE.height - MARGIN.top - titleHeight;
  const otherTableTop = A4_LANDSCAPE.height - MARGIN.top - runningHead(input, fonts).height;
  const pages: { from: number; to: number; top: number }[] = [];
  let next = 0;
  do {
    const top = pages.length === 0 ? firstTableTop : otherTableTop;
    let bottom = top - HEADER_ROW_HEIGHT;
    let to = next;
    while (to < lineCount && bottom - (layouts[to] as RowLayout).height >= MARGIN.bottom) {
      bottom -= (layouts[to] as RowLayout).height;
      to++;
    }
    if (to === next && to < lineCount) to++; // a row taller than a page still gets printed
    pages.push({ from: next, to, top });
    next = to;
  } while (next < lineCount);
  const rowsHeight = (from: number, to: number) =>
    layouts.slice(from, to).reduce((sum, layout) => sum + layout.height, 0);
  const last = pages[pages.length - 1] as (typeof pages)[number];
  const lastBottom = last.top - HEADER_ROW_HEIGHT - rowsHeight(last.from, last.to);
  const closingOnNewPage = lastBottom - CLOSING_HEIGHT < MARGIN.bottom;
  const totalPages = pages.length + (closingOnNewPage ? 1 : 0);

  let closingY = lastBottom;
  pages.forEach((slice, index) => {
    const page = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
    if (index === 0) drawTitle(page, input, fonts);
    else drawRunningHead(page, input, fonts);
    drawTableHeader(page, columns, slice.top, fonts);
    let y = slice.top - HEADER_ROW_HEIGHT;
    for (let line = slice.from; line < slice.to; line++) {
      const layout = layouts[line] as RowLayout;
      y -= layout.height;
      drawRow(page, columns, y, line, layout, fonts);
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
  drawGuestPages(doc, fonts, { event, guests: input.guests ?? [], printedAt: input.printedAt });

  doc.setTitle(`Daftar Hadir - ${event.title}`);
  doc.setAuthor(event.organizerName);
  doc.setSubject(version === 'empty' ? 'Daftar hadir (kosong)' : 'Daftar hadir (peserta hadir)');
  doc.setCreator('hadir');
  doc.setProducer('hadir (pdf-lib)');
  doc.setCreationDate(input.printedAt);
  doc.setModificationDate(input.printedAt);
  return doc.save();
}

/** The first page's heading: what it holds and how tall it is, so the table starts under it. */
function titleBlock(input: DaftarHadirInput, { regular, bold }: Fonts) {
  const { event } = input;
  const organizer = wrap(event.organizerName.toUpperCase(), bold, 10, TITLE_WIDTH);
  const title = wrap(event.title, regular, 10, TITLE_WIDTH);
  // Clear of the note printed at the right of the last fact's line.
  const valueWidth = A4_LANDSCAPE.width - MARGIN.left - MARGIN.right - FACTS_LABEL_WIDTH - 200;
  const facts = (
    [
      ['Hari/Tanggal', formatDate(event.startsAt, event.timeZone)],
      ['Waktu', formatTimeRange(event.startsAt, event.endsAt, event.timeZone).split(', ').pop() ?? ''],
      ['Tempat', [event.venue, event.address].filter(Boolean).join(', ')],
    ] as const
  ).map(([label, value]) => ({ label, lines: wrap(value, regular, 9, valueWidth) }));
  const factLines = facts.reduce((sum, fact) => sum + fact.lines.length, 0);
  // Offsets from the top margin: "DAFTAR HADIR", the centred lines, then the facts (at 74 when the lines are few).
  const factsTop = Math.max(74, 14 + 16 + (organizer.length + title.length) * 13 + 8);
  const lastFact = factsTop + (factLines - 1) * 12;
  return { organizer, title, facts, factsTop, lastFact, height: Math.max(112, lastFact + 14) };
}

function drawTitle(page: PDFPage, input: DaftarHadirInput, fonts: Fonts) {
  const { regular, bold } = fonts;
  const block = titleBlock(input, fonts);
  let y = A4_LANDSCAPE.height - MARGIN.top - 14;
  drawCentered(page, 'DAFTAR HADIR', y, 14, bold);
  y -= 16;
  for (const line of block.organizer) {
    drawCentered(page, line, y, 10, bold);
    y -= 13;
  }
  for (const line of block.title) {
    drawCentered(page, line, y, 10, regular);
    y -= 13;
  }
  y = A4_LANDSCAPE.height - MARGIN.top - block.factsTop;
  for (const { label, lines } of block.facts) {
    drawTextSafe(page, label, { x: MARGIN.left, y, size: 9, font: bold });
    lines.forEach((line, index) => {
      page.drawText(`${index === 0 ? ':' : ' '} ${line}`, {
        x: MARGIN.left + FACTS_LABEL_WIDTH,
        y,
        size: 9,
        font: regular,
      });
      y -= 12;
    });
  }
  const note =
    input.version === 'empty'
      ? 'Daftar peserta terdaftar untuk ditandatangani'
      : 'Peserta yang hadir (menurut check-in)';
  drawRight(
    page,
    note,
    A4_LANDSCAPE.width - MARGIN.right,
    A4_LANDSCAPE.height - MARGIN.top - block.lastFact,
    8,
    regular,
  );
}

/** The heading of the following pages: the session's title and day, wrapped, and how tall it is. */
function runningHead(input: DaftarHadirInput, { regular }: Fonts) {
  const lines = wrap(
    `${input.event.title} - ${formatDate(input.event.startsAt, input.event.timeZone)}`,
    regular,
    9,
    RUNNING_TITLE_WIDTH,
  );
  return { lines, height: 14 + lines.length * 11 };
}

function drawRunningHead(page: PDFPage, input: DaftarHadirInput, fonts: Fonts) {
  let y = A4_LANDSCAPE.height - MARGIN.top - 12;
  drawTextSafe(page, 'DAFTAR HADIR', { x: MARGIN.left, y, size: 9, font: fonts.bold });
  for (const line of runningHead(input, fonts).lines) {
    page.drawText(line, { x: MARGIN.left + 80, y, size: 9, font: fonts.regular });
    y -= 11;
  }
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
      column.align === 'center' ? x + (column.width - textWidth(bold, column.label, FONT_SIZE)) / 2 : x + PAD;
    page.drawText(column.label, { x: labelX, y: top - 13, size: FONT_SIZE, font: bold });
    x += column.width;
  }
}

function cellLines(key: string, row: AttendeeRow, input: DaftarHadirInput, font: PDFFont, width: number) {
  const lines = (text: string, size = FONT_SIZE, muted = false): CellLine[] =>
    wrap(text, font, size, width).map((line) => ({ text: line, size, muted }));
  switch (key) {
    case 'name': {
      const mark = row.substituteFor ? ` ${SUBSTITUTE_MARK}` : row.walkIn ? ` ${WALK_IN_MARK}` : '';
      return [
        ...lines(`${row.name}${mark}`),
        ...(row.substituteFor ? lines(`mengganti ${row.substituteFor}`, 6.5, true) : []),
      ];
    }
    case 'role':
      return lines(row.role);
    case 'cooperative':
      return lines(row.cooperativeName);
    case 'village':
      return lines(row.villageName);
    case 'district':
      return lines(row.districtName);
    case 'phone':
      return lines(phoneText(row.phone, input.phone));
    case 'time':
      return row.checkedInAt
        ? lines(formatTime(row.checkedInAt, input.event.timeZone).split(' ')[0] ?? '')
        : [];
    default:
      return [];
  }
}

/** Each cell's lines and the row's height: as tall as its fullest cell, and never less than room to sign. */
function layoutRow(
  columns: Column[],
  row: AttendeeRow | undefined,
  input: DaftarHadirInput,
  { regular }: Fonts,
): RowLayout {
  const cells = new Map<string, CellLine[]>();
  if (row)
    for (const column of columns)
      cells.set(column.key, cellLines(column.key, row, input, regular, column.width - 2 * PAD));
  const most = Math.max(1, ...[...cells.values()].map((lines) => lines.length));
  return { cells, height: Math.max(ROW_HEIGHT, 11 + (most - 1) * LINE_STEP + 7) };
}

function drawRow(
  page: PDFPage,
  columns: Column[],
  y: number,
  index: number,
  layout: RowLayout,
  { regular }: Fonts,
) {
  const number = String(index + 1);
  const height = layout.height;
  let x = MARGIN.left;
  for (const column of columns) {
    page.drawRectangle({
      x,
      y,
      width: column.width,
      height,
      borderColor: LINE,
      borderWidth: 0.6,
    });
    if (column.key === 'no') {
      const w = textWidth(regular, number, FONT_SIZE);
      page.drawText(number, {
        x: x + (column.width - w) / 2,
        y: y + height - 11,
        size: FONT_SIZE,
        font: regular,
      });
    } else if (column.key === 'signature') {
      // Paper lists stagger the signatures: odd numbers sign on the left, even numbers on the right.
      const offset = index % 2 === 0 ? PAD : column.width / 2;
      page.drawText(`${number}.`, {
        x: x + offset,
        y: y + height - 10,
        size: 7,
        font: regular,
        color: MUTED,
      });
    } else {
      (layout.cells.get(column.key) ?? []).forEach((line, lineIndex) => {
        const w = textWidth(regular, line.text, line.size);
        const lineX = column.align === 'center' ? x + (column.width - w) / 2 : x + PAD;
        page.drawText(line.text, {
          x: lineX,
          y: y + height - 11 - lineIndex * LINE_STEP,
          size: line.size,
          font: regular,
          color: line.muted ? MUTED : undefined,
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
