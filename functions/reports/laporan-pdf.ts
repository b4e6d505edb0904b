import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LaporanBlock, LaporanInput } from './laporan';
import { laporanDocument } from './laporan-content';
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
  /**
   * A heading waits here until the block after it is drawn, so the two start on the same page: a heading is never
   * the last line of a page.
   */
  private pending?: { height: number; draw: () => void };
  ensure(height: number) {
    const pending = this.pending;
    if (this.y - height - (pending?.height ?? 0) < MARGIN + 20) this.newPage();
    if (pending) {
      this.pending = undefined;
      pending.draw();
    }
  }
  text(value: string, { size = 10, bold = false, indent = 0, gap = 3, muted = false } = {}) {
    const font = bold ? this.bold : this.regular;
    for (const line of wrap(value, font, size, WIDTH - indent)) {
      this.ensure(size + gap);
      this.y -= size + gap;
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y,
        size,
        font,
        color: muted ? MUTED : undefined,
      });
    }
  }
  space(height: number) {
    this.y -= height;
  }
  heading(value: string, { size = 11, before = 10, after = 4 } = {}) {
    const earlier = this.pending; // a section's title followed by its first subheading: both wait
    this.pending = {
      height: (earlier?.height ?? 0) + before + size + 3 + after,
      draw: () => {
        earlier?.draw();
        this.space(before);
        this.text(value, { size, bold: true });
        this.space(after);
      },
    };
  }
  /**
   * A table with a header row repeated on each page. Every cell wraps, and a row is as tall as its fullest cell:
   * a long cooperative or kecamatan name is printed whole, never cut.
   */
  table(headers: string[], widths: number[], rows: string[][], { size = 8, total = false } = {}) {
    const leading = size + 2;
    const layout = (cells: string[], font: PDFFont) =>
      cells.map((cell, index) => wrap(cell, font, size, (widths[index] as number) - 6));
    const heightOf = (cells: string[][]) => Math.max(1, ...cells.map((lines) => lines.length)) * leading + 6;
    const drawRow = (cells: string[][], header: boolean, bold = false) => {
      const height = heightOf(cells);
      const font = header || bold ? this.bold : this.regular;
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
    const last = rows.length - 1;
    const body = rows.map((row, index) => layout(row, total && index === last ? this.bold : this.regular));
    // A short table starts on a new page rather than being split; a long one never leaves fewer than three rows
    // alone on its last page.
    const whole = body.reduce((sum, row) => sum + heightOf(row), heightOf(head));
    this.ensure(whole <= A4.height / 3 ? whole : heightOf(head) + heightOf(body[0] ?? []));
    drawRow(head, true);
    let onPage = 0;
    body.forEach((row, index) => {
      const rest = body.slice(index).reduce((sum, r) => sum + heightOf(r), 0);
      const tail = body.length - index <= 3 && onPage > 3 && this.y - rest < MARGIN + 20;
      if (tail || this.y - heightOf(row) < MARGIN + 20) {
        this.newPage();
        drawRow(head, true);
        onPage = 0;
      }
      drawRow(row, false, total && index === last);
      onPage++;
    });
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

/** Lays out one block of the laporan's content. */
function drawBlock(flow: Flow, block: LaporanBlock) {
  switch (block.type) {
    case 'paragraph': {
      flow.ensure(block.label ? 26 : 13);
      if (block.label) {
        flow.space(3);
        flow.text(block.text ? `${block.label}:` : block.label, { bold: true });
      }
      if (block.text)
        flow.text(block.text, {
          size: block.muted ? 9 : 10,
          indent: block.label ? 10 : 0,
          muted: block.muted,
        });
      flow.space(3);
      return;
    }
    case 'subheading':
      flow.heading(block.text, { size: 10, before: 4, after: 3 });
      return;
    case 'facts':
      for (const [label, value] of block.rows) {
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
      flow.space(4);
      return;
    case 'list':
      block.items.forEach((item, index) => {
        flow.text(`${index + 1}. ${item}`, { indent: 10 });
      });
      flow.space(4);
      return;
    case 'table': {
      const sum = block.widths.reduce((a, b) => a + b, 0);
      flow.table(
        block.headers,
        block.widths.map((w) => (w / sum) * WIDTH),
        block.rows,
        { total: block.total },
      );
      flow.space(6);
      return;
    }
    case 'blank':
      flow.ensure(block.lines * 16 + (block.missing ? 20 : 6));
      if (block.missing) {
        flow.text(block.missing, { size: 9, muted: true });
        flow.space(4);
      }
      flow.box(block.lines * 16, block.hint);
  }
}

/**
 * The laporan kegiatan as a portrait A4 PDF, from the same content as the DOCX (laporan.ts): numbered sections with
 * their tables, a box wherever the Dinas writes by hand, the list of attachments and a signature block.
 */
export async function buildLaporanPdf(input: LaporanInput): Promise<Uint8Array> {
  const { event } = input;
  const laporan = laporanDocument(input);
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const flow = new Flow(doc, fonts.regular, fonts.bold);
  drawCentered(flow.page, laporan.title, flow.y - 14, 14, flow.bold);
  flow.space(24);
  for (const line of wrap(laporan.subtitle, flow.bold, 11, WIDTH)) {
    flow.space(14);
    drawCentered(flow.page, line, flow.y, 11, flow.bold);
  }
  flow.space(6);
  flow.text(laporan.note, { size: 8, muted: true });

  for (const section of laporan.sections) {
    flow.heading(`${section.number}. ${section.title}`);
    for (const block of section.blocks) drawBlock(flow, block);
  }

  flow.heading('Lampiran');
  laporan.attachments.forEach((item, index) => {
    flow.text(`${index + 1}. ${item}`);
  });

  flow.ensure(110);
  flow.space(24);
  const x = A4.width - MARGIN - 200;
  const sign = (text: string, drop: number) => {
    flow.space(drop);
    drawTextSafe(flow.page, text, { x, y: flow.y, size: 10, font: flow.regular });
  };
  sign(laporan.signature.date, 0);
  sign(laporan.signature.role, 13);
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
