import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLocalOutboxTransport } from '../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../functions/mail/outbox-worker';
import { budgets } from './budgets';
import { coldStarts } from './cold-start';
import { emailRenderRates } from './email-render';
import {
  benchEvent,
  postJson,
  registrationBody,
  startEnvironment,
  station,
  syntheticRegency,
} from './environment';
import { check, type Figure, printTable, round } from './lib';
import { nationalCoverage } from './national';
import { pageLoad } from './pages';
import { questionSession } from './questions';
import { scaleComparison } from './scale';
import {
  campaignRun,
  captureRegistrationTransaction,
  checkinScans,
  mergedLetters,
  minimalTransactions,
  registeredTickets,
  registrationRounds,
} from './scenarios';
import { scheduledWork } from './scheduled-work';
import { whatsappThroughput } from './whatsapp';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** AWS list prices (us-east-1, 2025; see shared notes): what a whole session would cost on demand. */
const PRICE = {
  wru: 0.625e-6,
  rru: 0.125e-6,
  lambdaRequest: 0.2e-6,
  lambdaGbSecond: 0.0000133334,
  apiRequest: 1e-6,
  email: 0.1e-3,
};

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      national: { type: 'boolean', default: false },
      qa: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  const n = {
    raw: quick ? 300 : 1000,
    burst: quick ? 300 : 1000,
    registrationRounds: quick ? 5 : 10,
    scans: quick ? 300 : 1000,
    batch: 500,
    renderRounds: quick ? 10 : 20,
    coldStartRounds: quick ? 7 : 11,
    campaign: quick ? 300 : 1000,
    scaleSessions: quick ? 20 : 200,
    scaleOfficers: quick ? 10_000 : 100_000,
  };
  const figures: Figure[] = [];
  const add = (figure: Figure) => {
    figures.push(figure);
    console.error(
      `  ${figure.name}: ${typeof figure.value === 'number' ? round(figure.value, 2) : figure.value} ${figure.unit}`,
    );
  };
  const env = await startEnvironment();
  try {
    // --qa: tanya jawab alone (bench/questions.ts), a minute or two.
    if (values.qa) {
      console.error('tanya jawab…');
      for (const figure of await questionSession(env)) add(figure);
      return report(figures, quick);
    }
    console.error('registration, in rounds with its raw transaction…');
    const burst = await registrationRounds(env, n.burst, await captureRegistrationTransaction(env), {
      rounds: n.registrationRounds,
    });
    const ratio = burst.ratio;
    add({
      name: `raw registration transactions (${burst.raw.items} items, replayed)`,
      value: burst.raw.perSecond,
      unit: 'tx/s',
      note: `baseline, concurrency ${burst.concurrency}, ${n.burst} in ${burst.rounds} rounds alternating with the burst's`,
    });
    const minimal = await minimalTransactions(env, n.raw / 2);
    add({
      name: 'raw 2-item transactions',
      value: minimal.perSecond,
      unit: 'tx/s',
      note: 'reference, concurrency 50',
    });
    add({
      name: `registrations (${n.burst} x 3 officers, c=50, 300 seats)`,
      value: burst.perSecond,
      unit: 'reg/s',
      note: `p50 ${round(burst.latency.p50)} / p95 ${round(burst.latency.p95)} / p99 ${round(burst.latency.p99)} ms`,
    });
    add({
      name: 'registration rate / raw registration transaction rate',
      value: ratio,
      unit: 'x',
      ...check(ratio, budgets.registrationRateVsRawTransactions),
      note: `from the totals; ${burst.perRoundSummary}`,
    });
    add({
      name: 'burst correctness',
      value: burst.correct ? 'exact' : 'WRONG',
      unit: '',
      pass: burst.correct,
      note: burst.detail,
    });

    console.error('check-in…');
    const scans = await checkinScans(env, n.scans, n.batch);
    const scanRatio = scans.latency.p95 / scans.rawUpdate.p95;
    add({
      name: 'raw DynamoDB Local UpdateItem p95',
      value: scans.rawUpdate.p95,
      unit: 'ms',
      note: `baseline, concurrency 10, ${n.scans} in rounds alternating with the scans'`,
    });
    add({
      name: `check-in (${n.scans} scans, c=10)`,
      value: scans.latency.p95,
      unit: 'ms p95',
      note: `p50 ${round(scans.latency.p50)} / p99 ${round(scans.latency.p99)} ms`,
    });
    add({
      name: 'check-in p95 / raw UpdateItem p95',
      value: scanRatio,
      unit: 'x',
      ...check(scanRatio, budgets.checkinP95VsRawUpdate),
    });
    add({
      name: `offline batch sync (${n.batch} scans)`,
      value: scans.batchMs,
      unit: 'ms',
      ...check(scans.batchMs, budgets.batchSync500Ms),
      note: `${round(n.batch / (scans.batchMs / 1000))} check-ins/s, ${scans.batchOk} ok`,
    });

    // --national: the coverage dashboards at national size, then the registration and check-in ratios against the
    // same table beside the small table's above (bench/national.ts). Its data takes minutes to load, so it runs on
    // request only, and alone: the other scenarios are the plain `npm run bench`.
    if (values.national) {
      console.error('national coverage…');
      const small = { registration: ratio, checkin: scanRatio };
      for (const figure of await nationalCoverage({ ratios: { ...n, small } })) add(figure);
      return report(figures, quick);
    }

    console.error('email…');
    const renders = emailRenderRates(n.renderRounds, 200);
    add({
      name: 'floor: bare template rendered by React alone (one core)',
      value: renders.barePerSecond,
      unit: '/s',
      note: 'the same words and links in bare HTML; information only',
    });
    add({
      name: 'confirmation emails rendered (one core)',
      value: renders.perSecond,
      unit: '/s',
      note: 'subject, HTML and plain text; information only',
    });
    add({
      name: 'confirmation email / bare template render',
      value: renders.costVsBare,
      unit: 'x',
      ...check(renders.costVsBare, budgets.confirmationRenderVsBare),
      note: `CPU time, median of ${n.renderRounds} alternating rounds`,
    });
    const campaign = await campaignRun(env, n.campaign);
    add({
      name: `${n.campaign}-recipient campaign computed and queued`,
      value: campaign.ms,
      unit: 'ms',
      ...check(campaign.ms, budgets.campaign1000Ms),
      note: `${round(campaign.read, 0)} RRU + ${round(campaign.write, 0)} WRU`,
    });
    add({
      name: 'campaign send rate (render + deliver to the local outbox)',
      value: campaign.sendPerSecond,
      unit: 'emails/s',
      note: `${campaign.sent} sent by one worker process`,
    });

    const letters = await mergedLetters(185);
    add({
      name: 'surat undangan: 185 letters in one PDF',
      value: letters.ms,
      unit: 'ms',
      ...check(letters.ms, budgets.mergedLettersMs),
      note: `${round(letters.kb)} KiB, what the console serves for all of Kotim's cooperatives`,
    });

    console.error('cold start…');
    const cold = await coldStarts(n.coldStartRounds);
    add({
      name: 'floor: hono + DynamoDB document client, module load',
      value: cold.floor.cpuMs,
      unit: 'ms CPU',
      note: `${round(cold.floor.kb, 0)} KiB bundled as the functions are; ${round(cold.floor.wallMs)} ms wall; information only`,
    });
    // The public API, the email workers and the console have budgets; the other functions are reported for the record.
    const loadBudgets: Record<string, { max: number }> = {
      api: budgets.apiLoadVsFloor,
      console: budgets.consoleLoadVsFloor,
      'outbox-stream': budgets.workerLoadVsFloor,
      'outbox-sweep': budgets.workerLoadVsFloor,
    };
    for (const [name, result] of Object.entries(cold.functions)) {
      const budget = loadBudgets[name];
      add({
        name: `${name} module load / floor`,
        value: result.ratio,
        unit: 'x',
        ...(budget ? check(result.ratio, budget) : {}),
        note: `${round(result.kb, 0)} KiB at cold start (${round(result.totalKb, 0)} shipped); ${round(result.cpuMs)} ms CPU, ${round(result.wallMs)} ms wall (information only)`,
      });
    }

    console.error('tanya jawab…');
    for (const figure of await questionSession(env)) add(figure);

    console.error('DynamoDB cost…');
    const cost = await capacityAndBill(env, scans);
    for (const figure of cost) add(figure);

    console.error('WhatsApp…');
    for (const figure of await whatsappThroughput(env, quick ? 100 : 300)) add(figure);

    console.error('scale…');
    for (const figure of await scale(env, n.scaleSessions, n.scaleOfficers)) add(figure);

    console.error('pages…');
    const event = benchEvent();
    await env.store.events.put(event);
    const register = await pageLoad(
      `${env.url}/acara/${event.id}/daftar`,
      '#registration button[type=submit]',
    );
    add({
      name: 'registration page first load',
      value: register.kb,
      unit: 'KiB',
      ...check(register.kb, budgets.pageKb),
      note: 'compressed, as transferred',
    });
    add({
      name: 'registration form usable (4x CPU, slow 3G)',
      value: register.usableMs,
      unit: 'ms',
      ...check(register.usableMs, budgets.formUsableMs),
    });
    const door = await station(env.store, event.id);
    const checkin = await pageLoad(
      `${env.url}/checkin/enrol?token=${encodeURIComponent(door.authorization.replace('Bearer ', ''))}`,
      '[data-ready]',
    );
    add({
      name: 'check-in page first load (roster included)',
      value: checkin.kb,
      unit: 'KiB',
      ...check(checkin.kb, budgets.pageKb),
      note: `ready (roster cached) after ${checkin.usableMs} ms at 4x CPU, slow 3G`,
    });
    console.error('scheduled work…');
    for (const figure of await scheduledWork(env)) add(figure);
    add({
      name: 'Scan calls on request paths',
      value: env.meter.totals.scans,
      unit: '',
      pass: env.meter.totals.scans === 0,
    });
  } finally {
    await env.stop();
  }
  report(figures, quick);
}

function report(figures: Figure[], quick: boolean) {
  printTable(figures);
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ at: new Date().toISOString(), quick, figures }, null, 2)}\n`,
  );
  const failed = figures.filter((f) => f.pass === false).length;
  console.log(`\n${figures.filter((f) => f.pass).length} passed, ${failed} failed`);
}

/** Capacity units per operation (table + indexes), then the bill of one 400-officer session. */
async function capacityAndBill(
  env: Awaited<ReturnType<typeof startEnvironment>>,
  scans: Awaited<ReturnType<typeof checkinScans>>,
): Promise<Figure[]> {
  const cooperatives = await syntheticRegency(env.store, '99.03', 140);
  const event = benchEvent({ capacity: 450, regencyCode: '99.03' });
  await env.store.events.put(event);
  const worker = createOutboxWorker({
    store: env.store,
    transport: createLocalOutboxTransport(env.store.devMail),
    mail: { baseUrl: env.url, from: 'bench@hadir.test' },
  });
  const body = {
    ...registrationBody(cooperatives[0]?.id as string, 3, 90_000),
    contact: { name: 'Narahubung', phone: '+6285100000001', email: 'kontak@example.org' },
  };
  const registration = await env.meter.measure(() =>
    postJson(`${env.url}/api/events/${event.id}/registrations`, body),
  );
  // Only this registration's emails: earlier scenarios may have left other jobs in the queue.
  const registrationId = (registration.result.body.registration as { id: string }).id;
  const jobs = (await env.store.outbox.due(new Date(Date.now() + 60_000), 5_000)).filter(
    (job) => job.registrationId === registrationId,
  );
  const emails = await env.meter.measure(() => Promise.all(jobs.map((job) => worker.processJob(job.id))));
  await registeredTickets(
    env,
    event.id,
    '99.03',
    cooperatives.slice(1, 134).map((c) => c.id),
  );
  const auth = await station(env.store, event.id);
  const code = (registration.result.body.registration as { participants: { ticketCode: string }[] })
    .participants[0]?.ticketCode;
  const checkin = await env.meter.measure(() =>
    postJson(`${env.url}/api/events/${event.id}/checkins`, { ticketCode: code }, auth),
  );
  const roster = await env.meter.measure(() =>
    fetch(`${env.url}/api/events/${event.id}/roster`, { headers: auth }).then((r) => r.json()),
  );
  const attendance = await env.meter.measure(() =>
    fetch(`${env.url}/api/events/${event.id}/attendance`, { headers: auth }).then((r) => r.json()),
  );
  const officers = (roster.result as { roster: unknown[] }).roster.length;

  // One session of 400 officers: 134 registrations (each with its emails), 400 check-ins, 10 roster downloads,
  // 2 door phones polling attendance every 15 s for an hour, ~1,100 emails (confirmations, tickets, H-1
  // reminders, follow-ups), ~3,000 HTTP requests in all (page views included) at the measured latency.
  const reads =
    134 * (registration.read + emails.read) + 400 * checkin.read + 10 * roster.read + 480 * attendance.read;
  const writes = 134 * (registration.write + emails.write) + 400 * checkin.write;
  const requests = 3_000;
  const lambdaSeconds = (requests * Math.max(scans.latency.p50, 20)) / 1000;
  const bill =
    reads * PRICE.rru +
    writes * PRICE.wru +
    requests * (PRICE.lambdaRequest + PRICE.apiRequest) +
    lambdaSeconds * 0.5 * PRICE.lambdaGbSecond +
    1_100 * PRICE.email;
  const units = (m: { read: number; write: number }) => `${round(m.read, 1)} RRU + ${round(m.write, 1)} WRU`;
  return [
    {
      name: 'capacity: one registration (3 officers)',
      value: units(registration),
      unit: '',
      note: `its emails: ${units(emails)}`,
    },
    { name: 'capacity: one check-in', value: units(checkin), unit: '' },
    { name: `capacity: roster download (${officers} officers)`, value: units(roster), unit: '' },
    { name: 'capacity: attendance counters', value: units(attendance), unit: '' },
    {
      name: 'projected AWS bill, one 400-officer session',
      value: `$${bill.toFixed(4)}`,
      unit: 'USD',
      note: 'on-demand list prices; assumptions in bench/run.ts',
    },
  ];
}

/** Latency with one session in the table vs `sessions` sessions and `officers` officers (bench/scale.ts). */
async function scale(
  env: Awaited<ReturnType<typeof startEnvironment>>,
  sessions: number,
  officers: number,
): Promise<Figure[]> {
  const { one, national, items } = await scaleComparison(env, sessions, officers);
  const regRatio = national.registration / one.registration;
  const scanRatio = national.checkin / one.checkin;
  return [
    {
      name: `registration p50, 1 session → ${sessions} sessions/${officers} officers`,
      value: `${round(one.registration)} → ${round(national.registration)}`,
      unit: 'ms',
      note: `${items} items written; two tables, alternating rounds`,
    },
    {
      name: 'registration slowdown at scale',
      value: regRatio,
      unit: 'x',
      ...check(regRatio, budgets.scaleSlowdown),
    },
    {
      name: 'check-in p50 at scale',
      value: `${round(one.checkin)} → ${round(national.checkin)}`,
      unit: 'ms',
    },
    {
      name: 'check-in slowdown at scale',
      value: scanRatio,
      unit: 'x',
      ...check(scanRatio, budgets.scaleSlowdown),
    },
  ];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
