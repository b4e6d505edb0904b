import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistrationService } from '../../functions/services/registrations';
import { createConsoleApp, jsonRequest, ORG, signIn } from '../admin/helpers';
import { registrationBody } from '../helpers/store';
import { at, seedOutreachWorld } from './world';

/**
 * The invitation pages as an organizer uses them: a full session warns before more invitations go out, and rows
 * held for review survive leaving the page.
 */
let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
let app: ReturnType<typeof createConsoleApp>;
let cookie: string;

beforeAll(async () => {
  world = await seedOutreachWorld({ capacity: 2 });
  app = createConsoleApp(world.store);
  cookie = await signIn(app, world.store, world.organizer.email);
  await world.store.contacts.put(ORG.id, {
    cooperativeId: at(world.invited, 0).id,
    name: 'Budi Santoso',
    phone: '+6281234567890',
    email: 'budi@example.org',
    source: 'import',
    updatedAt: new Date().toISOString(),
    updatedBy: world.organizer.id,
  });
});

const page = async (path: string) => {
  const res = await app.request(path, { headers: { cookie } });
  const html = await res.text();
  return { res, html, csrf: html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '' };
};
const post = (path: string, fields: Record<string, string>) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('invitations for a full session', () => {
  it('warn, and send only once the organizer confirms', async () => {
    const base = `/admin/acara/${world.event.id}/undangan`;
    expect((await page(base)).html).not.toContain('data-full');
    // Another cooperative takes the last seats.
    await createRegistrationService(world.store).register(
      world.event.id,
      registrationBody(at(world.invited, 1).id, 2, 9301),
      { language: 'id' },
    );
    const full = await page(base);
    expect(full.html).toContain('data-full');
    expect(full.html).toContain('Sesi ini sudah penuh');
    expect(full.html).toContain('name="confirmFull"');
    const refused = await post(`${base}/email`, { _csrf: full.csrf });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Centang konfirmasi');
    const queued = async () =>
      (await world.store.outbox.due(new Date(Date.now() + 86_400_000), 100)).filter(
        (job) => job.kind === 'invitation',
      ).length;
    expect(await queued()).toBe(0);
    const sent = await post(`${base}/email`, { _csrf: full.csrf, confirmFull: '1' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('1 email undangan diantrekan');
    expect(await queued()).toBe(1);
    // The API says so too.
    const api = await app.request(
      `/api/admin/events/${world.event.id}/outreach/email`,
      jsonRequest('POST', undefined, { cookie }),
    );
    expect(api.status).toBe(202);
    expect(await api.json()).toMatchObject({ sessionFull: true });
  });
});

describe('contacts held for review', () => {
  it('are still there after leaving the page, until each is resolved or set aside', async () => {
    const kontak = `/admin/acara/${world.event.id}/undangan/kontak`;
    const { csrf } = await page(kontak);
    // "Sumber Makmur" exists in two kecamatan; "Baamang Tenga" is a typo: both are held for review.
    const csv = [
      'Nama Desa;Kecamatan;Nama Ketua;No HP',
      'Sumber Makmur;;Rudi Hartono;081311113333',
      'Baamang Tenga;Baamang;Ahmad Yani;081311114444',
    ].join('\r\n');
    const data = new FormData();
    data.set('_csrf', csrf);
    data.set('csv', csv);
    data.set('apply', '1');
    const imported = await app.request(kontak, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
      body: data,
    });
    expect(await imported.text()).toContain('2 perlu diperiksa');

    // The organizer leaves and comes back: the rows wait for them.
    const back = await page(kontak);
    expect(back.html).toContain('data-review-line="2"');
    expect(back.html).toContain('data-review-line="3"');
    const candidate = back.html.match(/data-review-line="3"[\s\S]*?action="[^"]*\/kontak\/([0-9.]+)"/)?.[1];
    expect(candidate).toBeTruthy();
    const chosen = await post(`${kontak}/${candidate}`, {
      _csrf: back.csrf,
      reviewLine: '3',
      name: 'Ahmad Yani',
      phone: '+6281311114444',
    });
    expect(chosen.status).toBe(303);
    expect(await world.store.contacts.get(ORG.id, candidate as string)).toMatchObject({ name: 'Ahmad Yani' });
    const skipped = await post(`${kontak}/periksa/2/lewati`, { _csrf: back.csrf });
    expect(skipped.status).toBe(303);
    const after = await page(kontak);
    expect(after.html).not.toContain('data-review-line=');
  });
});

describe('the invitation pages in English', () => {
  it('speak English with ?lang=en, like the rest of the console', async () => {
    const base = `/admin/acara/${world.event.id}/undangan`;
    const list = await page(`${base}?lang=en`);
    expect(list.res.status).toBe(200);
    expect(list.html).toContain('<html lang="en"');
    expect(list.html).toContain('<h1>Invitations: ');
    expect(list.html).toContain('Print all invitation letters (PDF)');
    expect(list.html).toContain('Mark WhatsApp as sent');
    expect(list.html).not.toContain('Tandai WhatsApp terkirim');
    const contacts = await page(`${base}/kontak?lang=en`);
    expect(contacts.html).toContain('Cooperative contacts');
    expect(contacts.html).toContain('Change one cooperative’s contact');
    expect(contacts.html).not.toContain('Ubah kontak satu koperasi');
  });
});
