import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../functions/domain/schemas';
import { createTestApp, form, json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let store: TestStore;
let app: ReturnType<typeof createTestApp>;
let event: EventRecord;
let seed = 100;
const pelangsian = '62.02.06.2005';
const kotaBesiHulu = '62.02.01.1009';

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  app = createTestApp(store);
  event = makeEvent();
  await store.events.put(event);
});

async function newEvent(overrides: Partial<EventRecord> = {}) {
  const created = makeEvent(overrides);
  await store.events.put(created);
  return created;
}

const register = (eventId: string, cooperativeId: string, count = 3, headers: Record<string, string> = {}) =>
  app.request(
    `/api/events/${eventId}/registrations`,
    json(registrationBody(cooperativeId, count, seed++), headers),
  );

describe('public JSON API', () => {
  it('GET /api/health answers ok', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /api/events lists sessions with seats left and times with an offset', async () => {
    const res = await app.request('/api/events');
    const body = await res.json();
    const listed = body.events.find((e: { id: string }) => e.id === event.id);
    expect(listed).toMatchObject({
      id: event.id,
      title: event.title,
      venue: 'Gedung Serbaguna Sampit',
      timeZone: 'Asia/Pontianak',
      capacity: 400,
      maxPerCooperative: 3,
      registrationOpen: true,
    });
    expect(typeof listed.seatsLeft).toBe('number');
  });

  it('GET /api/events/:id answers 404 not_found in the standard envelope', async () => {
    const res = await app.request('/api/events/tidak-ada');
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toBe('Data tidak ditemukan.');
  });

  it('GET /api/cooperatives finds a cooperative by desa name within a kecamatan', async () => {
    const res = await app.request('/api/cooperatives?q=pelangsian&district=62.02.06');
    const { cooperatives } = await res.json();
    expect(cooperatives).toEqual([
      {
        id: pelangsian,
        name: 'Koperasi Desa Merah Putih Pelangsian',
        villageCode: pelangsian,
        villageName: 'Pelangsian',
        villageType: 'desa',
        districtCode: '62.02.06',
        districtName: 'Mentawa Baru Ketapang',
      },
    ]);
  });

  it('lists kelurahan cooperatives with their own name', async () => {
    const res = await app.request('/api/cooperatives?district=62.02.05');
    const { cooperatives } = await res.json();
    expect(cooperatives).toHaveLength(6); // Baamang: 1 desa + 5 kelurahan
    expect(cooperatives.filter((c: { villageType: string }) => c.villageType === 'kelurahan')).toHaveLength(
      5,
    );
    expect(cooperatives.find((c: { villageType: string }) => c.villageType === 'kelurahan').name).toMatch(
      /^Koperasi Kelurahan Merah Putih /,
    );
  });

  it('POST registrations returns 201 with tickets and a manage token, phones stored as +628…', async () => {
    const body = registrationBody(pelangsian, 3, seed++);
    body.contact.phone = '0812-7777-1234';
    const res = await app.request(`/api/events/${event.id}/registrations`, json(body));
    expect(res.status).toBe(201);
    const result = await res.json();
    expect(result.registration).toMatchObject({
      eventId: event.id,
      cooperativeId: pelangsian,
      status: 'confirmed',
    });
    expect(result.registration.participants).toHaveLength(3);
    expect(result.registration.participants[0]).toMatchObject({ role: 'ketua' });
    expect(result.registration.participants[0].ticketCode).toMatch(/^[0-9A-Z]{26}$/);
    expect(result.registration.contact.phone).toBe('+6281277771234');

    const again = await register(event.id, pelangsian, 1);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_registered');
  });

  it('explains validation errors per field, in Bahasa Indonesia by default and in English on request', async () => {
    const bad = {
      cooperativeId: 'x',
      contact: { name: '', phone: '12345' },
      participants: [{ name: 'Budi', role: 'raja', phone: '0812' }],
    };
    const res = await app.request(`/api/events/${event.id}/registrations`, json(bad));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation');
    const byPath = Object.fromEntries(
      error.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]),
    );
    expect(byPath['contact.phone']).toMatch(/Nomor HP tidak valid/);
    expect(byPath['participants.0.role']).toBe('Pilihan tidak valid.');
    expect(byPath.consent).toMatch(/Persetujuan/);
    expect(byPath['contact.name']).toBe('Minimal 2 karakter.');

    const english = await app.request(
      `/api/events/${event.id}/registrations`,
      json(bad, { 'accept-language': 'en' }),
    );
    const { error: en } = await english.json();
    expect(en.message).toBe('The submitted data is not valid.');
    expect(en.issues.find((i: { path: string[] }) => i.path.join('.') === 'contact.phone').message).toMatch(
      /Invalid phone number/,
    );
  });

  it.each([
    [
      'malformed JSON',
      { body: '{"cooperativeId":', headers: { 'content-type': 'application/json' } },
      400,
      'validation',
    ],
    [
      'a form to the JSON API',
      { body: 'a=1', headers: { 'content-type': 'text/plain' } },
      415,
      'unsupported_media_type',
    ],
    [
      'a body over 64 KB',
      { body: JSON.stringify({ pad: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } },
      413,
      'payload_too_large',
    ],
    [
      'an array instead of an object',
      { body: '[]', headers: { 'content-type': 'application/json' } },
      400,
      'validation',
    ],
  ])('rejects %s with a clear 4xx', async (_name, init, status, code) => {
    const res = await app.request(`/api/events/${event.id}/registrations`, { method: 'POST', ...init });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it('rejects an unknown cooperative and an unknown session', async () => {
    const unknownCoop = await register(event.id, '62.02.99.9999', 1);
    expect(unknownCoop.status).toBe(400);
    expect((await unknownCoop.json()).error.issues[0].path).toEqual(['cooperativeId']);
    const unknownEvent = await register('tidak-ada', kotaBesiHulu, 1);
    expect(unknownEvent.status).toBe(404);
  });

  it('refuses registration after the deadline with registration_closed', async () => {
    const closed = await newEvent({ registrationDeadline: new Date(Date.now() - 60_000).toISOString() });
    const res = await register(closed.id, kotaBesiHulu, 1);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('registration_closed');
  });

  it('answers a taken phone number with a conflict that does not echo the number', async () => {
    const target = await newEvent();
    const first = registrationBody(pelangsian, 1, seed++);
    expect((await app.request(`/api/events/${target.id}/registrations`, json(first))).status).toBe(201);
    const taken = first.participants[0]?.phone as string; // +62812…
    const second = registrationBody(kotaBesiHulu, 2, seed++);
    second.participants[1] = {
      ...(second.participants[1] as (typeof second.participants)[number]),
      phone: taken,
    };
    for (const language of ['id', 'en']) {
      const res = await app.request(
        `/api/events/${target.id}/registrations`,
        json(second, { 'accept-language': language }),
      );
      expect(res.status).toBe(409);
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.error.code).toBe('phone_taken');
      expect(body.error.message).toMatch(language === 'id' ? /nomor HP/ : /phone number/);
      // Neither in international nor in local form, nor its last digits.
      for (const form of [taken, taken.replace('+62', '0'), taken.slice(-6)])
        expect(text).not.toContain(form);
    }
  });

  it('replays the same result for the same Idempotency-Key and refuses it for another body', async () => {
    const target = await newEvent();
    const body = registrationBody(kotaBesiHulu, 2, seed++);
    const first = await app.request(
      `/api/events/${target.id}/registrations`,
      json(body, { 'idempotency-key': 'k-1' }),
    );
    const second = await app.request(
      `/api/events/${target.id}/registrations`,
      json(body, { 'idempotency-key': 'k-1' }),
    );
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    const other = await app.request(
      `/api/events/${target.id}/registrations`,
      json({ ...body, participants: body.participants.slice(0, 1) }, { 'idempotency-key': 'k-1' }),
    );
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    expect((await store.events.get(target.id, { consistent: true }))?.seatsTaken).toBe(2);
  });

  it('lets the contact read, change and cancel with the manage token; a wrong token gets 404', async () => {
    const target = await newEvent();
    const created = await (await register(target.id, kotaBesiHulu, 2)).json();
    const id = created.registration.id;
    const auth = { authorization: `Bearer ${created.manageToken}` };

    const wrong = await app.request(`/api/registrations/${id}`, {
      headers: { authorization: 'Bearer salah' },
    });
    expect(wrong.status).toBe(404);

    const read = await app.request(`/api/registrations/${id}`, { headers: auth });
    expect((await read.json()).registration.participants).toHaveLength(2);

    const [first] = created.registration.participants;
    const patch = await app.request(`/api/registrations/${id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ participants: [{ id: first.id, name: first.name, role: first.role }] }),
    });
    expect(patch.status).toBe(200);
    expect((await patch.json()).registration.participants).toHaveLength(1);
    expect((await store.events.get(target.id, { consistent: true }))?.seatsTaken).toBe(1);

    const cancel = await app.request(`/api/registrations/${id}`, { method: 'DELETE', headers: auth });
    expect((await cancel.json()).registration.status).toBe('cancelled');
    expect((await store.events.get(target.id, { consistent: true }))?.seatsTaken).toBe(0);

    const cancelAgain = await app.request(`/api/registrations/${id}`, { method: 'DELETE', headers: auth });
    expect(cancelAgain.status).toBe(409);
  });
});

describe('pages', () => {
  it('serves the session list as HTML with a doctype and a strict Content-Security-Policy', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(event.title);
    expect(html).toMatch(/pukul|–/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('finds cooperatives without JavaScript through the search form', async () => {
    const res = await app.request(`/acara/${event.id}/daftar?district=62.02.06&q=pelang`);
    const html = await res.text();
    expect(html).toContain('Koperasi Desa Merah Putih Pelangsian');
    expect(html).not.toContain('Koperasi Kelurahan Merah Putih Kota Besi Hulu');
  });

  it('registers through the HTML form, redirects to the manage page and shows escaped names', async () => {
    const target = await newEvent();
    const res = await app.request(
      `/acara/${target.id}/daftar`,
      form({
        idempotencyKey: 'form-1',
        cooperativeId: kotaBesiHulu,
        'contact.name': 'Siti Aminah',
        'contact.phone': '0812 3333 4444',
        'participants.0.name': '<script>alert(1)</script>',
        'participants.0.role': 'ketua',
        'participants.0.phone': '',
        'participants.1.name': '',
        'participants.1.role': 'sekretaris',
        consent: 'true',
      }),
    );
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/kelola\/\w+\?token=/);

    // A double-clicked submit carries the same key and lands on the same registration.
    const again = await app.request(
      `/acara/${target.id}/daftar`,
      form({
        idempotencyKey: 'form-1',
        cooperativeId: kotaBesiHulu,
        'contact.name': 'Siti Aminah',
        'contact.phone': '0812 3333 4444',
        'participants.0.name': '<script>alert(1)</script>',
        'participants.0.role': 'ketua',
        consent: 'true',
      }),
    );
    expect(again.headers.get('location')).toBe(location);

    const manage = await (await app.request(location)).text();
    expect(manage).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(manage).not.toContain('<script>alert(1)</script>');
    const ticketPath = manage.match(/href="(\/t\/[0-9A-Z]{26})"/)?.[1] ?? '';
    const ticket = await app.request(ticketPath);
    const ticketHtml = await ticket.text();
    expect(ticketHtml).toContain('<svg');
    expect(ticketHtml).toContain('https://wa.me/?text=');
    expect(ticketHtml).not.toContain('<script>alert(1)</script>');
  });

  it('re-renders the form with field errors instead of failing', async () => {
    const res = await app.request(
      `/acara/${event.id}/daftar`,
      form({ cooperativeId: kotaBesiHulu, 'contact.name': 'Siti', 'contact.phone': '123', consent: 'true' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Nomor HP tidak valid');
    expect(html).toContain('Minimal 1 orang.');
  });

  it('answers an unknown page with a 404 page', async () => {
    const res = await app.request('/t/AAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Halaman tidak ditemukan');
  });
});
