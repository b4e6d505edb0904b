import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import type { Cooperative } from '../../functions/domain/schemas';
import { createCampaignRunner } from '../../functions/followups/runner';
import { createApp } from '../../functions/http/app';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createCampaignService } from '../../functions/services/campaigns';
import { createCheckinService } from '../../functions/services/checkins';
import { createRegistrationService } from '../../functions/services/registrations';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations, signInSecret } from '../admin/helpers';
import { keepScreenshot, launchPhone, seriousViolations } from '../helpers/a11y';
import { launchBrowser, serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/**
 * Tanya jawab as the hall lives it: an officer asks from their ticket on a 360 px phone, another phone asks through
 * the projector's QR (once while offline), the moderator approves one and hides the other, both phones vote, and
 * the projector, open all along, shows the top question without a reload. After the session the organizer writes
 * the answer and it reaches the thank-you email in the local outbox.
 */
let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let phone: Awaited<ReturnType<typeof launchPhone>>;
let other: Awaited<ReturnType<typeof launchBrowser>>;
let organizer: User;
let ticketCode: string;
let now = new Date();
// The session starts in a few minutes: the clock later moves past its end, within the moderator's login.
const event = makeEvent({
  organisationId: ORG.id,
  title: 'Sosialisasi KDKMP Kecamatan Baamang',
  registrationDeadline: new Date(now.getTime() + 5 * 60_000).toISOString(),
  startsAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
  endsAt: new Date(now.getTime() + 70 * 60_000).toISOString(),
});
const officerQuestion = 'Bagaimana cara mengajukan pinjaman modal ke bank untuk koperasi desa?';
const anonymousQuestion = 'Pertanyaan iseng yang tidak pantas ditampilkan';

beforeAll(async () => {
  store = await createTestStore();
  const directory = await seedKotim(store);
  await seedOrganisations(store);
  await store.events.put(event);
  const { registration } = await createRegistrationService(store).register(
    event.id,
    registrationBody((directory[5] as Cooperative).id, 1, 82_000),
    { language: 'id' },
  );
  const officer = registration.participants[0] as { id: string; ticketCode: string };
  ticketCode = officer.ticketCode;
  await createCheckinService(store).checkIn(event.id, { participantId: officer.id }, 'Pintu 1');
  organizer = await makeUser(store, 'organizer', ORG.id, { name: 'Rina Moderator' });
  server = await serveApp(
    createApp({
      store,
      config: { runtime: 'test', sessionSecret: SESSION_SECRET },
      clock: () => now,
    }) as never,
  );
  phone = await launchPhone();
  // The projector polls every few seconds: the test moves its clock on instead of waiting for the next poll.
  await phone.context.clock.install();
  other = await launchBrowser();
});

afterAll(async () => {
  await other?.close();
  await phone?.close();
  await server?.close();
});

it('questions go from two phones through the moderator to the projector and the thank-you email', async () => {
  // The projector is open from the start.
  const screen = await phone.context.newPage();
  await screen.setViewportSize({ width: 1280, height: 800 });
  await screen.goto(`${server.url}/acara/${event.id}/layar`);
  await screen.getByText('Pindai untuk bertanya').waitFor();
  await screen.getByText('Belum ada pertanyaan yang disetujui.').waitFor();

  // The officer asks from the ticket page.
  const ask = await phone.context.newPage();
  await ask.goto(`${server.url}/t/${ticketCode}`);
  await ask.getByRole('link', { name: 'Ajukan pertanyaan' }).click();
  await ask.getByRole('heading', { name: 'Ajukan pertanyaan' }).waitFor();
  await ask.getByText(/Pertanyaan dikirim atas nama Koperasi/).waitFor();
  await ask.getByLabel('Pertanyaan Anda').fill(officerQuestion);
  await ask.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  await ask.getByText('Terkirim. Pertanyaan Anda menunggu persetujuan moderator.').waitFor();

  // Another phone scans the projector's QR and asks without a ticket, while the hall's network is down.
  const anon = await other.context.newPage();
  await anon.goto(`${server.url}/acara/${event.id}/tanya`);
  await anon.getByText(/Pertanyaan dikirim tanpa nama/).waitFor();
  await other.context.setOffline(true);
  await anon.getByLabel('Pertanyaan Anda').fill(anonymousQuestion);
  await anon.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  await anon.getByText('Tersimpan di ponsel ini. Akan dikirim otomatis saat sinyal kembali.').waitFor();
  expect((await store.questions.list(event.id)).map((q) => q.text)).toEqual([officerQuestion]);
  await other.context.setOffline(false);
  await anon.getByText('Terkirim. Pertanyaan Anda menunggu persetujuan moderator.').waitFor();
  expect((await store.questions.list(event.id)).map((q) => q.text).sort()).toEqual(
    [anonymousQuestion, officerQuestion].sort(),
  );

  // The moderator approves the officer's question and hides the other.
  await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: organizer.email }),
  });
  const desk = await phone.context.newPage();
  await desk.setViewportSize({ width: 1280, height: 900 });
  await desk.goto(
    `${server.url}/auth/verify?token=${encodeURIComponent((await signInSecret(store, organizer.email)) as string)}`,
  );
  await desk.goto(`${server.url}/admin/acara/${event.id}`);
  await desk.getByRole('link', { name: 'Tanya jawab' }).click();
  await desk.getByRole('heading', { name: 'Menunggu moderasi (2)' }).waitFor();
  // A card by its own question (the merge list of another card names it too).
  const card = (text: string) =>
    desk.locator('li.q-item').filter({ has: desk.locator('> p.q-text', { hasText: text }) });
  await card(officerQuestion).getByRole('button', { name: 'Setujui' }).click();
  await card(anonymousQuestion).getByRole('button', { name: 'Sembunyikan' }).click();
  await desk.getByRole('heading', { name: 'Disetujui (1)' }).waitFor();
  expect(await seriousViolations(desk)).toEqual([]);

  // Both phones vote (the ask page polls the board; a reload is what an impatient officer does).
  for (const page of [ask, anon]) {
    await page.reload();
    await page.getByRole('button', { name: 'Dukung pertanyaan ini' }).click();
    await page.getByRole('button', { name: 'Sudah didukung' }).waitFor();
  }
  expect(await anon.getByText(anonymousQuestion).count()).toBe(0);
  expect(await seriousViolations(ask)).toEqual([]);
  await keepScreenshot(ask, 'questions-ask-360', { fullPage: true });

  // The projector picked it up by itself, votes included; the hidden one never shows.
  now = new Date(now.getTime() + 5_000);
  await phone.context.clock.fastForward(5_000);
  await screen.locator('#board-list').getByText(officerQuestion).waitFor({ timeout: 30_000 });
  await screen.locator('#board-list').getByText('2 suara').waitFor({ timeout: 30_000 });
  expect(await screen.getByText(anonymousQuestion).count()).toBe(0);
  await card(officerQuestion).getByRole('button', { name: 'Sematkan di layar' }).click();
  now = new Date(now.getTime() + 5_000);
  await phone.context.clock.fastForward(5_000);
  await screen.locator('#pinned').getByText(officerQuestion).waitFor({ timeout: 30_000 });
  expect(await seriousViolations(screen)).toEqual([]);
  await keepScreenshot(screen, 'questions-screen-1280');

  // After the session: the written answer, then the thank-you email carries it.
  now = new Date(Date.parse(event.endsAt) + 30 * 60_000);
  const answer =
    'Ajukan proposal setelah badan hukum, NIB dan rekening koperasi selesai; Business Assistant membantu.';
  await card(officerQuestion)
    .getByLabel(/Jawaban tertulis/)
    .fill(answer);
  await card(officerQuestion).getByRole('button', { name: 'Simpan jawaban' }).click();
  await desk.getByText('Tersimpan.').waitFor();
  await keepScreenshot(desk, 'questions-console-1280', { fullPage: true });
  // The laporan kegiatan (engineer L's page) lists it with its answer.
  await desk.goto(`${server.url}/admin/laporan/acara/${event.id}/laporan-kegiatan`);
  await desk.getByText(answer).first().waitFor();
  expect(await desk.getByText(officerQuestion).count()).toBeGreaterThan(0);
  expect(await desk.getByText(anonymousQuestion).count()).toBe(0);

  const clock = () => now;
  const campaign = await createCampaignService(store, clock).create(organizer, event.id, {
    kind: 'thanks',
    segment: 'attended',
    sendAt: { type: 'relative', anchor: 'end', offsetMinutes: 1 },
    materials: [],
  });
  expect(await createCampaignRunner(store, clock).run(campaign.id)).toMatchObject({ outcome: 'done' });
  const worker = createOutboxWorker({
    store,
    transport: createLocalOutboxTransport(store.devMail),
    mail: { baseUrl: server.url, from: 'hadir <noreply@hadir.test>' },
    clock,
  });
  for (let i = 0; i < 5 && (await worker.drain()).processed > 0; i++);
  const thanks = (await store.devMail.listAll()).find((mail) => mail.subject.startsWith('Terima kasih'));
  expect(thanks?.html).toContain('Tanya jawab');
  expect(thanks?.html).toContain(officerQuestion);
  expect(thanks?.html).toContain(answer);
  expect(thanks?.html).not.toContain(anonymousQuestion);
}, 240_000);
