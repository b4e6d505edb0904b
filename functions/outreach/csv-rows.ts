/**
 * The delimiter a spreadsheet used: Excel set to Indonesian (or any locale whose decimal mark is a comma) saves
 * "CSV" with semicolons, others with commas, and some tools with tabs. The header line decides: the candidate
 * that splits it into the most cells outside quotes wins, a comma on a tie.
 */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const header =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((line) => line.trim()) ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * A CSV as rows of cells, by csv-parse: quoted fields (with delimiters, quotes and line breaks inside), a UTF-8
 * BOM, CRLF or LF, ragged rows. Blank lines stay as empty rows so the import's line numbers match the file's.
 * The parser loads with the first file imported, not with every console cold start.
 */
export async function csvRows(text: string): Promise<string[][]> {
  const { parse } = await import('csv-parse/sync');
  return parse(text, {
    bom: true,
    delimiter: sniffDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
}
