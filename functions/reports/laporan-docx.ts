import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { LaporanBlock, LaporanInput } from './laporan';
import { laporanDocument } from './laporan-content';

/** A4 with 2.5 cm margins, in twips: what a Dinas letterhead template expects. */
const PAGE = { width: 11906, height: 16838, margin: 1418 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const MUTED = '5F5F6B';
const LIST = 'laporan-list';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

function cell(text: string, width: number, { header = false, bold = false } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6E6EB' } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold: header || bold })] })],
  });
}

function table(block: Extract<LaporanBlock, { type: 'table' }>) {
  const sum = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.headers.map((h, i) => cell(h, widths[i] as number, { header: true })),
      }),
      ...block.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map((value, i) =>
              cell(value, widths[i] as number, { bold: block.total && r === block.rows.length - 1 }),
            ),
          }),
      ),
    ],
  });
}

/** Label and value side by side without lines, as the facts of a laporan are typed. */
function facts(rows: [string, string][]) {
  const widths = [Math.round(TEXT_WIDTH * 0.28), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.28)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            cell(label, widths[0] as number, { bold: true }),
            new TableCell({
              width: { size: widths[1] as number, type: WidthType.DXA },
              children: [new Paragraph(`: ${value}`)],
            }),
          ],
        }),
    ),
  });
}

/**
 * One block as Word content. Each list is a numbering instance of its own, so every list counts from 1; a blank is
 * a grey hint followed by empty paragraphs to type into.
 */
function blockContent(block: LaporanBlock, listInstance: () => number): (Paragraph | Table)[] {
  switch (block.type) {
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [
            ...(block.label
              ? [new TextRun({ text: block.text ? `${block.label}: ` : block.label, bold: true })]
              : []),
            new TextRun({ text: block.text, italics: block.muted, color: block.muted ? MUTED : undefined }),
          ],
        }),
      ];
    case 'subheading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 })];
    case 'facts':
      return [facts(block.rows), new Paragraph('')];
    case 'list': {
      const instance = listInstance();
      return block.items.map(
        (item) => new Paragraph({ text: item, numbering: { reference: LIST, level: 0, instance } }),
      );
    }
    case 'table':
      return [table(block), new Paragraph('')];
    case 'blank':
      return [
        ...(block.missing
          ? [new Paragraph({ children: [new TextRun({ text: block.missing, italics: true, color: MUTED })] })]
          : []),
        new Paragraph({ children: [new TextRun({ text: `[${block.hint}]`, italics: true, color: MUTED })] }),
        ...Array.from({ length: Math.max(2, Math.round(block.lines / 2)) }, () => new Paragraph('')),
      ];
  }
}

/**
 * The laporan kegiatan as an editable Word document, from the same content as the PDF (laporan.ts): real headings
 * (the navigation pane lists the sections), tables for attendance, evaluation and follow-up, numbered lists, and
 * a blank signature block the Dinas completes before printing on its letterhead.
 */
export async function buildLaporanDocx(input: LaporanInput): Promise<Uint8Array> {
  const { event } = input;
  const laporan = laporanDocument(input);
  let lists = 0;
  const listInstance = () => ++lists;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: laporan.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: laporan.subtitle, bold: true, size: 24 })],
    }),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: laporan.note, italics: true, size: 18, color: MUTED })],
    }),
  ];
  for (const section of laporan.sections) {
    body.push(
      new Paragraph({ text: `${section.number}. ${section.title}`, heading: HeadingLevel.HEADING_1 }),
    );
    for (const block of section.blocks) body.push(...blockContent(block, listInstance));
  }
  body.push(new Paragraph({ text: 'Lampiran', heading: HeadingLevel.HEADING_1 }));
  const attachments = listInstance();
  for (const item of laporan.attachments)
    body.push(new Paragraph({ text: item, numbering: { reference: LIST, level: 0, instance: attachments } }));

  // The signature block sits on the right half, as on a signed Indonesian report; its blanks are typed over.
  const signature = (text: string, before = 0) =>
    new Paragraph({ text, indent: { left: Math.round(TEXT_WIDTH * 0.55) }, spacing: { before } });
  body.push(
    signature(laporan.signature.date, 480),
    signature(laporan.signature.role),
    signature('(.................................................)', 1200),
    signature('NIP. ...........................................'),
  );

  const doc = new Document({
    title: `Laporan Kegiatan - ${event.title}`,
    creator: 'hadir',
    lastModifiedBy: 'hadir',
    description: laporan.note,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { line: 276 } } },
        title: {
          run: { font: 'Arial', size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: {
          run: { font: 'Arial', size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: 'Arial', size: 22, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 340 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.END,
                children: [
                  new TextRun({
                    size: 16,
                    children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
