import { beforeAll, describe, expect, it } from 'vitest';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { ORG } from '../admin/helpers';
import { createWorld, seedSession, spread, type World } from './world';

let world: World;
let event: EventRecord;
let second: EventRecord;
let assignedUnreached: Cooperative;
let registered: Cooperative[];

beforeAll(async () => {
  world = await createWorld();
  registered = spread(world.directory, 45);
  const session = await seedSession(world, {
    registered,
    present: (registration, i) => (i % 4 === 0 ? 0 : Math.min(2, registration.participants.length)),
  });
  event = session.event;
  // A second session of the same organisation reaches some cooperatives the first did not.
  const more = [...spread(world.directory, 8, 2), registered[0] as Cooperative];
  const other = await seedSession(world, { registered: more, present: () => 1 });
  second = other.event;
  // The BA looks after a cooperative nobody from which came to the first session.
  assignedUnreached = world.directory.find((c) => !registered.some((r) => r.id === c.id)) as Cooperative;
  await world.store.users.setAssignments(
    world.users.ba.id,
    [assignedUnreached.id, (registered[1] as Cooperative).id],
    new Date(),
  );
});

const get = (path: string, cookie = world.cookies.organizer) =>
  world.app.request(path, { headers: { cookie } });

/** The sums straight from the data layer, without any report code. */
async function sums(eventId: string) {
  const [registrations, checkins] = await Promise.all([
    world.store.registrations.listByEvent(eventId),
    world.store.checkins.listByEvent(eventId),
  ]);
  const present = new Set(checkins.map((c) => c.participantId));
  const confirmed = registrations.filter((r) => r.status === 'confirmed');
  const officers = confirmed.flatMap((r) => r.participants);
  return {
    invited: world.directory.length,
    registered: confirmed.length,
    present: confirmed.filter((r) => r.participants.some((p) => present.has(p.id))).length,
    officersRegistered: officers.length,
    officersPresent: officers.filter((p) => present.has(p.id)).length,
    presentIds: new Set(
      confirmed.filter((r) => r.participants.some((p) => present.has(p.id))).map((r) => r.cooperativeId),
    ),
  };
}

describe('coverage dashboard', () => {
  it('session totals and kecamatan rows equal the data layer sums for 185 invited cooperatives', async () => {
    const expected = await sums(event.id);
    expect(expected.invited).toBe(185);
    const res = await get(`/api/admin/laporan/events/${event.id}/coverage`);
    expect(res.status).toBe(200);
    const { attendance, unreached } = await res.json();
    expect(attendance.cooperativesInvited).toBe(185);
    expect(attendance.cooperativesRegistered).toBe(expected.registered);
    expect(attendance.cooperativesPresent).toBe(expected.present);
    expect(attendance.registered).toBe(expected.officersRegistered);
    expect(attendance.checkedIn).toBe(expected.officersPresent);
    const column = (key: string) =>
      attendance.byDistrict.reduce((sum: number, row: Record<string, number>) => sum + (row[key] ?? 0), 0);
    expect(attendance.byDistrict).toHaveLength(17);
    expect(column('cooperativesInvited')).toBe(185);
    expect(column('cooperativesRegistered')).toBe(expected.registered);
    expect(column('cooperativesPresent')).toBe(expected.present);
    expect(column('checkedIn')).toBe(expected.officersPresent);
    expect(unreached).toHaveLength(185 - expected.present);
    expect(unreached.some((u: { cooperativeId: string }) => expected.presentIds.has(u.cooperativeId))).toBe(
      false,
    );
    const chased = unreached.find((u: { cooperativeId: string }) => u.cooperativeId === assignedUnreached.id);
    expect(chased.assistants).toEqual([
      { id: world.users.ba.id, name: world.users.ba.name, email: world.users.ba.email },
    ]);
  });

  it('the dashboard page shows the same totals, SVG bars and chart, and the unreached list with the BA', async () => {
    const expected = await sums(event.id);
    const res = await get(`/admin/laporan/acara/${event.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const total = html.match(/<tr data-district="total">(.*?)<\/tr>/s)?.[1] ?? '';
    const numbers = [...total.matchAll(/<th class="num">(\d+)<\/th>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([
      185,
      expected.registered,
      expected.present,
      expected.officersRegistered,
      expected.officersPresent,
    ]);
    expect(html.match(/<tr data-district="\d{2}\.\d{2}\.\d{2}">/g)).toHaveLength(17);
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('<svg class="bar"');
    expect(html).not.toMatch(/\sstyle="/); // CSP: no inline style attributes
    expect(html.match(/<tr data-cooperative=/g)).toHaveLength(185 - expected.present);
    expect(html).toContain(world.users.ba.email);
    expect(html).toContain(`/admin/laporan/acara/${event.id}/daftar-hadir.pdf`);
  });

  it('across the organisation a cooperative counts once, however many sessions it attended', async () => {
    const [a, b] = await Promise.all([sums(event.id), sums(second.id)]);
    const reached = new Set([...a.presentIds, ...b.presentIds]);
    const res = await get(`/api/admin/laporan/organisations/${ORG.id}/coverage`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.totals.invited).toBe(185);
    expect(body.totals.present).toBe(reached.size);
    expect(body.totals.officersPresent).toBe(a.officersPresent + b.officersPresent);
    expect(body.unreached).toHaveLength(185 - reached.size);
    const perSession = Object.fromEntries(
      body.sessions.map((s: { eventId: string; present: number }) => [s.eventId, s.present]),
    );
    expect(perSession[event.id]).toBe(a.present);
    expect(perSession[second.id]).toBe(b.present);
    const page = await get(`/admin/laporan/organisasi/${ORG.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<svg class="chart"');
  });

  it('is for organizers of the organisation and admins; BAs and other organisations are refused', async () => {
    expect((await get(`/admin/laporan/acara/${event.id}`, world.cookies.ba)).status).toBe(403);
    expect((await get(`/admin/laporan/acara/${event.id}`, world.cookies.otherOrganizer)).status).toBe(403);
    expect(
      (await get(`/api/admin/laporan/organisations/${ORG.id}/coverage`, world.cookies.otherOrganizer)).status,
    ).toBe(403);
    expect((await get(`/api/admin/laporan/organisations/${ORG.id}/coverage`, world.cookies.ba)).status).toBe(
      403,
    );
    expect((await get(`/api/admin/laporan/events/${event.id}/coverage`, world.cookies.admin)).status).toBe(
      200,
    );
    expect((await world.app.request(`/api/admin/laporan/events/${event.id}/coverage`)).status).toBe(401);
  });
});

describe('laporan kegiatan', () => {
  it('drafts the session facts, figures by kecamatan, unreached cooperatives and blank sections, as HTML and PDF', async () => {
    const expected = await sums(event.id);
    const page = await get(`/admin/laporan/acara/${event.id}/laporan-kegiatan`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('LAPORAN KEGIATAN');
    expect(html).toContain(`Hadir ${expected.present} koperasi dengan ${expected.officersPresent} pengurus`);
    for (const section of ['Materi', 'Tanya Jawab', 'Tindak Lanjut', 'Lampiran'])
      expect(html).toContain(section);
    expect(html).toContain(`Koperasi yang Belum Terjangkau (${185 - expected.present})`);

    const pdf = await get(`/admin/laporan/acara/${event.id}/laporan-kegiatan.pdf`);
    expect(pdf.status).toBe(200);
    const { pdfText, linesOf, column } = await import('./pdf-text');
    const pages = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    const text = pages.flatMap(linesOf).join('\n');
    expect(text).toContain('LAPORAN KEGIATAN');
    expect(text).toContain('V. Materi');
    expect(text).toContain('VI. Tanya Jawab');
    expect(text).toContain('IX. Tindak Lanjut');
    expect(text).toContain(
      `Jumlah\t185\t${expected.registered}\t${expected.present}\t${expected.officersRegistered}\t${expected.officersPresent}`,
    );
    // A long name wraps inside its cell, whole: the cell's lines read as the name.
    expect(column(pages, 'Koperasi').join(' ')).toContain(assignedUnreached.name);
  });
});
