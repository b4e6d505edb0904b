import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFRef,
} from 'pdf-lib';

/**
 * One `drawText`: where it starts, its text, the font resource and size it was set in, and (for embedded fonts)
 * its width in points from the font's own glyph widths, and how many glyphs the font lacked (drawn as .notdef).
 */
export type TextItem = {
  x: number;
  y: number;
  text: string;
  font?: string;
  size?: number;
  width?: number;
  missingGlyphs?: number;
};

/** WinAnsi's 0x80-0x9F (the rest is Latin-1); Node's decoder may treat windows-1252 as Latin-1. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const winAnsi = {
  decode: (bytes: Uint8Array) =>
    String.fromCharCode(...bytes).replace(
      /[\u0080-\u009f]/g,
      (c) => WIN_ANSI_HIGH[c.charCodeAt(0) - 0x80] ?? c,
    ),
};

type FontInfo = { toUnicode?: Map<number, string>; widths?: Map<number, number>; defaultWidth: number };

const hexNumber = (hex: string) => Number.parseInt(hex, 16);
const utf16 = (hex: string) =>
  String.fromCharCode(...(hex.match(/..../g) ?? []).map((unit) => Number.parseInt(unit, 16)));

function streamText(doc: PDFDocument, ref: unknown): string {
  const stream = doc.context.lookup(ref as PDFRef);
  return stream instanceof PDFRawStream
    ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())
    : '';
}

/** An embedded (Type0) font's CID-to-text map and glyph widths, as pdf-lib writes them with fontkit. */
function fontInfo(doc: PDFDocument, dict: PDFDict): FontInfo {
  const info: FontInfo = { defaultWidth: 1000 };
  const toUnicode = dict.get(PDFName.of('ToUnicode'));
  if (toUnicode) {
    const map = new Map<number, string>();
    const cmap = streamText(doc, toUnicode);
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, cid, text] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(hexNumber(cid as string), utf16(text as string));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, from, to, text] of (block[1] ?? '').matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g,
      ))
        for (let cid = hexNumber(from as string), n = 0; cid <= hexNumber(to as string); cid++, n++)
          map.set(cid, String.fromCharCode(hexNumber(text as string) + n));
    info.toUnicode = map;
  }
  const descendants = doc.context.lookup(dict.get(PDFName.of('DescendantFonts')));
  if (descendants instanceof PDFArray) {
    const cidFont = doc.context.lookup(descendants.get(0)) as PDFDict;
    const dw = cidFont.get(PDFName.of('DW'));
    if (dw instanceof PDFNumber) info.defaultWidth = dw.asNumber();
    const w = doc.context.lookup(cidFont.get(PDFName.of('W')));
    const widths = new Map<number, number>();
    if (w instanceof PDFArray) {
      const entries = w.asArray().map((entry) => doc.context.lookup(entry));
      for (let i = 0; i < entries.length; ) {
        const first = (entries[i] as PDFNumber).asNumber();
        const next = entries[i + 1];
        if (next instanceof PDFArray) {
          next.asArray().forEach((width, n) => {
            widths.set(first + n, (doc.context.lookup(width) as PDFNumber).asNumber());
          });
          i += 2;
        } else {
          const last = (next as PDFNumber).asNumber();
          const width = (entries[i + 2] as PDFNumber).asNumber();
          for (let cid = first; cid <= last; cid++) widths.set(cid, width);
          i += 3;
        }
      }
    }
    info.widths = widths;
  }
  return info;
}

/**
 * Text extraction for the PDFs we build with pdf-lib (no poppler needed in CI): every page's content streams are
 * inflated and each `x y Tm <hex> Tj` (how pdf-lib's drawText positions and shows one line) becomes an item with
 * its position and its text. Embedded fonts (DejaVu through fontkit) are decoded with their ToUnicode map and
 * measured with their glyph widths; standard fonts are decoded from WinAnsi. Good for our own output only, not a
 * general PDF parser.
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
    const fonts = new Map<string, FontInfo>();
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'));
    if (fontDict instanceof PDFDict)
      for (const [name, ref] of fontDict.entries())
        fonts.set(name.asString().slice(1), fontInfo(doc, doc.context.lookup(ref) as PDFDict));
    const items: TextItem[] = [];
    let font: string | undefined;
    let size: number | undefined;
    const pattern =
      /\/(\S+) ([-\d.]+) Tf|([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) Tm\s+<([0-9A-Fa-f]*)> Tj/g;
    for (const match of source.matchAll(pattern)) {
      if (match[1]) {
        font = match[1];
        size = Number(match[2]);
        continue;
      }
      const hex = match[9] ?? '';
      const info = font ? fonts.get(font) : undefined;
      const item: TextItem = { x: Number(match[7]), y: Number(match[8]), text: '', font, size };
      if (info?.toUnicode) {
        const cids = (hex.match(/..../g) ?? []).map(hexNumber);
        item.text = cids.map((cid) => info.toUnicode?.get(cid) ?? '\uFFFD').join('');
        item.missingGlyphs = cids.filter((cid) => cid === 0).length;
        item.width =
          (cids.reduce((sum, cid) => sum + (info.widths?.get(cid) ?? info.defaultWidth), 0) / 1000) *
          (size ?? 0);
      } else {
        const raw = Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
        item.text = winAnsi.decode(raw);
      }
      items.push(item);
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
