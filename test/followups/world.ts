import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { eventItem } from '../../functions/db/events-repo';
import type { User } from '../../functions/domain/accounts';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import type { TestStore } from '../helpers/store';

type Registered = Awaited<ReturnType<RegistrationService['register']>>['registration'];

import { createCheckinService } from '../../functions/services/checkins';
import { createRegistrationService, type RegistrationService } from '../../functions/services/registrations';
import { makeUser, ORG, seedOrganisations } from '../admin/helpers';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let seed = 70_000;

/**
 * A session of ORG with six registered cooperatives: the first three came (all, one of two, one of three
 * officers), the last three did not. Registration 0's second officer has their own address; one cooperative
 * registered and cancelled (its contact is known), one is known only from another session of the regency, and
 * a Business Assistant looks after cooperatives 0 and 3.
 */
export async function seedFollowupWorld(store?: TestStore) {
  store ??= await createTestStore();
  const directory = await seedKotim(store);
  await seedOrganisations(store);
  const event = makeEvent({ organisationId: ORG.id, capacity: 500 });
  await store.events.put(event);
  const registrations = createRegistrationService(store);
  const checkins = createCheckinService(store);
  const pick = (i: number) => directory[i * 20] as Cooperative;
  const registered: Registered[] = [];
  for (let i = 0; i < 6; i++) {
    const body = registrationBody(pick(i).id, [3, 2, 3, 1, 2, 3][i] as number, seed++);
    if (i === 0 && body.participants[1]) body.participants[1].email = 'officer.own@example.org';
    registered.push(
      (await registrations.register(event.id, body, { language: i === 5 ? 'en' : 'id' })).registration,
    );
  }
  const presentCounts = [3, 1, 1, 0, 0, 0];
  for (const [i, registration] of registered.entries()) {
    for (const participant of registration.participants.slice(0, presentCounts[i])) {
      await checkins.checkIn(event.id, { participantId: participant.id }, 'Pintu 1');
    }
  }
  // Cancelled here: invited, not registered, contact known.
  const cancelledCoop = pick(6);
  const cancelled = (
    await registrations.register(event.id, registrationBody(cancelledCoop.id, 1, seed++), { language: 'id' })
  ).registration;
  await store.registrations.cancel(
    (await store.registrations.get(cancelled.id)) as NonNullable<
      Awaited<ReturnType<TestStore['registrations']['get']>>
    >,
    new Date(),
  );
  // Known from another session of the regency only.
  const other = makeEvent({ organisationId: ORG.id, title: 'Sesi lain' });
  await store.events.put(other);
  const knownCoop = pick(7);
  await registrations.register(other.id, registrationBody(knownCoop.id, 1, seed++), { language: 'id' });

  const ba = await makeUser(store, 'business_assistant', ORG.id, { name: 'Bayu Pendamping' });
  await store.users.setAssignments(ba.id, [pick(0).id, pick(3).id], new Date());
  const organizer = await makeUser(store, 'organizer', ORG.id, { name: 'Rina Organizer' });
  return {
    store,
    event,
    directory,
    registered,
    attended: registered.slice(0, 3),
    absent: registered.slice(3),
    cancelledCoop,
    knownCoop,
    ba,
    organizer,
  };
}
export type FollowupWorld = Awaited<ReturnType<typeof seedFollowupWorld>>;

/** Moves a session in time (e.g. into the past, after registering), as an edit in the console would. */
export async function moveSession(store: TestStore, event: EventRecord, startsAt: Date, endsAt: Date) {
  const moved = {
    ...(await store.events.get(event.id, { consistent: true })),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
  } as EventRecord;
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: eventItem(moved) }));
  return moved;
}

/** Every email job of a campaign, as stored (the count per recipient is what exactly-once is about). */
export async function campaignJobs(store: TestStore, campaignId: string) {
  const jobs: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new ScanCommand({
        TableName: store.tableName,
        FilterExpression: 'begins_with(pk, :outbox) AND campaignId = :id',
        ExpressionAttributeValues: { ':outbox': 'OUTBOX#', ':id': campaignId },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    jobs.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return jobs;
}

export const countBy = (items: Record<string, unknown>[], key: string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(String(item[key]), (counts.get(String(item[key])) ?? 0) + 1);
  return counts;
};

export type { User };
