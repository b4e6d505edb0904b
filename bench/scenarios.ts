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
 * Raw DynamoDB Local, same run: the registration's yardstick (the check-in's raw UpdateItem runs in rounds between
 * the scans, in checkinScans). The transaction baseline replays a registration's own
 * items with fresh keys (its session counter update on one hot item, as in the app), so the ratio measures what
 * hadir adds: HTTP, validation, reads, waitlist logic and retries. A minimal 2-item transaction is measured too,
 * for reference. `total` transactions per concurrency level.
 */
export async function rawBaseline(env: Environment, total: number, registration: TransactItems) {
  const { doc, tableName } = env;
  const counter = { pk: 'RAW#counter', sk: 'RAW' };
  const hotEvent = { pk: 'RAW#event', sk: 'RAW' };
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: counter,
      UpdateExpression: 'SET n = :zero',
      ExpressionAttributeValues: { ':zero': 0 },
    }),
  );
  const eventKey = registration.find((item) => item.Update)?.Update?.Key as Record<string, unknown>;
  const { Item: eventItem } = await doc.send(new GetCommand({ TableName: tableName, Key: eventKey }));
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...eventItem, ...hotEvent } }));

  const replay = (i: number): TransactItems =>
    registration.map((item, k) => {
      if (item.Update) return { Update: { ...item.Update, Key: hotEvent } };
      if (item.Put)
        return { Put: { ...item.Put, Item: { ...item.Put.Item, pk: `RAW#${i}#${k}`, sk: 'RAW' } } };
      throw new Error('a registration writes only Update and Put items');
    });
  // One hot item: a raw flood at concurrency 50 queues on DynamoDB Local's item lock and runs slower than at lower
  // concurrency, so the yardstick is the best rate over a few concurrencies (stricter than the same 50).
  let best = { concurrency: 0, perSecond: 0 };
  let offset = 0;
  for (const concurrency of [1, 5, 10, 25, 50]) {
    const start = offset;
    const run = await runConcurrent(total, concurrency, async (i) => {
      await doc.send(new TransactWriteCommand({ TransactItems: replay(start + i) }));
    });
    offset += total;
    const perSecond = total / (run.elapsedMs / 1000);
    if (perSecond > best.perSecond) best = { concurrency, perSecond };
  }
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
  return {
    registrationTxPerSecond: best.perSecond,
    registrationTxBestConcurrency: best.concurrency,
    registrationTxItems: registration.length,
    minimalTxPerSecond: total / (minimal.elapsedMs / 1000),
  };
}

/** 1,000 cooperatives x 3 officers at concurrency 50 over HTTP against 300 seats. */
export async function registrationBurst(env: Environment, total: number) {
  const cooperatives = await syntheticRegency(env.store, '99.01', total);
  const event = benchEvent({ capacity: 300, regencyCode: '99.01' });
  await env.store.events.put(event);
  const statuses: number[] = [];
  const { latencies, elapsedMs } = await runConcurrent(total, 50, async (i) => {
    const res = await postJson(
      `${env.url}/api/events/${event.id}/registrations`,
      registrationBody(cooperatives[i]?.id as string, 3, 10_000 + i),
    );
    statuses.push(res.status);
  });
  const stored = await env.store.events.get(event.id, { consistent: true });
  const roster = await env.store.registrations.listByEvent(event.id);
  const waitlist = roster.filter((r) => r.status === 'waitlisted').map((r) => r.queuedAt);
  const correct =
    stored?.seatsTaken === 300 &&
    roster.filter((r) => r.status === 'confirmed').length === 100 &&
    waitlist.length === total - 100 &&
    waitlist.every((at, i) => i === 0 || (waitlist[i - 1] as string) <= at) &&
    statuses.every((s) => s === 201);
  return {
    perSecond: total / (elapsedMs / 1000),
    latency: summarize(latencies),
    correct,
    detail: `${stored?.seatsTaken} seats, ${waitlist.length} waitlisted, ${statuses.filter((s) => s >= 500).length} 5xx`,
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
