import { beforeAll, describe, expect, it } from 'vitest';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { createWorld, seedSession, spread, type World } from './world';

let world: World;
let event: EventRecord;
let mine: Cooperative;
let notMine: Cooperative;

beforeAll(async () => {
  world = await createWorld();
  const registered = spread(world.directory, 6);
  mine = registered[1] as Cooperative;
  notMine = registered[2] as Cooperative;
  const session = await seedSession(world, { registered, present: () => 1 });
  event = session.event;
  await world.store.users.setAssignments(
    world.users.ba.id,
    [mine.id, (world.directory[7] as Cooperative).id],
    new Date(),
  );
});

const get = (path: string, cookie: string) => world.app.request(path, { headers: { cookie } });

async function csrfOf(path: string, cookie: string) {
  const html = await (await get(path, cookie)).text();
  return html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
}

const tick = async (cooperativeId: string, step: string, done: boolean, cookie: string, csrf?: string) =>
  world.app.request(`/admin/laporan/koperasi/${cooperativeId}/checklist`, {
    method: 'POST',
    headers: { cookie, origin: 'https://hadir.test', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: csrf ?? (await csrfOf(`/admin/laporan/koperasi/${cooperativeId}`, cookie)),
      step,
      done: String(done),
    }).toString(),
  });

describe('cooperative page and administration checklist', () => {
  it('shows every session the cooperative was invited to and who attended', async () => {
    const res = await get(`/admin/laporan/koperasi/${mine.id}`, world.cookies.organizer);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`data-event="${event.id}"`);
    const [registration] = (await world.store.registrations.listByEvent(event.id)).filter(
      (r) => r.cooperativeId === mine.id,
    );
    const came = (await world.store.checkins.listByEvent(event.id)).filter(
      (c) => c.cooperativeId === mine.id,
    );
    expect(came).toHaveLength(1);
    const officer = registration?.participants.find((p) => p.id === came[0]?.participantId);
    expect(html).toContain(officer?.name);
    expect(html.match(/<li data-step=/g)).toHaveLength(9);
    expect(html).toContain(world.users.ba.name);
  });

  it('a Business Assistant ticks a step of their cooperative; it is stored and logged', async () => {
    const res = await tick(mine.id, 'akta', true, world.cookies.ba);
    expect(res.status).toBe(303);
    const html = await (await get(`/admin/laporan/koperasi/${mine.id}`, world.cookies.ba)).text();
    expect(html).toContain('<li data-step="akta" data-done="true">');
    expect(html).toContain('<li data-step="musdesus" data-done="false">');
    expect(html).toContain(`dicatat ${world.users.ba.name}`);
    const { entries } = await world.store.audit.list({ limit: 100 });
    expect(
      entries.some(
        (e) =>
          e.action === 'checklist.step_done' &&
          e.actorId === world.users.ba.id &&
          e.targetId === mine.id &&
          e.detail === 'Akta pendirian (notaris)',
      ),
    ).toBe(true);
    // Unticking is allowed too, and logged.
    expect((await tick(mine.id, 'akta', false, world.cookies.ba)).status).toBe(303);
    const after = await (await get(`/admin/laporan/koperasi/${mine.id}`, world.cookies.ba)).text();
    expect(after).toContain('<li data-step="akta" data-done="false">');
    expect(
      (await world.store.audit.list({ limit: 100 })).entries.some(
        (e) => e.action === 'checklist.step_undone',
      ),
    ).toBe(true);
  });

  it('the BA sees only their own cooperatives: others are refused, and their list shows open steps', async () => {
    expect((await get(`/admin/laporan/koperasi/${notMine.id}`, world.cookies.ba)).status).toBe(403);
    const csrf = await csrfOf(`/admin/laporan/koperasi/${mine.id}`, world.cookies.ba);
    expect((await tick(notMine.id, 'npwp', true, world.cookies.ba, csrf)).status).toBe(403);
    expect((await tick(mine.id, 'not-a-step', true, world.cookies.ba, csrf)).status).toBe(400);
    expect((await tick(mine.id, 'npwp', true, world.cookies.ba, 'wrong')).status).toBe(403);
    await tick(mine.id, 'musdesus', true, world.cookies.ba, csrf);

    const list = await get('/admin/laporan/pendamping', world.cookies.ba);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html.match(/<tr data-cooperative=/g)).toHaveLength(2);
    expect(html).toContain(mine.name);
    expect(html).not.toContain(notMine.name);
    expect(html).toContain('1/9');
    expect(html).toContain('Akta pendirian (notaris)'); // the next open step after the musdesus
    expect((await get('/admin/laporan/pendamping', world.cookies.organizer)).status).toBe(403);
  });

  it('organizers of another organisation cannot read or tick; JSON ticks work for the BA', async () => {
    expect((await get(`/admin/laporan/koperasi/${mine.id}`, world.cookies.otherOrganizer)).status).toBe(403);
    const res = await world.app.request(`/api/admin/laporan/cooperatives/${mine.id}/checklist/npwp`, {
      method: 'PUT',
      headers: { cookie: world.cookies.ba, 'content-type': 'application/json', origin: 'https://hadir.test' },
      body: JSON.stringify({ done: true }),
    });
    expect(res.status).toBe(200);
    const { checklist } = await res.json();
    expect(checklist.done.npwp.by).toBe(world.users.ba.id);
  });
});
