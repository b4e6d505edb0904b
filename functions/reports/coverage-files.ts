import { PDFDocument } from 'pdf-lib';
import { type CoverageFigures, type CoverageRow, monthLabel, percentOf } from '../domain/coverage';
import { cooperativeStatusLabel } from '../domain/statuses';
import { type Cell, csvStream } from './csv';
import { embedFonts } from './pdf-fonts';
import { A4_LANDSCAPE, drawRight, drawTextSafe, LINE, MUTED } from './pdf-kit';
import { type XlsxColumn, xlsxStream } from './xlsx';

/** Counts, names of areas, cooperatives and villages: nothing in these files names a person. */
export type CoverageFile = { body: ReadableStream<Uint8Array>; contentType: string; filename: string };

const FIGURE_HEADERS = [
  'Koperasi di direktori',
  'Terdaftar >= 1 sesi',
  '% terdaftar',
  'Sudah sosialisasi',
  '% sudah sosialisasi',
  'Sesi terlaksana',
  'Sesi direncanakan',
];

const figureCells = (f: CoverageFigures): Cell[] => [
  f.directory,
  f.registered,
  percentOf(f.registered, f.directory),
  f.briefed,
  percentOf(f.briefed, f.directory),
  f.held,
  f.planned,
];

function file(
  name: string,
  format: 'csv' | 'xlsx',
  header: string[],
  rows: Cell[][],
  kinds: XlsxColumn['kind'][],
) {
  if (format === 'csv')
    return { body: csvStream(header, rows), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  const columns = header.map((h, i) => ({ header: h, width: i < 2 ? 28 : 14, kind: kinds[i] ?? 'number' }));
  return {
    body: xlsxStream('Cakupan', columns, rows),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${name}.xlsx`,
  };
}

/** One coverage table (provinces, regencies or kecamatan) with its total. */
export function coverageTableFile(
  name: string,
  areaLabel: string,
  rows: CoverageRow[],
  total: CoverageFigures,
  format: 'csv' | 'xlsx',
): CoverageFile {
  return file(
    name,
    format,
    ['Kode', areaLabel, ...FIGURE_HEADERS],
    [...rows.map((r) => [r.code, r.name, ...figureCells(r)]), ['', 'Jumlah', ...figureCells(total)]],
    ['text', 'text'],
  );
}

export type UnreachedRow = {
  districtName: string;
  villageName: string;
  villageType: string;
  name: string;
  id: string;
  registered: boolean;
};

/** The cooperatives of a regency (or kecamatan) not yet briefed. */
export function unreachedFile(name: string, rows: UnreachedRow[], format: 'csv' | 'xlsx'): CoverageFile {
  return file(
    name,
    format,
    ['Kecamatan', 'Desa/Kelurahan', 'Jenis', 'Koperasi', 'Kode desa', 'Keadaan'],
    rows.map((r) => [
      r.districtName,
      r.villageName,
      r.villageType === 'kelurahan' ? 'Kelurahan' : 'Desa',
      r.name,
      r.id,
      cooperativeStatusLabel(r.registered ? 'registered_not_yet_present' : 'not_registered'),
    ]),
    ['text', 'text', 'text', 'text', 'text', 'text'],
  );
}

/**
 * The monthly summary for the ministry: the figures per province as they stand when it is printed, on one A4
 * landscape page per 30 provinces, with the totals.
 */
export async function monthlySummaryPdf(
  month: string,
  rows: CoverageRow[],
  total: CoverageFigures,
  printedAt: Date,
): Promise<{ bytes: Uint8Array; filename: string }> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Ringkasan cakupan sosialisasi KDKMP ${monthLabel(month)}`);
  const fonts = await embedFonts(doc);
  const columns = [40, 250, 360, 440, 520, 600, 680, 760];
  const headers = ['Provinsi', '', 'Direktori', 'Terdaftar', '%', 'Sosialisasi', '%', 'Terlaksana / Rencana'];
  const perPage = 28;
  const all: { label: string; f: CoverageFigures; bold?: boolean }[] = [
    ...rows.map((r) => ({ label: `${r.code} ${r.name}`, f: r as CoverageFigures })),
    { label: 'Jumlah nasional', f: total, bold: true },
  ];
  for (let start = 0; start < all.length; start += perPage) {
    const page = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
    let y = A4_LANDSCAPE.height - 50;
    drawTextSafe(page, `Ringkasan bulanan cakupan sosialisasi Koperasi Desa/Kelurahan Merah Putih`, {
      x: 40,
      y,
      size: 14,
      font: fonts.bold,
    });
    y -= 18;
    drawTextSafe(
      page,
      `Bulan ${monthLabel(month)} · keadaan per ${new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(printedAt)} · hanya angka, tanpa data pribadi`,
      { x: 40, y, size: 9, font: fonts.regular, color: MUTED },
    );
    y -= 24;
    headers.forEach((h, i) => {
      if (!h) return;
      if (i === 0) drawTextSafe(page, h, { x: columns[0] as number, y, size: 9, font: fonts.bold });
      else drawRight(page, h, (columns[i] as number) + 60, y, 9, fonts.bold);
    });
    y -= 6;
    page.drawLine({ start: { x: 40, y }, end: { x: 830, y }, thickness: 0.5, color: LINE });
    y -= 14;
    for (const { label, f, bold } of all.slice(start, start + perPage)) {
      const font = bold ? fonts.bold : fonts.regular;
      drawTextSafe(page, label, { x: 40, y, size: 9, font });
      const cells = [
        f.directory,
        f.registered,
        `${percentOf(f.registered, f.directory)}%`,
        f.briefed,
        `${percentOf(f.briefed, f.directory)}%`,
        `${f.held} / ${f.planned}`,
      ];
      cells.forEach((cell, i) => {
        drawRight(
          page,
          String(typeof cell === 'number' ? cell.toLocaleString('id-ID') : cell),
          (columns[i + 2] as number) + 60,
          y,
          9,
          font,
        );
      });
      y -= 16;
    }
  }
  return { bytes: await doc.save(), filename: `ringkasan-cakupan-${month}.pdf` };
}
