import { beforeAll, expect, it } from 'vitest';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createConsoleApp, jsonRequest, ORG, signIn } from '../admin/helpers';
import { at, BASE_URL, linkOf, seedOutreachWorld } from './world';

let world: Awaited<ReturnType<typeof seedOutreachWorld>>;

beforeAll(async () => {
  world = await seedOutreachWorld();
  for (const [index, email] of ['budi@example.org', 'siti@example.org'].entries()) {
    await world.store.contacts.put(ORG.id, {
      cooperativeId: at(world.invited, index).id,
      name: index === 0 ? 'Budi Santoso' : 'Siti Aminah',
      email,
      source: 'manual',
      updatedAt: new Date().toISOString(),
      updatedBy: world.organizer.id,
    });
  }
});

it('emails each invited cooperative with an address its own personal link, once, with a working unsubscribe link', async () => {
  const app = createConsoleApp(world.store);
  const cookie = await signIn(app, world.store, world.organizer.email);
  const response = await app.request(
    `/api/admin/events/${world.event.id}/outreach/email`,
    jsonRequest('POST', undefined, { cookie }),
  );
  expect(response.status).toBe(202);
  expect(await response.json()).toMatchObject({ queued: 2, suppressed: 0 });

  const worker = createOutboxWorker({
    store: world.store,
    transport: createLocalOutboxTransport(world.store.devMail),
    mail: { baseUrl: BASE_URL, from: 'hadir <noreply@hadir.test>' },
  });
  for (let i = 0; i < 5 && (await worker.drain()).processed > 0; i++);
  const mails = (await world.store.devMail.listAll()).filter((m) => m.subject.startsWith('Undangan'));
  expect(mails).toHaveLength(2);
  for (const [index, to] of ['budi@example.org', 'siti@example.org'].entries()) {
    const mail = mails.find((m) => m.to.includes(to));
    const link = await linkOf(world, at(world.invited, index).id);
    expect(mail?.html).toContain(link.replaceAll('&', '&amp;'));
    expect(mail?.text).toContain(link);
    // The personal link opens the form with the cooperative chosen: the email does not ask to pick a village.
    expect(mail?.text).toContain('koperasi Anda sudah terpilih');
    expect(mail?.text).not.toContain('pilih desa/kelurahan Anda');
    // The other cooperative's link is not in this email.
    const other = await linkOf(world, at(world.invited, 1 - index).id);
    expect(mail?.html).not.toContain(other.split('undangan=')[1]);
    const unsubscribe = mail?.headers?.['List-Unsubscribe']?.slice(1, -1) ?? '';
    expect(unsubscribe).toMatch(/^https:\/\/hadir\.test\/berhenti\/[A-Za-z0-9_-]+$/);
  }
  const first = mails.find((m) => m.to.includes('budi@example.org'));
  const unsubscribePath = new URL(first?.headers?.['List-Unsubscribe']?.slice(1, -1) ?? '').pathname;
  const unsubscribed = await app.request(unsubscribePath, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(unsubscribed.status).toBeLessThan(400);

  // The invitations are marked as emailed; sending again skips nobody twice in one campaign and respects the unsubscribe.
  expect(
    (await world.store.invitations.get(world.event.id, at(world.invited, 0).id))?.emailedAt,
  ).toBeTruthy();
  const again = await world.outreach.emailInvitations(world.organizer, world.event.id, BASE_URL);
  expect(again).toMatchObject({ queued: 1, suppressed: 1 });
});
