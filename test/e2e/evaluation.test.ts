import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cooperative } from '../../functions/domain/schemas';
import { createApp } from '../../functions/http/app';
import { createCheckinService } from '../../functions/services/checkins';
import { createRegistrationService } from '../../functions/services/registrations';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations, signInSecret } from '../admin/helpers';
import { keepScreenshot, launchPhone, seriousViolations } from '../helpers/a11y';
import { serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/**
 * The session evaluation as people meet it: an officer who checked in opens it from their ticket on a 360 px
 * phone, forgets a score, fixes it and sends; the organizer reads the results on a 1280 px screen.
 */
let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let phone: Awaited<ReturnType<typeof launchPhone>>;
let ticketCode: string;
const event = makeEvent({ organisationId: ORG.id, title: 'Sosialisasi KDKMP Kecamatan Baamang' });

beforeAll(async () => {
  store = await createTestStore();
  const directory = await seedKotim(store);
  await seedOrganisations(store);
  await store.events.put(event);
  const { registration } = await createRegistrationService(store).register(
    event.id,
    registrationBody((directory[3] as Cooperative).id, 1, 81_000),
    { language: 'id' },
  );
  const officer = registration.participants[0] as { id: string; ticketCode: string };
  ticketCode = officer.ticketCode;
  await createCheckinService(store).checkIn(event.id, { participantId: officer.id }, 'Pintu 1');
  server = await serveApp(
    createApp({ store, config: { runtime: 'test', sessionSecret: SESSION_SECRET } }) as never,
  );
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

it('an officer fills the evaluation on a phone and the organizer reads it', async () => {
  const page = await phone.context.newPage();
  await page.goto(`${server.url}/t/${ticketCode}`);
  await page.getByRole('link', { name: 'Isi evaluasi kegiatan' }).click();
  await page.getByRole('heading', { name: 'Evaluasi kegiatan' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  const scores = { Materi: 5, Narasumber: 4, Waktu: 3, Tempat: 4 };
  for (const [question, score] of Object.entries(scores))
    await page
      .getByRole('group', { name: question })
      .locator('label')
      .nth(score - 1)
      .click();
  await page.getByLabel(/Bantuan apa yang masih dibutuhkan/).fill('Pendampingan akta notaris');
  await keepScreenshot(page, 'evaluation-form-360', { fullPage: true });
  await page.getByRole('button', { name: 'Kirim evaluasi' }).click();
  // The forgotten question is named at the top, and what was chosen and typed is still there.
  await page
    .locator('[data-error-summary]')
    .getByText(/Pelayanan panitia: Pilih nilai 1 sampai 5/)
    .waitFor();
  expect(await page.getByLabel(/Bantuan apa yang masih dibutuhkan/).inputValue()).toBe(
    'Pendampingan akta notaris',
  );
  expect(await page.getByRole('radio', { name: '5: Sangat baik' }).first().isChecked()).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await keepScreenshot(page, 'evaluation-form-360-error', { fullPage: true });
  await page.getByRole('group', { name: 'Pelayanan panitia' }).locator('label').nth(4).click();
  await page.getByRole('button', { name: 'Kirim evaluasi' }).click();
  await page.getByText('Terima kasih, evaluasi Anda sudah kami terima.').waitFor();
  const answer = await store.evaluations.listAnswers(event.id);
  expect(answer.map((a) => a.scores)).toEqual([
    { materi: 5, narasumber: 4, waktu: 3, tempat: 4, pelayanan: 5 },
  ]);

  const organizer = await makeUser(store, 'organizer', ORG.id, { name: 'Rina Organizer' });
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
  await desk.getByRole('link', { name: 'Evaluasi kegiatan' }).click();
  await desk.getByText('1 dari 1 pengurus yang hadir mengisi evaluasi (100%).').waitFor();
  expect(await desk.getByRole('img', { name: 'Materi: rata-rata 5' }).count()).toBe(1);
  expect(await seriousViolations(desk)).toEqual([]);
  await keepScreenshot(desk, 'evaluation-results-1280', { fullPage: true });
  // The organizer adds a question; the results list it at once, with no answers yet.
  await desk.getByRole('link', { name: 'Ubah formulir evaluasi' }).click();
  expect(await seriousViolations(desk)).toEqual([]);
  await desk.getByLabel('Pertanyaan (Bahasa Indonesia)').last().fill('Konsumsi');
  await keepScreenshot(desk, 'evaluation-form-editor-1280', { fullPage: true });
  await desk.getByRole('button', { name: 'Simpan formulir' }).click();
  await desk.getByText('Formulir evaluasi tersimpan.').waitFor();
  expect(await desk.getByRole('img', { name: 'Konsumsi: rata-rata –' }).count()).toBe(1);
});
