import { beforeAll, expect, it } from 'vitest';
import { createSuppressionsRepo } from '../../functions/db/suppressions-repo';
import type { MailTransport } from '../../functions/domain/mail-message';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createRegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import {
  type ConsoleApp,
  createConsoleApp,
  jsonRequest,
  makeUser,
  ORG,
  OTHER_ORG,
  seedOrganisations,
  signIn,
} from './helpers';

let store: TestStore;
let app: ConsoleApp;

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  app = createConsoleApp(store);
});

const down: MailTransport = {
  name: 'smtp',
  async send() {
    throw new Error('connect ECONNREFUSED 127.0.0.1:25');
  },
};

it('shows an email that failed every retry to its session organizers, who can send it again by hand', async () => {
  const event = makeEvent({ organisationId: ORG.id });
  await store.events.put(event);
  await createRegistrationService(store).register(event.id, registrationBody('62.02.06.2005', 1, 31), {
    language: 'id',
  });
  const mail = { baseUrl: 'https://hadir.test', from: 'x@hadir.test' };
  await createOutboxWorker({ store, transport: down, mail, maxAttempts: 1 }).drain();

  const organizer = await signIn(app, store, (await makeUser(store, 'organizer')).email);
  const stranger = await signIn(app, store, (await makeUser(store, 'organizer', OTHER_ORG.id)).email);
  const listed = await (await app.request('/api/admin/email', { headers: { cookie: organizer } })).json();
  expect(listed.problems).toHaveLength(1);
  expect(listed.problems[0]).toMatchObject({ status: 'failed', kind: 'registration_received' });
  expect(listed.problems[0].lastError).toMatch(/ECONNREFUSED/);
  const hidden = await (await app.request('/api/admin/email', { headers: { cookie: stranger } })).json();
  expect(hidden.problems).toHaveLength(0);

  const jobId = listed.problems[0].id;
  const refused = await app.request(
    `/api/admin/email/${jobId}/retry`,
    jsonRequest('POST', {}, { cookie: stranger, origin: 'http://localhost' }),
  );
  expect(refused.status).toBe(404);
  const retried = await app.request(
    `/api/admin/email/${jobId}/retry`,
    jsonRequest('POST', {}, { cookie: organizer, origin: 'http://localhost' }),
  );
  expect(retried.status).toBe(202);
  await createOutboxWorker({ store, transport: createLocalOutboxTransport(store.devMail), mail }).drain();
  expect((await store.outbox.get(jobId))?.status).toBe('sent');
  const page = await app.request('/admin/email', { headers: { cookie: organizer } });
  expect(await page.text()).toContain('Tidak ada email yang gagal');
});

it('warns organizers on the registration page when an address of it bounced', async () => {
  const event = makeEvent({ organisationId: ORG.id });
  await store.events.put(event);
  const created = await createRegistrationService(store).register(
    event.id,
    registrationBody('62.02.01.1009', 1, 32),
    {
      language: 'id',
    },
  );
  await createSuppressionsRepo(store.doc, store.tableName).suppress(
    'kontak32@example.org',
    'bounce',
    new Date(),
  );
  const organizer = await signIn(app, store, (await makeUser(store, 'organizer')).email);
  const page = await app.request(`/admin/pendaftaran/${created.registration.id}`, {
    headers: { cookie: organizer },
  });
  expect(await page.text()).toContain('Email tidak dapat dikirim ke kontak32@example.org');
});
