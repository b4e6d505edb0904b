import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWhatsAppRepo, fallbackJobId } from '../../functions/db/whatsapp-repo';
import type { Campaign } from '../../functions/domain/campaign';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { newId } from '../../functions/domain/tokens';
import { createCampaignRunner } from '../../functions/followups/runner';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createCheckinService } from '../../functions/services/checkins';
import { createRegistrationService } from '../../functions/services/registrations';
import { createCloudApiClient } from '../../functions/whatsapp/cloud-api';
import { createWhatsAppDelivery } from '../../functions/whatsapp/deliver';
import { createCloudApiSender, createLocalWhatsAppSender } from '../../functions/whatsapp/senders';
import { handleWebhook, webhookPayload } from '../../functions/whatsapp/webhook';
import { moveSession } from '../followups/world';
import { type Command, crashingStore, expectKilled } from '../helpers/crash';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { type ContractServer, startContractServer } from '../helpers/whatsapp-contract';

/**
 * The WhatsApp channel end to end over DynamoDB Local: registration, outbox worker, the production Cloud API
 * client against the contract server, webhooks, campaigns, fallback to email.
 */
const baseUrl = 'https://hadir.test';
const mail = { baseUrl, from: 'hadir <noreply@hadir.test>' };
let server: ContractServer;
let store: TestStore;
let directory: Cooperative[];
let seed = 91_000;

beforeAll(async () => {
  server = await startContractServer({ accessToken: 'token-ok', appSecret: 'app-secret' });
  store = await createTestStore();
  directory = await seedKotim(store);
});
afterAll(() => server.close());

const cloudSender = () =>
  createCloudApiSender(
    createCloudApiClient({ phoneNumberId: '1122334455', accessToken: 'token-ok', baseUrl: server.baseUrl }),
  );
function worker(on: TestStore = store, sender = cloudSender(), leaseMs = 60_000) {
  return createOutboxWorker({
    store: on,
    transport: createLocalOutboxTransport(on.devMail),
    mail,
    leaseMs,
    whatsapp: createWhatsAppDelivery({ store: on, sender, baseUrl, backoffMs: () => 0 }),
  });
}

/** A cooperative registered with the contact's phone and WhatsApp consent; `email` keeps or drops the address. */
async function register(event: EventRecord, { email = false, officers = 2 } = {}) {
  const body = registrationBody((directory[seed % 150] as Cooperative).id, officers, seed++);
  if (!email) delete body.contact.email;
  const { registration } = await createRegistrationService(store).register(
    event.id,
    { ...body, whatsapp: true },
    { language: 'id' },
  );
  return registration;
}
const sentTo = (phone: string) => server.received.filter((m) => m.to === phone.replace(/^\+/, ''));
const jobsOf = async (registrationId: string) =>
  (await store.outbox.due(new Date(Date.now() + 60_000), 1000)).filter(
    (j) => j.registrationId === registrationId,
  );

describe('WhatsApp channel', () => {
  it('a phone-only registration gets its manage link and every ticket on WhatsApp, once each', async () => {
    const event = makeEvent();
    await store.events.put(event);
    const registration = await register(event);
    const jobs = await jobsOf(registration.id);
    expect(jobs.map((j) => [j.kind, j.channel]).sort()).toEqual([
      ['registration_received', 'whatsapp'],
      ['ticket', 'whatsapp'],
      ['ticket', 'whatsapp'],
    ]);
    await worker().drain();
    await worker().drain(); // a second drain finds nothing to send
    const messages = sentTo(registration.contact.phone);
    expect(messages.map((m) => m.template.name).sort()).toEqual([
      'hadir_pendaftaran_diterima',
      'hadir_tiket',
      'hadir_tiket',
    ]);
    const ticket = messages.find((m) => m.template.name === 'hadir_tiket');
    const header = ticket?.template.components?.find((c) => c.type === 'header');
    expect(JSON.stringify(header)).toContain('/qr.png');
    const notice = messages.find((m) => m.template.name === 'hadir_pendaftaran_diterima');
    expect(JSON.stringify(notice?.template.components)).toContain(`${registration.id}?token=`);
    // Logged per registration, with the platform's ids.
    const log = await createWhatsAppRepo(store.doc, store.tableName).byRegistration(registration.id);
    expect(log.map((l) => [l.channel, l.status])).toEqual([
      ['whatsapp', 'sent'],
      ['whatsapp', 'sent'],
      ['whatsapp', 'sent'],
    ]);
  });

  it('a worker killed between the send and its record sends at most once: the job becomes uncertain', async () => {
    const event = makeEvent();
    await store.events.put(event);
    const registration = await register(event, { officers: 1 });
    const [job] = (await jobsOf(registration.id)).filter((j) => j.kind === 'ticket');
    if (!job) throw new Error('no ticket job');
    // The record after the send is one transaction (job `sent`, log, platform id): die before it lands.
    const isRecord = (command: Command) => command.constructor.name === 'TransactWriteCommand';
    const crashed = crashingStore(store, { atWrite: 1, when: 'before', match: isRecord });
    await expectKilled(worker(crashed.store).processJob(job.id));
    expect(sentTo(registration.contact.phone).filter((m) => m.template.name === 'hadir_tiket')).toHaveLength(
      1,
    );
    // A restart after the lease: the sweep reports it uncertain and nothing is sent again.
    const later = createOutboxWorker({
      store,
      transport: createLocalOutboxTransport(store.devMail),
      mail,
      clock: () => new Date(Date.now() + 5 * 60_000),
      whatsapp: createWhatsAppDelivery({ store, sender: cloudSender(), baseUrl }),
    });
    await later.drain();
    await later.processJob(job.id);
    expect((await store.outbox.get(job.id))?.status).toBe('uncertain');
    expect(sentTo(registration.contact.phone).filter((m) => m.template.name === 'hadir_tiket')).toHaveLength(
      1,
    );
  });

  it('the reminder and the thanks with the certificate reach a phone-only contact', async () => {
    const event = makeEvent({ checkinAnyTime: true });
    await store.events.put(event);
    const registration = await register(event);
    await worker().drain();
    const [present] = registration.participants;
    await createCheckinService(store).checkIn(event.id, { participantId: present?.id as string }, 'Pintu 1');
    await moveSession(store, event, new Date(Date.now() - 5 * 3_600_000), new Date(Date.now() - 3_600_000));
    const campaign = (kind: Campaign['kind'], segment: Campaign['segment']): Campaign => ({
      id: newId(),
      eventId: event.id,
      kind,
      segment,
      sendAt: { type: 'relative', anchor: 'end', offsetMinutes: 0 },
      materials: [{ label: 'Paparan', url: 'https://example.org/paparan.pdf' }],
      status: 'scheduled',
      isDefault: false,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      createdBy: 'test',
      version: 1,
    });
    const runner = createCampaignRunner(store);
    for (const c of [campaign('reminder', 'all_registered'), campaign('thanks', 'attended')]) {
      await store.campaigns.create(c);
      await runner.run(c.id);
      await runner.run(c.id); // twice: still one message per recipient
    }
    await worker().drain();
    const names = sentTo(registration.contact.phone).map((m) => m.template.name);
    expect(names.filter((n) => n === 'hadir_pengingat')).toHaveLength(1);
    // Thanks only for the officer who checked in, with their certificate as the document header.
    const thanks = sentTo(registration.contact.phone).filter(
      (m) => m.template.name === 'hadir_terima_kasih_sertifikat',
    );
    expect(thanks).toHaveLength(1);
    expect(JSON.stringify(thanks[0]?.template.components)).toContain('/sertifikat.pdf');
  });

  it('BERHENTI stops the next message; a replayed reply changes nothing more', async () => {
    const event = makeEvent();
    await store.events.put(event);
    const registration = await register(event, { officers: 1 });
    const waId = registration.contact.phone.replace('+', '');
    const reply = webhookPayload.parse({
      entry: [
        {
          changes: [
            {
              value: {
                messages: [
                  { id: `wamid.in.${seed}`, from: waId, type: 'text', text: { body: ' berhenti. ' } },
                ],
              },
            },
          ],
        },
      ],
    });
    expect((await handleWebhook(reply, store, new Date())).optOuts).toBe(1);
    expect((await handleWebhook(reply, store, new Date())).optOuts).toBe(0);
    const outcomes = (await worker().drain()).outcomes;
    expect(outcomes).toContain('skipped');
    expect(sentTo(registration.contact.phone)).toHaveLength(0);
  });

  it('a WhatsApp message that fails for good falls back to email, once', async () => {
    const event = makeEvent({ messageChannels: 'whatsapp_first' });
    await store.events.put(event);
    const registration = await register(event, { email: true, officers: 1 });
    const jobs = await jobsOf(registration.id);
    // WhatsApp first: no email now, the address is kept for the fallback.
    expect(jobs.every((j) => j.channel === 'whatsapp' && j.fallbackEmail)).toBe(true);
    const notice = jobs.find((j) => j.kind === 'registration_received');
    if (!notice) throw new Error('no notice');
    server.answerNext({ status: 400, code: 131026, message: 'Message undeliverable' });
    expect(await worker().processJob(notice.id)).toBe('failed');
    const fallback = await store.outbox.get(fallbackJobId(notice.id));
    expect(fallback).toMatchObject({
      kind: 'registration_received',
      to: registration.contact.email,
      manageLink: true,
    });
    expect(fallback?.channel).toBeUndefined();
    expect(await worker().processJob(fallbackJobId(notice.id))).toBe('sent');
    const emails = (await store.devMail.listAll()).filter((m) => m.jobId === fallbackJobId(notice.id));
    expect(emails).toHaveLength(1);
    // The refused message is in the console's log as failed, with the platform's reason.
    const log = await createWhatsAppRepo(store.doc, store.tableName).byRegistration(registration.id);
    expect(log.find((entry) => entry.jobId === notice.id)).toMatchObject({
      channel: 'whatsapp',
      status: 'failed',
      error: expect.stringContaining('131026'),
    });
  });

  it('a delivery that fails after the platform took it falls back too, and replays are idempotent', async () => {
    const event = makeEvent({ messageChannels: 'whatsapp_first' });
    await store.events.put(event);
    const registration = await register(event, { email: true, officers: 1 });
    await worker().drain();
    const ticket = sentTo(registration.contact.phone).find((m) => m.template.name === 'hadir_tiket');
    const statuses = (status: string, extra = {}) =>
      webhookPayload.parse({
        entry: [
          {
            changes: [
              { value: { statuses: [{ id: ticket?.messageId, status, timestamp: '1761180000', ...extra }] } },
            ],
          },
        ],
      });
    const repo = createWhatsAppRepo(store.doc, store.tableName);
    expect((await handleWebhook(statuses('delivered'), store, new Date())).statuses).toBe(1);
    expect((await handleWebhook(statuses('delivered'), store, new Date())).statuses).toBe(0);
    const failed = statuses('failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] });
    expect((await handleWebhook(failed, store, new Date())).fallbacks).toBe(1);
    expect((await handleWebhook(failed, store, new Date())).fallbacks).toBe(0);
    const log = (await repo.byRegistration(registration.id)).find((l) => l.platformId === ticket?.messageId);
    expect(log).toMatchObject({ status: 'failed', error: '131026 Message undeliverable' });
    expect(await store.outbox.get(fallbackJobId(log?.jobId as string))).toMatchObject({ kind: 'ticket' });
  });

  it('npm start delivers into the local outbox with the phone preview', async () => {
    const event = makeEvent();
    await store.events.put(event);
    const registration = await register(event, { officers: 1 });
    await worker(store, createLocalWhatsAppSender(store.devMail)).drain();
    const local = (await store.devMail.listAll()).filter(
      (m) => m.channel === 'whatsapp' && m.to[0] === registration.contact.phone,
    );
    expect(local.map((m) => m.whatsapp?.template).sort()).toEqual([
      'hadir_pendaftaran_diterima',
      'hadir_tiket',
    ]);
    expect(local.find((m) => m.whatsapp?.template === 'hadir_tiket')?.whatsapp?.body).toContain(
      registration.participants[0]?.name,
    );
  });
});
