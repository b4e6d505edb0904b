import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../functions/domain/campaign';
import { newId } from '../../functions/domain/tokens';
import { createCampaignRunner } from '../../functions/followups/runner';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createRegistrationService } from '../../functions/services/registrations';
import { createWhatsAppDelivery } from '../../functions/whatsapp/deliver';
import { createLocalWhatsAppSender } from '../../functions/whatsapp/senders';
import { handleWebhook, webhookPayload } from '../../functions/whatsapp/webhook';
import { createConsoleApp, makeUser, ORG, OTHER_ORG, seedOrganisations, signIn } from '../admin/helpers';
import { moveSession } from '../followups/world';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/** The section of a page between its opening tag (found by a data attribute) and the section's end. */
const section = (html: string, marker: string) => {
  const start = html.indexOf(marker);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};
const rows = (html: string) =>
  [...html.matchAll(/data-channel="(\w+)" data-status="(\w+)"/g)].map((m) => `${m[1]} ${m[2]}`).sort();
const count = (html: string, channel: string, what: string) =>
  html
    .slice(html.indexOf(`data-channel="${channel}"`))
    .match(new RegExp(`data-count="${what}">(\\d+)<`))?.[1];

describe('console pages: what went out on which channel', () => {
  it('the registration page lists each message with its status and fallback, the campaign page counts per channel, only for the session’s organisation', async () => {
    const store = await createTestStore();
    const [cooperative] = await seedKotim(store);
    await seedOrganisations(store);
    // WhatsApp first: the address is kept back for a WhatsApp message that fails.
    const event = makeEvent({
      organisationId: ORG.id,
      messageChannels: 'whatsapp_first',
      checkinAnyTime: true,
    });
    await store.events.put(event);
    const { registration } = await createRegistrationService(store).register(
      event.id,
      { ...registrationBody(cooperative?.id as string, 1, 94_001), whatsapp: true },
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
    // The session is over and its reminder campaign runs (as the minute's tick would).
    await moveSession(store, event, new Date(Date.now() - 5 * 3_600_000), new Date(Date.now() - 3_600_000));
    const now = new Date().toISOString();
    const campaign: Campaign = {
      id: newId(),
      eventId: event.id,
      kind: 'reminder',
      segment: 'all_registered',
      sendAt: { type: 'relative', anchor: 'end', offsetMinutes: 0 },
      materials: [],
      status: 'scheduled',
      isDefault: false,
      createdAt: now,
      updatedAt: now,
      createdBy: 'test',
      version: 1,
    };
    await store.campaigns.create(campaign);
    await createCampaignRunner(store).run(campaign.id);
    await worker.drain();

    const sent = await store.devMail.listAll();
    const platformId = (template: string) =>
      sent.find((m) => m.whatsapp?.template === template)?.headers?.['X-WhatsApp-Message-Id'];
    const status = (id: string | undefined, value: string, extra = {}) =>
      handleWebhook(
        webhookPayload.parse({
          entry: [{ changes: [{ value: { statuses: [{ id, status: value, ...extra }] } }] }],
        }),
        store,
        new Date(),
      );
    await status(platformId('hadir_tiket'), 'read');
    await status(platformId('hadir_pengingat'), 'delivered');
    await status(platformId('hadir_pendaftaran_diterima'), 'failed', {
      errors: [{ code: 131026, title: 'Message undeliverable' }],
    });
    await worker.drain(); // the fallback email of the failed notice

    const app = createConsoleApp(store);
    const organizer = await makeUser(store, 'organizer', ORG.id);
    const cookie = await signIn(app, store, organizer.email);
    const registrationUrl = `/admin/pendaftaran/${registration.id}`;
    const page = await app.request(registrationUrl, { headers: { cookie } });
    expect(page.status).toBe(200);
    const messages = section(await page.text(), 'data-messages');
    expect(messages).toContain('Pesan terkirim');
    expect(rows(messages)).toEqual(['email sent', 'whatsapp delivered', 'whatsapp failed', 'whatsapp read']);
    expect(messages).toContain('WhatsApp: 2 terkirim, 2 diterima, 1 dibaca, 1 gagal');
    expect(messages).toContain('Email: 1 terkirim, 0 gagal');
    expect(messages).toContain('Dikirim ulang lewat email');
    expect(messages).toContain('Pengganti pesan WhatsApp yang gagal');
    expect(messages).toContain('131026 Message undeliverable');
    expect(messages).toMatch(/Dibaca \d/);
    expect(messages).toContain(`untuk ${registration.participants[0]?.name}`);
    // Neither the number nor the address: the form below already shows them to whoever may edit them.
    expect(messages).not.toContain(registration.contact.phone);
    expect(messages).not.toContain(registration.contact.email as string);

    const english = await app.request(`${registrationUrl}?lang=en`, { headers: { cookie } });
    const inEnglish = section(await english.text(), 'data-messages');
    expect(inEnglish).toContain('Messages sent');
    expect(inEnglish).toContain('WhatsApp: 2 sent, 2 delivered, 1 read, 1 failed');
    expect(inEnglish).toContain('Sent again by email');

    const campaignUrl = `/admin/acara/${event.id}/tindak-lanjut/${campaign.id}`;
    const campaignPage = await app.request(campaignUrl, { headers: { cookie } });
    expect(campaignPage.status).toBe(200);
    const counts = section(await campaignPage.text(), 'data-channel-counts');
    expect(counts).toContain('Pesan per saluran');
    expect(['sent', 'delivered', 'read', 'failed'].map((what) => count(counts, 'whatsapp', what))).toEqual([
      '1',
      '1',
      '0',
      '0',
    ]);
    expect(['sent', 'failed'].map((what) => count(counts, 'email', what))).toEqual(['0', '0']);

    const stranger = await makeUser(store, 'organizer', OTHER_ORG.id);
    const strangerCookie = await signIn(app, store, stranger.email);
    for (const url of [registrationUrl, campaignUrl]) {
      const refused = await app.request(url, { headers: { cookie: strangerCookie } });
      expect([403, 404]).toContain(refused.status);
      expect(await refused.text()).not.toContain('data-messages');
    }
  }, 120_000); // a drain, a campaign run and three page renders: slow on a shared machine
});
