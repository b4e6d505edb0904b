import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { createOutreachService } from '../../functions/services/outreach';
import { makeUser, ORG, seedOrganisations } from '../admin/helpers';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, seedKotim } from '../helpers/store';

export const BASE_URL = 'https://hadir.test';

/** Kotim's directory, ORG's organizer, and one session inviting Baamang (05) and Kota Besi (01). */
export async function seedOutreachWorld(overrides: Partial<EventRecord> = {}) {
  const store: TestStore = await createTestStore();
  const directory: Cooperative[] = await seedKotim(store);
  await seedOrganisations(store);
  const organizer = await makeUser(store, 'organizer');
  const event = makeEvent({
    organisationId: ORG.id,
    invitedDistrictCodes: ['62.02.05', '62.02.01'],
    title: 'Sosialisasi KDKMP Baamang & Kota Besi',
    startsAt: '2026-12-17T01:30:00.000Z',
    endsAt: '2026-12-17T05:00:00.000Z',
    registrationDeadline: '2026-12-16T10:00:00.000Z',
    ...overrides,
  });
  await store.events.put(event);
  const outreach = createOutreachService(store, () => new Date());
  const invited = directory.filter((c) => event.invitedDistrictCodes.includes(c.districtCode));
  return { store, directory, organizer, event, outreach, invited };
}

/** The personal link of `cooperativeId`, as the console shows it. */
export async function linkOf(
  world: Awaited<ReturnType<typeof seedOutreachWorld>>,
  cooperativeId: string,
  eventId = world.event.id,
) {
  const { rows } = await world.outreach.overview(world.organizer, eventId, BASE_URL);
  const row = rows.find((r) => r.cooperative.id === cooperativeId);
  if (!row) throw new Error(`${cooperativeId} is not invited`);
  return row.link;
}

export const codeOf = (link: string) => new URL(link).searchParams.get('undangan') ?? '';

/** The registration form's fields as the browser sends them. */
export function registrationForm(fields: Record<string, string>, seed: number) {
  return {
    idempotencyKey: `idem-${seed}-${Math.random()}`,
    'contact.name': 'Siti Aminah',
    'contact.phone': `0852${String(seed).padStart(8, '0')}`,
    'participants.0.name': `Pengurus ${seed}`,
    'participants.0.role': 'ketua',
    consent: 'true',
    ...fields,
  };
}

/** The `index`th item, or a failing test. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
