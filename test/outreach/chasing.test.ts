import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistrationService } from '../../functions/services/registrations';
import { createConsoleApp, jsonRequest, makeUser, signIn } from '../admin/helpers';
import { registrationBody } from '../helpers/store';
import { at, BASE_URL, codeOf, linkOf, seedOutreachWorld } from './world';

let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // One seat: the second registration waits.
  world = await seedOutreachWorld({ capacity: 1, maxPerCooperative: 1 });
  const registrations = createRegistrationService(world.store);
  ids.registered = at(world.invited, 0).id;
  ids.waitlisted = at(world.invited, 1).id;
  ids.opened = at(world.invited, 2).id;
  ids.invited = at(world.invited, 3).id;
  await registrations.register(world.event.id, registrationBody(ids.registered, 1, 91_001), {
    language: 'id',
  });
  await registrations.register(world.event.id, registrationBody(ids.waitlisted, 1, 91_002), {
    language: 'id',
  });
  const app = createConsoleApp(world.store);
  const link = await linkOf(world, ids.opened);
  await app.request(`/acara/${world.event.id}/daftar?undangan=${codeOf(link)}`);
  await world.outreach.markSent(world.organizer, world.event.id, ids.invited, 'letter');
});

describe('chasing the invited cooperatives', () => {
  it('shows each invited cooperative in its state', async () => {
    const { rows, counts } = await world.outreach.overview(world.organizer, world.event.id, BASE_URL);
    const stateOf = (id: string) => rows.find((r) => r.cooperative.id === id)?.state;
    expect(stateOf(ids.registered as string)).toBe('registered');
    expect(stateOf(ids.waitlisted as string)).toBe('waitlisted');
    expect(stateOf(ids.opened as string)).toBe('opened');
    expect(stateOf(ids.invited as string)).toBe('invited');
    expect(stateOf(at(world.invited, 4).id)).toBe('not_contacted');
    expect(counts).toEqual({
      registered: 1,
      waitlisted: 1,
      opened: 1,
      invited: 1,
      not_contacted: world.invited.length - 4,
    });
  });

  it('filters by state, kecamatan and Business Assistant; a BA sees only their own list', async () => {
    const notContacted = await world.outreach.overview(world.organizer, world.event.id, BASE_URL, {
      state: 'not_contacted',
    });
    expect(notContacted.rows.every((r) => r.state === 'not_contacted')).toBe(true);
    const baamang = await world.outreach.overview(world.organizer, world.event.id, BASE_URL, {
      district: '62.02.05',
    });
    expect(baamang.rows.length).toBe(world.invited.filter((c) => c.districtCode === '62.02.05').length);

    const assistant = await makeUser(world.store, 'business_assistant', undefined, { name: 'Bu BA' });
    const mine = [at(world.invited, 5).id, at(world.invited, 6).id];
    await world.store.users.setAssignments(assistant.id, mine, new Date());
    const byBa = await world.outreach.overview(world.organizer, world.event.id, BASE_URL, {
      ba: assistant.id,
    });
    expect(byBa.rows.map((r) => r.cooperative.id).sort()).toEqual([...mine].sort());
    expect(byBa.rows.every((r) => r.assistant?.name === 'Bu BA')).toBe(true);

    const own = await world.outreach.overview(assistant, world.event.id, BASE_URL);
    expect(own.rows.map((r) => r.cooperative.id).sort()).toEqual([...mine].sort());
    // A BA may mark their own cooperative's WhatsApp as sent, not another's.
    await world.outreach.markSent(assistant, world.event.id, mine[0] as string, 'whatsapp');
    await expect(
      world.outreach.markSent(assistant, world.event.id, ids.invited as string, 'whatsapp'),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('schedules the reminder to the unregistered as an invitation campaign', async () => {
    const app = createConsoleApp(world.store);
    const cookie = await signIn(app, world.store, world.organizer.email);
    const response = await app.request(
      `/api/admin/events/${world.event.id}/outreach/reminder`,
      jsonRequest('POST', undefined, { cookie }),
    );
    expect(response.status).toBe(201);
    const campaigns = await world.store.campaigns.listByEvent(world.event.id);
    const reminder = campaigns.find((c) => c.segment === 'invited_not_registered');
    expect(reminder).toMatchObject({
      kind: 'invitation',
      sendAt: { type: 'relative', anchor: 'start', offsetMinutes: -3 * 24 * 60 },
    });
  });

  it('answers the list as JSON, and refuses another organisation', async () => {
    const app = createConsoleApp(world.store);
    const cookie = await signIn(app, world.store, world.organizer.email);
    const response = await app.request(`/api/admin/events/${world.event.id}/outreach?state=registered`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { cooperatives: { cooperativeId: string; link: string }[] };
    expect(body.cooperatives.map((c) => c.cooperativeId)).toEqual([ids.registered]);
    expect(body.cooperatives[0]?.link).toMatch(/daftar\?undangan=/);

    const stranger = await makeUser(world.store, 'organizer', 'dinkop-kobar');
    const strangerCookie = await signIn(app, world.store, stranger.email);
    const refused = await app.request(`/api/admin/events/${world.event.id}/outreach`, {
      headers: { cookie: strangerCookie },
    });
    expect(refused.status).toBe(403);
    const anonymous = await app.request(`/api/admin/events/${world.event.id}/outreach`);
    expect(anonymous.status).toBe(401);
  });
});
