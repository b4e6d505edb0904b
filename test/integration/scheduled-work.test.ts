import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { meterCapacity } from '../../bench/consumed-capacity';
import type { Campaign } from '../../functions/domain/campaign';
import { newId } from '../../functions/domain/tokens';
import { createCampaignRunner } from '../../functions/followups/runner';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { upgradeIndexes } from '../../functions/local/seed';
import { runExclusively } from '../../functions/services/exclusive-run';
import { createRegistrationService } from '../../functions/services/registrations';
import { purgeExpiredPersonalData } from '../../functions/services/retention';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody } from '../helpers/store';

const DAY = 86_400_000;

/** A campaign of `eventId` sent at `at` (absolute) or relative to the session's start. */
function campaignOf(eventId: string, sendAt: Campaign['sendAt']): Campaign {
  const now = new Date().toISOString();
  return {
    id: newId(),
    eventId,
    kind: 'reminder',
    segment: 'all_registered',
    sendAt,
    materials: [],
    status: 'scheduled',
    isDefault: false,
    createdAt: now,
    updatedAt: now,
    createdBy: 'test',
    version: 1,
  };
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const meters = new WeakMap<TestStore, ReturnType<typeof meterCapacity>>();

/** The read units of one tick, and what it ran. */
async function meteredTick(store: TestStore) {
  const meter = meters.get(store) ?? meterCapacity(store.doc);
  meters.set(store, meter);
  const { result, read } = await meter.measure(() => createCampaignRunner(store).tick());
  return { read, ran: result.map((entry) => entry.campaignId).sort() };
}

describe('the campaign tick', () => {
  it('with 5,000 campaigns waiting and 3 due, reads only the 3: the same read units as a table holding just those', async () => {
    const small = await createTestStore();
    const large = await createTestStore();
    const due: Record<'small' | 'large', string[]> = { small: [], large: [] };
    for (const [name, store] of [
      ['small', small],
      ['large', large],
    ] as const) {
      // Three sessions that started an hour ago, each with one campaign due now (the same shapes in both tables).
      for (let i = 0; i < 3; i++) {
        const event = makeEvent({
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        });
        await store.events.put(event);
        const campaign = campaignOf(event.id, { type: 'relative', anchor: 'start', offsetMinutes: -30 });
        await store.campaigns.create(campaign);
        due[name].push(campaign.id);
      }
    }
    // 4,997 more in the large table: sessions a month or more ahead, their campaigns far from due.
    const later = makeEvent({ startsAt: new Date(Date.now() + 30 * DAY).toISOString() });
    await large.events.put(later);
    const waiting = Array.from({ length: 4_997 }, (_, i) =>
      campaignOf(later.id, {
        type: 'absolute',
        at: new Date(Date.now() + 30 * DAY + i * 60_000).toISOString(),
      }),
    );
    await inBatches(waiting, 50, (campaign) => large.campaigns.create(campaign));

    const smallTick = await meteredTick(small);
    const largeTick = await meteredTick(large);
    expect(smallTick.ran).toEqual([...due.small].sort());
    expect(largeTick.ran).toEqual([...due.large].sort());
    expect(largeTick.read).toBe(smallTick.read);
    // Done campaigns leave the index: the next tick reads one empty page.
    const idle = await meteredTick(large);
    expect(idle.ran).toEqual([]);
    expect(idle.read).toBeLessThanOrEqual(1);
  }, 180_000);

  it('a session moved earlier brings its waiting campaigns forward; one moved later files them again', async () => {
    const store = await createTestStore();
    const event = makeEvent({ startsAt: new Date(Date.now() + 10 * DAY).toISOString() });
    await store.events.put(event);
    const campaign = campaignOf(event.id, { type: 'relative', anchor: 'start', offsetMinutes: -24 * 60 });
    await store.campaigns.create(campaign);
    expect(await store.campaigns.listDue(new Date())).toEqual([]);

    // The session now starts in two hours: the H-1 reminder is due.
    const moved = { ...event, startsAt: new Date(Date.now() + 2 * 3_600_000).toISOString() };
    await store.eventAdmin.update(event.id, moved);
    await store.campaigns.redateForEvent(moved);
    expect((await store.campaigns.listDue(new Date())).map((c) => c.id)).toEqual([campaign.id]);

    // Moved back out without re-dating (as if that write was lost): the tick finds it early and files it again.
    await store.eventAdmin.update(event.id, event);
    const results = await createCampaignRunner(store).tick();
    expect(results).toEqual([{ campaignId: campaign.id, result: { outcome: 'not_due' } }]);
    expect(await store.campaigns.listDue(new Date())).toEqual([]);
    expect((await store.campaigns.listDue(new Date(Date.now() + 10 * DAY))).map((c) => c.id)).toEqual([
      campaign.id,
    ]);
  });
});

describe('the retention purge', () => {
  it('erases every expired session over several pages of the end-time index, then reads nothing of them again', async () => {
    const store = await createTestStore();
    const directory = await loadRegencyDirectory('62.02');
    const cooperatives = directory.cooperatives.slice(0, 12);
    await store.cooperatives.importRegency(directory.regency, cooperatives);
    const longAgo = Date.now() - 800 * DAY;
    const expired: string[] = [];
    for (let i = 0; i < 12; i++) {
      const startsAt = new Date(longAgo + i * DAY);
      const event = makeEvent({
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        registrationDeadline: startsAt.toISOString(),
      });
      await store.events.put(event);
      const cooperative = cooperatives[i] as (typeof cooperatives)[number];
      await createRegistrationService(store, () => new Date(longAgo - DAY)).register(
        event.id,
        registrationBody(cooperative.id, 2, 71_000 + i),
        { language: 'id' },
      );
      expired.push(event.id);
    }
    // A recent session keeps its data.
    const recent = makeEvent({ startsAt: new Date(Date.now() - 10 * DAY).toISOString() });
    recent.endsAt = new Date(Date.parse(recent.startsAt) + 3_600_000).toISOString();
    recent.registrationDeadline = recent.startsAt;
    await store.events.put(recent);
    await createRegistrationService(store, () => new Date(Date.now() - 20 * DAY)).register(
      recent.id,
      registrationBody(cooperatives[0]?.id ?? '', 1, 72_000),
      { language: 'id' },
    );

    // Pages of 5: three pages of the index.
    const first = await purgeExpiredPersonalData(store, new Date(), undefined, { pageSize: 5 });
    expect(first).toEqual({ erased: 12, sessions: 12, complete: true });
    for (const eventId of expired) {
      for (const registration of await store.registrations.listByEvent(eventId)) {
        expect('erasedAt' in registration).toBe(true);
      }
    }
    const [kept] = await store.registrations.listByEvent(recent.id);
    expect(kept && 'erasedAt' in kept).toBe(false);

    const meter = meterCapacity(store.doc);
    const again = await meter.measure(() => purgeExpiredPersonalData(store, new Date()));
    expect(again.result).toEqual({ erased: 0, sessions: 0, complete: true });
    expect(again.read).toBeLessThanOrEqual(1);
  });

  it('stops for time before a session it might not finish, and the next run goes on from there', async () => {
    const store = await createTestStore();
    for (let i = 0; i < 3; i++) {
      const startsAt = new Date(Date.now() - (500 + i) * DAY);
      await store.events.put(
        makeEvent({
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        }),
      );
    }
    let budget = 2;
    const timeLeft = () => (budget-- > 0 ? 60_000 : 1_000);
    expect(await purgeExpiredPersonalData(store, new Date(), undefined, { timeLeft })).toEqual({
      erased: 0,
      sessions: 2,
      complete: false,
    });
    expect(await purgeExpiredPersonalData(store, new Date())).toEqual({
      erased: 0,
      sessions: 1,
      complete: true,
    });
  });
});

describe('scheduled runs', () => {
  it('never overlap: a second run while the first holds the lease does nothing; after it, the next one runs', async () => {
    const store = await createTestStore();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = runExclusively(store, 'job', 60_000, () => held.then(() => 'first'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await runExclusively(store, 'job', 60_000, async () => 'second')).toEqual({ skipped: true });
    release();
    expect(await first).toEqual({ skipped: false, result: 'first' });
    expect(await runExclusively(store, 'job', 60_000, async () => 'third')).toEqual({
      skipped: false,
      result: 'third',
    });
  });

  it('a lease left by a run that crashed blocks the job only until it runs out', async () => {
    const store = await createTestStore();
    const now = new Date();
    expect(await store.leases.acquire('job', 'crashed', now, 60_000)).toBe(true);
    expect(
      await runExclusively(
        store,
        'job',
        60_000,
        async () => 1,
        () => now,
      ),
    ).toEqual({ skipped: true });
    const later = new Date(now.getTime() + 61_000);
    expect(
      await runExclusively(
        store,
        'job',
        60_000,
        async () => 2,
        () => later,
      ),
    ).toEqual({
      skipped: false,
      result: 2,
    });
  });
});

describe('a table from before the scheduled-work indexes', () => {
  it('gets its keys on the next start or seed: old sessions reach the purge, old campaigns the tick', async () => {
    const store = await createTestStore();
    const old = makeEvent({
      organisationId: 'dinkop-kotim',
      startsAt: new Date(Date.now() - 800 * DAY).toISOString(),
      endsAt: new Date(Date.now() - 800 * DAY + 3_600_000).toISOString(),
    });
    const soon = makeEvent({ startsAt: new Date(Date.now() + 3_600_000).toISOString() });
    for (const event of [old, soon]) await store.events.put(event);
    const campaign = campaignOf(soon.id, { type: 'relative', anchor: 'start', offsetMinutes: -24 * 60 });
    await store.campaigns.create(campaign);
    // As an earlier version stored them: no organisation or end-time entry, campaigns filed by session.
    for (const event of [old, soon]) {
      await store.doc.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: { pk: `EVENT#${event.id}`, sk: 'EVENT' },
          UpdateExpression: 'REMOVE gsi3pk, gsi3sk, gsi4pk, gsi4sk',
        }),
      );
    }
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk: `CAMPAIGN#${campaign.id}`, sk: 'CAMPAIGN' },
        UpdateExpression: 'SET gsi2sk = :legacy',
        ExpressionAttributeValues: { ':legacy': `${soon.id}#${campaign.id}` },
      }),
    );
    expect((await store.eventAdmin.listEndedBefore(new Date())).ended).toEqual([]);

    expect(await upgradeIndexes(store)).toEqual({ sessions: 2, campaigns: 1 });
    expect((await store.eventAdmin.listEndedBefore(new Date())).ended.map((e) => e.eventId)).toEqual([
      old.id,
    ]);
    expect((await store.eventAdmin.listByOrganisation('dinkop-kotim')).map((e) => e.id)).toEqual([old.id]);
    expect((await store.campaigns.listDue(new Date())).map((c) => c.id)).toEqual([campaign.id]);
    // Again: nothing left to do.
    expect(await upgradeIndexes(store)).toEqual({ sessions: 0, campaigns: 0 });
  });
});

describe('a thanks message with an absolute time before its session ends', () => {
  it('is filed for the end of the session, since it speaks of attendance', async () => {
    const store = await createTestStore();
    const event = makeEvent({
      startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 2 * DAY + 3 * 3_600_000).toISOString(),
    });
    await store.events.put(event);
    const thanks: Campaign = {
      ...campaignOf(event.id, { type: 'absolute', at: new Date(Date.now() + 2 * DAY).toISOString() }),
      kind: 'thanks',
      segment: 'attended',
    };
    await store.campaigns.create(thanks);
    expect(await store.campaigns.listDue(new Date(Date.parse(event.endsAt) - 60_000))).toEqual([]);
    const due = await store.campaigns.listDue(new Date(Date.parse(event.endsAt) + 60_000));
    expect(due.map((campaign) => campaign.id)).toEqual([thanks.id]);
  });
});
