import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import { createApp } from '../../functions/http/app';
import { createRegistrationService } from '../../functions/services/registrations';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations, signInSecret } from '../admin/helpers';
import { keepScreenshot, launchPhone, seriousViolations } from '../helpers/a11y';
import { serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/**
 * The date guard as the door volunteer and the organizer meet it: four days before the session the door refuses a
 * valid ticket and says when check-in opens; the organizer deliberately allows check-ins for this session in the
 * console, and the same ticket is admitted. No certificate before the session has ended.
 */
let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let phone: Awaited<ReturnType<typeof launchPhone>>;
let organizer: User;
let token: string;
let ticketCode: string;
const start = new Date(Date.now() + 4 * 86_400_000);
const event = makeEvent({
  organisationId: ORG.id,
  startsAt: start.toISOString(),
  endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
  registrationDeadline: new Date(start.getTime() - 86_400_000).toISOString(),
  checkinAnyTime: false,
});

beforeAll(async () => {
  store = await createTestStore();
  const directory = await seedKotim(store);
  await seedOrganisations(store);
  await store.events.put(event);
  organizer = await makeUser(store, 'organizer', ORG.id, { name: 'Rina Organizer' });
  token = await enrolTestStation(store, event.id, 'Pintu Utama');
  const { registration } = await createRegistrationService(store).register(
    event.id,
    registrationBody(directory[3]?.id as string, 2, 91_000),
    { language: 'id' },
  );
  ticketCode = registration.participants[0]?.ticketCode as string;
  server = await serveApp(
    createApp({ store, config: { runtime: 'test', sessionSecret: SESSION_SECRET } }) as never,
  );
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

async function scanTyped(page: Page, code: string) {
  const field = page.getByLabel('Pindai atau ketik kode tiket');
  await field.fill(code);
  await field.press('Enter');
}

it('four days early the door refuses a valid ticket with the reason; once the organizer allows it, the ticket is admitted', {
  timeout: 90_000,
}, async () => {
  const door = await phone.context.newPage();
  await door.goto(`${server.url}/checkin/enrol?token=${encodeURIComponent(token)}`);
  await door.locator('[data-checkin][data-ready]').waitFor();
  await scanTyped(door, ticketCode);
  const result = door.locator('[data-result]');
  await result.getByText(/Check-in belum dibuka/).waitFor();
  const shown = (await result.textContent()) ?? '';
  // The opening time in words, in the session's zone.
  expect(shown).toMatch(/Dibuka \w+, \d+ \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
  await keepScreenshot(door, 'door-refused-early');
  expect(
    await store.checkins.get(
      event.id,
      (await store.registrations.listByEvent(event.id))[0]?.participants[0]?.id as string,
    ),
  ).toBeUndefined();

  // The organizer signs in and allows check-ins at any time for this session (a rehearsal, say).
  const admin = await phone.context.newPage();
  await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: organizer.email }),
  });
  await admin.goto(
    `${server.url}/auth/verify?token=${encodeURIComponent((await signInSecret(store, organizer.email)) as string)}`,
  );
  await admin.goto(`${server.url}/admin/acara/${event.id}`);
  await admin.getByRole('link', { name: 'Jendela check-in' }).click();
  await admin.getByRole('heading', { name: 'Jendela check-in' }).waitFor();
  expect(await admin.locator('[data-window]').textContent()).toMatch(/pukul \d{2}\.\d{2} WIB/);
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.getByLabel(/Izinkan check-in kapan saja/).check();
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await admin.getByText('Saat ini check-in diizinkan kapan saja untuk sesi ini.').waitFor();
  await keepScreenshot(admin, 'console-checkin-window');
  expect(await seriousViolations(admin)).toEqual([]);
  expect((await store.events.get(event.id, { consistent: true }))?.checkinAnyTime).toBe(true);

  // The door's session snapshot is a few seconds old at most: the same ticket is then admitted.
  await expect
    .poll(
      async () => {
        await scanTyped(door, ticketCode);
        await door.waitForTimeout(500);
        return door.locator('[data-result][data-kind="ok"]').count();
      },
      { timeout: 15_000, interval: 1_000 },
    )
    .toBeGreaterThan(0);
  expect(await result.textContent()).toContain('Hadir');

  // The ticket page offers no certificate: the session has not taken place yet.
  const ticket = await phone.context.newPage();
  await ticket.goto(`${server.url}/t/${ticketCode}`);
  expect(await ticket.locator('a[href$="/sertifikat.pdf"]').count()).toBe(0);
  expect((await fetch(`${server.url}/t/${ticketCode}/sertifikat.pdf`)).status).toBe(409);
});
