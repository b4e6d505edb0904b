import type { User } from '../../functions/domain/accounts';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { createCheckinService } from '../../functions/services/checkins';
import { createRegistrationService, type RegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';

type Registered = Awaited<ReturnType<RegistrationService['register']>>['registration'];

import {
  type ConsoleApp,
  createConsoleApp,
  makeUser,
  ORG,
  OTHER_ORG,
  seedOrganisations,
  signIn,
} from '../admin/helpers';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

export type World = {
  store: TestStore;
  app: ConsoleApp;
  directory: Cooperative[];
  users: { admin: User; organizer: User; otherOrganizer: User; ba: User };
  cookies: { admin: string; organizer: string; otherOrganizer: string; ba: string };
};

/** A fresh table with Kotim's 185 cooperatives, both organisations, one user of each kind, all signed in. */
export async function createWorld(): Promise<World> {
  const store = await createTestStore();
  const directory = await seedKotim(store);
  await seedOrganisations(store);
  const app = createConsoleApp(store);
  const users = {
    admin: await makeUser(store, 'admin'),
    organizer: await makeUser(store, 'organizer', ORG.id, { name: 'Rina Organizer' }),
    otherOrganizer: await makeUser(store, 'organizer', OTHER_ORG.id),
    ba: await makeUser(store, 'business_assistant', ORG.id, { name: 'Bayu Pendamping' }),
  };
  const cookies = {
    admin: await signIn(app, store, users.admin.email),
    organizer: await signIn(app, store, users.organizer.email),
    otherOrganizer: await signIn(app, store, users.otherOrganizer.email),
    ba: await signIn(app, store, users.ba.email),
  };
  return { store, app, directory, users, cookies };
}

let seed = 50_000;

/**
 * A session of ORG inviting all 185 cooperatives, with `registered` cooperatives (spread over the
 * kecamatan, 1-3 officers each) and, of those, the officers picked by `present` checked in.
 */
export async function seedSession(
  world: World,
  {
    registered,
    present,
    overrides = {},
    names,
  }: {
    registered: Cooperative[];
    present: (registration: Registered, index: number) => number;
    overrides?: Partial<EventRecord>;
    /** Officer names by cooperative id, to control sorting or test odd characters. */
    names?: Record<string, string[]>;
  },
) {
  const event = makeEvent({ organisationId: ORG.id, capacity: 2000, ...overrides });
  await world.store.events.put(event);
  const registrations = createRegistrationService(world.store);
  const checkins = createCheckinService(world.store);
  const confirmed: Registered[] = [];
  for (const [index, cooperative] of registered.entries()) {
    const body = registrationBody(cooperative.id, (index % 3) + 1, seed++);
    const custom = names?.[cooperative.id];
    if (custom) {
      body.participants = custom.map((name, i) => ({
        ...body.participants[i % body.participants.length],
        name,
      })) as typeof body.participants;
    }
    const { registration } = await registrations.register(event.id, body, { language: 'id' });
    confirmed.push(registration);
    const count = present(registration, index);
    for (const participant of registration.participants.slice(0, count)) {
      await checkins.checkIn(event.id, { participantId: participant.id }, 'Pintu 1');
    }
  }
  return { event, registrations: confirmed, checkins };
}

/** Spreads `count` cooperatives over the kecamatan (every n-th of the directory, which is sorted by code). */
export function spread(directory: Cooperative[], count: number, offset = 0): Cooperative[] {
  const step = Math.floor(directory.length / count);
  return Array.from(
    { length: count },
    (_, i) => directory[(offset + i * step) % directory.length] as Cooperative,
  );
}
