import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import type { Cooperative } from '../../functions/domain/schemas';
import { createApp } from '../../functions/http/app';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations, signInSecret } from '../admin/helpers';
import { keepScreenshot, launchPhone, seriousViolations } from '../helpers/a11y';
import { serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, seedKotim } from '../helpers/store';

/**
 * Assisted registration: an organizer, and a Business Assistant for their own cooperatives, register a
 * cooperative's officers from the console. Who entered it and how consent was obtained are recorded, and the
 * contact still gets the manage link by email.
 */
let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let phone: Awaited<ReturnType<typeof launchPhone>>;
let organizer: User;
let assistant: User;
let directory: Cooperative[];
const event = makeEvent({ organisationId: ORG.id, title: 'Sosialisasi KDKMP Kotim (dibantu)' });

beforeAll(async () => {
  store = await createTestStore();
  directory = await seedKotim(store);
  await seedOrganisations(store);
  await store.events.put(event);
  organizer = await makeUser(store, 'organizer', ORG.id, { name: 'Rina Organizer' });
  assistant = await makeUser(store, 'business_assistant', ORG.id, { name: 'Bayu Pendamping' });
  await store.users.setAssignments(assistant.id, [directory[40]?.id as string], new Date());
  server = await serveApp(
    createApp({ store, config: { runtime: 'test', sessionSecret: SESSION_SECRET } }) as never,
  );
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

async function signInAs(page: Page, user: User) {
  await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email }),
  });
  await page.goto(
    `${server.url}/auth/verify?token=${encodeURIComponent((await signInSecret(store, user.email)) as string)}`,
  );
}

it('an organizer registers a cooperative on paper consent: recorded with who entered it, the contact is emailed the manage link', async () => {
  const page = await phone.context.newPage();
  await signInAs(page, organizer);
  await page.goto(`${server.url}/admin/acara/${event.id}`);
  await page.getByRole('link', { name: 'Daftarkan koperasi (dibantu)' }).click();
  await page.getByRole('heading', { name: 'Daftarkan koperasi (dibantu)' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  const cooperative = directory[12] as Cooperative;
  await page.getByLabel('Koperasi', { exact: true }).selectOption(cooperative.id);
  await page.locator('[name="contact.name"]').fill('Pak Hasan');
  await page.locator('[name="contact.phone"]').fill('+62 0852 1111 2222');
  await page.locator('[name="contact.email"]').fill('hasan@example.org');
  await page.locator('[name="participants.0.name"]').fill('Hasan Basri');
  await page.locator('[name="participants.1.name"]').fill('Siti Rahmah');
  // Without the consent method the form is refused, keeping what was typed.
  await page.evaluate(() => {
    for (const input of document.querySelectorAll('input[name="consentMethod"]'))
      input.removeAttribute('required');
  });
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await page
    .locator('[data-error-summary]')
    .getByText(/Cara persetujuan/)
    .waitFor();
  expect(await page.locator('[name="participants.1.name"]').inputValue()).toBe('Siti Rahmah');
  await page.getByLabel('Formulir kertas yang ditandatangani').check();
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await page.getByRole('heading', { name: 'Pendaftaran tercatat' }).waitFor();
  expect(await page.locator('main').textContent()).toContain(
    'Tautan kelola dikirim ke email narahubung (hasan@example.org)',
  );
  await keepScreenshot(page, 'assisted-done');
  expect(await seriousViolations(page)).toEqual([]);

  const registration = (await store.registrations.listByEvent(event.id)).find(
    (r) => r.cooperativeId === cooperative.id,
  );
  expect(registration?.status).toBe('confirmed');
  expect(registration?.contact.phone).toBe('+6285211112222');
  expect(registration?.assisted).toMatchObject({
    byUserId: organizer.id,
    byName: 'Rina Organizer',
    byRole: 'organizer',
    consentMethod: 'paper',
  });
  // The contact's first email carries the manage link, as for any registration.
  const jobs = await store.outbox.due(new Date(Date.now() + 60_000), 1000);
  expect(
    jobs.some(
      (job) => job.to === 'hasan@example.org' && job.registrationId === registration?.id && job.manageLink,
    ),
  ).toBe(true);
  const audit = await store.audit.list({ limit: 20 });
  expect(audit.entries.some((entry) => entry.action === 'registration.assisted')).toBe(true);
});

it('a Business Assistant registers only their own cooperatives, by phone consent', async () => {
  const page = await phone.context.newPage();
  await signInAs(page, assistant);
  await page.goto(`${server.url}/admin/acara/${event.id}`);
  await page.getByRole('link', { name: 'Daftarkan koperasi dampingan' }).click();
  const options = await page.locator('select[name="cooperativeId"] option').allTextContents();
  expect(options).toHaveLength(2); // "Pilih koperasi" and their one cooperative
  expect(options[1]).toContain(directory[40]?.name as string);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Koperasi', { exact: true }).selectOption(directory[40]?.id as string);
  await page.locator('[name="contact.name"]').fill('Bu Wati');
  await page.locator('[name="contact.phone"]').fill('0853-3333-4444');
  await page.locator('[name="participants.0.name"]').fill('Wati Susanti');
  await page.getByLabel('Telepon (persetujuan lisan)').check();
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await page.getByRole('heading', { name: 'Pendaftaran tercatat' }).waitFor();
  // No email on file: the page offers the manage link on WhatsApp to the contact's number.
  const share = await page.getByRole('link', { name: /lewat WhatsApp/ }).getAttribute('href');
  expect(share).toMatch(/^https:\/\/wa\.me\/6285333334444\?text=.*kelola/);
  await keepScreenshot(page, 'assisted-ba-done');

  // Another cooperative, posted by hand, is refused.
  const refused = await page.evaluate(
    async ({ eventId, cooperativeId }) => {
      const csrf = (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value;
      const body = new URLSearchParams({
        _csrf: csrf,
        cooperativeId,
        'contact.name': 'Orang Lain',
        'contact.phone': '0853 9999 0000',
        'participants.0.name': 'Bukan Dampingan',
        'participants.0.role': 'ketua',
        consentMethod: 'phone',
      });
      const response = await fetch(`/admin/acara/${eventId}/daftarkan`, { method: 'POST', body });
      return response.status;
    },
    { eventId: event.id, cooperativeId: directory[41]?.id as string },
  );
  expect(refused).toBe(403);
  const registration = (await store.registrations.listByEvent(event.id)).find(
    (r) => r.cooperativeId === directory[40]?.id,
  );
  expect(registration?.assisted).toMatchObject({ byUserId: assistant.id, consentMethod: 'phone' });
  expect(
    (await store.registrations.listByEvent(event.id)).some((r) => r.cooperativeId === directory[41]?.id),
  ).toBe(false);
});
