import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitationQrPng } from '../../functions/outreach/letter-pdf';
import { whatsAppInvitationLink, whatsAppInvitationText } from '../../functions/outreach/whatsapp';
import { createConsoleApp, ORG, signIn } from '../admin/helpers';
import { decodeQrPng, qrCodesInPdf } from '../helpers/qr';
import { linesOf, pdfText } from '../reports/pdf-text';
import { at, BASE_URL, linkOf, seedOutreachWorld } from './world';

let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
beforeAll(async () => {
  world = await seedOutreachWorld();
  await world.store.contacts.put(ORG.id, {
    cooperativeId: at(world.invited, 0).id,
    name: 'Budi Santoso',
    phone: '+6281234567890',
    source: 'manual',
    updatedAt: new Date().toISOString(),
    updatedBy: world.organizer.id,
  });
});

describe('surat undangan PDF', () => {
  it("has the cooperative's name, the session's date in Bahasa Indonesia, and a QR of the personal link", async () => {
    const coop = at(world.invited, 0);
    const link = await linkOf(world, coop.id);
    const { pdf, count } = await world.outreach.letters(world.organizer, world.event.id, BASE_URL, {
      cooperativeId: coop.id,
      signerName: 'Drs. H. Contoh Pejabat, M.Si',
      signerTitle: 'Kepala Dinas',
    });
    expect(count).toBe(1);
    const pages = await pdfText(pdf);
    expect(pages).toHaveLength(1);
    const lines = linesOf(pages[0] ?? []);
    const all = lines.join('\n');
    expect(all).toContain(`Ketua ${coop.name}`);
    expect(all).toContain('Kamis, 17 Desember 2026'); // 08.30 WIB on 17 Dec 2026
    expect(all).toContain('08.30 s.d. 12.00 WIB');
    expect(all).toContain(world.event.venue);
    expect(all).toMatch(/Nomor\s+: \d{3}\/UND-KDKMP\/[IVX]+\/20\d\d/);
    expect(all).toContain('(Bapak/Ibu Budi Santoso)');
    expect(all).toContain('Drs. H. Contoh Pejabat, M.Si');
    expect(all).toContain(world.event.organizerName.toUpperCase().slice(0, 30));
    // The QR on the page is the personal link, decoded from the PDF itself and from the PNG embedded.
    expect(await qrCodesInPdf(pdf)).toEqual([link]);
    expect(decodeQrPng(invitationQrPng(link))).toBe(link);
    // Printing it counts as sent by letter.
    expect((await world.store.invitations.get(world.event.id, coop.id))?.letterAt).toBeTruthy();
  });

  it('merges every invited cooperative into one PDF for printing, over HTTP', async () => {
    const app = createConsoleApp(world.store);
    const cookie = await signIn(app, world.store, world.organizer.email);
    const response = await app.request(`/admin/acara/${world.event.id}/undangan/surat.pdf`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(world.invited.length);
    const pages = await pdfText(bytes);
    const last = at(
      world.invited
        .slice()
        .sort(
          (a, b) =>
            a.districtName.localeCompare(b.districtName) || a.villageName.localeCompare(b.villageName),
        ),
      world.invited.length - 1,
    );
    expect(pages.some((items) => linesOf(items).join('\n').includes(last.name))).toBe(true);
    // Someone outside the organisation gets nothing.
    const anonymous = await app.request(`/admin/acara/${world.event.id}/undangan/surat.pdf`);
    expect(anonymous.status).toBe(303);
  });
});

describe('WhatsApp invitation', () => {
  const event = {
    title: 'Sosialisasi KDKMP',
    venue: 'Gedung Serbaguna Sampit',
    address: 'Jl. Jend. Sudirman #5',
    startsAt: '2025-10-23T01:30:00.000Z',
    endsAt: '2025-10-23T05:00:00.000Z',
    timeZone: 'Asia/Pontianak',
    organizerName: 'Dinas Koperasi & UKM Kotim',
  };
  const link = 'https://hadir.test/acara/abc/daftar?undangan=AbC-_123';

  it('encodes names with &, # and emoji so WhatsApp shows exactly the text', () => {
    const name = 'Koperasi "Maju & Jaya" #1 🌾';
    const url = whatsAppInvitationLink(event, name, link, '+6281234567890', 'Bu Ani 😊');
    expect(url.startsWith('https://wa.me/6281234567890?text=')).toBe(true);
    const query = url.slice(url.indexOf('?') + 1);
    // One parameter only: no raw &, # or space leaked into the URL.
    expect(query).not.toMatch(/[&#\s]/);
    expect([...new URL(url).searchParams.keys()]).toEqual(['text']);
    const text = new URL(url).searchParams.get('text') ?? '';
    expect(text).toBe(whatsAppInvitationText(event, name, link, 'Bu Ani 😊'));
    expect(text).toContain('Koperasi "Maju & Jaya" #1 🌾 diundang');
    expect(text).toContain('Yth. Bapak/Ibu Bu Ani 😊');
    expect(text).toContain('Hari/tanggal: Kamis, 23 Oktober 2025');
    expect(text).toContain('Waktu: 08.30 s.d. 12.00 WIB');
    expect(text).toContain('Tempat: Gedung Serbaguna Sampit, Jl. Jend. Sudirman #5');
    expect(text).toContain(link);
    expect(url).toContain(encodeURIComponent('🌾'));
    expect(url).toContain('%26'); // &
    expect(url).toContain('%23'); // #
  });

  it('lists one button per cooperative with its personal link and marks it sent', async () => {
    const app = createConsoleApp(world.store);
    const cookie = await signIn(app, world.store, world.organizer.email);
    const page = await app.request(`/admin/acara/${world.event.id}/undangan`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const coop = at(world.invited, 0);
    const link = await linkOf(world, coop.id);
    const buttons = html.match(/href="https:\/\/wa\.me\/[^"]*"/g) ?? [];
    expect(buttons).toHaveLength(world.invited.length);
    expect(html).toContain(`https://wa.me/6281234567890?text=`);
    expect(html).toContain(encodeURIComponent(link).replaceAll('&', '&amp;').slice(0, 40));
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const marked = await app.request(`/admin/acara/${world.event.id}/undangan/${coop.id}/terkirim`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ _csrf: csrf, channel: 'whatsapp' }).toString(),
    });
    expect(marked.status).toBe(303);
    expect((await world.store.invitations.get(world.event.id, coop.id))?.whatsappAt).toBeTruthy();
  });
});
