import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistrationService } from '../../functions/services/registrations';
import { createTestApp } from '../helpers/app';
import { qrCodesInPdf } from '../helpers/qr';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { pdfText } from './pdf-text';

/** An officer saves the ticket to the phone, to show it at a venue without signal. */
let store: TestStore;
let app: ReturnType<typeof createTestApp>;
const event = makeEvent({ capacity: 3 });
let confirmed: { ticketCode: string; name: string };
let waiting: { ticketCode: string };

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await store.events.put(event);
  const registrations = createRegistrationService(store);
  const first = await registrations.register(event.id, registrationBody('62.02.05.1001', 3, 8101), {
    language: 'id',
  });
  const second = await registrations.register(event.id, registrationBody('62.02.05.1002', 1, 8102), {
    language: 'id',
  });
  expect(second.registration.status).toBe('waitlisted');
  confirmed = first.registration.participants[0] as typeof confirmed;
  waiting = second.registration.participants[0] as typeof waiting;
  app = createTestApp(store);
});

describe('ticket saved to the phone', () => {
  it('the ticket page offers the PDF, which holds the QR of the ticket, the name, session and time', async () => {
    const page = await (await app.request(`/t/${confirmed.ticketCode}`)).text();
    expect(page).toContain(`href="/t/${confirmed.ticketCode}/tiket.pdf"`);
    expect(page).toContain('Simpan tiket ke ponsel');
    const res = await app.request(`/t/${confirmed.ticketCode}/tiket.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="tiket-${confirmed.ticketCode}.pdf"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(await qrCodesInPdf(bytes)).toEqual([`https://hadir.test/t/${confirmed.ticketCode}`]);
    const text = (await pdfText(bytes))
      .flat()
      .map((item) => item.text)
      .join(' ');
    expect(text).toContain(confirmed.name);
    expect(text).toContain(event.title);
    expect(text).toContain(confirmed.ticketCode);
    expect(text).toMatch(/\d{2}\.\d{2}.\d{2}\.\d{2} WIB/);
  });

  it('a seat on the waiting list has no ticket file', async () => {
    expect((await app.request(`/t/${waiting.ticketCode}/tiket.pdf`)).status).toBe(404);
    expect(await (await app.request(`/t/${waiting.ticketCode}`)).text()).not.toContain('tiket.pdf');
    expect((await app.request('/t/NOTATICKET/tiket.pdf')).status).toBe(404);
  });
});
