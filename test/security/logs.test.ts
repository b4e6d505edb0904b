import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { MailTransport } from '../../functions/domain/mail-message';
import { redact } from '../../functions/domain/redact';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createTestApp, json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, seedKotim } from '../helpers/store';

/** Every line hadir logs while real flows run: none may carry a name, phone number or email address. */
const captured: string[] = [];
let store: TestStore;

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map(String).join(' '));
    });
  }
  store = await createTestStore();
  await seedKotim(store);
});
afterAll(() => vi.restoreAllMocks());

const person = {
  name: 'Siti Rahmawati Kotim',
  phone: '0812 7777 3131',
  email: 'siti.rahmawati@example.org',
};

it('logs no personal data through registration, failing email delivery, sign-in and check-in', async () => {
  const event = makeEvent({ startsAt: new Date(Date.now() - 3_600_000).toISOString() });
  await store.events.put(event);
  const app = createTestApp(store);
  const created = await app.request(
    `/api/events/${event.id}/registrations`,
    json({
      cooperativeId: '62.02.06.2005',
      contact: { name: person.name, phone: person.phone, email: person.email },
      participants: [
        { name: person.name, role: 'ketua', phone: person.phone, email: 'budi.officer@example.org' },
      ],
      consent: true,
    }),
  );
  expect(created.status).toBe(201);
  const { registration } = await created.json();
  await app.request(`/api/events/${event.id}/registrations`, json({ contact: { phone: person.phone } }));
  await app.request('/api/auth/sign-in', json({ email: person.email }, { origin: 'http://localhost' }));

  // An SMTP server that rejects the recipient and quotes the address back, as real ones do.
  const rejecting: MailTransport = {
    name: 'smtp',
    async send(message) {
      throw new Error(`550 5.1.1 <${message.to[0]}>: Recipient address rejected (${person.phone})`);
    },
  };
  const worker = createOutboxWorker({
    store,
    transport: rejecting,
    mail: { baseUrl: 'https://hadir.test', from: 'x@hadir.test' },
    maxAttempts: 1,
  });
  await worker.drain();

  const token = await enrolTestStation(store, event.id);
  await app.request(
    `/api/events/${event.id}/checkins`,
    json({ ticketCode: registration.participants[0].ticketCode }, { authorization: `Bearer ${token}` }),
  );

  expect(captured.some((line) => line.includes('email job failed'))).toBe(true);
  const everything = captured.join('\n');
  for (const secret of [
    person.name,
    person.email,
    'budi.officer@example.org',
    '81277773131',
    '0812 7777 3131',
  ]) {
    expect(everything).not.toContain(secret);
  }
  // What was stored as the failure reason is redacted too (organizers see it).
  const [failed] = await store.outbox.failed();
  expect(failed?.lastError).toContain('[email]');
  expect(failed?.lastError).not.toContain(person.email);
});

it('redacts addresses and Indonesian phone numbers in any text', () => {
  expect(redact('to siti@example.org or +62 812-3456-7890, 081234567890')).toBe(
    'to [email] or [phone], [phone]',
  );
});
