import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { csvStream } from '../../functions/reports/csv';
import { createS3ExportFiles } from '../../functions/reports/s3-export-files';
import { xlsxStream } from '../../functions/reports/xlsx';
import { startS3Local } from '../helpers/s3-local';
import { officerHeader, syntheticOfficers } from './synthetic-officers';

/**
 * In AWS a response leaves the Lambda whole, base64-encoded, and API Gateway refuses more than 6 MB. A 50,000-row
 * officers CSV fits gzip-encoded (the app compresses text for every client that accepts it, as browsers do); the
 * console relays exports through S3 anyway (export-relay.test.ts), because an XLSX that large does not fit.
 */
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
const BUCKET = 'hadir-exports-size';

let s3: Awaited<ReturnType<typeof startS3Local>>;
let exportFiles: ReturnType<typeof createS3ExportFiles>;
beforeAll(async () => {
  s3 = await startS3Local(BUCKET);
  exportFiles = createS3ExportFiles({ bucket: BUCKET, client: s3.client });
});
afterAll(() => s3?.stop());

const readXlsx = async (bytes: ArrayBuffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
};

const bytes = async (stream: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(stream).arrayBuffer());
const base64Size = (size: number) => Math.ceil(size / 3) * 4;

it('a 50,000-row CSV export, gzip-encoded, fits a Lambda response behind API Gateway', async () => {
  const csv = await bytes(csvStream(officerHeader, syntheticOfficers(50_000)));
  expect(csv.length).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT); // uncompressed it would not
  expect(base64Size(gzipSync(csv).length)).toBeLessThan(LAMBDA_RESPONSE_LIMIT);
}, 120_000);

it('a 50,000-row XLSX, too large for a Lambda response, goes through S3 in parts and reads back whole', async () => {
  const columns = officerHeader.map((header) => ({ header, width: 20 }));
  const rows = [...syntheticOfficers(50_000)];
  const link = await exportFiles.publish(
    {
      filename: 'peserta-besar.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: xlsxStream('Peserta', columns, rows),
      rows: 50_000,
    },
    'large-export-session',
  );
  const bytes = await (await fetch(link)).arrayBuffer();
  // Base64 for a binary body: this file could not have been the Lambda's response.
  expect(Math.ceil(bytes.byteLength / 3) * 4).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT);
  const sheet = await readXlsx(bytes);
  expect(sheet.rowCount).toBe(50_001);
  expect(sheet.getRow(50_001).getCell(1).value).toBe(rows[49_999]?.[0]);
}, 120_000);
