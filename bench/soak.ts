import { parseArgs } from 'node:util';
import { createLocalOutboxTransport } from '../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../functions/mail/outbox-worker';
import {
  benchEvent,
  postJson,
  registrationBody,
  startEnvironment,
  station,
  syntheticRegency,
} from './environment';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run soak`: a steady mix of registrations, manage edits, cancellations, check-ins and page views against
 * the local stack for a bounded time (loopback only), then checks every invariant and that memory stayed flat.
 */
async function main() {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '120' }, rate: { type: 'string', default: '20' } },
  });
  const seconds = Number(values.seconds);
  const perSecond = Number(values.rate);
  const env = await startEnvironment();
  const worker = createOutboxWorker({
    store: env.store,
    transport: createLocalOutboxTransport(env.store.devMail),
    mail: { baseUrl: env.url, from: 'soak@hadir.test' },
  });
  const failures: string[] = [];
  try {
    const cooperatives = await syntheticRegency(env.store, '96.01', 5_000);
    const event = benchEvent({ capacity: 600, regencyCode: '96.01' });
    await env.store.events.put(event);
    const auth = await station(env.store, event.id);
    const registered: { id: string; token: string; codes: string[] }[] = [];
    let next = 0;
    const memory: number[] = [];
    const started = Date.now();
    const drain = setInterval(() => void worker.drain().catch((e) => failures.push(`drain: ${e}`)), 500);

    const action = async (tick: number) => {
      const roll = tick % 10;
      if (roll < 4 || registered.length < 5) {
        const i = next++;
        const body = {
          ...registrationBody(cooperatives[i % cooperatives.length]?.id as string, 1 + (i % 3), 400_000 + i),
          contact: {
            name: 'Kontak',
            phone: `+6285${String(400_000 + i).padStart(9, '0')}`,
            email: `kontak${i}@example.org`,
          },
        };
        const res = await postJson(`${env.url}/api/events/${event.id}/registrations`, body);
        if (res.status >= 500) failures.push(`register ${res.status}`);
        if (res.status === 201) {
          const reg = res.body.registration as { id: string; participants: { ticketCode: string }[] };
          registered.push({
            id: reg.id,
            token: res.body.manageToken as string,
            codes: reg.participants.map((p) => p.ticketCode),
          });
        }
      } else if (roll < 7) {
        const pick = registered[tick % registered.length];
        const code = pick?.codes[0];
        if (code) {
          const res = await postJson(
            `${env.url}/api/events/${event.id}/checkins`,
            { ticketCode: code },
            auth,
          );
          if (res.status >= 500) failures.push(`checkin ${res.status}`);
        }
      } else if (roll < 8) {
        const pick = registered[(tick * 7) % registered.length];
        if (pick) {
          const res = await fetch(`${env.url}/api/registrations/${pick.id}`, {
            method: 'DELETE',
            headers: { authorization: `Bearer ${pick.token}` },
          });
          if (res.status >= 500) failures.push(`cancel ${res.status}`);
          await res.arrayBuffer();
        }
      } else {
        const res = await fetch(`${env.url}/acara/${event.id}/daftar?q=bench`);
        if (res.status >= 500) failures.push(`page ${res.status}`);
        await res.arrayBuffer();
      }
    };

    let tick = 0;
    const inFlight = new Set<Promise<void>>();
    while (Date.now() - started < seconds * 1000) {
      const p = action(tick++).catch((error) => {
        failures.push(String(error));
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      if (tick % (perSecond * 5) === 0) {
        // After a full collection, so the samples show retained memory, not garbage not yet collected.
        (globalThis as { gc?: () => void }).gc?.();
        memory.push(process.memoryUsage().heapUsed / 1024 / 1024);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
    }
    await Promise.all(inFlight);
    clearInterval(drain);
    for (let i = 0; i < 20; i++) {
      const report = await worker.drain({ limit: 500 });
      if (report.processed === 0) break;
    }

    // Invariants.
    const stored = await env.store.events.get(event.id, { consistent: true });
    const roster = await env.store.registrations.listByEvent(event.id);
    const confirmedOfficers = roster
      .filter((r) => r.status === 'confirmed')
      .reduce((n, r) => n + r.participants.length, 0);
    if (stored?.seatsTaken !== confirmedOfficers)
      failures.push(`seats ${stored?.seatsTaken} != confirmed officers ${confirmedOfficers}`);
    if ((stored?.seatsTaken ?? 0) > event.capacity) failures.push('capacity exceeded');
    const checkins = await env.store.checkins.listByEvent(event.id);
    if (new Set(checkins.map((c) => c.participantId)).size !== checkins.length)
      failures.push('duplicate check-ins');
    const pending = await env.store.outbox.due(new Date(Date.now() + 86_400_000), 1000);
    const mails = await env.store.devMail.listAll();
    if (new Set(mails.map((m) => m.jobId)).size !== mails.length)
      failures.push('an email job was sent twice');
    const firstThird = memory.slice(0, Math.max(1, Math.floor(memory.length / 3)));
    const lastThird = memory.slice(-Math.max(1, Math.floor(memory.length / 3)));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const growth = avg(lastThird) / avg(firstThird);
    console.log(
      JSON.stringify(
        {
          seconds,
          actions: tick,
          registrations: registered.length,
          seatsTaken: stored?.seatsTaken,
          confirmedOfficers,
          checkins: checkins.length,
          emailsSent: mails.length,
          emailsPending: pending.length,
          heapMb: { start: Math.round(avg(firstThird)), end: Math.round(avg(lastThird)) },
          failures,
        },
        null,
        2,
      ),
    );
    if (growth > 1.5) failures.push(`heap grew ${growth.toFixed(2)}x`);
    if (pending.length > 0) failures.push(`${pending.length} email jobs still pending`);
  } finally {
    await env.stop();
  }
  console.log(
    failures.length
      ? `soak FAILED: ${failures.slice(0, 10).join('; ')}`
      : 'soak passed: every invariant holds',
  );
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
