import { beforeAll, describe, expect, it } from 'vitest';
import { coverageChangeOf, type StreamRecord } from '../../functions/db/table-changes';
import type { User } from '../../functions/domain/accounts';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { createTableStreamReader } from '../../functions/local/table-stream';
import { createCheckinService } from '../../functions/services/checkins';
import { createCoverageService } from '../../functions/services/coverage';
import { createRegistrationService } from '../../functions/services/registrations';
import { crashingStore, expectKilled } from '../helpers/crash';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, testDynamoEndpoint } from '../helpers/store';

/**
 * The coverage counters against a recount done here from the records themselves, after a mixed run of
 * registrations, cancellations, promotions from the waitlist, check-ins and undos; with the stream's records
 * handled concurrently, delivered twice, and with the worker killed between writes and started again.
 */

const national: User = {
  id: 'u-national',
  email: 'pusat@kemenkop.test',
  name: 'Pemantau Nasional',
  role: 'national_viewer',
  organisationId: 'kemenkop',
  language: 'id',
  active: true,
  createdAt: '2025-10-01T00:00:00.000Z',
  updatedAt: '2025-10-01T00:00:00.000Z',
};

let directory: Awaited<ReturnType<typeof loadRegencyDirectory>>;
beforeAll(async () => {
  directory = await loadRegencyDirectory('62.02');
});

let seed = 31_000;

/** Registrations, cancellations, promotions, check-ins and undos over three sessions, one of them ended. */
async function mixedRun(store: TestStore, cooperatives: Cooperative[]) {
  const registrations = createRegistrationService(store);
  const checkins = createCheckinService(store);
  const now = Date.now();
  const small = makeEvent({ capacity: 4, checkinAnyTime: true } as Partial<EventRecord>);
  const large = makeEvent({
    capacity: 60,
    checkinAnyTime: true,
    invitedDistrictCodes: ['62.02.01', '62.02.05'],
  } as Partial<EventRecord>);
  const past = makeEvent({
    startsAt: new Date(now - 3 * 86_400_000).toISOString(),
    endsAt: new Date(now - 3 * 86_400_000 + 3_600_000).toISOString(),
    registrationDeadline: new Date(now + 3_600_000).toISOString(),
  });
  const cancelledSession = makeEvent({ cancelled: true });
  for (const event of [small, large, past, cancelledSession]) await store.events.put(event);

  const made: { id: string; token: string; eventId: string; participants: { id: string }[] }[] = [];
  const register = async (event: EventRecord, coop: Cooperative, count: number) => {
    const result = await registrations.register(event.id, registrationBody(coop.id, count, seed++), {
      language: 'id',
    });
    made.push({
      id: result.registration.id,
      token: result.manageToken,
      eventId: event.id,
      participants: result.registration.participants,
    });
    return result;
  };
  const kotaBesi = cooperatives.filter((c) => c.districtCode === '62.02.01');
  const baamang = cooperatives.filter((c) => c.districtCode === '62.02.05');
  // Small session: two fit, two wait; a cancellation promotes the first waiting one.
  const a = await register(small, cooperatives[20] as Cooperative, 2);
  const b = await register(small, cooperatives[21] as Cooperative, 2);
  const c = await register(small, cooperatives[22] as Cooperative, 2);
  await register(small, cooperatives[23] as Cooperative, 1);
  expect(c.registration.status).toBe('waitlisted');
  await registrations.cancel(a.registration.id, a.manageToken);
  // Concurrent registrations of the large session, some cooperatives also in the small one.
  await Promise.all([
    ...kotaBesi.slice(0, 6).map((coop) => register(large, coop, 2)),
    ...baamang.slice(0, 4).map((coop) => register(large, coop, 1)),
  ]);
  await register(large, cooperatives[21] as Cooperative, 1).catch(() => undefined); // not invited: refused
  await register(past, cooperatives[40] as Cooperative, 1);
  // Check-ins, repeats and undos; one cooperative's only officer is undone again.
  const inLarge = made.filter((r) => r.eventId === large.id);
  await Promise.all(
    inLarge
      .slice(0, 7)
      .map((r) => checkins.checkIn(large.id, { participantId: r.participants[0]?.id as string }, 'Pintu 1')),
  );
  await checkins.checkIn(large.id, { participantId: inLarge[0]?.participants[0]?.id as string }, 'Pintu 2');
  await checkins.undo(large.id, inLarge[1]?.participants[0]?.id as string);
  await checkins.checkIn(
    small.id,
    { participantId: b.registration.participants[1]?.id as string },
    'Pintu 1',
  );
  // A cancelled cooperative after checking in stays briefed; a second cancel of a registration is refused.
  const toCancel = inLarge[2] as (typeof made)[number];
  await registrations.cancel(toCancel.id, toCancel.token);
  return { small, large, past, cancelledSession };
}

/** The figures recounted here, by kecamatan, from the registrations and check-ins of the sessions. */
async function recount(store: TestStore, events: EventRecord[]) {
  const registered = new Set<string>();
  const briefed = new Set<string>();
  for (const event of events) {
    for (const r of await store.registrations.listByEvent(event.id))
      if (r.status !== 'cancelled') registered.add(r.cooperativeId);
    for (const c of await store.checkins.listByEvent(event.id)) briefed.add(c.cooperativeId);
  }
  const byDistrict = (ids: Set<string>) => {
    const map: Record<string, number> = {};
    for (const id of ids) {
      const district = id.split('.').slice(0, 3).join('.');
      map[district] = (map[district] ?? 0) + 1;
    }
    return map;
  };
  return {
    registered: byDistrict(registered),
    briefed: byDistrict(briefed),
    total: { registered: registered.size, briefed: briefed.size },
  };
}

async function figures(store: TestStore) {
  const coverage = createCoverageService(store);
  const regency = await coverage.regency(national, '62.02');
  const province = await coverage.province(national, '62');
  const nation = await coverage.nation(national);
  const pick = (key: 'registered' | 'briefed') =>
    Object.fromEntries(regency.rows.filter((r) => r[key] > 0).map((r) => [r.code, r[key]]));
  return { regency, province, nation, registered: pick('registered'), briefed: pick('briefed') };
}

function expectAgrees(
  found: Awaited<ReturnType<typeof figures>>,
  truth: Awaited<ReturnType<typeof recount>>,
) {
  expect(found.registered).toEqual(truth.registered);
  expect(found.briefed).toEqual(truth.briefed);
  for (const level of [found.regency, found.province, found.nation]) {
    expect(level.total.registered).toBe(truth.total.registered);
    expect(level.total.briefed).toBe(truth.total.briefed);
    expect(level.total.directory).toBe(185);
  }
  // Sessions: two planned (small, large), one held (past), the cancelled one nowhere.
  expect(found.nation.total.planned).toBe(2);
  expect(found.nation.total.held).toBe(1);
  expect(found.regency.total.planned).toBe(2);
  // The kecamatan-specific session is counted in its two kecamatan only, the others in every kecamatan.
  expect(found.regency.rows.find((r) => r.code === '62.02.01')?.planned).toBe(2);
  expect(found.regency.rows.find((r) => r.code === '62.02.02')?.planned).toBe(1);
}

async function world() {
  const store = await createTestStore({ stream: true });
  await store.cooperatives.importRegency(directory.regency, directory.cooperatives);
  const reader = createTableStreamReader(testDynamoEndpoint(), store.tableName);
  const records: StreamRecord[] = [];
  const collect = async () => {
    await reader.drain(async (batch) => {
      records.push(...batch);
    });
  };
  const events = await mixedRun(store, directory.cooperatives);
  await collect();
  return { store, records, events: Object.values(events) };
}

/** Shards: records of one item stay in order; different items go to different workers at once. */
async function deliverConcurrently(store: TestStore, records: StreamRecord[], workers: number, times = 1) {
  const coverage = createCoverageService(store);
  const lanes: StreamRecord[][] = Array.from({ length: workers }, () => []);
  for (const record of records) {
    const key = JSON.stringify(record.dynamodb?.Keys);
    let hash = 0;
    for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    lanes[hash % workers]?.push(record);
  }
  await Promise.all(
    lanes.map(async (lane) => {
      for (let round = 0; round < times; round++)
        for (const record of lane) {
          const change = coverageChangeOf(record);
          if (change) await coverage.apply(change);
        }
    }),
  );
}

describe('coverage counters', { timeout: 180_000 }, () => {
  it('equal a recount after a mixed run, with records handled concurrently and each delivered twice', async () => {
    const { store, records, events } = await world();
    await deliverConcurrently(store, records, 6, 2);
    expectAgrees(await figures(store), await recount(store, events));
  });

  it('equal a recount when the worker dies between writes and a new one is handed the same records again', async () => {
    const { store, records, events } = await world();
    const changes = records.map(coverageChangeOf).filter((c) => c !== undefined);
    for (const atWrite of [1, 4, 9, 17]) {
      for (const when of ['before', 'after'] as const) {
        const crashing = crashingStore(store, { atWrite, when });
        const dying = createCoverageService(crashing.store);
        await expectKilled(
          (async () => {
            for (const change of changes) await dying.apply(change);
          })(),
        );
      }
    }
    // The restarted worker gets everything from the last checkpoint, here the very start.
    await deliverConcurrently(store, records, 3);
    expectAgrees(await figures(store), await recount(store, events));
  });

  it('are set right again by the recount of one regency, also while live changes keep arriving', async () => {
    const { store, records, events } = await world();
    await deliverConcurrently(store, records, 2);
    const coverage = createCoverageService(store);
    // Drift, as a bug or a lost record would leave it: a phantom registration and a lost check-in.
    await coverage.repo.mark('62.02.03.2001', 'registrations', 'REG#phantom', true);
    const someBriefed = (await store.checkins.listByEvent((events[1] as EventRecord).id))[0];
    await coverage.repo.mark(
      someBriefed?.cooperativeId as string,
      'checkins',
      `CHECKIN#${someBriefed?.eventId}#${someBriefed?.participantId}`,
      false,
    );
    expect((await figures(store)).regency.total.registered).not.toBe(
      (await recount(store, events)).total.registered,
    );
    // A live registration lands while the recount runs; its record is handled right after.
    const registrations = createRegistrationService(store);
    const reader = createTableStreamReader(testDynamoEndpoint(), store.tableName);
    await reader.drain(async () => undefined); // skip what was already handled
    const live = registrations.register(
      (events[1] as EventRecord).id,
      registrationBody(
        (directory.cooperatives.filter((c) => c.districtCode === '62.02.01')[8] as Cooperative).id,
        1,
        seed++,
      ),
      { language: 'id' },
    );
    await Promise.all([coverage.recountRegency('62.02'), live]);
    await reader.drain(async (batch) => {
      for (const record of batch) {
        const change = coverageChangeOf(record);
        if (change) await coverage.apply(change);
      }
    });
    expectAgrees(await figures(store), await recount(store, events));
    // A second recount finds nothing to change.
    expect((await coverage.recountRegency('62.02')).changed).toBe(0);
  });
});
