/**
 * The first worksheet of an XLSX as rows of text, for the contact import. Each cell is read as the text it
 * shows (a formula as its cached result, a number as written, a date as the sheet formats it), so the import
 * treats a workbook and a CSV alike. Formulas are never evaluated here. exceljs and its zip libraries (about 800
 * KiB) load with the first workbook imported, not with every console cold start.
 */
export async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let col = 1; col <= Math.max(row.cellCount, 0); col++) {
      const cell = row.getCell(col);
      const value = cell.value;
      if (value && typeof value === 'object' && 'formula' in value) {
        const result = (value as { result?: unknown }).result;
        cells.push(result === undefined || result === null ? '' : String(result));
      } else cells.push(cell.text ?? '');
    }
    rows.push(cells);
  }
  return rows;
}

/** An .xlsx file is a ZIP: it starts with "PK". */
export const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
