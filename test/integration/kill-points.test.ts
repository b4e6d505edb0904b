import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import { createStore } from '../../functions/db/store';
import type { MailTransport, OutgoingMessage } from '../../functions/domain/mail-message';
import type { Cooperative } from '../../functions/domain/schemas';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createRegistrationService } from '../../functions/services/registrations';
import { type Command, crashingStore, expectKilled, TransientDbError } from '../helpers/crash';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody } from '../helpers/store';

/**
 * Workers and scheduled jobs killed at chosen points: the DynamoDB client dies at the n-th write, either before
 * the write reaches the table or after DynamoDB committed it but before the process saw the answer. The table is
 * the real DynamoDB Local table, left as the crash left it; a restart (a fresh worker on a healthy client) must
 * finish the work exactly once. Kills before the transport hand-over and the "sending" window are also in
 * outbox.test.ts; this file walks every write of a job and of the sweep. The retention purge is in
 * retention-kill-points.test.ts, the campaign runner in test/followups/runner.test.ts.
 */

const mail = { baseUrl: 'https://hadir.test', from: 'hadir <noreply@hadir.test>' };
const MINUTE = 60_000;
let directory: Awaited<ReturnType<typeof loadRegencyDirectory>>;

beforeAll(async () => {
  directory = await loadRegencyDirectory('62.02');
});

/** A fresh table with the first `count` cooperatives of Kotim (enough for these tests, quick to write). */
async function freshStore(count = 12) {
  const store = await createTestStore();
  const cooperatives = directory.cooperatives.slice(0, count);
  await store.cooperatives.importRegency(directory.regency, cooperatives);
  return { store, cooperatives };
}

const isOutboxWrite = (command: Command) => {
  const key = (command.input.Key ?? command.input.Item) as { pk?: string } | undefined;
  return Boolean(key?.pk?.startsWith('OUTBOX#'));
};

/** Registers one cooperative per seed; each registration makes one email job (to its contact). */
async function emailJobs(store: TestStore, cooperatives: Cooperative[], seeds: number[]) {
  const event = makeEvent();
  await store.events.put(event);
  const service = createRegistrationService(store);
  const ids: string[] = [];
  for (const [index, seed] of seeds.entries()) {
    const cooperative = cooperatives[index % cooperatives.length] as Cooperative;
    const { registration } = await service.register(event.id, registrationBody(cooperative.id, 1, seed), {
      language: 'id',
    });
    const jobs = (await store.outbox.due(new Date(Date.now() + MINUTE), 1000)).filter(
      (job) => job.registrationId === registration.id,
    );
    expect(jobs).toHaveLength(1);
    ids.push(jobs[0]?.id as string);
  }
  return ids;
}

async function deliveredCount(store: TestStore, jobId: string) {
  return (await store.devMail.listAll()).filter((message) => message.jobId === jobId).length;
}

/** A transport that holds every message until the test lets it go (a hung SMTP or SES call). */
function stalledTransport(inner: MailTransport, { deliverFirst }: { deliverFirst: boolean }) {
  let release: (outcome: 'ok' | Error) => void = () => {};
  const gate = new Promise<'ok' | Error>((resolve) => {
    release = resolve;
  });
  let entered: () => void = () => {};
  const called = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const transport: MailTransport = {
    name: 'stalled',
    async send(message: OutgoingMessage) {
      const receipt = deliverFirst ? await inner.send(message) : undefined;
      entered();
      const outcome = await gate;
      if (outcome instanceof Error) throw outcome;
      return receipt ?? inner.send(message);
    },
  };
  return { transport, called, release };
}

describe('outbox worker killed at each of its writes', () => {
  let store: TestStore;
  let cooperatives: Cooperative[];
  let seed = 41_000;
  beforeAll(async () => {
    ({ store, cooperatives } = await freshStore());
  });

  // The worker writes three times per email: claim, mark sending (then the transport), mark sent.
  // `held`: how the dead worker left it while its lease still runs; `status`: after a restart past the lease.
  const points = [
    { at: 1, when: 'before', what: 'before the claim', held: 'pending', status: 'sent', delivered: 1 },
    { at: 1, when: 'after', what: 'right after the claim', held: 'claimed', status: 'sent', delivered: 1 },
    {
      at: 2,
      when: 'before',
      what: 'after the claim, before the hand-over',
      held: 'claimed',
      status: 'sent',
      delivered: 1,
    },
    {
      at: 2,
      when: 'after',
      what: 'after marking sending, before the transport was called',
      held: 'sending',
      status: 'uncertain',
      delivered: 0,
    },
    {
      at: 3,
      when: 'before',
      what: 'after the transport accepted, before marking sent',
      held: 'sending',
      status: 'uncertain',
      delivered: 1,
    },
    {
      at: 3,
      when: 'after',
      what: 'after marking sent, before it returned',
      held: 'sent',
      status: 'sent',
      delivered: 1,
    },
  ] as const;

  it.each(points)(
    'killed $what: a restart leaves it $status, delivered $delivered time(s)',
    async (point) => {
      const [jobId] = await emailJobs(store, cooperatives, [seed++]);
      const transport = createLocalOutboxTransport(store.devMail); // the mail system outlives the worker
      const crashed = crashingStore(store, { atWrite: point.at, when: point.when, match: isOutboxWrite });
      const doomed = createOutboxWorker({ store: crashed.store, transport, mail });
      await expectKilled(doomed.processJob(jobId as string));

      expect((await store.outbox.get(jobId as string))?.status).toBe(point.held);
      // A restart within the dead worker's lease sends only what was never taken: a held claim is left alone.
      await createOutboxWorker({ store, transport, mail }).drain({ limit: 1000 });
      expect((await store.outbox.get(jobId as string))?.status).toBe(
        point.held === 'pending' ? 'sent' : point.held,
      );
      expect(await deliveredCount(store, jobId as string)).toBe(
        point.held === 'pending' ? 1 : point.held === 'claimed' ? 0 : point.delivered,
      );

      // The restart after the lease ran out finishes it; a second restart changes nothing.
      for (let run = 0; run < 2; run++) {
        const later = new Date(Date.now() + 2 * MINUTE + run * MINUTE);
        await createOutboxWorker({ store, transport, mail, clock: () => later }).drain({ limit: 1000 });
        const job = await store.outbox.get(jobId as string);
        expect(job?.status).toBe(point.status);
        expect(await deliveredCount(store, jobId as string)).toBe(point.delivered);
      }
      if (point.status === 'uncertain') {
        // Held for a person: listed on the email problems page, sent again only when someone asks.
        expect((await store.outbox.uncertain()).map((job) => job.id)).toContain(jobId);
        expect(await store.outbox.requeue(jobId as string, new Date())).toBe(true);
        await createOutboxWorker({ store, transport, mail }).drain({ limit: 1000 });
        expect(await deliveredCount(store, jobId as string)).toBe(point.delivered + 1);
      }
    },
  );

  it('a database error while marking an email sent does not put it back in the queue to be sent again', async () => {
    const [jobId] = await emailJobs(store, cooperatives, [seed++]);
    const transport = createLocalOutboxTransport(store.devMail);
    const flaky = crashingStore(store, { atWrite: 3, when: 'before', match: isOutboxWrite, transient: true });
    const worker = createOutboxWorker({ store: flaky.store, transport, mail, backoffMs: () => 0 });
    await expect(worker.processJob(jobId as string)).rejects.toThrow(TransientDbError);
    expect((await store.outbox.get(jobId as string))?.status).toBe('sending');
    for (let run = 0; run < 2; run++) {
      const later = new Date(Date.now() + (2 + run) * MINUTE);
      await createOutboxWorker({ store, transport, mail, clock: () => later }).drain({ limit: 1000 });
    }
    expect((await store.outbox.get(jobId as string))?.status).toBe('uncertain');
    expect(await deliveredCount(store, jobId as string)).toBe(1);
  });

  it('a worker that stalls after claiming past its lease loses the job to the restart and sends nothing itself', async () => {
    const [jobId] = await emailJobs(store, cooperatives, [seed++]);
    const transport = createLocalOutboxTransport(store.devMail);
    let resume: () => void = () => {};
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    let reachedPause: () => void = () => {};
    const atPause = new Promise<void>((resolve) => {
      reachedPause = resolve;
    });
    // The slow worker's client waits before its second outbox write (mark sending), like a frozen process.
    let outboxWrites = 0;
    const slowDoc = new Proxy(store.doc, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (command: Command) => {
          if (isOutboxWrite(command) && ++outboxWrites === 2) {
            reachedPause();
            await paused;
          }
          return (target.send as (c: unknown) => Promise<unknown>)(command);
        };
      },
    });
    const slow = createOutboxWorker({
      store: createStore(slowDoc, store.tableName, { ticketKey: TEST_TICKET_KEY }),
      transport,
      mail,
    });
    const slowRun = slow.processJob(jobId as string);
    await atPause;

    const later = new Date(Date.now() + 2 * MINUTE);
    await createOutboxWorker({ store, transport, mail, clock: () => later }).drain({ limit: 1000 });
    expect((await store.outbox.get(jobId as string))?.status).toBe('sent');

    resume();
    expect(await slowRun).toBe('busy');
    expect(await deliveredCount(store, jobId as string)).toBe(1);
    expect((await store.outbox.get(jobId as string))?.status).toBe('sent');
  });

  it('a transport that hangs past the lease is reported uncertain, and its late success closes the job once', async () => {
    const [jobId] = await emailJobs(store, cooperatives, [seed++]);
    const stalled = stalledTransport(createLocalOutboxTransport(store.devMail), { deliverFirst: true });
    const worker = createOutboxWorker({ store, transport: stalled.transport, mail });
    const run = worker.processJob(jobId as string);
    await stalled.called;

    const later = new Date(Date.now() + 2 * MINUTE);
    const sweep = await createOutboxWorker({
      store,
      transport: createLocalOutboxTransport(store.devMail),
      mail,
      clock: () => later,
    }).drain({ limit: 1000 });
    expect(sweep.uncertain).toBeGreaterThanOrEqual(1);
    expect((await store.outbox.get(jobId as string))?.status).toBe('uncertain');

    stalled.release('ok');
    expect(await run).toBe('sent');
    expect((await store.outbox.get(jobId as string))?.status).toBe('sent');
    expect(await deliveredCount(store, jobId as string)).toBe(1);
  });

  it('a transport that hangs past the lease and then fails leaves the job uncertain, never re-sent by itself', async () => {
    const [jobId] = await emailJobs(store, cooperatives, [seed++]);
    const stalled = stalledTransport(createLocalOutboxTransport(store.devMail), { deliverFirst: false });
    const worker = createOutboxWorker({ store, transport: stalled.transport, mail, backoffMs: () => 0 });
    const run = worker.processJob(jobId as string);
    await stalled.called;

    const later = new Date(Date.now() + 2 * MINUTE);
    await createOutboxWorker({
      store,
      transport: createLocalOutboxTransport(store.devMail),
      mail,
      clock: () => later,
    }).drain({ limit: 1000 });
    expect((await store.outbox.get(jobId as string))?.status).toBe('uncertain');

    // The late worker learns its claim is gone: it reports the job as someone else's, it does not crash.
    stalled.release(new Error('Connection timeout'));
    expect(await run).toBe('busy');
    const job = await store.outbox.get(jobId as string);
    expect(job?.status).toBe('uncertain');
    await createOutboxWorker({ store, transport: createLocalOutboxTransport(store.devMail), mail }).drain({
      limit: 1000,
    });
    expect((await store.outbox.get(jobId as string))?.status).toBe('uncertain');
    expect(await deliveredCount(store, jobId as string)).toBe(0);
  });
});

describe('the outbox sweep killed midway through a page of expired leases', () => {
  it.each(['before', 'after'] as const)(
    'killed %s its third move: a second sweep finishes the page, each email sent once or held',
    async (when) => {
      const { store, cooperatives } = await freshStore();
      const jobIds = await emailJobs(
        store,
        cooperatives,
        [1, 2, 3, 4, 5, 6, 7].map((n) => 43_000 + n * 10),
      );
      const transport = createLocalOutboxTransport(store.devMail);
      // Seven workers died: even ones right after claiming, odd ones during the send (some after delivery).
      const now = new Date();
      const delivered = new Set<string>();
      for (const [index, jobId] of jobIds.entries()) {
        const claimed = await store.outbox.claim(jobId, now, 1_000);
        if (index % 2 === 0 || !claimed) continue;
        await store.outbox.markSending(claimed);
        if (index % 4 === 1) {
          await transport.send({
            id: jobId,
            from: mail.from,
            to: [claimed.to],
            subject: 's',
            html: '',
            text: '',
            attachments: [],
          });
          delivered.add(jobId);
        }
      }
      const isLeaseMove = (command: Command) =>
        String(command.input.ConditionExpression ?? '').includes('leaseUntil < :now');
      const crashed = crashingStore(store, { atWrite: 3, when, match: isLeaseMove });
      const later = new Date(now.getTime() + 2 * MINUTE);
      await expectKilled(
        createOutboxWorker({ store: crashed.store, transport, mail, clock: () => later }).drain(),
      );
      const moved = [];
      for (const jobId of jobIds) {
        const status = (await store.outbox.get(jobId))?.status;
        if (status === 'pending' || status === 'uncertain') moved.push(jobId);
      }
      expect(moved).toHaveLength(when === 'before' ? 2 : 3);

      for (let run = 0; run < 2; run++) {
        const restart = new Date(later.getTime() + run * MINUTE);
        await createOutboxWorker({ store, transport, mail, clock: () => restart }).drain({ limit: 1000 });
        for (const [index, jobId] of jobIds.entries()) {
          const job = await store.outbox.get(jobId);
          const count = await deliveredCount(store, jobId);
          if (index % 2 === 0) {
            expect([job?.status, count]).toEqual(['sent', 1]); // never handed over: sent once now
          } else {
            expect([job?.status, count]).toEqual(['uncertain', delivered.has(jobId) ? 1 : 0]);
          }
        }
      }
    },
  );
});
