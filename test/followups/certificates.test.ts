import jsQR from 'jsqr';
import { decodePDFRawStream, PDFDocument, PDFName, type PDFNumber, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../functions/domain/certificate-number';
import { certificateQrPng } from '../../functions/followups/certificate-pdf';
import { createCheckinService } from '../../functions/services/checkins';
import { createConsoleApp } from '../admin/helpers';
import { decodeQrPng } from '../helpers/qr';
import { linesOf, pdfText } from '../reports/pdf-text';
import { type FollowupWorld, moveSession, seedFollowupWorld } from './world';

let world: FollowupWorld;
let app: ReturnType<typeof createConsoleApp>;
beforeAll(async () => {
  world = await seedFollowupWorld();
  // Certificates exist once the session has taken place: it ended an hour ago.
  const ended = Date.now() - 3_600_000;
  world.event = await moveSession(world.store, world.event, new Date(ended - 4 * 3_600_000), new Date(ended));
  app = createConsoleApp(world.store);
});

/**
 * Decodes the QR image embedded in the PDF itself: pdf-lib stores a PNG as a Flate-compressed RGB image
 * XObject (alpha apart, as an SMask), so the inflated stream is width x height x 3 bytes, which jsQR reads
 * once widened to RGBA.
 */
async function embeddedQrText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const found: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict = object.dict;
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    if (dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue;
    const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
    const rgb = decodePDFRawStream(object).decode();
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = rgb[i * 3] as number;
      rgba[i * 4 + 1] = rgb[i * 3 + 1] as number;
      rgba[i * 4 + 2] = rgb[i * 3 + 2] as number;
      rgba[i * 4 + 3] = 255;
    }
    const decoded = jsQR(rgba, width, height)?.data;
    if (decoded) found.push(decoded);
  }
  return found;
}

describe('certificates', () => {
  it('an officer who checked in gets a PDF with their number, name, jabatan, cooperative, session and signer', async () => {
    const registration = world.attended[0];
    const officer = registration?.participants[0];
    const response = await app.request(`/t/${officer?.ticketCode}/sertifikat.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const lines = linesOf((await pdfText(bytes))[0] ?? []);
    const all = lines.join('\n');
    expect(all).toContain(officer?.name);
    expect(all).toContain(`Ketua · ${registration?.cooperativeName}`);
    expect(all).toMatch(/Nomor: HDR\/\d{4}\/KOTIM\/\d{6}/);
    expect(all).toContain(world.event.organizerName.slice(0, 20));
    const number = all.match(/HDR\/\d{4}\/KOTIM\/\d{6}/)?.[0] as string;
    const url = `https://hadir.test/sertifikat/${number.replaceAll('/', '-')}`;
    expect(all).toContain(url);
    // The QR inside the PDF decodes to the verification URL (and so does the PNG it was made from).
    expect(await embeddedQrText(bytes)).toEqual([url]);
    expect(decodeQrPng(certificateQrPng(url))).toBe(url);

    // The same officer downloading again gets the same number.
    const again = linesOf(
      (
        await pdfText(
          new Uint8Array(await (await app.request(`/t/${officer?.ticketCode}/sertifikat.pdf`)).arrayBuffer()),
        )
      )[0] ?? [],
    );
    expect(again.join('\n')).toContain(number);

    const page = await app.request(`/sertifikat/${number.replaceAll('/', '-')}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('asli');
    expect(html).toContain(maskName(officer?.name as string));
    expect(html).not.toContain(officer?.name as string);
  });

  it('an absentee has no certificate', async () => {
    const absentee = world.absent[0]?.participants[0];
    expect((await app.request(`/t/${absentee?.ticketCode}/sertifikat.pdf`)).status).toBe(404);
    const ticket = await app.request(`/t/${absentee?.ticketCode}`);
    expect(await ticket.text()).not.toContain('sertifikat.pdf');
  });

  it('the ticket page links the certificate once checked in', async () => {
    const officer = world.attended[1]?.participants[0];
    expect(await (await app.request(`/t/${officer?.ticketCode}`)).text()).toContain(
      `/t/${officer?.ticketCode}/sertifikat.pdf`,
    );
  });

  it('the verification page of an undone check-in says revoked', async () => {
    const officer = world.attended[2]?.participants[0];
    const bytes = new Uint8Array(
      await (await app.request(`/t/${officer?.ticketCode}/sertifikat.pdf`)).arrayBuffer(),
    );
    const number = linesOf((await pdfText(bytes))[0] ?? [])
      .join('\n')
      .match(/HDR\/\d{4}\/KOTIM\/\d{6}/)?.[0] as string;
    await createCheckinService(world.store).undo(world.event.id, officer?.id as string);
    const html = await (await app.request(`/sertifikat/${number.replaceAll('/', '-')}`)).text();
    expect(html).toContain('dicabut');
    expect(html).toContain('data-state="revoked"');
    expect((await app.request(`/t/${officer?.ticketCode}/sertifikat.pdf`)).status).toBe(404);
  });

  it('an unknown number is not found', async () => {
    expect((await app.request('/sertifikat/HDR-2025-KOTIM-999999')).status).toBe(404);
    expect((await app.request('/sertifikat/bukan-nomor')).status).toBe(404);
  });

  it('masks names: "Budi Santoso" -> "Bu** Sa*****"', () => {
    expect(maskName('Budi Santoso')).toBe('Bu** Sa*****');
    expect(maskName('Al')).toBe('A*');
  });
});
