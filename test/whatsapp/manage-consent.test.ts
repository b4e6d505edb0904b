import { describe, expect, it } from 'vitest';
import { contactChannels } from '../../functions/domain/channels';
import { createRegistrationService } from '../../functions/services/registrations';
import { createTestApp, form } from '../helpers/app';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/**
 * WhatsApp consent is given for a number: when the contact's phone is changed through the manage link, the new
 * number gets no WhatsApp message until the change itself agrees again.
 */
describe('manage page: a changed phone is asked for WhatsApp consent again', () => {
  it('drops the consent with the old number, records it for the new one only when ticked, keeps it otherwise', async () => {
    const store = await createTestStore();
    const [cooperative] = await seedKotim(store);
    const event = makeEvent();
    await store.events.put(event);
    const body = registrationBody(cooperative?.id as string, 1, 95_001);
    delete body.contact.email;
    const { registration, manageToken } = await createRegistrationService(store).register(
      event.id,
      { ...body, whatsapp: true },
      { language: 'id' },
    );
    const app = createTestApp(store);
    const given = (await store.registrations.get(registration.id))?.whatsappConsent;
    expect(given).toBeDefined();

    const page = await app.request(`/kelola/${registration.id}?token=${manageToken}`);
    const html = await page.text();
    expect(html).toContain('data-whatsapp-consent');
    expect(html).toContain('Bila nomor HP diganti, centang lagi untuk nomor baru');

    const changeContact = (fields: Record<string, string>) =>
      app.request(
        `/kelola/${registration.id}/kontak`,
        form({ token: manageToken, 'contact.name': 'Siti Aminah', ...fields }),
      );
    const whatsappJobsTo = async (phone: string) =>
      (await store.outbox.due(new Date(Date.now() + 60_000), 1000)).filter(
        (job) => job.registrationId === registration.id && job.channel === 'whatsapp' && job.to === phone,
      );

    // The same number, the name corrected: the consent stays as given.
    expect((await changeContact({ 'contact.phone': registration.contact.phone })).status).toBe(303);
    expect((await store.registrations.get(registration.id))?.whatsappConsent).toEqual(given);

    // A new number without the tick: no consent, so no WhatsApp message to it (the change notice included).
    const second = '+6285700000951';
    expect((await changeContact({ 'contact.phone': second })).status).toBe(303);
    const afterSecond = await store.registrations.get(registration.id);
    expect(afterSecond?.contact.phone).toBe(second);
    expect(afterSecond?.whatsappConsent).toBeUndefined();
    expect(contactChannels(afterSecond as NonNullable<typeof afterSecond>).whatsapp).toBe(false);
    expect(await whatsappJobsTo(second)).toEqual([]);
    const asked = await (await app.request(`/kelola/${registration.id}?token=${manageToken}`)).text();
    expect(asked).toContain('Centang bila Anda ingin menerima pesan pendaftaran ini lewat WhatsApp.');

    // A new number ticked: consent recorded anew for it, and the change notice goes there on WhatsApp.
    const third = '+6285700000952';
    expect((await changeContact({ 'contact.phone': third, whatsapp: 'true' })).status).toBe(303);
    const afterThird = await store.registrations.get(registration.id);
    expect(afterThird?.whatsappConsent?.givenAt).toBeDefined();
    expect(afterThird?.whatsappConsent?.givenAt).not.toBe(given?.givenAt);
    expect((await whatsappJobsTo(third)).map((job) => job.kind)).toContain('changed');
  }, 90_000);
});
