import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { User } from '../functions/domain/accounts';
import { newSecret, ticketHash } from '../functions/domain/tokens';
import { createCampaignRunner } from '../functions/followups/runner';
import { createLocalOutboxTransport } from '../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../functions/mail/outbox-worker';
import { invitationLettersPdf } from '../functions/outreach/letter-pdf';
import { createCampaignService } from '../functions/services/campaigns';
import { bundleHandler } from '../infra/constructs/bundle';
import {
  benchEvent,
  type Environment,
  postJson,
  registrationBody,
  station,
  syntheticRegency,
} from './environment';
import { runConcurrent, summarize } from './lib';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * The exact transaction one 3-officer registration writes (session counter, registration, cooperative, phone and
 * ticket locks), captured from the app itself, so the baseline is "the same database work, written raw".
 */
export async function captureRegistrationTransaction(env: Environment): Promise<TransactItems> {
  const [cooperative] = await syntheticRegency(env.store, '99.09', 1);
  const event = benchEvent({ capacity: 1_000_000, regencyCode: '99.09' });
  await env.store.events.put(event);
  let captured: TransactItems | undefined;
  // At the initialize step the items are still plain values, as the replay sends them.
  env.doc.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as TransactWriteCommandInput;
      if (input.TransactItems) captured = structuredClone(input.TransactItems);
      return next(args);
    },
    { step: 'initialize', name: 'benchCaptureTransaction' },
  );
  const stopCapturing = () => env.doc.middlewareStack.remove('benchCaptureTransaction');
  try {
    const res = await postJson(
      `${env.url}/api/events/${event.id}/registrations`,
      registrationBody(cooperative?.id as string, 3, 1),
    );
    if (res.status !== 201 || !captured) throw new Error(`capture registration answered ${res.status}`);
  } finally {
    stopCapturing();
  }
  return captured;
}

/**
 * Raw DynamoDB Local, same run: the registration's yardstick. The replay writes a registration's own items with
 * fresh keys (its session counter update on one hot item of its own, a copy of the captured session, as in the
 * app), so the ratio measures what hadir adds: HTTP, validation, reads, waitlist logic and retries.
 */
async function registrationReplay(env: Environment, registration: TransactItems) {
  const { doc, tableName } = env;
  const hotEvent = { pk: 'RAW#event', sk: 'RAW' };
  const eventKey = registration.find((item) => item.Update)?.Update?.Key as Record<string, unknown>;
  const { Item: eventItem } = await doc.send(new GetCommand({ TableName: tableName, Key: eventKey }));
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...eventItem, ...hotEvent } }));
  const items = (i: number): TransactItems =>
    registration.map((item, k) => {
      if (item.Update) return { Update: { ...item.Update, Key: hotEvent } };
      if (item.Put)
        return { Put: { ...item.Put, Item: { ...item.Put.Item, pk: `RAW#${i}#${k}`, sk: 'RAW' } } };
      throw new Error('a registration writes only Update and Put items');
    });
  return async (i: number) => {
    await doc.send(new TransactWriteCommand({ TransactItems: items(i) }));
  };
}

/** A minimal 2-item transaction (a hot counter and a new item) at concurrency 50, for reference only. */
export async function minimalTransactions(env: Environment, total: number) {
  const { doc, tableName } = env;
  const counter = { pk: 'RAW#counter', sk: 'RAW' };
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: counter,
      UpdateExpression: 'SET n = :zero',
      ExpressionAttributeValues: { ':zero': 0 },
    }),
  );
  const minimal = await runConcurrent(total, 50, async (i) => {
    await doc
      .send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: counter,
                UpdateExpression: 'ADD n :one',
                ConditionExpression: 'n < :max',
                ExpressionAttributeValues: { ':one': 1, ':max': 1_000_000 },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: { pk: `RAW#item${i}`, sk: 'RAW' },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      )
      .catch(() => undefined); // conflicts on the hot counter count as work done
  });
  return { perSecond: total / (minimal.elapsedMs / 1000) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * `total` cooperatives x 3 officers over HTTP at concurrency 50 against 300 seats, in `rounds` slices that
 * alternate with slices of as many raw replays of the registration's own transaction at the same concurrency on
 * the same table (the check-in's raw UpdateItems alternate with its scans the same way). Measured apart, the raw
 * baseline caught a quiet minute and the burst a busy one on this shared 2-core machine: the national ratio read
 * 0.53 in one run and 0.36 in the next while the app's own rate was flat. The app and raw slices swap order every
 * round so that a machine getting busier or quieter does not favour either side. One uncounted round of each warms
 * both up first. `betweenRounds` runs after each round, outside both timings (the national bench applies the
 * table's stream there, as the coverage worker would have meanwhile).
 *
 * The budgeted ratio is from the totals: (registrations / the app slices' time) / (transactions / the raw slices'
 * time), the two counts being equal. Not the median of per-round ratios: all rounds share one session (below), so
 * the first round takes the 300 seats and the later ones only waitlist, and a median would keep a waitlist-only
 * round and drop the rounds that confirm; the totals weigh every registration once, as the burst's own rate did.
 * The per-round ratios are returned for information.
 *
 * One session for all rounds, not one per round: the figure is 1,000 registrations racing for 300 seats, and the
 * check after the last round is the burst's own (exactly 300 seats taken, 100 groups confirmed, 900 waitlisted in
 * order of arrival, every answer 201). Sessions of 30 seats per round would keep each round's mix alike but race
 * for a session ten times smaller, a different workload from the one named. The only difference from one
 * uninterrupted burst is that the 50 in flight drain at the end of each slice; the raw slices drain the same way.
 */
export async function registrationRounds(
  env: Environment,
  total: number,
  registration: TransactItems,
  {
    rounds = 10,
    concurrency = 50,
    betweenRounds,
  }: {
    rounds?: number;
    concurrency?: number;
    betweenRounds?: () => Promise<unknown>;
  } = {},
) {
  const raw = await registrationReplay(env, registration);
  const cooperatives = await syntheticRegency(env.store, '99.01', total);
  const event = benchEvent({ capacity: 300, regencyCode: '99.01' });
  await env.store.events.put(event);
  const statuses: number[] = [];
  const register = (eventId: string, cooperativeId: string, seed: number) =>
    postJson(`${env.url}/api/events/${eventId}/registrations`, registrationBody(cooperativeId, 3, seed));

  // Warm-up, not counted: a session and cooperatives of their own, so the measured session's seats stay intact.
  const warmCooperatives = await syntheticRegency(env.store, '99.08', concurrency);
  const warmEvent = benchEvent({ capacity: 1_000_000, regencyCode: '99.08' });
  await env.store.events.put(warmEvent);
  await runConcurrent(concurrency, concurrency, async (i) => {
    await register(warmEvent.id, warmCooperatives[i]?.id as string, 30_000 + i);
  });
  let rawOffset = 0;
  await runConcurrent(concurrency, concurrency, (i) => raw(rawOffset + i));
  rawOffset += concurrency;
  await betweenRounds?.();

  const latencies: number[] = [];
  const rawLatencies: number[] = [];
  const perRound: number[] = [];
  let appMs = 0;
  let rawMs = 0;
  const size = Math.ceil(total / rounds);
  for (let round = 0, done = 0; done < total; round++) {
    const from = done;
    const count = Math.min(size, total - done);
    const app = async () => {
      const run = await runConcurrent(count, concurrency, async (i) => {
        const res = await register(event.id, cooperatives[from + i]?.id as string, 10_000 + from + i);
        statuses.push(res.status);
      });
      latencies.push(...run.latencies);
      return run.elapsedMs;
    };
    const replay = async () => {
      const start = rawOffset;
      rawOffset += count;
      const run = await runConcurrent(count, concurrency, (i) => raw(start + i));
      rawLatencies.push(...run.latencies);
      return run.elapsedMs;
    };
    let a: number;
    let r: number;
    if (round % 2 === 0) {
      a = await app();
      r = await replay();
    } else {
      r = await replay();
      a = await app();
    }
    appMs += a;
    rawMs += r;
    perRound.push(r / a);
    done += count;
    await betweenRounds?.();
  }

  const stored = await env.store.events.get(event.id, { consistent: true });
  const roster = await env.store.registrations.listByEvent(event.id);
  const waitlist = roster.filter((r) => r.status === 'waitlisted').map((r) => r.queuedAt);
  const correct =
    stored?.seatsTaken === 300 &&
    roster.filter((r) => r.status === 'confirmed').length === 100 &&
    waitlist.length === total - 100 &&
    waitlist.every((at, i) => i === 0 || (waitlist[i - 1] as string) <= at) &&
    statuses.every((s) => s === 201);
  const perSecond = total / (appMs / 1000);
  const rawPerSecond = total / (rawMs / 1000);
  return {
    perSecond,
    latency: summarize(latencies),
    correct,
    detail: `${stored?.seatsTaken} seats, ${waitlist.length} waitlisted, ${statuses.filter((s) => s >= 500).length} 5xx`,
    raw: { perSecond: rawPerSecond, latency: summarize(rawLatencies), items: registration.length },
    ratio: perSecond / rawPerSecond,
    rounds: perRound.length,
    concurrency,
    perRound,
    perRoundSummary: `${perRound.length} rounds of ${size}; per round ${Math.min(...perRound).toFixed(2)}-${Math.max(...perRound).toFixed(2)}, median ${median(perRound).toFixed(2)}`,
  };
}

/** Registers officers in-process (not measured) and returns their ticket codes. */
export async function registeredTickets(
  env: Pick<Environment, 'url'>,
  eventId: string,
  regencyCode: string,
  cooperativeIds: string[],
) {
  const codes: string[] = [];
  await runConcurrent(cooperativeIds.length, 20, async (i) => {
    const res = await postJson(
      `${env.url}/api/events/${eventId}/registrations`,
      registrationBody(cooperativeIds[i] as string, 3, 50_000 + i + regencyCode.length * 100_000),
    );
    const participants = (res.body.registration as { participants: { ticketCode: string }[] }).participants;
    codes.push(...participants.map((p) => p.ticketCode));
  });
  return codes;
}

/**
 * 1,000 scans over HTTP from an enrolled station, as its door page sends them; then a 500-scan offline batch.
 * `betweenRounds` runs after each round, outside both timings (the national bench applies the table's stream
 * there, as the coverage worker would have meanwhile).
 */
export async function checkinScans(
  env: Environment,
  scans: number,
  batchSize: number,
  betweenRounds?: () => Promise<unknown>,
) {
  const cooperatives = await syntheticRegency(env.store, '99.02', Math.ceil((scans + batchSize) / 3));
  const event = benchEvent({ capacity: 5_000, regencyCode: '99.02' });
  await env.store.events.put(event);
  const codes = await registeredTickets(
    env,
    event.id,
    '99.02',
    cooperatives.map((c) => c.id),
  );
  const auth = await station(env.store, event.id);
  // As the door page does: it holds the roster and sends each scanned code with its registration as a hint.
  const rosterResponse = await fetch(`${env.url}/api/events/${event.id}/roster`, { headers: auth });
  const { roster } = (await rosterResponse.json()) as {
    roster: { ticketHash: string; registrationId: string }[];
  };
  const registrationOf = new Map(roster.map((entry) => [entry.ticketHash, entry.registrationId]));
  const scan = (ticketCode: string) => ({
    ticketCode,
    registrationId: registrationOf.get(ticketHash(ticketCode)),
  });
  // The raw UpdateItem baseline (one conditional write of a new item, as a check-in's is) runs in rounds that
  // alternate with the scans', at the same concurrency, so both see the same emulator and the same machine: on
  // this shared 2-core host either one measured minutes apart from the other drifts by a third.
  const latencies: number[] = [];
  const raw: number[] = [];
  const rounds = 10;
  const perRound = Math.ceil(scans / rounds);
  for (let round = 0, done = 0; done < scans; round++) {
    const from = done;
    const count = Math.min(perRound, scans - done);
    const scanned = await runConcurrent(count, 10, async (i) => {
      const res = await postJson(
        `${env.url}/api/events/${event.id}/checkins`,
        scan(codes[from + i] as string),
        auth,
      );
      if (res.status !== 200) throw new Error(`scan answered ${res.status}`);
    });
    latencies.push(...scanned.latencies);
    const updated = await runConcurrent(count, 10, async (i) => {
      await env.doc.send(
        new UpdateCommand({
          TableName: env.tableName,
          Key: { pk: `RAW#u${round}-${i}`, sk: 'RAW' },
          UpdateExpression: 'SET scannedAt = :at',
          ConditionExpression: 'attribute_not_exists(pk)',
          ExpressionAttributeValues: { ':at': i },
        }),
      );
    });
    raw.push(...updated.latencies);
    done += count;
    await betweenRounds?.();
  }
  const batch = codes.slice(scans, scans + batchSize).map((ticketCode, i) => ({
    clientId: `bench-${i}`,
    ...scan(ticketCode),
    scannedAt: new Date().toISOString(),
  }));
  // Synced as the door page syncs its queue: 200 scans a request (functions/http/assets/checkin-script.ts).
  const t0 = performance.now();
  let ok = 0;
  for (let from = 0; from < batch.length; from += 200) {
    const res = await postJson(
      `${env.url}/api/events/${event.id}/checkins/batch`,
      { checkins: batch.slice(from, from + 200) },
      auth,
    );
    if (res.status !== 200) throw new Error(`batch sync answered ${res.status}`);
    ok += (res.body.results as { ok: boolean }[]).filter((r) => r.ok).length;
  }
  const batchMs = performance.now() - t0;
  return {
    latency: summarize(latencies),
    rawUpdate: summarize(raw),
    batchMs,
    batchOk: ok,
    eventId: event.id,
    auth,
  };
}

/**
 * Confirmation emails rendered back to back in one process (one core), by the code as the email Lambdas run it:
 * bench/render-rate.ts bundled like them (React's production build; under tsx React runs its development build,
 * about 40% slower).
 */
export async function emailRenders(count: number) {
  const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
  try {
    bundleHandler('bench/render-rate.ts', dir);
    const out = execFileSync(process.execPath, [join(dir, 'index.mjs')], {
      env: { ...process.env, RENDER_COUNT: String(count) },
      encoding: 'utf8',
    });
    return JSON.parse(out) as { perSecond: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A thanks-style campaign to every registered officer of a session with `officers` officers (each with their own
 * email): audience computed at send time and every recipient queued with its email job.
 */
export async function campaignRun(env: Environment, officers: number) {
  const cooperatives = await syntheticRegency(env.store, '95.01', Math.ceil(officers / 3));
  const event = benchEvent({ capacity: officers + 10, regencyCode: '95.01' });
  await env.store.events.put(event);
  await runConcurrent(cooperatives.length, 20, async (i) => {
    const body = registrationBody(cooperatives[i]?.id as string, 3, 600_000 + i);
    const participants = body.participants.map((p, j) => ({ ...p, email: `pengurus${i}-${j}@example.org` }));
    await postJson(`${env.url}/api/events/${event.id}/registrations`, { ...body, participants });
  });
  const admin: User = {
    id: 'bench-admin',
    email: 'admin@hadir.test',
    name: 'Bench',
    role: 'admin',
    organisationId: 'bench',
    active: true,
    createdAt: new Date().toISOString(),
  } as User;
  const campaigns = createCampaignService(env.store);
  const campaign = await campaigns.create(admin, event.id, {
    kind: 'thanks',
    segment: 'all_registered',
    sendAt: { type: 'absolute', at: new Date(Date.now() - 60_000).toISOString() },
    materials: [],
  });
  const runner = createCampaignRunner(env.store);
  const measured = await env.meter.measure(async () => {
    const t0 = performance.now();
    const outcome = await runner.run(campaign.id);
    return { ms: performance.now() - t0, outcome };
  });
  // Send rate: the worker (the same drain as the stream Lambda) renders and delivers into the local outbox.
  const worker = createOutboxWorker({
    store: env.store,
    transport: createLocalOutboxTransport(env.store.devMail),
    mail: { baseUrl: env.url, from: 'bench@hadir.test' },
  });
  const t0 = performance.now();
  let sent = 0;
  for (;;) {
    const report = await worker.drain({ limit: 200, concurrency: 8 });
    sent += report.outcomes.filter((outcome) => outcome === 'sent').length;
    if (report.processed === 0) break;
  }
  const sendPerSecond = sent / ((performance.now() - t0) / 1000);
  return { ...measured.result, read: measured.read, write: measured.write, sent, sendPerSecond };
}

/** The invitation letters of `count` cooperatives merged into one PDF, as the console's "print all" serves them. */
export async function mergedLetters(count: number) {
  const event = benchEvent();
  const letters = Array.from({ length: count }, (_, i) => ({
    number: `500/${i + 1}/DISKOPUKM/X/2025`,
    cooperativeName: `Koperasi Desa Merah Putih Bench ${i + 1}`,
    villageName: `Bench ${i + 1}`,
    districtName: 'Mentawa Baru Ketapang',
    recipientName: 'Narahubung Koperasi',
    link: `https://hadir.example.go.id/acara/${event.id}/daftar?undangan=${newSecret()}`,
  }));
  const t0 = performance.now();
  const pdf = await invitationLettersPdf(letters, {
    event,
    date: new Date(),
    place: 'Sampit',
    signerName: '( ........................................ )',
    signerTitle: 'Kepala Dinas Koperasi',
  });
  return { ms: performance.now() - t0, kb: pdf.length / 1024 };
}
