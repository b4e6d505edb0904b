import { render } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import {
  previewBaseUrl,
  previewManageToken,
  previewOfficers,
  previewRegistration,
} from '../../emails/preview-data';
import { previews } from '../../emails/previews';
import { type EmailProps, renderEmail, templates } from '../../emails/render';
import { emailKinds } from '../../functions/domain/notifications';
import type { Language } from '../../functions/domain/schemas';
import { hrefs, imageSources, visibleText } from './helpers';

const base = previewBaseUrl;
const languages: Language[] = ['id', 'en'];
const ticketUrl = (code: string) => `${base}/t/${code}`;
const manageUrl = `${base}/kelola/${previewRegistration.id}?token=${previewManageToken}`;
const allCodes = previewRegistration.participants.map((p) => p.ticketCode);
const props = <K extends keyof EmailProps>(
  kind: K,
  overrides: Partial<EmailProps[K]> = {},
  language: Language = 'id',
) => ({ ...previews[kind].props, language, ...overrides }) as EmailProps[K];

/** What the door needs from every ticket shown: QR from our host, the link, and a share button carrying it. */
function expectTickets(html: string, text: string, codes: string[]) {
  const images = imageSources(html);
  expect(images).toEqual(codes.map((code) => `${ticketUrl(code)}/qr.png`));
  const links = hrefs(html);
  for (const code of codes) {
    expect(links).toContain(ticketUrl(code));
    expect(
      links.some(
        (href) => href.startsWith('https://wa.me/') && href.includes(encodeURIComponent(ticketUrl(code))),
      ),
    ).toBe(true);
    expect(text).toContain(ticketUrl(code));
    expect(text).toContain(code);
  }
  for (const code of allCodes.filter((c) => !codes.includes(c))) expect(html).not.toContain(code);
}

describe.each(emailKinds)('%s', (kind) => {
  it.each(languages)('renders a complete email in %s', async (language) => {
    const email = await renderEmail(kind, props(kind, {}, language));
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toMatch(new RegExp(`<html [^>]*lang="${language}"`));
    // React's text separators would show in some clients' source view and in the text part.
    expect(email.html).not.toContain('<!-- -->');
    expect(email.text.trim().length).toBeGreaterThan(100);
    for (const src of imageSources(email.html)) {
      expect(src).toMatch(/^https?:\/\/[^/]+\/t\/[0-9A-Z]{26}\/qr\.png$/);
      expect(src).not.toMatch(/^data:/);
    }
    expect(email.html).not.toContain('data:image');
  });

  it('escapes names in the HTML part', async () => {
    const evil = '<script>alert(1)</script>';
    const named = (name: string) => ({ ...previewOfficers.ketua, name });
    const overrides = {
      registration: {
        ...previewRegistration,
        cooperativeName: `Koperasi ${evil}`,
        contact: { ...previewRegistration.contact, name: evil },
        participants: [named(evil)],
      },
      participant: named(evil),
      event: { ...previews.ticket.props.event, organizerName: evil },
      organizerName: evil,
    };
    const email = await renderEmail(kind, props(kind, overrides as Partial<EmailProps[typeof kind]>));
    expect(email.html).not.toContain('<script');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.text).toContain(evil);
  });
});

describe('subjects', () => {
  it.each([
    [
      'ticket',
      'id',
      'Tiket Anda: Sosialisasi Koperasi Desa dan Kelurahan Merah Putih se-Kotawaringin Timur — Kamis, 23 Oktober 2025',
    ],
    [
      'ticket',
      'en',
      'Your ticket: Sosialisasi Koperasi Desa dan Kelurahan Merah Putih se-Kotawaringin Timur — Thursday, 23 October 2025',
    ],
    ['sign_in', 'id', 'Tautan masuk hadir'],
  ] as const)('%s in %s', async (kind, language, subject) => {
    expect((await renderEmail(kind, props(kind, {}, language))).subject).toBe(subject);
  });

  it('collapses line breaks from user input', async () => {
    const event = { ...previews.ticket.props.event, title: 'Sosialisasi\r\nBcc: x@example.com' };
    expect((await renderEmail('ticket', props('ticket', { event }))).subject).toMatch(
      /^Tiket Anda: Sosialisasi Bcc/,
    );
  });
});

describe('ticket', () => {
  it.each(languages)('shows one officer, the session and their ticket (%s)', async (language) => {
    const { html, text } = await renderEmail('ticket', props('ticket', {}, language));
    const page = visibleText(html);
    const expected = {
      id: ['Yth. Bapak/Ibu Ahmad Rizani', 'Ketua', 'Kamis, 23 Oktober 2025, 08.30–12.00 WIB'],
      en: ['Dear Ahmad Rizani', 'Chair', 'Thursday, 23 October 2025, 08:30–12:00 WIB'],
    }[language];
    for (const part of [...expected, 'Koperasi Desa Merah Putih Pelangsian', 'Gedung Serbaguna Sampit']) {
      expect(page).toContain(part);
    }
    expectTickets(html, text, [previewOfficers.ketua.ticketCode]);
    // The officer shares it onward; the share is not pre-addressed to themselves.
    expect(hrefs(html).find((href) => href.startsWith('https://wa.me/'))).toMatch(
      /^https:\/\/wa\.me\/\?text=/,
    );
    expect(html).not.toContain('/kelola/');
  });

  it('links the officer to the tanya jawab page as themselves, to ask the speaker before the session', async () => {
    const p = props('ticket', {});
    const { html, text } = await renderEmail('ticket', p);
    const ask = `${p.baseUrl.replace(/\/+$/, '')}/acara/${p.event.id}/tanya?kode=${previewOfficers.ketua.ticketCode}`;
    expect(hrefs(html)).toContain(ask);
    expect(visibleText(html)).toContain('Punya pertanyaan untuk narasumber? Kirim sebelum acara');
    expect(text).toContain(ask);
  });
});

describe('registration-received', () => {
  it.each(languages)('lists every officer with a ticket and the manage link (%s)', async (language) => {
    const { html, text } = await renderEmail(
      'registration_received',
      props('registration_received', {}, language),
    );
    expectTickets(html, text, allCodes);
    expect(hrefs(html)).toContain(manageUrl);
    expect(text).toContain(manageUrl);
    for (const officer of previewRegistration.participants) expect(visibleText(html)).toContain(officer.name);
    // Officers with a number get the share pre-addressed to their own chat.
    expect(hrefs(html)).toContainEqual(expect.stringMatching(/^https:\/\/wa\.me\/6281251234567\?text=/));
    expect(visibleText(html)).toContain(
      language === 'id' ? 'Yth. Bapak/Ibu Ahmad Rizani' : 'Dear Ahmad Rizani',
    );
  });

  it('tolerates a trailing slash on baseUrl', async () => {
    const { html } = await renderEmail(
      'registration_received',
      props('registration_received', { baseUrl: `${base}/` }),
    );
    expect(hrefs(html)).toContain(manageUrl);
    expect(html).not.toContain(`${base}//`);
  });

  it('produces the same text part as render(element, { plainText: true })', async () => {
    const p = props('registration_received');
    const { text } = await renderEmail('registration_received', p);
    expect(text).toBe(
      await render(createElement(templates.registration_received.component, p), { plainText: true }),
    );
  });
});

describe('waitlisted', () => {
  it.each(languages)('lists officers without tickets and keeps the manage link (%s)', async (language) => {
    const { html, text } = await renderEmail('waitlisted', props('waitlisted', {}, language));
    expect(imageSources(html)).toEqual([]);
    expect(html).not.toContain('/t/');
    expect(hrefs(html)).toContain(manageUrl);
    expect(text).toContain(manageUrl);
    expect(visibleText(html)).toContain(language === 'id' ? 'daftar tunggu' : 'waiting list');
    expect(visibleText(html)).toContain(
      language === 'id' ? '3. Yohanes Tingang (Bendahara)' : '3. Yohanes Tingang (Treasurer)',
    );
  });
});

describe('promoted', () => {
  it.each(languages)('confirms with every ticket and the manage link (%s)', async (language) => {
    const { html, text, subject } = await renderEmail('promoted', props('promoted', {}, language));
    expectTickets(html, text, allCodes);
    expect(hrefs(html)).toContain(manageUrl);
    expect(subject).toMatch(language === 'id' ? /^Terkonfirmasi/ : /^Confirmed/);
  });
});

describe('registration-changed', () => {
  it('shows the current list with tickets and the manage link', async () => {
    const registration = {
      ...previewRegistration,
      participants: [previewOfficers.ketua, previewOfficers.bendahara],
    };
    const { html, text } = await renderEmail('changed', props('changed', { registration }));
    expectTickets(html, text, [previewOfficers.ketua.ticketCode, previewOfficers.bendahara.ticketCode]);
    expect(hrefs(html)).toContain(manageUrl);
    expect(visibleText(html)).not.toContain('Siti Aisyah');
  });

  it('shows no tickets while still waitlisted', async () => {
    const registration = { ...previewRegistration, status: 'waitlisted' as const };
    const { html } = await renderEmail('changed', props('changed', { registration }, 'en'));
    expect(imageSources(html)).toEqual([]);
    expect(visibleText(html)).toContain('still on the waiting list');
    expect(hrefs(html)).toContain(manageUrl);
  });
});

describe('registration-cancelled', () => {
  it.each(languages)('voids the tickets without showing them (%s)', async (language) => {
    const { html } = await renderEmail('cancelled', props('cancelled', {}, language));
    expect(imageSources(html)).toEqual([]);
    expect(html).not.toContain('/t/');
    expect(html).not.toContain('/kelola/');
    expect(visibleText(html)).toContain(language === 'id' ? 'telah dibatalkan' : 'has been cancelled');
  });

  it('addresses one officer when given', async () => {
    const { html } = await renderEmail(
      'cancelled',
      props('cancelled', { participant: previewOfficers.sekretaris }),
    );
    const page = visibleText(html);
    expect(page).toContain('Yth. Bapak/Ibu Siti Aisyah');
    expect(page).not.toContain('Yohanes Tingang');
  });

  it('says when the organiser cancelled the event', async () => {
    const event = { ...previews.cancelled.props.event, cancelled: true };
    const { html, subject } = await renderEmail('cancelled', props('cancelled', { event }));
    expect(subject).toMatch(/^Kegiatan dibatalkan: /);
    expect(visibleText(html)).toContain('membatalkan Sosialisasi');
  });
});

describe('reminder', () => {
  it.each(languages)('says tomorrow, the time and venue, with every ticket (%s)', async (language) => {
    const { html, text, subject } = await renderEmail('reminder', props('reminder', {}, language));
    const page = visibleText(html);
    expect(subject).toMatch(language === 'id' ? /^Besok: / : /^Tomorrow: /);
    expect(page).toContain(
      language === 'id'
        ? 'besok, Kamis, 23 Oktober 2025 pukul 08.30 WIB'
        : 'tomorrow, Thursday, 23 October 2025 at 08:30 WIB',
    );
    expect(page).toContain('Gedung Serbaguna Sampit');
    expectTickets(html, text, allCodes);
    expect(hrefs(html)).toContain(manageUrl);
    expect(hrefs(html)).toContain(previews.reminder.props.unsubscribeUrl);
  });

  it('to one officer: their ticket only, no manage link', async () => {
    const { html, text } = await renderEmail(
      'reminder',
      props('reminder', { participant: previewOfficers.sekretaris }),
    );
    expectTickets(html, text, [previewOfficers.sekretaris.ticketCode]);
    expect(html).not.toContain('/kelola/');
  });

  it('has no unsubscribe link unless given', async () => {
    const { html } = await renderEmail('reminder', props('reminder', { unsubscribeUrl: undefined }));
    expect(visibleText(html)).not.toContain('Berhenti menerima');
  });
});

describe('sign-in-link', () => {
  it.each(languages)('links to verify with the expiry and an ignore note (%s)', async (language) => {
    const { html, text } = await renderEmail('sign_in', props('sign_in', {}, language));
    const url = `${base}/auth/verify?token=${previews.sign_in.props.token}`;
    expect(hrefs(html)).toContain(url);
    expect(text).toContain(url);
    const page = visibleText(html);
    expect(page).toContain(language === 'id' ? '15 menit' : '15 minutes');
    expect(page).toContain(language === 'id' ? 'Jika Anda tidak meminta' : 'If you did not ask');
    expect(imageSources(html)).toEqual([]);
  });

  it('encodes a token that is not URL-safe', async () => {
    const { html } = await renderEmail('sign_in', props('sign_in', { token: 'a+b/c=&d' }));
    expect(hrefs(html)).toContain(`${base}/auth/verify?token=a%2Bb%2Fc%3D%26d`);
  });
});
