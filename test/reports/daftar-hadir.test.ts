import { beforeAll, describe, expect, it } from 'vitest';
import type { Cooperative, EventRecord, Registration } from '../../functions/domain/schemas';
import { createCheckinService } from '../../functions/services/checkins';
import { linesOf, pdfText } from './pdf-text';
import { createWorld, seedSession, spread, type World } from './world';

let world: World;
let event: EventRecord;
let directory: Map<string, Cooperative>;
let walkInCooperative: Cooperative;

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

beforeAll(async () => {
  world = await createWorld();
  directory = new Map(world.directory.map((c) => [c.id, c]));
  const registered = spread(world.directory, 14);
  const odd = registered[4] as Cooperative;
  const session = await seedSession(world, {
    registered,
    // a third of the cooperatives stay away, a third send one officer, a third everyone
    present: (registration, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : registration.participants.length),
    names: { [odd.id]: ['Zainal Abidin', 'Ahmad 😀 Çağrı'] },
  });
  event = session.event;
  const checkins = createCheckinService(world.store);
  walkInCooperative = world.directory[100] as Cooperative;
  await checkins.walkIn(
    event.id,
    { cooperativeId: walkInCooperative.id, name: 'Wati Walk-in', role: 'ketua' },
    'Pintu 2',
  );
  // An absent officer of a cooperative that stayed away is replaced at the door.
  const absent = session.registrations[0]?.participants[0];
  await checkins.substitute(
    event.id,
    { participantId: absent?.id as string, name: 'Sugeng Pengganti' },
    'Pintu 1',
  );
});

const get = (path: string, cookie?: string) => world.app.request(path, { headers: cookie ? { cookie } : {} });

async function pdf(query: string, cookie = world.cookies.organizer) {
  const res = await get(`/admin/laporan/acara/${event.id}/daftar-hadir.pdf?${query}`, cookie);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="daftar-hadir-/);
  return pdfText(new Uint8Array(await res.arrayBuffer()));
}

/** The numbered lines of the table: [no, name, ...first line of each cell]. */
const tableRows = (pages: Awaited<ReturnType<typeof pdfText>>) =>
  pages.flatMap((items) =>
    linesOf(items)
      .filter((line) => /^\d+(\t|$)/.test(line))
      .map((line) => line.split('\t')),
  );

async function attendanceApi() {
  const res = await get(`/api/events/${event.id}/attendance`, world.cookies.organizer);
  expect(res.status).toBe(200);
  return res.json();
}

/** Who the data layer says came: officers of confirmed registrations with a check-in record. */
async function presentFromDataLayer() {
  const [registrations, checkins] = await Promise.all([
    world.store.registrations.listByEvent(event.id),
    world.store.checkins.listByEvent(event.id),
  ]);
  const present = new Set(checkins.map((c) => c.participantId));
  return registrations
    .filter((r) => r.status === 'confirmed')
    .flatMap((r: Registration) => r.participants.filter((p) => present.has(p.id)).map((p) => ({ r, p })));
}

describe('daftar hadir PDF', () => {
  it('has one row per checked-in officer, sorted by kecamatan, desa, name, and totals equal to the attendance API', async () => {
    const pages = await pdf('versi=hadir');
    const rows = tableRows(pages);
    const expected = await presentFromDataLayer();
    const attendance = await attendanceApi();
    expect(rows).toHaveLength(expected.length);
    expect(rows).toHaveLength(attendance.checkedIn);
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, i) => String(i + 1)));

    // Map every printed name back to the record it came from, then check the paper order independently.
    const byName = new Map(expected.map(({ r, p }) => [p.name, { r, p }]));
    const printed = rows.map((row) => {
      const found = byName.get((row[1] ?? '').replace(/ \*+$/, ''));
      expect(found, row[1]).toBeDefined();
      return found as NonNullable<typeof found>;
    });
    expect(new Set(printed.map(({ p }) => p.id)).size).toBe(expected.length);
    const key = ({ r, p }: (typeof printed)[number]) => {
      const c = directory.get(r.cooperativeId) as Cooperative;
      return [c.districtName, c.villageName, r.cooperativeName, p.name];
    };
    for (let i = 1; i < printed.length; i++) {
      const a = key(printed[i - 1] as (typeof printed)[number]);
      const b = key(printed[i] as (typeof printed)[number]);
      const order = a.map((value, k) => collator.compare(value, b[k] as string)).find((c) => c !== 0) ?? 0;
      expect(order, `${a.join('/')} before ${b.join('/')}`).toBeLessThanOrEqual(0);
    }

    const text = pages.flatMap(linesOf).join('\n');
    expect(text).toContain(
      `Jumlah hadir: ${attendance.checkedIn} orang dari ${attendance.cooperativesPresent} koperasi`,
    );
    expect(text).toContain(`Termasuk ${attendance.walkIns - 1} walk-in dan 1 pengganti.`);
    expect(pages[0]?.map((i) => i.text)).toContain('DAFTAR HADIR');
    expect(text).toContain('Hari/Tanggal');
    expect(text).toContain(event.organizerName.toUpperCase().slice(0, 40));
    expect(text).toMatch(new RegExp(`Halaman ${pages.length} dari ${pages.length}`));
  });

  it('marks walk-ins and substitutes, with a legend, and survives names outside WinAnsi', async () => {
    const pages = await pdf('versi=hadir');
    const names = tableRows(pages).map((row) => row[1]);
    expect(names).toContain('Wati Walk-in *');
    expect(names).toContain('Sugeng Pengganti **');
    const text = pages.flatMap(linesOf).join('\n');
    expect(text).toContain('mengganti Pengurus');
    expect(text).toContain('* walk-in: mendaftar di tempat');
    const emptyPages = await pdf('versi=kosong');
    // With the embedded font the name is written as typed: Ç, ğ and ı print, and the text layer keeps it whole.
    expect(tableRows(emptyPages).map((row) => row[1])).toContain('Ahmad 😀 Çağrı');
  });

  it('the empty version lists every confirmed officer, then numbered blank lines', async () => {
    const pages = await pdf('versi=kosong');
    const attendance = await attendanceApi();
    const rows = tableRows(pages);
    const named = rows.filter((row) => row.length > 2);
    expect(named).toHaveLength(attendance.registered);
    expect(rows).toHaveLength(attendance.registered + 5);
    const text = pages.flatMap(linesOf).join('\n');
    expect(text).toContain(
      `Jumlah terdaftar: ${attendance.registered} orang dari ${attendance.cooperativesRegistered} koperasi`,
    );
    expect(text).not.toContain('Jam Hadir');
  });

  it('masks phone numbers unless the organizer asks for them in full', async () => {
    const registrations = await world.store.registrations.listByEvent(event.id);
    const phone = registrations.flatMap((r) => r.participants).find((p) => p.phone)?.phone as string;
    const local = `0${phone.slice(3)}`;
    const full = `${local.slice(0, 4)}-${local.slice(4, 8)}-${local.slice(8)}`;
    const masked = (await pdf('versi=kosong')).flatMap(linesOf).join('\n');
    expect(masked).toContain(`+62 ${phone.slice(3, 6)}-****-${phone.slice(-3)}`);
    expect(masked).not.toContain(full);
    expect((await pdf('versi=kosong&hp=lengkap')).flatMap(linesOf).join('\n')).toContain(full);
  });

  it('is for the organizers of the session and admins only, and every download is audited', async () => {
    const path = `/admin/laporan/acara/${event.id}/daftar-hadir.pdf`;
    expect((await get(path)).status).toBe(303);
    expect((await get(path, world.cookies.ba)).status).toBe(403);
    expect((await get(path, world.cookies.otherOrganizer)).status).toBe(403);
    expect((await get(path, world.cookies.admin)).status).toBe(200);
    expect((await get(`${path}?hp=lengkap`, world.cookies.organizer)).status).toBe(200);
    const { entries } = await world.store.audit.list({ limit: 200 });
    const mine = entries.filter((e) => e.action === 'report.daftar_hadir' && e.eventId === event.id);
    expect(mine.some((e) => e.actorId === world.users.admin.id)).toBe(true);
    expect(mine.some((e) => e.actorId === world.users.organizer.id && e.detail?.includes('phone full'))).toBe(
      true,
    );
  });
});
