/**
 * CSV as RFC 4180: fields separated by commas, records by CRLF, a field in double quotes when it holds a
 * comma, quote, CR or LF, quotes doubled inside. A UTF-8 byte order mark comes first so Excel reads the
 * Indonesian names as UTF-8 (RFC 4180 readers skip or tolerate it; our own tests strip it).
 *
 * CSV injection (OWASP): a spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (and some
 * also after a leading tab or CR) as a formula. Anyone can type such a "name" into the public registration
 * form, so every text cell that starts with one of these is prefixed with a single quote: Excel, LibreOffice
 * and Google Sheets then show it as text. Numbers are written as numbers and are not touched.
 */
export type Cell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export const BOM = '\uFEFF';

/** A text value that a spreadsheet would read as a formula, made inert. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'Ya' : 'Tidak';
  else if (value instanceof Date) text = value.toISOString();
  else text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRecord = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

/**
 * Streams a header and rows as CSV. Rows are pulled from the iterator only when the reader asks for more,
 * a few hundred at a time, so the file is never held in memory whole.
 */
export function csvStream(
  header: readonly string[],
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>,
  { batch = 500 }: { batch?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in rows
      ? (rows as AsyncIterable<readonly Cell[]>)[Symbol.asyncIterator]()
      : (rows as Iterable<readonly Cell[]>)[Symbol.iterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      if (!started) {
        started = true;
        chunk = BOM + csvRecord(header);
      }
      for (let i = 0; i < batch; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvRecord(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Parses RFC 4180 text (for tests and imports): records of fields, quotes undone. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = text.startsWith(BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}
