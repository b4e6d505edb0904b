import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFRef } from 'pdf-lib';

export type TextItem = { x: number; y: number; text: string };

/** WinAnsi's 0x80-0x9F (the rest is Latin-1); Node's decoder may treat windows-1252 as Latin-1. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const winAnsi = {
  decode: (bytes: Uint8Array) =>
    String.fromCharCode(...bytes).replace(
      /[\u0080-\u009f]/g,
      (c) => WIN_ANSI_HIGH[c.charCodeAt(0) - 0x80] ?? c,
    ),
};

/**
 * Text extraction for the PDFs we build with pdf-lib (no poppler needed in CI): every page's content
 * streams are inflated and each `x y Tm <hex> Tj` (how pdf-lib's drawText positions and shows one line of a
 * standard font) becomes an item with its position and its text, decoded from WinAnsi. Good for our own
 * output only, not a general PDF parser.
 */
export async function pdfText(bytes: Uint8Array): Promise<TextItem[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => doc.context.lookup(ref as PDFRef))
        : [contents];
    let source = '';
    for (const stream of streams) {
      if (stream instanceof PDFRawStream)
        source += new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    }
    const items: TextItem[] = [];
    const pattern = /([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) Tm\s+<([0-9A-Fa-f]*)> Tj/g;
    for (const match of source.matchAll(pattern)) {
      const hex = match[7] ?? '';
      const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
      items.push({ x: Number(match[5]), y: Number(match[6]), text: winAnsi.decode(bytes) });
    }
    return items;
  });
}

/** The page's lines, top to bottom, items joined left to right with a tab. */
export function linesOf(items: TextItem[]): string[] {
  const rows = new Map<number, TextItem[]>();
  for (const item of items) {
    const key = Math.round(item.y);
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((i) => i.text)
        .join('\t'),
    );
}

/**
 * The texts drawn in the column whose header reads `header`, in reading order over all pages: items at the
 * header's x (cells are left-aligned at the same padding as their header), below the header row.
 */
export function column(pages: TextItem[][], header: string): string[] {
  const values: string[] = [];
  for (const items of pages) {
    const head = items.find((item) => item.text === header);
    if (!head) continue;
    values.push(
      ...items
        .filter((item) => Math.abs(item.x - head.x) < 0.5 && item.y < head.y)
        .sort((a, b) => b.y - a.y)
        .map((item) => item.text),
    );
  }
  return values;
}
