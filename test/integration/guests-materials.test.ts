import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE } from '../../functions/db/guests-repo';
import type { User } from '../../functions/domain/accounts';
import type { Guest } from '../../functions/domain/guests';
import { MAX_MATERIAL_BYTES } from '../../functions/domain/materials';
import type { EventRecord } from '../../functions/domain/schemas';
import { newId } from '../../functions/domain/tokens';
import { followupEmail } from '../../functions/followups/compose';
import { createApp } from '../../functions/http/app';
import { materialKey } from '../../functions/reports/material-files';
import { createS3MaterialFiles } from '../../functions/reports/material-files-s3';
import { guestCheckInPath } from '../../functions/services/guests';
import { createMaterialService } from '../../functions/services/materials';
import { createRegistrationService } from '../../functions/services/registrations';
import {
  type ConsoleApp,
  createConsoleApp,
  makeUser,
  ORG,
  SESSION_SECRET,
  seedOrganisations,
  signIn,
} from '../admin/helpers';
import { qrCodesInPdf } from '../helpers/qr';
import { startS3Local } from '../helpers/s3-local';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { linesOf, pdfText } from '../reports/pdf-text';

/**
 * Guests, speakers and materials through the console as an organizer uses them: add, edit, reorder and remove
 * guests, print a guest's letter, mark a guest present, find them on the daftar hadir, upload materials and
 * download them from the public path only after the session.
 */
let store: Awaited<ReturnType<typeof createTestStore>>;
let app: ConsoleApp;
let organizer: User;
let event: EventRecord;
let cookie: string;
let csrf: string;
let now = new Date('2026-12-17T00:00:00.000Z');
const clock = () => now;

const post = (path: string, fields: Record<string, string>) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://hadir.test' },
    body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });

function upload(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) {
  const form = new FormData();
  form.set('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file)
    form.set(
      'file',
      new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, {
        type: file.type ?? 'application/octet-stream',
      }),
    );
  return app.request(`/admin/acara/${event.id}/materi`, {
    method: 'POST',
    headers: { cookie, origin: 'https://hadir.test' },
    body: form,
  });
}

const guestsPage = async () =>
  (await app.request(`/admin/acara/${event.id}/tamu`, { headers: { cookie } })).text();
const orderOf = (html: string) => [...html.matchAll(/data-guest="([a-z0-9]+)"/g)].map((match) => match[1]);

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  organizer = await makeUser(store, 'organizer');
  event = makeEvent({
    organisationId: ORG.id,
    title: 'Sosialisasi KDKMP Baamang',
    startsAt: '2026-12-17T01:30:00.000Z',
    endsAt: '2026-12-17T05:00:00.000Z',
    registrationDeadline: '2026-12-16T10:00:00.000Z',
  });
  await store.events.put(event);
  app = createConsoleApp(store, clock);
  cookie = await signIn(app, store, organizer.email);
  csrf = (await guestsPage()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
});

describe('guests in the console', () => {
  const ids = { opening: newId(), speaker: newId(), moderator: newId() };

  it('adds guests once each (a resubmitted form adds nothing), in protocol order', async () => {
    const add = (id: string, name: string, role: string) =>
      post(`/admin/acara/${event.id}/tamu`, {
        id,
        name,
        position: 'Kepala Dinas',
        institution: 'Dinas Koperasi dan UKM Kabupaten Kotawaringin Timur',
        role,
      });
    expect((await add(ids.opening, 'Drs. H. Bupati Contoh', 'pembuka')).status).toBe(303);
    expect((await add(ids.speaker, 'Ṣiti Nur’aini, S.E.', 'narasumber')).status).toBe(303);
    expect((await add(ids.speaker, 'Ṣiti Nur’aini, S.E.', 'narasumber')).status).toBe(303);
    expect((await add(ids.moderator, 'Budi Moderator', 'moderator')).status).toBe(303);
    const guests = await store.guests.list(event.id);
    expect(guests.map((guest) => [guest.id, guest.order])).toEqual([
      [ids.opening, 1],
      [ids.speaker, 2],
      [ids.moderator, 3],
    ]);
  });

  it('refuses a blank name and an unknown role with the form shown again (400), in either language', async () => {
    const response = await post(`/admin/acara/${event.id}/tamu`, {
      id: newId(),
      name: '',
      position: 'Camat',
      institution: 'Kecamatan Baamang',
      role: 'raja',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="Camat"');
    expect((await store.guests.list(event.id)).length).toBe(3);
  });

  it('moves a guest up and down, edits and removes', async () => {
    expect(
      (await post(`/admin/acara/${event.id}/tamu/${ids.moderator}/pindah`, { direction: 'up' })).status,
    ).toBe(303);
    expect(orderOf(await guestsPage())).toEqual([ids.opening, ids.moderator, ids.speaker]);
    await post(`/admin/acara/${event.id}/tamu/${ids.opening}/pindah`, { direction: 'up' }); // already first
    expect(orderOf(await guestsPage())).toEqual([ids.opening, ids.moderator, ids.speaker]);
    await post(`/admin/acara/${event.id}/tamu/${ids.moderator}/ubah`, {
      name: 'Budi Santoso, M.M.',
      position: 'Kepala Bidang',
      institution: 'Dinas Koperasi',
      role: 'moderator',
      letterNumber: '005/UND-TAMU/XII/2026',
    });
    const edited = await store.guests.get(event.id, ids.moderator);
    expect(edited).toMatchObject({
      name: 'Budi Santoso, M.M.',
      letterNumber: '005/UND-TAMU/XII/2026',
      order: 2,
    });
    const temp = newId();
    await post(`/admin/acara/${event.id}/tamu`, {
      id: temp,
      name: 'Tamu Sementara',
      position: 'Lurah',
      institution: 'Kelurahan Baamang Hulu',
      role: 'tamu_undangan',
    });
    expect((await post(`/admin/acara/${event.id}/tamu/${temp}/hapus`, {})).status).toBe(303);
    expect(orderOf(await guestsPage())).toEqual([ids.opening, ids.moderator, ids.speaker]);
    const english = await (
      await app.request(`/admin/acara/${event.id}/tamu?lang=en`, { headers: { cookie } })
    ).text();
    expect(english).toContain('Invited guests &amp; speakers');
  });

  it("prints a guest's letter: a PDF with the name, the addressee, the session in WIB and a QR to mark them present", async () => {
    const response = await app.request(`/admin/acara/${event.id}/tamu/${ids.speaker}/surat.pdf`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = (await pdfText(bytes)).map((page) => linesOf(page).join('\n')).join('\n');
    expect(text).toContain('Ṣiti Nur’aini, S.E.');
    expect(text).toContain('Kepala Dinas Dinas Koperasi dan UKM Kabupaten Kotawaringin Timur');
    expect(text).toContain('Kamis, 17 Desember 2026');
    expect(text).toContain('WIB');
    expect(await qrCodesInPdf(bytes)).toEqual([
      `https://hadir.test${guestCheckInPath(event.id, ids.speaker)}`,
    ]);
    const all = await app.request(`/admin/acara/${event.id}/tamu/surat.pdf`, { headers: { cookie } });
    expect((await PDFDocument.load(new Uint8Array(await all.arrayBuffer()))).getPageCount()).toBe(3);
    expect((await app.request(`/admin/acara/${event.id}/tamu/surat.pdf`)).status).toBe(303); // signed out
  });

  it('marks a guest present from the QR page, once', async () => {
    const page = await app.request(guestCheckInPath(event.id, ids.speaker), { headers: { cookie } });
    expect(await page.text()).toContain('Belum hadir');
    const marked = await app.request(guestCheckInPath(event.id, ids.speaker), {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://hadir.test',
        referer: `https://hadir.test${guestCheckInPath(event.id, ids.speaker)}`,
      },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(marked.headers.get('location')).toContain(`${guestCheckInPath(event.id, ids.speaker)}?ok=1`);
    const first = (await store.guests.get(event.id, ids.speaker))?.checkedInAt;
    expect(first).toBe(now.toISOString());
    now = new Date(now.getTime() + 60_000);
    await post(guestCheckInPath(event.id, ids.speaker), {});
    expect((await store.guests.get(event.id, ids.speaker))?.checkedInAt).toBe(first);
  });

  it('gives guests their own page of the daftar hadir', async () => {
    const response = await app.request(`/admin/laporan/acara/${event.id}/daftar-hadir.pdf`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const pages = (await pdfText(new Uint8Array(await response.arrayBuffer()))).map((page) =>
      linesOf(page).join('\n'),
    );
    const guestPage = pages.find((page) => page.includes('DAFTAR HADIR TAMU UNDANGAN / NARASUMBER'));
    expect(guestPage).toBeDefined();
    expect(guestPage).toContain('Ṣiti Nur’aini, S.E.');
    expect(guestPage).toContain('Tanda Tangan');
    const filled = await app.request(`/admin/laporan/acara/${event.id}/daftar-hadir.pdf?versi=hadir`, {
      headers: { cookie },
    });
    const filledText = (await pdfText(new Uint8Array(await filled.arrayBuffer())))
      .map((page) => linesOf(page).join('\n'))
      .join('\n');
    expect(filledText).toContain('Ṣiti Nur’aini, S.E.'); // marked present
    expect(filledText).not.toContain('Budi Santoso, M.M.'); // not present
  });

  it('lists every guest of a session with more than one page of them', async () => {
    const many = Array.from(
      { length: 130 },
      (_, index): Guest => ({
        id: `bulk${String(index).padStart(4, '0')}`,
        eventId: 'many-guests',
        name: `Tamu ${index}`,
        position: 'Kepala Desa',
        institution: 'Desa Contoh',
        role: 'tamu_undangan',
        order: 130 - index,
      }),
    );
    await Promise.all(many.map((guest) => store.guests.add(guest)));
    expect(many.length).toBeGreaterThan(LIST_PAGE_SIZE);
    const listed = await store.guests.list('many-guests');
    expect(listed).toHaveLength(130);
    expect(listed[0]?.order).toBe(1);
  });
});

describe('materials', () => {
  const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% materi uji\n');
  let materialId = '';

  it('uploads a speaker’s PDF and refuses the wrong type and a file over the limit', async () => {
    materialId = newId();
    const speaker = (await store.guests.list(event.id)).find((guest) => guest.role === 'narasumber');
    const ok = await upload(
      { id: materialId, title: 'Paparan tata kelola KDKMP', guestId: speaker?.id ?? '' },
      { name: 'Paparan Dinas.pdf', bytes: pdfBytes, type: 'application/pdf' },
    );
    expect(ok.status).toBe(303);
    expect(
      (
        await upload(
          { id: materialId, title: 'Paparan tata kelola KDKMP' },
          { name: 'Paparan Dinas.pdf', bytes: pdfBytes },
        )
      ).status,
    ).toBe(303);
    expect(await store.materials.list(event.id)).toHaveLength(1);
    const html = await upload(
      { id: newId(), title: 'Skrip' },
      { name: 'halaman.html', bytes: pdfBytes, type: 'text/html' },
    );
    expect(html.status).toBe(415);
    const large = await upload(
      { id: newId(), title: 'Terlalu besar' },
      { name: 'besar.pdf', bytes: new Uint8Array(MAX_MATERIAL_BYTES + 1) },
    );
    expect(large.status).toBe(413);
    expect(await store.materials.list(event.id)).toHaveLength(1);
  });

  it('keeps the download closed to the public until the session has ended, then serves the file', async () => {
    now = new Date('2026-12-17T03:00:00.000Z'); // during the session
    const path = `/acara/${event.id}/materi/${materialId}`;
    expect((await app.request(path)).status).toBe(404);
    const service = createMaterialService(
      store,
      { put: async () => {}, size: async () => 1, open: async () => undefined, remove: async () => {} },
      clock,
    );
    expect(await service.published(event.id)).toEqual([]);
    // Staff of the session may check what they uploaded at any time.
    expect((await app.request(path, { headers: { cookie } })).status).toBe(200);
    now = new Date('2026-12-17T05:00:00.000Z'); // the session's end
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Paparan_Dinas.pdf"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
    expect((await service.published(event.id)).map((material) => material.id)).toEqual([materialId]);
    expect((await app.request(`/acara/${event.id}/materi/tidakada`)).status).toBe(404);
  });

  it("shows the materials on an officer's ticket page only once the session has ended", async () => {
    await seedKotim(store);
    const { registration } = await createRegistrationService(store).register(
      event.id,
      registrationBody('62.02.05.1001', 1, 8301),
      { language: 'id' },
    );
    const code = registration.participants[0]?.ticketCode ?? '';
    now = new Date('2026-12-17T03:00:00.000Z');
    expect(await (await app.request(`/t/${code}`)).text()).not.toContain('data-materials');
    now = new Date('2026-12-17T05:30:00.000Z');
    const page = await (await app.request(`/t/${code}`)).text();
    expect(page).toContain('data-materials');
    expect(page).toContain(`href="/acara/${event.id}/materi/${materialId}"`);
    // The officer did not come: the absentee email links the same material.
    const { rendered } = await followupEmail(
      { kind: 'absentee_materials', language: 'id', registrationId: registration.id, eventId: event.id },
      store,
      'https://hadir.test',
    );
    expect(rendered.html).toContain(`https://hadir.test/acara/${event.id}/materi/${materialId}`);
    expect(rendered.text).toContain('Paparan tata kelola KDKMP (Paparan_Dinas.pdf)');
  });

  it('lists every material of a session with more than one page of them', async () => {
    await Promise.all(
      Array.from({ length: LIST_PAGE_SIZE + 20 }, (_, index) =>
        store.materials.add({
          id: `bulk${String(index).padStart(4, '0')}`,
          eventId: 'many-materials',
          title: `Materi ${index}`,
          fileName: 'materi.pdf',
          contentType: 'application/pdf',
          size: 10,
          uploadedAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
        }),
      ),
    );
    const listed = await store.materials.list('many-materials');
    expect(listed).toHaveLength(LIST_PAGE_SIZE + 20);
    expect(listed.at(-1)?.id).toBe(`bulk${String(LIST_PAGE_SIZE + 19).padStart(4, '0')}`);
  });
});

/** The placeholder S3 replaces with the uploaded file's name. */
const S3_FILENAME = ['$', '{filename}'].join('');

describe('materials in S3 (the AWS file store, against a local S3 API)', () => {
  it('stores a file, hands out a short-lived download link that names it, and removes it', async () => {
    const s3 = await startS3Local('hadir-materials-test');
    try {
      const files = createS3MaterialFiles({ bucket: 'hadir-materials-test', client: s3.client });
      const key = materialKey('acara1', 'materi1', 'Paparan.pdf');
      const bytes = new TextEncoder().encode('%PDF-1.4 paparan');
      await files.put(key, bytes, 'application/pdf');
      expect(await files.size(key)).toBe(bytes.byteLength);
      const opened = await files.open(key, { fileName: 'Paparan.pdf', contentType: 'application/pdf' });
      if (!opened || !('redirect' in opened)) throw new Error('expected a presigned link');
      const url = new URL(opened.redirect);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
      expect(url.searchParams.get('response-content-disposition')).toBe('attachment; filename="Paparan.pdf"');
      const downloaded = await fetch(opened.redirect);
      expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(bytes);
      await files.remove(key);
      expect(await files.size(key)).toBeUndefined();

      // In AWS the browser posts the file straight to S3 (a Lambda takes at most 6 MB), then comes back.
      const direct = createApp({
        store,
        config: { runtime: 'test', publicBaseUrl: 'https://hadir.test', sessionSecret: SESSION_SECRET },
        clock,
        materialFiles: createS3MaterialFiles({
          bucket: 'hadir-materials-test',
          client: s3.client,
          postUrl: `${s3.endpoint}/hadir-materials-test/`,
        }),
      });
      const materialsPage = await (
        await direct.request(`/admin/acara/${event.id}/materi`, { headers: { cookie } })
      ).text();
      const id = materialsPage.match(/name="id" value="([a-z0-9]+)"/)?.[1] ?? '';
      expect(materialsPage).toContain(`action="/admin/acara/${event.id}/materi/unggah"`);
      const step = await direct.request(
        `/admin/acara/${event.id}/materi/unggah?id=${id}&title=${encodeURIComponent('Slide narasumber')}&guestId=`,
        { headers: { cookie } },
      );
      expect(step.status).toBe(200);
      expect(step.headers.get('content-security-policy')).toContain(`form-action 'self' ${s3.endpoint}`);
      const html = await step.text();
      const action = html.match(/data-direct-upload[^>]*|action="([^"]+)"[^>]*data-direct-upload/)?.[0] ?? '';
      const fields = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [
          match[1] as string,
          (match[2] as string)
            .replace(/&amp;/g, '&')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'"),
        ]),
      );
      expect(action).toContain(`${s3.endpoint}/hadir-materials-test/`);
      expect(fields.key).toBe(`materials/${event.id}/${id}/\${filename}`);
      const form = new FormData();
      // S3 fills in `${filename}` from the file part; the local S3 API does not, so the test writes the name itself.
      for (const [name, value] of Object.entries(fields))
        if (name !== '_csrf') form.set(name, value.replace(S3_FILENAME, 'Slide Narasumber.pdf'));
      form.set('file', new File([new TextEncoder().encode('%PDF-1.4 slide')], 'Slide Narasumber.pdf'));
      const posted = await fetch(`${s3.endpoint}/hadir-materials-test/`, {
        method: 'POST',
        body: form,
        redirect: 'manual',
      });
      expect(posted.status).toBe(303);
      const back = new URL(posted.headers.get('location') ?? '');
      expect(back.pathname).toBe(`/admin/acara/${event.id}/materi/${id}/selesai`);
      const done = await direct.request(`${back.pathname}${back.search}`, { headers: { cookie } });
      expect(done.status).toBe(303);
      const recorded = await store.materials.get(event.id, id);
      expect(recorded).toMatchObject({
        title: 'Slide narasumber',
        fileName: 'Slide_Narasumber.pdf',
        size: 14,
      });
      expect(recorded?.objectKey).toBe(`materials/${event.id}/${id}/Slide Narasumber.pdf`);
      now = new Date('2026-12-17T06:00:00.000Z'); // after the session: public
      const download = await direct.request(`/acara/${event.id}/materi/${id}`);
      expect(download.status).toBe(302);
      expect(await (await fetch(download.headers.get('location') ?? '')).text()).toBe('%PDF-1.4 slide');
    } finally {
      await s3.stop();
    }
  });
});
