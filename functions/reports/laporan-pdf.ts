import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDate, formatDateTime } from '../domain/time';
import {
  attachments,
  blankSections,
  type LaporanInput,
  laporanFacts,
  laporanSummary,
  unreachedStatus,
} from './laporan';
import { embedFonts } from './pdf-fonts';
import { A4, drawCentered, drawRight, drawTextSafe, HEADER_FILL, LINE, MUTED, wrap } from './pdf-kit';

const MARGIN = 50;
const WIDTH = A4.width - 2 * MARGIN;

/** A top-to-bottom writer that starts a new page when the next block does not fit. */
class Flow {
  page: PDFPage;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    return this.page;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }
  text(value: string, { size = 10, bold = false, indent = 0, gap = 3 } = {}) {
    const font = bold ? this.bold : this.regular;
    for (const line of wrap(value, font, size, WIDTH - indent)) {
      this.ensure(size + gap);
      this.y -= size + gap;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font });
    }
  }
  space(height: number) {
    this.y -= height;
  }
  heading(value: string) {
    this.ensure(40);
    this.space(10);
    this.text(value, { size: 11, bold: true });
    this.space(4);
  }
  /**
   * A table with a header row repeated on each page. Every cell wraps, and a row is as tall as its fullest cell:
   * a long cooperative or kecamatan name is printed whole, never cut.
   */
  table(headers: string[], widths: number[], rows: string[][], { size = 8 } = {}) {
    const leading = size + 2;
    const layout = (cells: string[], font: PDFFont) =>
      cells.map((cell, index) => wrap(cell, font, size, (widths[index] as number) - 6));
    const heightOf = (cells: string[][]) => Math.max(1, ...cells.map((lines) => lines.length)) * leading + 6;
    const drawRow = (cells: string[][], header: boolean) => {
      const height = heightOf(cells);
      const font = header ? this.bold : this.regular;
      let x = MARGIN;
      cells.forEach((lines, index) => {
        const width = widths[index] as number;
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width,
          height,
          borderColor: LINE,
          borderWidth: 0.5,
          color: header ? HEADER_FILL : undefined,
        });
        lines.forEach((line, n) => {
          this.page.drawText(line, { x: x + 3, y: this.y - size - 3 - n * leading, size, font });
        });
        x += width;
      });
      this.y -= height;
    };
    const head = layout(headers, this.bold);
    const body = rows.map((row) => layout(row, this.regular));
    this.ensure(heightOf(head) + heightOf(body[0] ?? []));
    drawRow(head, true);
    for (const row of body) {
      if (this.y - heightOf(row) < MARGIN + 20) {
        this.newPage();
        drawRow(head, true);
      }
      drawRow(row, false);
    }
  }
  box(height: number, hint: string) {
    this.ensure(height + 4);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width: WIDTH,
      height,
      borderColor: LINE,
      borderWidth: 0.5,
    });
    drawTextSafe(this.page, hint, {
      x: MARGIN + 5,
      y: this.y - 12,
      size: 8,
      font: this.regular,
      color: MUTED,
    });
    this.y -= height + 4;
  }
}

/**
 * The laporan kegiatan draft as a portrait A4 PDF: the session's facts, attendance by kecamatan (the check-in
 * service's figures), the unreached cooperatives with their Business Assistant, and blank boxes for what the
 * Dinas writes by hand (materi, tanya jawab, kesimpulan), then the list of attachments and a signature block.
 */
export async function buildLaporanPdf(input: LaporanInput): Promise<Uint8Array> {
  const { event, attendance, unreached } = input;
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const flow = new Flow(doc, fonts.regular, fonts.bold);
  drawCentered(flow.page, 'LAPORAN KEGIATAN', flow.y - 14, 14, flow.bold);
  flow.space(24);
  for (const line of wrap(event.title, flow.bold, 11, WIDTH)) {
    flow.space(14);
    drawCentered(flow.page, line, flow.y, 11, flow.bold);
  }
  flow.space(6);
  flow.text(
    `Draf disusun otomatis oleh hadir pada ${formatDateTime(input.generatedAt.toISOString(), event.timeZone)}. Lengkapi bagian yang kosong sebelum ditandatangani.`,
    { size: 8 },
  );

  flow.heading('I. Pelaksanaan Kegiatan');
  for (const [label, value] of laporanFacts(input)) {
    flow.ensure(14);
    const lines = wrap(value, flow.regular, 10, WIDTH - 110);
    flow.space(13);
    flow.page.drawText(label, { x: MARGIN, y: flow.y, size: 10, font: flow.bold });
    lines.forEach((line, index) => {
      if (index > 0) {
        flow.ensure(13);
        flow.space(13);
      }
      flow.page.drawText(index === 0 ? `: ${line}` : `  ${line}`, {
        x: MARGIN + 100,
        y: flow.y,
        size: 10,
        font: flow.regular,
      });
    });
  }

  flow.heading('II. Peserta');
  flow.text(laporanSummary(input));
  flow.space(6);
  flow.table(
    ['Kecamatan', 'Kop. diundang', 'Kop. terdaftar', 'Kop. hadir', 'Pengurus terdaftar', 'Pengurus hadir'],
    [135, 65, 65, 60, 85, 85],
    [
      ...attendance.byDistrict.map((d) => [
        d.districtName,
        String(d.cooperativesInvited),
        String(d.cooperativesRegistered),
        String(d.cooperativesPresent),
        String(d.registered),
        String(d.checkedIn),
      ]),
      [
        'Jumlah',
        String(attendance.cooperativesInvited),
        String(attendance.cooperativesRegistered),
        String(attendance.cooperativesPresent),
        String(attendance.registered),
        String(attendance.checkedIn),
      ],
    ],
  );

  flow.heading(`III. Koperasi yang Belum Terjangkau (${unreached.length})`);
  if (unreached.length === 0) flow.text('Semua koperasi undangan hadir.');
  else
    flow.table(
      ['No', 'Koperasi', 'Kecamatan', 'Status', 'Business Assistant'],
      [25, 190, 85, 95, 100],
      unreached.map((c, index) => [
        String(index + 1),
        c.cooperative.name,
        c.cooperative.districtName,
        unreachedStatus(c),
        c.assistants.map((a) => a.name).join(', ') || '-',
      ]),
    );

  blankSections.forEach((section, index) => {
    flow.ensure(180); // keep each heading with its box
    flow.heading(`${['IV', 'V', 'VI'][index]}. ${section.title}`);
    flow.box(130, section.hint);
  });

  flow.heading('Lampiran');
  attachments.forEach((item, index) => {
    flow.text(`${index + 1}. ${item}`);
  });

  flow.ensure(110);
  flow.space(24);
  const x = A4.width - MARGIN - 200;
  const sign = (text: string, drop: number) => {
    flow.space(drop);
    drawTextSafe(flow.page, text, { x, y: flow.y, size: 10, font: flow.regular });
  };
  sign(formatDate(event.startsAt, event.timeZone), 0);
  sign('Penanggung jawab kegiatan,', 13);
  sign('(.................................................)', 56);
  sign('NIP. ...........................................', 13);

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    drawRight(page, `Halaman ${index + 1} dari ${pages.length}`, A4.width - MARGIN, 28, 8, flow.regular);
  });
  doc.setTitle(`Laporan Kegiatan - ${event.title}`);
  doc.setAuthor(event.organizerName);
  doc.setCreator('hadir');
  doc.setCreationDate(input.generatedAt);
  return doc.save();
}
