import { PassThrough, Readable } from 'node:stream';
import type { Cell } from './csv';

export type XlsxColumn = { header: string; width?: number; kind?: 'text' | 'number' | 'datetime' };

/** Above this many bytes waiting to be read, the writer stops adding rows until the reader catches up. */
const HIGH_WATER = 1 << 20;
const ROWS_PER_CHECK = 250;

const waitFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Streams one worksheet as XLSX with exceljs's streaming WorkbookWriter: each row is committed (serialised
 * into the zip) as soon as it is added, the zip flows into a PassThrough, and the writer waits whenever the
 * reader is more than about 1 MiB behind, so 50,000 rows never sit in memory as cells or as a finished file.
 *
 * Cells are written as values, never as formulas: a text cell that starts with `=` stays text (exceljs only
 * writes a formula for `{ formula }` objects), so XLSX needs no injection guard. Dates are written as Excel
 * date-times showing the event's wall-clock time (Excel has no time zones; the header names the zone).
 *
 * exceljs and its zip libraries (about 800 KiB) are imported by the first export that needs them, not by every
 * console cold start; until then the returned stream simply has nothing to read yet.
 */
export function xlsxStream(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();

  async function write() {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'hadir';
    workbook.created = new Date();
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = columns.map((column, index) => ({
      key: `c${index}`,
      width: column.width ?? 16,
      style: column.kind === 'datetime' ? { numFmt: 'dd/mm/yyyy hh:mm' } : {},
    }));
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    let count = 0;
    for await (const row of rows as AsyncIterable<readonly Cell[]>) {
      sheet.addRow(row.map((cell) => (cell === undefined ? null : cell))).commit();
      if (++count % ROWS_PER_CHECK === 0) {
        // Let the zip drain into `output`, then wait while the reader is far behind.
        await new Promise((resolve) => setImmediate(resolve));
        while (output.readableLength > HIGH_WATER && !output.destroyed) await waitFor(5);
      }
    }
    sheet.commit();
    await workbook.commit();
  }

  write().catch((error) => output.destroy(error));
  return Readable.toWeb(output) as unknown as ReadableStream<Uint8Array>;
}
