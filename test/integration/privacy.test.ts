import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistrationService } from '../../functions/services/registrations';
import { purgeExpiredPersonalData } from '../../functions/services/retention';
import { createTestApp, json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let store: TestStore;
let app: ReturnType<typeof createTestApp>;
let cooperatives: string[];

beforeAll(async () => {
  store = await createTestStore();
  cooperatives = (await seedKotim(store)).map((c) => c.id);
  app = createTestApp(store);
});

async function registered(index: number, overrides = {}) {
  const event = makeEvent(overrides);
  await store.events.put(event);
  const created = await createRegistrationService(store).register(
    event.id,
    registrationBody(cooperatives[index] as string, 2, 7000 + index),
    {
      language: 'id',
    },
  );
  return { event, created, auth: { authorization: `Bearer ${created.manageToken}` } };
}

describe('UU PDP data-subject rights and retention', () => {
  it('gives the contact a copy of everything held, and nobody else', async () => {
    const { created, auth } = await registered(0);
    const res = await app.request(`/api/registrations/${created.registration.id}/data`, { headers: auth });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.registration.participants).toHaveLength(2);
    expect(data.registration.consent.text).toMatch(/Saya setuju/);
    expect(JSON.stringify(data)).not.toContain('manageTokenHash');
    const stranger = await app.request(`/api/registrations/${created.registration.id}/data`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(stranger.status).toBe(404);
  });

  it('withdraws and erases on request: seats freed, names and phones gone, tickets dead, counts kept', async () => {
    const { event, created, auth } = await registered(1);
    const [officer] = created.registration.participants;
    await store.checkins.checkIn({
      eventId: event.id,
      participantId: officer?.id as string,
      registrationId: created.registration.id,
      cooperativeId: created.registration.cooperativeId,
      districtCode: '62.02.01',
      checkedInAt: new Date().toISOString(),
      station: 'Pintu 1',
      recordedAt: new Date().toISOString(),
    });
    const res = await app.request(`/api/registrations/${created.registration.id}/erase`, json({}, auth));
    expect(res.status).toBe(200);
    const stored = await store.registrations.get(created.registration.id);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(officer?.name as string);
    expect(text).not.toContain(officer?.phone as string);
    expect(text).not.toContain(created.registration.contact.phone);
    expect(stored?.status).toBe('cancelled');
    expect(await store.registrations.findTicket(officer?.ticketCode as string)).toBeUndefined();
    expect((await store.events.get(event.id, { consistent: true }))?.seatsTaken).toBe(0);
    expect(await store.checkins.listByEvent(event.id)).toHaveLength(1); // an anonymous fact, still counted
  });

  it('purges personal data a year after the session, and not before, without emailing anyone', async () => {
    const past = await registered(2, {
      startsAt: '2024-01-10T01:30:00.000Z',
      endsAt: '2024-01-10T05:00:00.000Z',
      registrationDeadline: '2099-01-01T00:00:00.000Z',
    });
    const recent = await registered(3);
    const jobsBefore = (await store.outbox.due(new Date(Date.now() + 86_400_000), 1000)).length;
    const result = await purgeExpiredPersonalData(store, new Date('2025-06-01T00:00:00Z'));
    expect(result.erased).toBeGreaterThanOrEqual(1);
    const erased = await store.registrations.get(past.created.registration.id);
    expect(JSON.stringify(erased)).not.toContain(past.created.registration.participants[0]?.name as string);
    const kept = await store.registrations.get(recent.created.registration.id);
    expect(kept?.participants[0]?.name).toBe(recent.created.registration.participants[0]?.name);
    expect((await store.outbox.due(new Date(Date.now() + 86_400_000), 1000)).length).toBe(jobsBefore);
  });
});
