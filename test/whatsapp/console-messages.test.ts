import { describe, expect, it } from 'vitest';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createRegistrationService } from '../../functions/services/registrations';
import { createWhatsAppDelivery } from '../../functions/whatsapp/deliver';
import { createLocalWhatsAppSender } from '../../functions/whatsapp/senders';
import { handleWebhook, webhookPayload } from '../../functions/whatsapp/webhook';
import { createConsoleApp, makeUser, ORG, OTHER_ORG, seedOrganisations, signIn } from '../admin/helpers';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

describe('console: what went out on which channel', () => {
  it('lists a registration’s email and WhatsApp messages with delivered and read, only to its organisation', async () => {
    const store = await createTestStore();
    const [cooperative] = await seedKotim(store);
    await seedOrganisations(store);
    const event = makeEvent({ organisationId: ORG.id });
    await store.events.put(event);
    const { registration } = await createRegistrationService(store).register(
      event.id,
      { ...registrationBody(cooperative?.id as string, 1, 93_001), whatsapp: true },
      { language: 'id' },
    );
    const worker = createOutboxWorker({
      store,
      transport: createLocalOutboxTransport(store.devMail),
      mail: { baseUrl: 'https://hadir.test', from: 'hadir <noreply@hadir.test>' },
      whatsapp: createWhatsAppDelivery({
        store,
        sender: createLocalWhatsAppSender(store.devMail),
        baseUrl: 'https://hadir.test',
      }),
    });
    await worker.drain();
    const ticket = (await store.devMail.listAll()).find((m) => m.whatsapp?.template === 'hadir_tiket');
    const platformId = ticket?.headers?.['X-WhatsApp-Message-Id'];
    await handleWebhook(
      webhookPayload.parse({
        entry: [{ changes: [{ value: { statuses: [{ id: platformId, status: 'read' }] } }] }],
      }),
      store,
      new Date(),
    );

    const app = createConsoleApp(store);
    const organizer = await makeUser(store, 'organizer', ORG.id);
    const cookie = await signIn(app, store, organizer.email);
    const url = `/api/admin/events/${event.id}/messages/registrations/${registration.id}`;
    const answer = await app.request(url, { headers: { cookie } });
    expect(answer.status).toBe(200);
    const body = await answer.json();
    // Both channels: the contact's email and, on WhatsApp, the notice and the ticket (read).
    expect(body.summary).toEqual({
      email: { sent: 1, delivered: 0, read: 0, failed: 0 },
      whatsapp: { sent: 2, delivered: 1, read: 1, failed: 0 },
    });
    expect(JSON.stringify(body)).not.toContain(registration.contact.phone);

    const stranger = await makeUser(store, 'organizer', OTHER_ORG.id);
    const other = await app.request(url, { headers: { cookie: await signIn(app, store, stranger.email) } });
    expect([403, 404]).toContain(other.status);
  });
});
