import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cooperative } from '../../functions/domain/schemas';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { createCheckinService } from '../../functions/services/checkins';
import { createRegistrationService } from '../../functions/services/registrations';
import { purgeExpiredPersonalData } from '../../functions/services/retention';
import { crashingStore, expectKilled } from '../helpers/crash';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody } from '../helpers/store';

/**
 * The daily retention purge killed at each of its writes (see test/helpers/crash.ts), against DynamoDB Local:
 * the next run finishes it, every registration is erased once, nobody is emailed, the anonymous check-in facts
 * stay and the session's counters move once.
 */
describe('the retention purge killed partway through a session', () => {
  let store: TestStore;
  let cooperatives: Cooperative[];
  const longAgo = {
    startsAt: '2024-01-10T01:30:00.000Z',
    endsAt: '2024-01-10T05:00:00.000Z',
    registrationDeadline: '2099-01-01T00:00:00.000Z',
  };
  const purgeAt = new Date('2025-06-01T00:00:00Z');
  let seed = 45_000;

  beforeAll(async () => {
    store = await createTestStore();
    const directory = await loadRegencyDirectory('62.02');
    cooperatives = directory.cooperatives.slice(0, 8);
    await store.cooperatives.importRegency(directory.regency, cooperatives);
  });

  /**
   * A session that ended long ago, six seats: five cooperatives registered (one cancelled, one still
   * waitlisted when it ended), four officers checked in across three cooperatives.
   */
  async function pastSession() {
    const event = makeEvent({ ...longAgo, capacity: 6, maxPerCooperative: 3 });
    await store.events.put(event);
    const registrations = createRegistrationService(store);
    const register = async (index: number, officers: number) =>
      registrations.register(
        event.id,
        registrationBody((cooperatives[index] as Cooperative).id, officers, seed++),
        {
          language: 'id',
        },
      );
    const leaver = await register(0, 2);
    const a = await register(1, 3);
    const c = await register(2, 1);
    const b = await register(3, 2); // waitlisted, promoted when the leaver cancels
    const w = await register(4, 2); // still waitlisted at the end
    await registrations.cancel(leaver.registration.id, leaver.manageToken);
    const checkins = createCheckinService(store);
    const present = [
      a.registration.participants[0],
      a.registration.participants[2],
      c.registration.participants[0],
      b.registration.participants[1],
    ];
    for (const participant of present) {
      await checkins.checkIn(event.id, { participantId: participant?.id as string }, 'Pintu 1');
    }
    const created = [leaver, a, c, b, w].map((r) => r.registration);
    const stored = await Promise.all(created.map((r) => store.registrations.get(r.id)));
    expect(stored.map((r) => r?.status)).toEqual([
      'cancelled',
      'confirmed',
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    return { event, created, checkins };
  }

  async function eventJobs(ids: string[]) {
    const { Items = [] } = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pending',
        ExpressionAttributeValues: { ':pending': 'OUTBOX#pending' },
      }),
    );
    return Items.filter((item) => ids.includes(item.registrationId as string)).length;
  }

  async function locksOf(eventId: string) {
    const { Items = [] } = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :phone)',
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':phone': 'PHONE#' },
        ConsistentRead: true,
      }),
    );
    return Items;
  }

  /** What must hold after any purge, crashed or not. */
  async function expectPurged(world: Awaited<ReturnType<typeof pastSession>>, checkinsBefore: string[]) {
    const { event, created } = world;
    for (const original of created) {
      const stored = await store.registrations.get(original.id);
      expect(stored && 'erasedAt' in stored).toBe(true);
      const text = JSON.stringify(stored);
      expect(text).not.toContain(original.contact.name);
      expect(text).not.toContain(original.contact.phone);
      expect(text).not.toContain(original.contact.email as string);
      for (const participant of original.participants) {
        expect(text).not.toContain(participant.name);
        if (participant.phone) expect(text).not.toContain(participant.phone);
        expect(await store.registrations.findTicket(participant.ticketCode)).toBeUndefined();
      }
      expect(stored?.consent.text).toBe('');
    }
    expect(await locksOf(event.id)).toEqual([]);
    // Check-ins are anonymous facts: the same ones, once each.
    const after = (await store.checkins.listByEvent(event.id)).map((c) => c.participantId).sort();
    expect(after).toEqual(checkinsBefore);
    // The purge erases in place: the session's counters are what they were when it ended.
    const counters = await store.events.get(event.id, { consistent: true });
    expect([counters?.seatsTaken, counters?.waitlistCount]).toEqual([6, 1]);
    const statuses = await Promise.all(created.map((r) => store.registrations.get(r.id)));
    expect(statuses.map((r) => r?.status)).toEqual([
      'cancelled',
      'confirmed',
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
  }

  it('a purge that is not killed erases everyone once and emails nobody, even with a waitlist', async () => {
    const world = await pastSession();
    const ids = world.created.map((r) => r.id);
    const jobsBefore = await eventJobs(ids);
    const checkinsBefore = (await store.checkins.listByEvent(world.event.id))
      .map((c) => c.participantId)
      .sort();
    const counted = crashingStore(store, { atWrite: Number.POSITIVE_INFINITY, when: 'before' });
    const first = await purgeExpiredPersonalData(counted.store, purgeAt);
    expect(first.erased).toBe(5);
    // One transaction per registration, then the session leaves the end-time index: each a kill point below.
    expect(counted.state.writes).toHaveLength(6);
    await expectPurged(world, checkinsBefore);
    expect(await eventJobs(ids)).toBe(jobsBefore);
    expect((await purgeExpiredPersonalData(store, purgeAt)).erased).toBe(0);
  });

  // A clean purge writes 6 times here: one transaction per registration, then the session's end-time entry goes.
  // Dying before write n leaves the table as dying after write n - 1 does, so killing it right after each write
  // (and before the first) covers every point.
  const kills = [
    { at: 1, when: 'before' as const },
    ...[1, 2, 3, 4, 5, 6].map((at) => ({ at, when: 'after' as const })),
  ];

  it.each(kills)(
    'killed $when write $at: the next run finishes, each registration erased once, no email, counts kept',
    async ({ at, when }) => {
      const world = await pastSession();
      const ids = world.created.map((r) => r.id);
      const jobsBefore = await eventJobs(ids);
      const checkinsBefore = (await store.checkins.listByEvent(world.event.id))
        .map((c) => c.participantId)
        .sort();
      const crashed = crashingStore(store, { atWrite: at, when });
      await expectKilled(purgeExpiredPersonalData(crashed.store, purgeAt));
      const erasedBefore = (await Promise.all(ids.map((id) => store.registrations.get(id)))).filter(
        (r) => r && 'erasedAt' in r,
      ).length;
      expect(erasedBefore).toBeLessThanOrEqual(5);

      const restart = await purgeExpiredPersonalData(store, purgeAt);
      expect(restart.erased).toBe(5 - erasedBefore);
      await expectPurged(world, checkinsBefore);
      expect(await eventJobs(ids)).toBe(jobsBefore);
      expect((await purgeExpiredPersonalData(store, purgeAt)).erased).toBe(0);
    },
  );

  it('the purge keeps the attendance totals of the session', async () => {
    const world = await pastSession();
    const totals = async () => {
      const { registered, checkedIn, cooperativesRegistered, cooperativesPresent, byDistrict } =
        await world.checkins.attendance(world.event.id);
      return { registered, checkedIn, cooperativesRegistered, cooperativesPresent, byDistrict };
    };
    const before = await totals();
    expect(before).toMatchObject({ registered: 6, checkedIn: 4, cooperativesRegistered: 3 });
    await purgeExpiredPersonalData(store, purgeAt);
    expect(await totals()).toEqual(before);
  });
});
