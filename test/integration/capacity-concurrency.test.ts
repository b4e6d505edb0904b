import { beforeAll, expect, it } from 'vitest';
import type { Cooperative } from '../../functions/domain/schemas';
import { createRegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent } from '../helpers/store';

let store: TestStore;

/** A made-up regency with 300 villages: more cooperatives than Kotim has, to overload a 100-seat session. */
const synthetic: Cooperative[] = Array.from({ length: 300 }, (_, index) => {
  const code = `99.01.01.${String(2001 + index)}`;
  return {
    id: code,
    name: `Koperasi Desa Merah Putih Uji ${index + 1}`,
    villageCode: code,
    villageName: `Uji ${index + 1}`,
    villageType: 'desa',
    districtCode: '99.01.01',
    districtName: 'Kecamatan Uji',
    regencyCode: '99.01',
    regencyName: 'Kabupaten Uji',
  };
});

beforeAll(async () => {
  store = await createTestStore();
  await store.cooperatives.importRegency(
    {
      code: '99.01',
      name: 'Kabupaten Uji',
      provinceName: 'Provinsi Uji',
      districts: [{ code: '99.01.01', name: 'Uji' }],
    },
    synthetic,
  );
});

it('300 parallel registrations against 100 seats: exactly 100 confirmed, the rest waitlisted in arrival order', async () => {
  const event = makeEvent({ capacity: 100, regencyCode: '99.01' });
  await store.events.put(event);
  const service = createRegistrationService(store);

  const results = await Promise.all(
    synthetic.map((cooperative, index) =>
      service.register(
        event.id,
        {
          cooperativeId: cooperative.id,
          contact: { name: 'Narahubung', phone: `+62813${String(index).padStart(8, '0')}` },
          participants: [
            { name: `Ketua ${index}`, role: 'ketua', phone: `+62812${String(index).padStart(8, '0')}` },
          ],
          consent: true,
        },
        { language: 'id' },
      ),
    ),
  );

  const confirmed = results.filter((r) => r.registration.status === 'confirmed');
  const waitlisted = results.filter((r) => r.registration.status === 'waitlisted');
  expect(confirmed).toHaveLength(100);
  expect(waitlisted).toHaveLength(200);

  const stored = await store.events.get(event.id, { consistent: true });
  expect(stored?.seatsTaken).toBe(100);
  expect(stored?.waitlistCount).toBe(200);

  // The roster agrees with the counter: no seat is counted that no registration holds.
  const roster = await store.registrations.listByEvent(event.id);
  expect(roster.filter((r) => r.status === 'confirmed').flatMap((r) => r.participants)).toHaveLength(100);

  // Waitlist order is arrival order; freeing seats promotes from its head, in that order.
  const queue = roster.filter((r) => r.status === 'waitlisted').map((r) => r.queuedAt);
  expect(queue).toEqual([...queue].sort());
  const head = roster.filter((r) => r.status === 'waitlisted').slice(0, 2);
  const leaving = confirmed.slice(0, 2);
  for (const r of leaving) await service.cancel(r.registration.id, r.manageToken);
  for (const r of head) expect((await store.registrations.get(r.id))?.status).toBe('confirmed');
  const after = await store.events.get(event.id, { consistent: true });
  expect(after?.seatsTaken).toBe(100);
  expect(after?.waitlistCount).toBe(198);
}, 120_000);

it('cancellations racing registrations into a full session never leave a seat free while the waitlist head fits', async () => {
  const event = makeEvent({ capacity: 40, regencyCode: '99.01' });
  await store.events.put(event);
  const service = createRegistrationService(store);
  const register = (index: number) =>
    service.register(
      event.id,
      {
        cooperativeId: synthetic[index]?.id as string,
        contact: { name: 'Narahubung', phone: `+62815${String(index).padStart(8, '0')}` },
        participants: Array.from({ length: 1 + (index % 3) }, (_, i) => ({
          name: `Pengurus ${index}-${i}`,
          role: (['ketua', 'sekretaris', 'bendahara'] as const)[i] ?? 'ketua',
          phone: `+62816${String(index * 10 + i).padStart(8, '0')}`,
        })),
        consent: true,
      },
      { language: 'id' },
    );
  // Fill the session, then register 60 more cooperatives while 10 of the first ones cancel at the same time.
  const first = [];
  for (let index = 0; index < 20; index++) first.push(await register(index));
  const confirmed = first.filter((r) => r.registration.status === 'confirmed');
  await Promise.all([
    ...Array.from({ length: 60 }, (_, i) => register(100 + i)),
    ...confirmed.slice(0, 10).map((r) => service.cancel(r.registration.id, r.manageToken)),
  ]);

  const stored = await store.events.get(event.id, { consistent: true });
  const roster = await store.registrations.listByEvent(event.id);
  const holding = roster.filter((r) => r.status === 'confirmed').flatMap((r) => r.participants);
  expect(stored?.seatsTaken).toBe(holding.length);
  expect(holding.length).toBeLessThanOrEqual(40);
  const head = roster.filter((r) => r.status === 'waitlisted')[0];
  // Every seat freed went to the queue in order: whoever heads it needs more seats than are free.
  expect(head).toBeDefined();
  expect(head?.participants.length).toBeGreaterThan(40 - holding.length);
}, 120_000);
