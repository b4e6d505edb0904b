import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app';
import { EXPORTS_PREFIX } from '../../functions/reports/export-files';
import { createS3ExportFiles } from '../../functions/reports/s3-export-files';
import { SESSION_SECRET } from '../admin/helpers';
import { startS3Local } from '../helpers/s3-local';
import { createWorld, seedSession, spread, type World } from './world';

/** In AWS, API Gateway refuses a Lambda response above 6 MB (after base64 for binary bodies). */
const BUCKET = 'hadir-exports-test';

let world: World;
let s3: Awaited<ReturnType<typeof startS3Local>>;
let exportFiles: ReturnType<typeof createS3ExportFiles>;
let session: Awaited<ReturnType<typeof seedSession>>;
let eventId: string;

beforeAll(async () => {
  [world, s3] = await Promise.all([createWorld(), startS3Local(BUCKET)]);
  exportFiles = createS3ExportFiles({ bucket: BUCKET, client: s3.client });
  session = await seedSession(world, { registered: spread(world.directory, 12), present: () => 2 });
  eventId = session.event.id;
}, 180_000); // Kotim's directory, four signed-in users and a session, on a machine busy with Chromium tests
afterAll(() => s3?.stop());

const readXlsx = async (bytes: ArrayBuffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
};

it('in AWS mode an export is relayed through S3: a 303 to a five-minute link that downloads the same file', async () => {
  const relayApp = createApp({
    store: world.store,
    config: { runtime: 'test', publicBaseUrl: 'https://hadir.test', sessionSecret: SESSION_SECRET },
    exportFiles,
  });
  const path = `/admin/laporan/acara/${eventId}/ekspor/peserta.xlsx`;
  const relayed = await relayApp.request(path, { headers: { cookie: world.cookies.organizer } });
  expect(relayed.status).toBe(303);
  const link = new URL(relayed.headers.get('location') as string);
  expect(link.origin).toBe(s3.endpoint);
  expect(link.pathname).toMatch(new RegExp(`^/${BUCKET}/${EXPORTS_PREFIX}${eventId}/[0-9a-f-]{36}/peserta-`));
  expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
  expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);

  const file = await fetch(link);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="peserta-.*\.xlsx"$/);
  const relayedSheet = await readXlsx(await file.arrayBuffer());

  // The same export streamed in the response (how `npm start` serves it) has the same rows.
  const direct = await world.app.request(path, { headers: { cookie: world.cookies.organizer } });
  expect(direct.status).toBe(200);
  const directSheet = await readXlsx(await direct.arrayBuffer());
  expect(relayedSheet.rowCount).toBe(directSheet.rowCount);
  const officers = session.registrations.reduce((sum, r) => sum + r.participants.length, 0);
  expect(relayedSheet.rowCount).toBe(1 + officers);
  expect(relayedSheet.getRow(2).values).toEqual(directSheet.getRow(2).values);

  const { entries } = await world.store.audit.list({ limit: 100 });
  const exports = entries.filter((entry) => entry.action === 'report.exported' && entry.eventId === eventId);
  expect(exports).toHaveLength(2);
});

it('a refused export leaves nothing in the bucket', async () => {
  const before = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  const relayApp = createApp({
    store: world.store,
    config: { runtime: 'test', publicBaseUrl: 'https://hadir.test', sessionSecret: SESSION_SECRET },
    exportFiles,
  });
  const res = await relayApp.request(`/admin/laporan/acara/${eventId}/ekspor/peserta.xlsx`, {
    headers: { cookie: world.cookies.otherOrganizer },
  });
  expect(res.status).toBe(403);
  const after = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  expect(after.KeyCount).toBe(before.KeyCount);
});
