import { readFile } from 'node:fs/promises';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type PdfFonts = { regular: PDFFont; bold: PDFFont };

/**
 * DejaVu Sans (functions/reports/fonts, with its licence): it covers Latin with every accent an Indonesian name
 * typed on a phone may carry, Greek, Cyrillic and the usual symbols (–, ’, €, №, ✓), where pdf-lib's standard
 * Helvetica only knows WinAnsi and printed the rest as "?". The Lambda bundle ships the files in `fonts/` next to
 * its code (infra/constructs/bundle.ts); from a chunk in `chunks/` that is one directory up.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** The font files a Lambda that makes PDFs ships next to its code (infra/constructs/bundle.ts's HANDLER_FILES). */
export const PDF_FONT_BUNDLE_FILES = Object.values(FONT_FILES).map((name) => ({
  name: `fonts/${name}`,
  source: `./functions/reports/fonts/${name}`,
}));

async function readFont(name: string): Promise<Uint8Array> {
  for (const dir of ['./fonts/', '../fonts/']) {
    try {
      return await readFile(new URL(`${dir}${name}`, import.meta.url));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`PDF font ${name} is missing next to the code`);
}

/** Read once per process, with the first PDF: a console cold start reads neither the files nor fontkit. */
let files: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

/**
 * Embeds the regular and bold faces. Subsetting keeps only the glyphs a document uses, so a one-page letter stays
 * tens of KiB instead of carrying 1.4 MB of font.
 */
export async function embedFonts(doc: PDFDocument): Promise<PdfFonts> {
  files ??= Promise.all([readFont(FONT_FILES.regular), readFont(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({
      regular,
      bold,
    }),
  );
  const [{ default: fontkit }, bytes] = await Promise.all([import('@pdf-lib/fontkit'), files]);
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true }),
    doc.embedFont(bytes.bold, { subset: true }),
  ]);
  return { regular, bold };
}
