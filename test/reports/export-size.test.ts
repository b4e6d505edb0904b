import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { csvStream } from '../../functions/reports/csv';
import { officerHeader, syntheticOfficers } from './synthetic-officers';

/**
 * In AWS a response leaves the Lambda whole, base64-encoded, and API Gateway refuses more than 6 MB. A 50,000-row
 * officers CSV fits gzip-encoded (the app compresses text for every client that accepts it, as browsers do); the
 * console relays exports through S3 anyway (export-relay.test.ts), because an XLSX that large does not fit.
 */
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;

const bytes = async (stream: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(stream).arrayBuffer());
const base64Size = (size: number) => Math.ceil(size / 3) * 4;

it('a 50,000-row CSV export, gzip-encoded, fits a Lambda response behind API Gateway', async () => {
  const csv = await bytes(csvStream(officerHeader, syntheticOfficers(50_000)));
  expect(csv.length).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT); // uncompressed it would not
  expect(base64Size(gzipSync(csv).length)).toBeLessThan(LAMBDA_RESPONSE_LIMIT);
}, 120_000);
