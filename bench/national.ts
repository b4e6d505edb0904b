import { PerformanceObserver } from 'node:perf_hooks';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TEST_TICKET_KEY } from '../functions/auth/ticket-key';
import { createDocumentClient } from '../functions/db/client';
import { coverageKeys } from '../functions/db/coverage-keys';
import { eventItem } from '../functions/db/events-repo';
import { keys } from '../functions/db/keys';
import { createStore, type Store } from '../functions/db/store';
import { ensureTable } from '../functions/db/table';
import { coverageChangeOf } from '../functions/db/table-changes';
import type { User } from '../functions/domain/accounts';
import {
  checkinMark,
  districtOf,
  FIGURE_PREFIX,
  type Figure,
  provinceOf,
  registrationMark,
  sessionCount,
} from '../functions/domain/coverage';
import type { Cooperative } from '../functions/domain/schemas';
import { newId } from '../functions/domain/tokens';
import { directoryOf, loadAreaTables } from '../functions/local/area-directory';
import { startDynamoLocal } from '../functions/local/dynamo-local';
import { createTableStreamReader } from '../functions/local/table-stream';
import { createCoverageService } from '../functions/services/coverage';
import { budgets } from './budgets';
import { meterCapacity } from './consumed-capacity';
import { benchEvent, type Environment, serveApp } from './environment';
import { type Figure as BenchFigure, check, round, runConcurrent, summarize } from './lib';
import { captureRegistrationTransaction, checkinScans, registrationRounds } from './scenarios';

const viewer: User = {
  id: 'bench-national',
  email: 'pusat@kemenkop.test',
  name: 'Pemantau Nasional',
  role: 'national_viewer',
  organisationId: 'kemenkop',
  language: 'id',
  active: true,
  createdAt: '2025-10-01T00:00:00.000Z',
  updatedAt: '2025-10-01T00:00:00.000Z',
};

type Item = Record<string, unknown>;
const KOTIM = '62.02';

/** A small deterministic generator: both tables get the same Kotim, run after run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function writeAll(doc: ReturnType<typeof createDocumentClient>, tableName: string, items: Item[]) {
  const batches = Math.ceil(items.length / 25);
  await runConcurrent(batches, 12, async (b) => {
    let request: Record<string, unknown[]> = {
      [tableName]: items.slice(b * 25, b * 25 + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (Object.keys(request).length) {
      const { UnprocessedItems } = await doc.send(new BatchWriteCommand({ RequestItems: request as never }));
      request = (UnprocessedItems ?? {}) as Record<string, unknown[]>;
    }
  });
}

/**
 * The items the app would have written for `regencies` (directory, sessions, coverage marks, cooperative states
 * and the three levels of counters) after `sessions` sessions and `officers` officers registered in threes, half
 * of them checked in. Written straight into the table: how fast the stream worker gets there is measured by the
 * counter tests, not here. Registration, ticket and check-in items are left out: no coverage page reads them.
 */
function nationalItems(
  tables: Awaited<ReturnType<typeof loadAreaTables>>,
  directoryRegencies: string[],
  sessionRegencies: string[],
  sessions: number,
  officers: number,
) {
  const items: Item[] = [];
  const counters = new Map<string, Item>();
  const counter = (key: { pk: string; sk: string }) => {
    const id = `${key.pk}|${key.sk}`;
    let item = counters.get(id);
    if (!item) {
      item = { ...key };
      counters.set(id, item);
    }
    return item;
  };
  const bump = (item: Item, attribute: string, delta = 1) => {
    item[attribute] = Number(item[attribute] ?? 0) + delta;
  };
  const levels = (regencyCode: string, code: string, figure: Figure, delta = 1) => {
    const prefix = FIGURE_PREFIX[figure];
    bump(counter(coverageKeys.regency(regencyCode)), `${prefix}#${code}`, delta);
  };
  const upper = (regencyCode: string, figure: Figure, delta = 1) => {
    const prefix = FIGURE_PREFIX[figure];
    bump(counter(coverageKeys.province(provinceOf(regencyCode))), `${prefix}#${regencyCode}`, delta);
    bump(counter(coverageKeys.nation()), `${prefix}#${provinceOf(regencyCode)}`, delta);
  };

  const directories = new Map<string, Cooperative[]>();
  for (const code of directoryRegencies) {
    const { regency, cooperatives } = directoryOf(code, tables);
    directories.set(code, cooperatives);
    items.push({ ...keys.regency(code), ...keys.regencyListing(code), ...regency });
    for (const cooperative of cooperatives)
      items.push({ ...keys.cooperative(cooperative.id), ...cooperative });
    const regencyItem = counter(coverageKeys.regency(code));
    regencyItem.dirTotal = cooperatives.length;
    for (const district of regency.districts) regencyItem[`name#${district.code}`] = district.name;
    for (const cooperative of cooperatives) levels(code, cooperative.districtCode, 'directory');
    counter(coverageKeys.province(provinceOf(code)))[`name#${code}`] = regency.name;
    counter(coverageKeys.nation())[`name#${provinceOf(code)}`] = regency.provinceName;
    upper(code, 'directory', cooperatives.length);
  }

  const now = new Date();
  const rand = random(20_251_023);
  const perSession = Math.max(1, Math.round(officers / sessions / 3));
  const states = new Map<string, { registrations: number; checkins: number }>();
  for (let s = 0; s < sessions; s++) {
    const regencyCode = sessionRegencies[s % sessionRegencies.length] as string;
    const held = s % 2 === 0;
    const event = benchEvent({
      regencyCode,
      capacity: perSession * 3,
      seatsTaken: perSession * 3,
      ...(held
        ? {
            startsAt: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
            endsAt: new Date(now.getTime() - 30 * 86_400_000 + 4 * 3_600_000).toISOString(),
          }
        : {
            startsAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
            endsAt: new Date(now.getTime() + 30 * 86_400_000 + 4 * 3_600_000).toISOString(),
          }),
    });
    items.push(eventItem(event));
    const count = sessionCount(event, now);
    items.push({ ...coverageKeys.session(event.id), eventId: event.id, count, version: 1 });
    if (count.state === 'planned')
      items.push({
        ...coverageKeys.due(count.endsAt, event.id),
        eventId: event.id,
        regencyCode,
        districts: count.districts,
      });
    for (const code of count.districts) levels(regencyCode, code, count.state as Figure);
    upper(regencyCode, count.state as Figure);
    const directory = directories.get(regencyCode) ?? [];
    for (let r = 0; r < perSession && directory.length; r++) {
      const cooperative = directory[Math.floor(rand() * directory.length)] as Cooperative;
      const registrationId = newId();
      items.push({
        ...coverageKeys.mark(cooperative.id, registrationMark(registrationId)),
        cooperativeId: cooperative.id,
      });
      const state = states.get(cooperative.id) ?? { registrations: 0, checkins: 0 };
      state.registrations++;
      // Half the officers checked in: of three, one or two, in turn.
      const present = (s + r) % 2 === 0 ? 1 : 2;
      for (let p = 0; p < present; p++) {
        items.push({
          ...coverageKeys.mark(cooperative.id, checkinMark(event.id, `${registrationId}-${p}`)),
          cooperativeId: cooperative.id,
        });
        state.checkins++;
      }
      states.set(cooperative.id, state);
    }
  }
  for (const [cooperativeId, state] of states) {
    items.push({
      ...coverageKeys.ofCooperative(cooperativeId),
      cooperativeId,
      districtCode: districtOf(cooperativeId),
      ...state,
      version: state.registrations + state.checkins,
    });
    const regencyCode = cooperativeId.slice(0, 5);
    for (const figure of ['registered', 'briefed'] as const) {
      if (figure === 'briefed' && !state.checkins) continue;
      levels(regencyCode, districtOf(cooperativeId), figure);
      upper(regencyCode, figure);
    }
  }
  for (const item of counters.values()) if (String(item.pk).startsWith('COVERAGE#REGENCY#')) item.cv = 1;
  return { items: [...items, ...counters.values()], registered: states.size };
}

async function table(items: Item[], tableName: string) {
  // Once more when the emulator misses its 30 s to start: on this shared machine a busy minute does that.
  const dynamo = await startDynamoLocal().catch(() => startDynamoLocal());
  const doc = createDocumentClient({ endpoint: dynamo.endpoint });
  await ensureTable(doc, tableName);
  const started = Date.now();
  await writeAll(doc, tableName, items);
  const seconds = (Date.now() - started) / 1000;
  const meter = meterCapacity(doc);
  // A store per page view: a warm instance's minute of cached directory would hide what a page reads.
  const store = () => createStore(doc, tableName, { ticketKey: TEST_TICKET_KEY });
  return { dynamo, doc, store, meter, seconds };
}
type Loaded = Awaited<ReturnType<typeof table>>;

/** How many of each the ordinary bench runs, and the ratios it measured against its small table in this run. */
export type RatioRun = {
  raw: number;
  burst: number;
  registrationRounds: number;
  scans: number;
  batch: number;
  small: { registration: number; checkin: number };
};

/**
 * The ordinary bench's registration and check-in ratios (bench/scenarios.ts, the same functions) through the real
 * app served over the table holding the national data, with their raw baselines against that same table. The
 * table's stream is applied as the coverage worker applies it (functions/local/table-stream.ts, as `npm start`
 * does): first everything the load wrote, then after each round of the burst, after each round of scans and
 * after the offline batch, always outside the timings. In AWS the worker is another Lambda, not the API's CPU; here it would share
 * the one Node thread with the app and the load generator, so it runs between the timed parts instead of during
 * them. The table thus holds the coverage marks and counters of every registration and check-in made, as it would
 * behind the app.
 */
async function ratiosAtNationalSize(
  national: Loaded,
  tableName: string,
  n: RatioRun,
): Promise<BenchFigure[]> {
  const served = await serveApp(national.doc, tableName);
  const env: Environment = {
    dynamo: national.dynamo,
    doc: national.doc,
    store: served.store,
    meter: national.meter,
    tableName,
    url: served.url,
    stop: served.close,
  };
  const coverage = createCoverageService(served.store);
  const stream = createTableStreamReader(national.dynamo.endpoint, tableName);
  const applied = { records: 0, changes: 0, ms: 0 };
  const applyStream = async () => {
    const t0 = performance.now();
    applied.records += await stream.drain(async (records) => {
      for (const record of records) {
        const change = coverageChangeOf(record);
        if (!change) continue;
        await coverage.apply(change);
        applied.changes++;
      }
    });
    await coverage.rollEndedSessions();
    applied.ms += performance.now() - t0;
  };
  try {
    await applyStream();
    const loadApplied = { ...applied };
    const captured = await captureRegistrationTransaction(env);
    const burstGc = await collecting(() =>
      registrationRounds(env, n.burst, captured, {
        rounds: n.registrationRounds,
        betweenRounds: applyStream,
      }),
    );
    const burst = burstGc.result;
    const raw = burst.raw;
    const scansGc = await collecting(() => checkinScans(env, n.scans, n.batch, applyStream));
    const scans = scansGc.result;
    await applyStream();
    const registration = burst.ratio;
    const checkin = scans.latency.p95 / scans.rawUpdate.p95;
    const kept = await keptCoverage(coverage, n);
    return [
      {
        name: 'national table: coverage stream applied (load, then between the timed parts)',
        value: applied.records,
        unit: 'records',
        note: `${applied.changes} of them for coverage, applied in ${round(applied.ms / 1000, 0)} s (the load's ${loadApplied.records} records: ${round(loadApplied.ms / 1000, 0)} s)`,
      },
      {
        name: `national table: raw registration transactions (${raw.items} items, replayed)`,
        value: raw.perSecond,
        unit: 'tx/s',
        note: `baseline, concurrency ${burst.concurrency}, ${n.burst} in ${burst.rounds} rounds alternating with the burst's`,
      },
      {
        name: `national table: registrations (${n.burst} x 3 officers, c=50, 300 seats)`,
        value: burst.perSecond,
        unit: 'reg/s',
        note: `p50 ${round(burst.latency.p50)} / p95 ${round(burst.latency.p95)} / p99 ${round(burst.latency.p99)} ms`,
      },
      {
        name: 'national table: registration rate / raw registration transaction rate',
        value: registration,
        unit: 'x',
        ...check(registration, budgets.registrationRateVsRawTransactions),
        note: `from the totals; ${burst.perRoundSummary}`,
      },
      {
        name: 'registration rate / raw, small table → national table',
        value: `${round(n.small.registration, 2)} → ${round(registration, 2)}`,
        unit: 'x',
        note: 'side by side, same run',
      },
      {
        name: 'national table: burst correctness',
        value: burst.correct ? 'exact' : 'WRONG',
        unit: '',
        pass: burst.correct,
        note: burst.detail,
      },
      {
        name: 'national table: raw DynamoDB Local UpdateItem p95',
        value: scans.rawUpdate.p95,
        unit: 'ms',
        note: `baseline, concurrency 10, ${n.scans} in rounds alternating with the scans'`,
      },
      {
        name: `national table: check-in (${n.scans} scans, c=10)`,
        value: scans.latency.p95,
        unit: 'ms p95',
        note: `p50 ${round(scans.latency.p50)} / p99 ${round(scans.latency.p99)} ms`,
      },
      {
        name: 'national table: check-in p95 / raw UpdateItem p95',
        value: checkin,
        unit: 'x',
        ...check(checkin, budgets.checkinP95VsRawUpdate),
      },
      {
        name: 'check-in p95 / raw UpdateItem p95, small table → national table',
        value: `${round(n.small.checkin, 2)} → ${round(checkin, 2)}`,
        unit: 'x',
        note: 'side by side, same run',
      },
      {
        name: `national table: offline batch sync (${n.batch} scans)`,
        value: scans.batchMs,
        unit: 'ms',
        ...check(scans.batchMs, budgets.batchSync500Ms),
        note: `${scans.batchOk} ok`,
      },
      kept,
      {
        name: 'national table: garbage collection pauses, burst rounds; scans (set-ups and raw slices included)',
        value: `${round(burstGc.totalMs, 0)} ms (longest ${round(burstGc.longestMs, 0)}); ${round(scansGc.totalMs, 0)} ms (longest ${round(scansGc.longestMs, 0)})`,
        unit: '',
        note: 'the one Node process of app and load generator; information, for a ratio that misses',
      },
    ];
  } finally {
    await served.close();
  }
}

/** Runs `task` while noting the process's garbage collection pauses. */
async function collecting<T>(task: () => Promise<T>) {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    const result = await task();
    return {
      result,
      totalMs: pauses.reduce((a, b) => a + b, 0),
      longestMs: Math.max(0, ...pauses),
    };
  } finally {
    observer.disconnect();
  }
}

/**
 * That the stream did reach the counters: every cooperative of the burst counted as registered, and every one
 * whose officers were scanned as briefed (the scenarios' regencies, 99.01 and 99.02).
 */
async function keptCoverage(
  coverage: ReturnType<typeof createCoverageService>,
  n: RatioRun,
): Promise<BenchFigure> {
  const briefed = Math.ceil((n.scans + n.batch) / 3);
  try {
    const [burst, door] = await Promise.all([
      coverage.regency(viewer, '99.01'),
      coverage.regency(viewer, '99.02'),
    ]);
    const pass = burst.total.registered === n.burst && door.total.briefed === briefed;
    return {
      name: 'national table: coverage counters after the stream',
      value: `${burst.total.registered} registered, ${door.total.briefed} briefed`,
      unit: '',
      pass,
      note: `expected ${n.burst} registered (burst) and ${briefed} briefed (scanned)`,
    };
  } catch (error) {
    return {
      name: 'national table: coverage counters after the stream',
      value: 'unreadable',
      unit: '',
      pass: false,
      note: String(error),
    };
  }
}

/**
 * Builds and writes both tables; only the counts of what was written are kept. The items and the area data (some
 * hundreds of MB) would otherwise stay alive through the measurements, where the app shares their heap and every
 * full garbage collection would walk them on its request path.
 */
async function loadTables(sessions: number, regencies: number, officers: number) {
  const tables = await loadAreaTables();
  const all = tables.regencies.map((row) => row.code).sort();
  // Kotim first, then regencies spread over the whole list, so every province has sessions somewhere.
  const step = all.length / regencies;
  const chosen = [
    KOTIM,
    ...Array.from({ length: regencies }, (_, i) => all[Math.floor(i * step)] as string).filter(
      (c) => c !== KOTIM,
    ),
  ].slice(0, regencies);
  const kotimSessions = Math.round(sessions / regencies);
  const built = {
    national: nationalItems(tables, all, chosen, sessions, officers),
    one: nationalItems(tables, [KOTIM], [KOTIM], kotimSessions, Math.round(officers / regencies)),
  };
  const nationalData = { items: built.national.items.length, registered: built.national.registered };
  const oneData = { items: built.one.items.length };
  // One emulator after the other: two Java processes starting at once on two cores time out.
  const one = await table(built.one.items, 'hadir-bench-one-regency');
  const national = await table(built.national.items, 'hadir-bench-national').catch(async (error) => {
    await one.dynamo.stop();
    throw error;
  });
  return { all, chosen, one, national, nationalData, oneData };
}

/**
 * The coverage pages at national size against a table holding a single regency (Kotim and its own sessions),
 * each in a DynamoDB Local of its own (see bench/scale.ts on why), measured in alternating rounds: the national,
 * Kalimantan Tengah and Kotim pages as their service builds them (every read a page makes), p95 of each, and the
 * read units each takes.
 */
export async function nationalCoverage({
  sessions = 2_000,
  regencies = 300,
  officers = 200_000,
  rounds = 8,
  perRound = 5,
  ratios,
}: {
  sessions?: number;
  regencies?: number;
  officers?: number;
  rounds?: number;
  perRound?: number;
  /** Also the registration and check-in ratios against the national table (after the pages). */
  ratios?: RatioRun;
} = {}): Promise<BenchFigure[]> {
  const started = Date.now();
  const { all, chosen, one, national, nationalData, oneData } = await loadTables(
    sessions,
    regencies,
    officers,
  );
  try {
    const pages = {
      national: (store: Store) => createCoverageService(store).nation(viewer),
      province: (store: Store) => createCoverageService(store).province(viewer, '62'),
      regency: (store: Store) => createCoverageService(store).regency(viewer, KOTIM),
    };
    const samples = {
      one: { national: [] as number[], province: [] as number[], regency: [] as number[] },
      national: { national: [] as number[], province: [] as number[], regency: [] as number[] },
    };
    const units = { one: {} as Record<string, number>, national: {} as Record<string, number> };
    for (let r = 0; r < rounds + 2; r++) {
      for (const [side, env] of [
        ['one', one],
        ['national', national],
      ] as const) {
        for (const [name, page] of Object.entries(pages) as [
          keyof typeof pages,
          (s: Store) => Promise<unknown>,
        ][]) {
          for (let i = 0; i < perRound; i++) {
            const t = performance.now();
            const measured = await env.meter.measure(() => page(env.store()));
            const ms = performance.now() - t;
            if (r >= 2) samples[side][name].push(ms);
            units[side][name] = measured.read;
          }
        }
      }
    }
    const figures: BenchFigure[] = [
      {
        name: `national coverage data: ${all.length} regencies' directory, ${sessions} sessions in ${chosen.length} regencies, ${officers} officers`,
        value: round(national.seconds, 0),
        unit: 's to write',
        note: `${nationalData.items} items (${nationalData.registered} cooperatives registered); single regency: ${oneData.items} items`,
      },
    ];
    for (const name of ['national', 'province', 'regency'] as const) {
      const a = summarize(samples.one[name]).p95;
      const b = summarize(samples.national[name]).p95;
      figures.push({
        name: `coverage ${name} page p95, one regency → national`,
        value: `${round(a)} → ${round(b)}`,
        unit: 'ms',
        note: `read units ${round(units.one[name] ?? 0, 1)} → ${round(units.national[name] ?? 0, 1)}`,
      });
      figures.push({
        name: `coverage ${name} page p95 at national size / one regency`,
        value: b / a,
        unit: 'x',
        ...check(b / a, { max: 1.2 }),
      });
    }
    if (ratios) {
      // The single regency's emulator is done with: its Java process would only take memory from the runs.
      await one.dynamo.stop();
      figures.push(...(await ratiosAtNationalSize(national, 'hadir-bench-national', ratios)));
    }
    figures.push({
      name: 'national coverage scenario, whole',
      value: round((Date.now() - started) / 1000, 0),
      unit: 's',
    });
    return figures;
  } finally {
    await Promise.all([one.dynamo.stop(), national.dynamo.stop()]);
  }
}
