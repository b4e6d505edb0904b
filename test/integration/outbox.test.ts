import { beforeAll, describe, expect, it } from 'vitest';
import type { MailTransport, OutgoingMessage } from '../../functions/domain/mail-message';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createRegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let store: TestStore;
let cooperativeIds: string[];
let next = 0;
const mail = { baseUrl: 'https://hadir.test', from: 'hadir <noreply@hadir.test>' };

beforeAll(async () => {
  store = await createTestStore();
  cooperativeIds = (await seedKotim(store)).map((cooperative) => cooperative.id);
});

/** Registers `count` cooperatives, each producing one email job for its contact. */
async function registerSome(count: number) {
  const event = makeEvent();
  await store.events.put(event);
  const service = createRegistrationService(store);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = 500 + next++;
    const result = await service.register(
      event.id,
      registrationBody(cooperativeIds[seed % 185] as string, 1, seed),
      {
        language: 'id',
      },
    );
    ids.push(result.registration.id);
  }
  return ids;
}

async function jobsOf(registrationIds: string[]) {
  const due = await store.outbox.due(new Date(Date.now() + 86_400_000), 1000);
  return due.filter((job) => registrationIds.includes(job.registrationId ?? ''));
}

/** Messages in the local outbox for the given jobs. */
async function delivered(jobIds: string[]) {
  return (await store.devMail.listAll()).filter((message) => jobIds.includes(message.jobId));
}

/** A transport that fails a given number of times before it works, like an SMTP server coming back. */
function flakyTransport(failures: number, inner: MailTransport): MailTransport & { calls: number } {
  return {
    name: 'flaky',
    calls: 0,
    async send(message: OutgoingMessage) {
      this.calls++;
      if (this.calls <= failures) throw new Error('connect ECONNREFUSED 127.0.0.1:587');
      return inner.send(message);
    },
  };
}

describe('outbox delivery against DynamoDB Local', () => {
  it('retries a failing transport, then delivers once it is back', async () => {
    const ids = await registerSome(1);
    const [job] = await jobsOf(ids);
    const transport = flakyTransport(2, createLocalOutboxTransport(store.devMail));
    const worker = createOutboxWorker({ store, transport, mail, maxAttempts: 5, backoffMs: () => 0 });
    expect(await worker.processJob(job?.id as string)).toBe('retry');
    expect((await store.outbox.get(job?.id as string))?.lastError).toMatch(/ECONNREFUSED/);
    expect(await worker.processJob(job?.id as string)).toBe('retry');
    expect(await worker.processJob(job?.id as string)).toBe('sent');
    expect(await worker.processJob(job?.id as string)).toBe('busy');
    expect(await delivered([job?.id as string])).toHaveLength(1);
    const sent = await store.outbox.get(job?.id as string);
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 });
    // The contact's email shows the manage link, derived when rendered: the job never held it.
    expect(sent).toMatchObject({ kind: 'registration_received', manageLink: true });
    expect(sent?.secret).toBeUndefined();
    const [message] = await delivered([job?.id as string]);
    expect(message?.text).toContain(
      `/kelola/${ids[0]}?token=${store.registrations.manageToken(ids[0] as string)}`,
    );
  });

  it('marks a job failed with the reason after the last attempt, and sends it again only when asked', async () => {
    const ids = await registerSome(1);
    const [job] = await jobsOf(ids);
    const worker = createOutboxWorker({
      store,
      transport: flakyTransport(99, createLocalOutboxTransport(store.devMail)),
      mail,
      maxAttempts: 3,
      backoffMs: () => 0,
    });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await worker.processJob(job?.id as string));
    expect(outcomes).toEqual(['retry', 'retry', 'failed', 'busy']);
    const failed = await store.outbox.get(job?.id as string);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed?.lastError).toMatch(/ECONNREFUSED/);
    expect((await store.outbox.failed()).map((j) => j.id)).toContain(job?.id);

    expect(await store.outbox.requeue(job?.id as string, new Date())).toBe(true);
    const healthy = createOutboxWorker({ store, transport: createLocalOutboxTransport(store.devMail), mail });
    expect(await healthy.processJob(job?.id as string)).toBe('sent');
    expect(await delivered([job?.id as string])).toHaveLength(1);
  });

  it('three workers draining at once send every job exactly once', async () => {
    const ids = await registerSome(12);
    const jobIds = (await jobsOf(ids)).map((job) => job.id);
    expect(jobIds).toHaveLength(12);
    const workers = Array.from({ length: 3 }, () =>
      createOutboxWorker({ store, transport: createLocalOutboxTransport(store.devMail), mail }),
    );
    await Promise.all(workers.map((worker) => worker.drain({ limit: 1000, concurrency: 6 })));
    const messages = await delivered(jobIds);
    expect(messages).toHaveLength(12);
    expect(new Set(messages.map((message) => message.jobId)).size).toBe(12);
  });

  it('reports a job whose worker died between sending and marking, instead of sending it again', async () => {
    const ids = await registerSome(1);
    const [job] = await jobsOf(ids);
    const transport = createLocalOutboxTransport(store.devMail);
    // The "crashed" worker: claims, hands the message to the transport, but never records the outcome.
    const held = await store.outbox.claim(job?.id as string, new Date(), 1_000);
    const claimed = held && (await store.outbox.markSending(held));
    await transport.send({
      id: claimed?.id as string,
      from: mail.from,
      to: [claimed?.to as string],
      subject: 's',
      html: '',
      text: '',
      attachments: [],
    });

    const later = new Date(Date.now() + 5_000);
    const survivor = createOutboxWorker({ store, transport, mail, clock: () => later });
    const report = await survivor.drain({ limit: 1000 });
    expect(report.uncertain).toBeGreaterThanOrEqual(1);
    expect((await store.outbox.get(job?.id as string))?.status).toBe('uncertain');
    expect((await store.outbox.uncertain()).map((j) => j.id)).toContain(job?.id);
    expect(await delivered([job?.id as string])).toHaveLength(1);
  });

  it('sends once after a restart when the worker died before handing the message to the transport', async () => {
    const ids = await registerSome(1);
    const [job] = await jobsOf(ids);
    await store.outbox.claim(job?.id as string, new Date(), 1_000); // the worker dies right after claiming
    const transport = createLocalOutboxTransport(store.devMail);
    const later = new Date(Date.now() + 5_000);
    const restarted = createOutboxWorker({ store, transport, mail, clock: () => later });
    await restarted.drain({ limit: 1000 });
    expect((await store.outbox.get(job?.id as string))?.status).toBe('sent');
    expect(await delivered([job?.id as string])).toHaveLength(1);
    await restarted.drain({ limit: 1000 });
    expect(await delivered([job?.id as string])).toHaveLength(1);
  });

  it('skips an officer ticket whose officer was substituted before it left', async () => {
    const event = makeEvent();
    await store.events.put(event);
    const service = createRegistrationService(store);
    const body = registrationBody(cooperativeIds[100] as string, 1, 900);
    body.participants = [{ name: 'Budi', role: 'ketua', email: 'budi@example.org' }];
    const created = await service.register(event.id, body, { language: 'id' });
    const ticketJob = (await jobsOf([created.registration.id])).find((job) => job.kind === 'ticket');
    await service.change(
      created.registration.id,
      created.manageToken,
      { participants: [{ name: 'Pengganti', role: 'ketua' }] },
      'id',
    );
    const worker = createOutboxWorker({ store, transport: createLocalOutboxTransport(store.devMail), mail });
    expect(await worker.processJob(ticketJob?.id as string)).toBe('skipped');
  });
});
