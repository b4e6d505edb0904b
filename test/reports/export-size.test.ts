import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { csvStream } from '../../functions/reports/csv';

/**
 * In AWS a response leaves the Lambda whole, base64-encoded, and API Gateway refuses more than 6 MB. A 50,000-row
 * officers CSV only fits gzip-encoded (the app compresses text for every client that accepts it, as browsers
 * do). Names here are random letters, which compress worse than real names, so the size is an upper bound.
 * A 50,000-row XLSX can exceed the limit (issue 7 stays open for large exports through S3).
 */
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
const header = [
  'Nama',
  'Jabatan',
  'Koperasi',
  'Desa/Kelurahan',
  'Kecamatan',
  'No HP',
  'Email',
  'Status Email Tiket',
  'Status Pendaftaran',
  'Hadir',
  'Waktu Hadir (WIB)',
  'Keterangan',
];
const word = (length: number) =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^a-z]/gi, 'a')
    .slice(0, length);

function* officers() {
  for (let i = 0; i < 50_000; i++) {
    const village = word(10);
    yield [
      `${word(7)} ${word(9)}`,
      'Wakil Ketua Bidang Usaha',
      `Koperasi Desa Merah Putih ${village}`,
      village,
      word(12),
      `0812-${String(i).padStart(4, '0')}-${String(i % 9999).padStart(4, '0')}`,
      `${word(8)}@example.org`,
      'Terkirim',
      'Terdaftar',
      i % 2 ? 'Ya' : 'Tidak',
      new Date(Date.UTC(2025, 9, 23, 1, i % 60)),
      i % 50 ? '' : 'walk-in',
    ] as const;
  }
}

const bytes = async (stream: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(stream).arrayBuffer());
const base64Size = (size: number) => Math.ceil(size / 3) * 4;

it('a 50,000-row CSV export, gzip-encoded, fits a Lambda response behind API Gateway', async () => {
  const csv = await bytes(csvStream(header, officers()));
  expect(csv.length).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT); // uncompressed it would not
  expect(base64Size(gzipSync(csv).length)).toBeLessThan(LAMBDA_RESPONSE_LIMIT);
}, 120_000);
