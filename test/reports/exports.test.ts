import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { parseCsv } from '../../functions/reports/csv';
import { createCheckinService } from '../../functions/services/checkins';
import { createWorld, seedSession, spread, type World } from './world';

let world: World;
let event: EventRecord;
const evilName = '=HYPERLINK("http://evil.example","Klik")';
const awkwardName = 'Siti "Ani", S.E.\nBendahara';

beforeAll(async () => {
  world = await createWorld();
  const registered = spread(world.directory, 10, 3);
  const special = registered[1] as Cooperative;
  const session = await seedSession(world, {
    registered,
    present: (registration, i) => (i % 2 === 0 ? registration.participants.length : 0),
    names: { [special.id]: [evilName, '@SUM(A1:A9)'] },
  });
  event = session.event;
  // A name with a quote, a comma and a line break: the registration schema refuses control characters, so
  // it is written straight to the store (older data, imports): the exporter must survive it anyway.
  const registration = session.registrations[3];
  const stored = await world.store.registrations.get(registration?.id as string);
  if (stored) {
    const next = {
      ...stored,
      participants: stored.participants.map((p, i) => (i === 0 ? { ...p, name: awkwardName } : p)),
      version: stored.version + 1,
    };
    await world.store.registrations.update(stored, next, event, new Date());
  }
  await createCheckinService(world.store).walkIn(
    event.id,
    { cooperativeId: (world.directory[150] as Cooperative).id, name: '-Walk In', role: 'ketua' },
    'Pintu 2',
  );
});

const download = (kind: string, format: string, cookie = world.cookies.organizer) =>
  world.app.request(`/admin/laporan/acara/${event.id}/ekspor/${kind}.${format}`, { headers: { cookie } });

async function csv(kind: string) {
  const res = await download(kind, 'csv');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(
    new RegExp(`^attachment; filename="${kind}-.*\\.csv"$`),
  );
  return parseCsv(await res.text());
}

async function xlsx(kind: string) {
  const res = await download(kind, 'xlsx');
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
}

async function dataLayer() {
  const [registrations, checkins, directory] = await Promise.all([
    world.store.registrations.listByEvent(event.id),
    world.store.checkins.listByEvent(event.id),
    world.store.cooperatives.listByRegency(event.regencyCode),
  ]);
  return { registrations, checkins, officers: registrations.flatMap((r) => r.participants), directory };
}

describe('exports', () => {
  it('each export opens in exceljs and as CSV with one row per record of the data layer', async () => {
    const data = await dataLayer();
    const expected: Record<string, number> = {
      pendaftaran: data.registrations.length,
      peserta: data.officers.length,
      kehadiran: data.checkins.length,
      'tindak-lanjut': data.directory.length, // all 185 invited
    };
    expect(expected['tindak-lanjut']).toBe(185);
    for (const [kind, count] of Object.entries(expected)) {
      const records = await csv(kind);
      expect(records, kind).toHaveLength(count + 1);
      expect(records.every((record) => record.length === records[0]?.length)).toBe(true);
      const sheet = await xlsx(kind);
      expect(sheet.rowCount, kind).toBe(count + 1);
      expect(sheet.getRow(1).getCell(1).value).toBe('No');
      expect(sheet.getRow(count + 1).getCell(1).value).toBe(count);
    }
  });

  it('uses Indonesian column names and WIB wall-clock times', async () => {
    const [header, first] = await csv('kehadiran');
    expect(header).toEqual([
      'No',
      'Waktu Hadir (WIB)',
      'Nama',
      'Jabatan',
      'Koperasi',
      'Desa/Kelurahan',
      'Kecamatan',
      'Stasiun',
      'Dicatat Server (WIB)',
      'Pindaian Ganda',
      'Keterangan',
    ]);
    const earliest = (await dataLayer()).checkins.map((c) => c.checkedInAt).sort()[0] as string;
    const wib = new Date(Date.parse(earliest) + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(first?.[1]).toBe(wib);
    const sheet = await xlsx('kehadiran');
    expect((sheet.getRow(2).getCell(2).value as Date).toISOString().slice(0, 19).replace('T', ' ')).toBe(wib);
    const peserta = await csv('peserta');
    expect(peserta[0]).toContain('Status Email Tiket');
    expect(peserta[0]).toContain('No HP');
    expect(peserta.flat().some((cell) => /^08\d{2}-\d{4}-\d+$/.test(cell))).toBe(true);
  });

  it('survives commas, quotes and newlines and neutralises formula cells', async () => {
    const records = await csv('peserta');
    const names = records.map((record) => record[1]);
    expect(names).toContain(awkwardName);
    expect(names).toContain(`'${evilName}`);
    expect(names).toContain("'@SUM(A1:A9)");
    expect(names).toContain("'-Walk In");
    expect(names).not.toContain(evilName);
    const sheet = await xlsx('peserta');
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => {
      cells.push(row.getCell(2));
    });
    const evil = cells.find((cell) => cell.value === evilName);
    expect(evil?.type).toBe(ExcelJS.ValueType.String); // text, never a formula
    expect(cells.some((cell) => cell.value === awkwardName)).toBe(true);
  });

  it('is refused to Business Assistants and other organisations, and audited with the row count', async () => {
    expect((await download('peserta', 'csv', world.cookies.ba)).status).toBe(403);
    expect((await download('peserta', 'xlsx', world.cookies.otherOrganizer)).status).toBe(403);
    expect((await download('nothing', 'csv')).status).toBe(404);
    expect((await download('peserta', 'pdf')).status).toBe(404);
    await (await download('pendaftaran', 'xlsx', world.cookies.admin)).arrayBuffer();
    const { entries } = await world.store.audit.list({ limit: 200 });
    const exports = entries.filter((e) => e.action === 'report.exported' && e.eventId === event.id);
    const registrations = (await dataLayer()).registrations.length;
    expect(
      exports.some(
        (e) => e.actorId === world.users.admin.id && e.detail === `pendaftaran.xlsx, ${registrations} rows`,
      ),
    ).toBe(true);
    expect(
      exports.some((e) => e.actorId === world.users.organizer.id && e.detail?.startsWith('peserta.csv')),
    ).toBe(true);
  });
});
