import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import { createApp } from '../../functions/http/app';
import { createOutreachService } from '../../functions/services/outreach';
import { createRegistrationService } from '../../functions/services/registrations';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations, signIn } from '../admin/helpers';
import { auditEveryPage, keepScreenshot, PHONE, seriousViolations, WCAG_AA } from '../helpers/a11y';
import { launchBrowser, serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { linkOf } from '../outreach/world';

/**
 * axe-core on every public page and every console page, as a phone (360x740) and a laptop (1280) see them: no
 * serious or critical violation. Each page also carries a meta description, and no page asks for a file that is
 * not there (the favicon was a 404 on every page). HADIR_SCREENSHOTS=/some/dir keeps a screenshot of each page.
 */
const LAPTOP = { viewport: { width: 1280, height: 800 } };

let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
const users: Record<'admin' | 'organizer' | 'ba', User> = {} as never;
const cookies: Record<string, string> = {};
const event = makeEvent({
  organisationId: ORG.id,
  title: 'Sosialisasi KDKMP Kecamatan Baamang',
  capacity: 50,
});
const paths: { public: string[]; organizer: string[]; admin: string[]; ba: string[] } = {
  public: [],
  organizer: [],
  admin: [],
  ba: [],
};

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  users.admin = await makeUser(store, 'admin');
  users.organizer = await makeUser(store, 'organizer');
  users.ba = await makeUser(store, 'business_assistant');
  await store.events.put(event);
  const { registration, manageToken } = await createRegistrationService(store).register(
    event.id,
    registrationBody('62.02.05.1001', 2, 9401),
    { language: 'id' },
  );
  await store.users.setAssignments(users.ba.id, ['62.02.05.1001', '62.02.05.1002'], new Date());
  const app = createApp({
    store,
    config: { runtime: 'test', publicBaseUrl: 'http://127.0.0.1', sessionSecret: SESSION_SECRET },
  });
  for (const role of ['admin', 'organizer', 'ba'] as const)
    cookies[role] = await signIn(app, store, users[role].email);
  const world = {
    outreach: createOutreachService(store, () => new Date()),
    organizer: users.organizer,
    event,
  };
  const invitation = new URL(await linkOf(world as never, '62.02.05.1002'));
  const ticket = registration.participants[0]?.ticketCode as string;
  const e = `/admin/acara/${event.id}`;
  paths.public = [
    '/',
    '/kegiatan-lalu',
    `/acara/${event.id}`,
    `/acara/${event.id}/daftar`,
    `/acara/${event.id}/daftar${invitation.search}`,
    `/kelola/${registration.id}?token=${encodeURIComponent(manageToken)}`,
    `/t/${ticket}`,
    '/masuk',
  ];
  paths.organizer = [
    '/admin',
    '/admin/acara/baru',
    e,
    `${e}/ubah`,
    `${e}/stasiun`,
    `/admin/pendaftaran/${registration.id}`,
    `${e}/undangan`,
    `${e}/undangan/kontak`,
    `${e}/tindak-lanjut`,
    `${e}/daftarkan`,
    `${e}/jendela-check-in`,
    '/admin/pendamping',
    '/admin/email',
    '/admin/laporan',
    `/admin/laporan/acara/${event.id}`,
    `/admin/laporan/acara/${event.id}/laporan-kegiatan`,
    `/admin/laporan/organisasi/${ORG.id}`,
    '/admin/laporan/koperasi/62.02.05.1001',
  ];
  paths.admin = ['/admin/pengguna', '/admin/audit', '/admin/cakupan'];
  paths.ba = ['/admin', '/admin/laporan/pendamping', `${e}`];
  server = await serveApp(app as never);
});

afterAll(async () => {
  await server?.close();
});

async function audit(page: Page, path: string, label: string) {
  const missing: string[] = [];
  const listen = (response: { url(): string; status(): number }) => {
    if (response.url().startsWith(server.url) && response.status() === 404) missing.push(response.url());
  };
  page.on('response', listen);
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  const problems: string[] = [];
  if (!response || response.status() >= 400) problems.push(`${path} answered ${response?.status()}`);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  if (!description || description.length < 40) problems.push(`${path} has no meta description`);
  for (const violation of await seriousViolations(page, WCAG_AA))
    problems.push(`${label} ${path}: ${violation}`);
  page.off('response', listen);
  if (missing.length) problems.push(`${path} requested missing files: ${missing.join(', ')}`);
  await keepScreenshot(page, `a11y-${label}${path}`.slice(0, 120), { fullPage: true });
  return problems;
}

/** One tab goes through the pages in turn, as a person clicking through would, signed in as `role` if given. */
async function auditAll(list: string[], device: typeof PHONE | typeof LAPTOP, label: string, role?: string) {
  const { context, close } = await launchBrowser([], device);
  try {
    await auditEveryPage(context);
    if (role) {
      const [name, value] = (cookies[role] as string).split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.url }]);
    }
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of list) problems.push(...(await audit(page, path, label)));
    return problems;
  } finally {
    await close();
  }
}

describe('accessibility (axe-core): no serious or critical violation', () => {
  it('public pages on a phone and a laptop', async () => {
    expect([
      ...(await auditAll(paths.public, PHONE, 'phone')),
      ...(await auditAll(paths.public, LAPTOP, 'laptop')),
    ]).toEqual([]);
  }, 240_000);

  it('every console page an organizer opens, on a laptop and a phone', async () => {
    expect([
      ...(await auditAll(paths.organizer, LAPTOP, 'organizer-laptop', 'organizer')),
      ...(await auditAll(paths.organizer.slice(0, 4), PHONE, 'organizer-phone', 'organizer')),
    ]).toEqual([]);
  }, 300_000);

  it("the admin's and the Business Assistant's pages", async () => {
    expect([
      ...(await auditAll(paths.admin, LAPTOP, 'admin', 'admin')),
      ...(await auditAll(paths.ba, LAPTOP, 'ba', 'ba')),
    ]).toEqual([]);
  }, 240_000);

  it('the favicon is served at /favicon.ico and as the fingerprinted SVG every page links, cached', async () => {
    const ico = await fetch(`${server.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    expect(ico.headers.get('cache-control')).toMatch(/max-age=\d{6,}/);
    const html = await (await fetch(`${server.url}/`)).text();
    const svg = html.match(/<link rel="icon" href="([^"]+)"/)?.[1] as string;
    expect(svg).toMatch(/^\/assets\/favicon\.[0-9a-f]+\.svg$/);
    const icon = await fetch(`${server.url}${svg}`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toContain('immutable');
    expect(html).toMatch(/<meta name="description" content="Daftarkan pengurus Koperasi/);
  });
});
