import { TEST_TICKET_KEY } from '../functions/auth/ticket-key';
import { createStore, type Store } from '../functions/db/store';
import { ensureTable } from '../functions/db/table';
import type { Campaign } from '../functions/domain/campaign';
import type { EventRecord } from '../functions/domain/schemas';
import { newId } from '../functions/domain/tokens';
import { createCampaignRunner } from '../functions/followups/runner';
import { loadRegencyDirectory } from '../functions/local/area-directory';
import { createRegistrationService } from '../functions/services/registrations';
import { purgeExpiredPersonalData } from '../functions/services/retention';
import type { Environment } from './environment';
import { check, type Figure } from './lib';

/**
 * Read units of the scheduled work may not grow with the table: the figure with 5,000 sessions at most this many
 * times the one with 10, doing the same work due (a ratio of 1: equal).
 */
export const SCHEDULED_READS_GROWTH = { max: 1 };

const DAY = 86_400_000;

function session(startsAt: number, overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: newId(),
    title: 'Sosialisasi Koperasi Desa dan Kelurahan Merah Putih',
    description: '',
    venue: 'Gedung Serbaguna Sampit',
    address: 'Sampit',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 3 * 3_600_000).toISOString(),
    timeZone: 'Asia/Pontianak',
    capacity: 400,
    maxPerCooperative: 3,
    registrationDeadline: new Date(startsAt).toISOString(),
    organizerName: 'Dinas Koperasi',
    organisationId: 'dinkop-kotim',
    regencyCode: '62.02',
    invitedDistrictCodes: [],
    published: true,
    cancelled: false,
    seatsTaken: 0,
    waitlistCount: 0,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

function reminder(eventId: string): Campaign {
  const now = new Date().toISOString();
  return {
    id: newId(),
    eventId,
    kind: 'reminder',
    segment: 'all_registered',
    sendAt: { type: 'relative', anchor: 'start', offsetMinutes: -24 * 60 },
    materials: [],
    status: 'scheduled',
    isDefault: true,
    createdAt: now,
    updatedAt: now,
    createdBy: 'bench',
    version: 1,
  };
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/**
 * A table with `sessions` sessions: half held years ago (their personal data already erased by an earlier purge),
 * half ahead with a reminder each, waiting. Then the same work is due in every table: two sessions whose H-1
 * reminder is due now and one session whose year has passed with two registrations to erase.
 */
async function tableWith(env: Environment, sessions: number): Promise<Store> {
  const tableName = `hadir-bench-scheduled-${sessions}`;
  await ensureTable(env.doc, tableName);
  const store = createStore(env.doc, tableName, { ticketKey: TEST_TICKET_KEY });
  const directory = await loadRegencyDirectory('62.02');
  await store.cooperatives.importRegency(directory.regency, directory.cooperatives.slice(0, 4));
  const now = Date.now();
  const past = Array.from({ length: Math.floor(sessions / 2) }, (_, i) => session(now - (800 + i) * DAY));
  const ahead = Array.from({ length: sessions - past.length }, (_, i) => session(now + (30 + i) * DAY));
  await inBatches([...past, ...ahead], 50, (event) => store.events.put(event));
  await inBatches(ahead, 50, (event) => store.campaigns.create(reminder(event.id)));
  await purgeExpiredPersonalData(store, new Date(now));

  for (let i = 0; i < 2; i++) {
    const soon = session(now + 2 * 3_600_000 + i * 60_000);
    await store.events.put(soon);
    await store.campaigns.create(reminder(soon.id));
  }
  const expired = session(now - 400 * DAY);
  await store.events.put(expired);
  const register = createRegistrationService(store, () => new Date(now - 401 * DAY)).register;
  for (const [index, cooperative] of directory.cooperatives.slice(0, 2).entries()) {
    await register(
      expired.id,
      {
        cooperativeId: cooperative.id,
        contact: { name: 'Siti Aminah', phone: `+62851${String(sessions * 10 + index).padStart(8, '0')}` },
        participants: [
          {
            name: 'Pengurus',
            role: 'ketua',
            phone: `+62812${String(sessions * 10 + index).padStart(8, '0')}`,
          },
        ],
        consent: true,
      },
      { language: 'id' },
    );
  }
  return store;
}

/** One campaign tick and one retention run, in read (and write) units, with 10 and with 5,000 sessions. */
export async function scheduledWork(env: Environment, sizes = [10, 5_000]): Promise<Figure[]> {
  const measured: Record<number, { tick: number; tickWrites: number; purge: number; purgeWrites: number }> =
    {};
  for (const size of sizes) {
    const store = await tableWith(env, size);
    const tick = await env.meter.measure(() => createCampaignRunner(store).tick());
    if (tick.result.length !== 2)
      throw new Error(`the tick ran ${tick.result.length} campaigns, not the 2 due`);
    const purge = await env.meter.measure(() => purgeExpiredPersonalData(store, new Date()));
    if (purge.result.erased !== 2) throw new Error(`the purge erased ${purge.result.erased}, not the 2 due`);
    measured[size] = { tick: tick.read, tickWrites: tick.write, purge: purge.read, purgeWrites: purge.write };
  }
  const [small, large] = sizes.map((size) => measured[size] as (typeof measured)[number]);
  if (!small || !large) return [];
  const figures: Figure[] = [];
  for (const size of sizes) {
    const m = measured[size] as (typeof measured)[number];
    figures.push(
      {
        name: `campaign tick, ${size.toLocaleString('en')} sessions (2 campaigns due)`,
        value: m.tick,
        unit: 'RRU',
        note: `${m.tickWrites} WRU; information only`,
      },
      {
        name: `retention run, ${size.toLocaleString('en')} sessions (1 expired, 2 registrations)`,
        value: m.purge,
        unit: 'RRU',
        note: `${m.purgeWrites} WRU; information only`,
      },
    );
  }
  const growth = (a: number, b: number) => (a === 0 ? (b === 0 ? 1 : Number.POSITIVE_INFINITY) : b / a);
  figures.push(
    {
      name: 'campaign tick reads, 5,000 vs 10 sessions',
      value: growth(small.tick, large.tick),
      unit: 'x',
      ...check(growth(small.tick, large.tick), SCHEDULED_READS_GROWTH),
    },
    {
      name: 'retention run reads, 5,000 vs 10 sessions',
      value: growth(small.purge, large.purge),
      unit: 'x',
      ...check(growth(small.purge, large.purge), SCHEDULED_READS_GROWTH),
    },
  );
  return figures;
}
