import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificatesRepo } from '../../functions/db/certificates-repo';
import type { User } from '../../functions/domain/accounts';
import { maskName, verifyUrl } from '../../functions/domain/certificate-number';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { createApp } from '../../functions/http/app';
import { createDevRoutes } from '../../functions/local/dev-routes';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { parseCsv } from '../../functions/reports/csv';
import { jsonRequest, makeUser, ORG, SESSION_SECRET, seedOrganisations, signIn } from '../admin/helpers';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, seedKotim } from '../helpers/store';
import { pdfText } from '../reports/pdf-text';

/**
 * Stored XSS and spreadsheet formula injection: a cooperative registers, through the public HTTP API,
 * a contact and officers whose names are markup or formulas; a walk-in and a substitute at the door carry markup
 * too, and so do an imported outreach contact and a Business Assistant's name. Then every output that shows a
 * name is rendered: pages, emails, PDFs, CSV and XLSX. In HTML the markup must arrive escaped (and must arrive:
 * a page that lost the name would pass a "no <script>" check too); in PDFs and plain text it is literal text;
 * in spreadsheets formulas are inert. One more output is one more row in a table below.
 */

type Hostile = { name: string; live?: string };
/** `live`: the fragment that would be an element if the name reached the page unescaped. */
const H = {
  script: { name: '<script>alert(1)</script>', live: '<script>alert(1)' },
  img: { name: '"><img src=x onerror=alert(1)>', live: '<img src=x onerror=alert(1)' },
  svg: { name: `O'Brien "Bung" </textarea><svg onload=alert(1)>`, live: '<svg onload' },
  endScript: { name: '</script><script>alert(2)</script>', live: '<script>alert(2)' },
  hyperlink: { name: '=HYPERLINK("http://evil")' },
  cmd: { name: "+cmd|' /C calc'!A0" },
  sum: { name: '@SUM(1)' },
  minus: { name: '-2+3' },
  leaver: { name: "Batal <a href='javascript:alert(7)'>x</a>", live: "<a href='javascript" },
  waiting: { name: 'Tunggu <details open ontoggle=alert(8)>', live: '<details open' },
  walkIn: { name: '<b onmouseover=alert(3)>Walk In</b>', live: '<b onmouseover' },
  substitute: { name: '<iframe src=javascript:alert(4)>Pengganti', live: '<iframe src=javascript' },
  contact: { name: '<img src=y onerror=alert(6)>Kontak', live: '<img src=y' },
  assistant: { name: '<script>alert(5)</script> Pendamping', live: '<script>alert(5)' },
  station: { name: '<script>alert(9)</script> Pintu 1', live: '<script>alert(9)' },
} satisfies Record<string, Hostile>;
type Key = keyof typeof H;
const ALL = Object.keys(H) as Key[];

const MINUTE = 60_000;
const BASE = 'https://hadir.test';
/** What a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;
const csvQuoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

let store: TestStore;
let app: ReturnType<typeof createApp>;
/** The app's clock runs this far ahead of the machine's: the session ends during the world's set-up. */
let clockAhead = 0;
let directory: Cooperative[];
let event: EventRecord;
let admin: User;
let assistant: User;
const cookies = { admin: '', assistant: '' };
let stationToken = '';
let csrf = '';
/** What the world holds, for the output table. */
const w = {
  r1: { id: '', token: '', cooperativeId: '', tickets: {} as Record<string, string> },
  r2: { id: '', token: '', cooperativeId: '' },
  leaver: { id: '', token: '' },
  waiting: { id: '', token: '' },
  walkInTicket: '',
  substituteTicket: '',
  certificateNumber: '',
  contactCooperativeId: '',
  campaigns: {} as Record<string, string>,
  previewKey: '',
  devMailId: '',
};

const coop = (index: number) => directory[index] as Cooperative;
let phoneSeed = 9_100_000;
const phone = () => `+62812${String(phoneSeed++).padStart(8, '0')}`;

async function register(cooperative: Cooperative, contact: Key, officers: [Key, string][], email: string) {
  const response = await app.request(`/api/events/${event.id}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      cooperativeId: cooperative.id,
      contact: { name: H[contact].name, phone: phone(), email },
      participants: officers.map(([key, role], index) => ({
        name: H[key].name,
        role,
        phone: phone(),
        ...(index === 0 ? { email: `pengurus.${cooperative.id}@example.org` } : {}),
      })),
      consent: true,
    }),
  });
  expect(response.status).toBe(201);
  const body = await response.json();
  return body as {
    registration: {
      id: string;
      status: string;
      participants: { id: string; name: string; ticketCode: string }[];
    };
    manageToken: string;
  };
}

const asAdmin = (extra: Record<string, string> = {}) => ({
  cookie: cookies.admin,
  origin: 'http://localhost',
  ...extra,
});
const station = () => ({ 'content-type': 'application/json', authorization: `Bearer ${stationToken}` });

/** Sends every queued email through the real worker into the local outbox (the dev mailbox). */
async function drainOutbox() {
  const transport = createLocalOutboxTransport(store.devMail);
  const worker = createOutboxWorker({
    store,
    transport,
    mail: { baseUrl: BASE, from: 'hadir <noreply@hadir.test>' },
    clock: () => new Date(Date.now() + clockAhead),
  });
  for (let i = 0; i < 10 && (await worker.drain({ limit: 1000, concurrency: 8 })).processed > 0; i++);
}

beforeAll(async () => {
  store = await createTestStore();
  directory = await seedKotim(store);
  await seedOrganisations(store);
  app = createApp({
    store,
    config: { runtime: 'test', publicBaseUrl: BASE, sessionSecret: SESSION_SECRET },
    devRoutes: createDevRoutes(store),
    clock: () => new Date(Date.now() + clockAhead),
  });
  admin = await makeUser(store, 'admin');
  assistant = await makeUser(store, 'business_assistant', ORG.id, { name: H.assistant.name });
  cookies.admin = await signIn(app, store, admin.email);
  cookies.assistant = await signIn(app, store, assistant.email);
  const now = Date.now();
  const used = [0, 10, 20, 40, 80, 100, 120, 160, 170].map((index) => coop(index).districtCode);
  event = makeEvent({
    organisationId: ORG.id,
    invitedDistrictCodes: [...new Set(used)], // a handful of kecamatan keeps every page small
    capacity: 8,
    maxPerCooperative: 3,
    startsAt: new Date(now - 60 * MINUTE).toISOString(),
    endsAt: new Date(now + 120 * MINUTE).toISOString(),
    registrationDeadline: new Date(now + 60 * MINUTE).toISOString(),
  });
  await store.events.put(event);
  stationToken = await enrolTestStation(store, event.id, H.station.name);

  // Two cooperatives with hostile contacts and officers (6 of 8 seats).
  const one = await register(
    coop(0),
    'script',
    [
      ['img', 'ketua'],
      ['hyperlink', 'sekretaris'],
      ['cmd', 'bendahara'],
    ],
    'kontak.satu@example.org',
  );
  w.r1 = { id: one.registration.id, token: one.manageToken, cooperativeId: coop(0).id, tickets: {} };
  for (const [index, key] of (['img', 'hyperlink', 'cmd'] as Key[]).entries())
    w.r1.tickets[key] = one.registration.participants[index]?.ticketCode as string;
  const two = await register(
    coop(40),
    'svg',
    [
      ['sum', 'ketua'],
      ['minus', 'sekretaris'],
      ['endScript', 'bendahara'],
    ],
    'kontak.dua@example.org',
  );
  w.r2 = { id: two.registration.id, token: two.manageToken, cooperativeId: coop(40).id };

  // A walk-in at the door takes the seventh seat; a substitute replaces an officer of the first cooperative.
  const walkIn = await app.request(`/api/events/${event.id}/walk-ins`, {
    method: 'POST',
    headers: station(),
    body: JSON.stringify({ cooperativeId: coop(80).id, name: H.walkIn.name, role: 'ketua' }),
  });
  expect(walkIn.status).toBe(201);
  const substitute = await app.request(`/api/events/${event.id}/substitutes`, {
    method: 'POST',
    headers: station(),
    body: JSON.stringify({ participantId: one.registration.participants[2]?.id, name: H.substitute.name }),
  });
  expect(substitute.status).toBe(201);
  for (const code of [w.r1.tickets.img, two.registration.participants[0]?.ticketCode]) {
    const scan = await app.request(`/api/events/${event.id}/checkins`, {
      method: 'POST',
      headers: station(),
      body: JSON.stringify({ ticketCode: code }),
    });
    expect(scan.status).toBe(200);
  }

  // The last seat, a group that waits, the last seat given back: the waiting group is promoted.
  const leaver = await register(coop(100), 'leaver', [['minus', 'ketua']], 'kontak.batal@example.org');
  const waiting = await register(coop(120), 'waiting', [['sum', 'ketua']], 'kontak.tunggu@example.org');
  expect(waiting.registration.status).toBe('waitlisted');
  w.leaver = { id: leaver.registration.id, token: leaver.manageToken };
  w.waiting = { id: waiting.registration.id, token: waiting.manageToken };
  const cancelled = await app.request(`/api/registrations/${w.leaver.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${w.leaver.token}` },
  });
  expect(cancelled.status).toBe(200);
  // The second cooperative changes a role: a "changed" email.
  const patched = await app.request(`/api/registrations/${w.r2.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${w.r2.token}` },
    body: JSON.stringify({
      participants: two.registration.participants.map((p, index) => ({
        id: p.id,
        name: p.name,
        role: ['ketua', 'bendahara', 'sekretaris'][index],
      })),
    }),
  });
  expect(patched.status).toBe(200);

  // Outreach: an invited cooperative's contact imported with a hostile name; the BA looks after two cooperatives.
  w.contactCooperativeId = coop(160).id;
  const imported = await app.request(
    `/api/admin/events/${event.id}/outreach/contacts/import`,
    jsonRequest(
      'POST',
      {
        csv: `Kode Desa,Nama Ketua,No HP,Email\r\n${w.contactCooperativeId},${csvQuoted(H.contact.name)},${phone()},kontak.enam@example.org\r\n`,
        apply: true,
      },
      asAdmin(),
    ),
  );
  expect(imported.status).toBe(200);
  await store.users.setAssignments(assistant.id, [w.r1.cooperativeId, w.contactCooperativeId], new Date());
  const consolePage = await app.request('/admin/pengguna', { headers: asAdmin() });
  csrf = (await consolePage.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  expect(csrf).not.toBe('');
  // The session is full by now: the organizer confirms sending anyway (the waiting list's names are part of the test).
  const invited = await app.request(`/admin/acara/${event.id}/undangan/email`, {
    method: 'POST',
    headers: asAdmin({ 'content-type': 'application/x-www-form-urlencoded' }),
    body: new URLSearchParams({ _csrf: csrf, confirmFull: '1' }).toString(),
  });
  expect(invited.status).toBe(200);

  // Follow-up campaigns of every template, due now, run by the console's "send now", once the session has ended
  // (thanks and certificates wait for its end).
  clockAhead = 4 * 60 * MINUTE;
  const past = new Date(Date.now() - MINUTE).toISOString();
  const templates = [
    ['reminder', 'all_registered'],
    ['thanks', 'attended'],
    ['absentee_materials', 'absent'],
    ['cooperative_followup', 'all_registered'],
    ['invitation', 'invited_not_registered'],
  ] as const;
  await Promise.all(
    templates.map(async ([kind, segment]) => {
      const created = await app.request(
        `/api/admin/events/${event.id}/campaigns`,
        jsonRequest('POST', { kind, segment, sendAt: { type: 'absolute', at: past } }, asAdmin()),
      );
      expect(created.status).toBe(201);
      const { id } = await created.json();
      w.campaigns[kind] = id;
      const run = await app.request(
        `/api/admin/events/${event.id}/campaigns/${id}/run`,
        jsonRequest('POST', {}, asAdmin()),
      );
      expect(run.status).toBe(200);
    }),
  );
  const audience = await app.request(
    `/api/admin/events/${event.id}/campaigns/${w.campaigns.thanks}/audience`,
    { headers: asAdmin() },
  );
  const { recipients } = (await audience.json()) as { recipients: { key: string; name: string }[] };
  w.previewKey = recipients.find((r) => r.name === H.img.name)?.key as string;
  expect(w.previewKey).toBeTruthy();

  // An SMTP server that quotes markup back in its refusal: the email problems page shows the reason.
  const signInJob = (await store.outbox.due(new Date(Date.now() + MINUTE), 1000)).find(
    (job) => job.kind === 'sign_in' && job.to === assistant.email,
  );
  const refusing = createOutboxWorker({
    store,
    transport: {
      name: 'refusing',
      send: async () => {
        throw new Error(`550 5.1.1 <${H.script.name}> ${H.img.name}: recipient rejected`);
      },
    },
    mail: { baseUrl: BASE, from: 'hadir <noreply@hadir.test>' },
    maxAttempts: 1,
  });
  expect(await refusing.processJob(signInJob?.id as string)).toBe('failed');

  await drainOutbox();

  // Certificates: the checked-in officer downloads one, which issues its number.
  const certificate = await app.request(`/t/${w.r1.tickets.img}/sertifikat.pdf`);
  expect(certificate.status).toBe(200);
  const stored = await store.registrations.listByEvent(event.id);
  const officers = stored.flatMap((r) => r.participants);
  w.walkInTicket = officers.find((p) => p.name === H.walkIn.name)?.ticketCode as string;
  w.substituteTicket = officers.find((p) => p.name === H.substitute.name)?.ticketCode as string;
  const imgOfficer = officers.find((p) => p.name === H.img.name);
  const record = await createCertificatesRepo(store.doc, store.tableName).getFor(
    event.id,
    imgOfficer?.id as string,
  );
  w.certificateNumber = record?.number as string;
  expect(w.certificateNumber).toBeTruthy();
  const mails = await store.devMail.listAll();
  const jobs = await Promise.all(mails.map((mail) => store.outbox.get(mail.jobId)));
  w.devMailId = mails.find(
    (_, i) => jobs[i]?.kind === 'registration_received' && jobs[i]?.registrationId === w.r1.id,
  )?.id as string;
}, 120_000);

// ---------------------------------------------------------------------------------------------------------
// How a name must look in each kind of output.

const names =
  (...keys: Key[]) =>
  () =>
    keys.map((key) => H[key].name);

const ENCODED: Record<string, string> = {
  '<': '&lt;|&#0*60;|&#[xX]0*3[cC];',
  '&': '&amp;|&#0*38;|&#[xX]0*26;',
  '"': '&quot;|&#0*34;|&#[xX]0*22;',
  '>': '>|&gt;|&#0*62;|&#[xX]0*3[eE];',
  "'": "'|&#0*39;|&#[xX]0*27;|&apos;",
};
const regexpEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The name escaped for HTML text or a quoted attribute: `<`, `&` and `"` encoded; `>` and `'` either way. */
const escapedForm = (name: string) =>
  new RegExp([...name].map((c) => (ENCODED[c] ? `(?:${ENCODED[c]})` : regexpEscape(c))).join(''));

/** No hostile name arrived as markup, and every name the output shows arrived escaped. */
function expectInertHtml(html: string, shows: string[]) {
  const lower = html.toLowerCase();
  for (const key of ALL) {
    const live = (H[key] as Hostile).live;
    if (live) expect(lower, `live markup of "${key}"`).not.toContain(live.toLowerCase());
  }
  for (const name of shows) {
    if (/[<>"&]/.test(name)) expect(html, 'the raw name').not.toContain(name);
    expect(html, `the escaped name ${JSON.stringify(name)}`).toMatch(escapedForm(name));
  }
}

/**
 * PDF text as drawn, items joined by spaces (a long name wraps onto the next line of its cell). A name is there
 * literally, or shortened with an ellipsis where the layout cuts long cell text (at least 12 characters kept).
 */
/**
 * The name is printed whole, as text: PDFs wrap long names over lines (a word longer than its column is split), so
 * the drawn pieces, read in order, hold the name once spaces are set aside.
 */
function expectLiteralInPdf(items: string[], name: string) {
  const joined = items.join(' ').replace(/\s+/g, ' ');
  if (joined.includes(name.replace(/\s+/g, ' '))) return;
  expect(items.join('').replace(/\s+/g, ''), `${JSON.stringify(name)} in the PDF`).toContain(
    name.replace(/\s+/g, ''),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The outputs. One more output that shows a name is one more row.

type HtmlOutput = {
  output: string;
  path: () => string;
  /** Whose browser asks (default: the admin's console session). */
  as?: 'admin' | 'assistant' | 'public';
  init?: () => RequestInit;
  status?: number;
  shows: () => string[];
};

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const htmlOutputs: HtmlOutput[] = [
  {
    output: 'ticket page of an officer',
    path: () => `/t/${w.r1.tickets.img}`,
    as: 'public',
    shows: names('img'),
  },
  {
    output: 'ticket page of a walk-in',
    path: () => `/t/${w.walkInTicket}`,
    as: 'public',
    shows: names('walkIn'),
  },
  {
    output: 'ticket page of a substitute',
    path: () => `/t/${w.substituteTicket}`,
    as: 'public',
    shows: names('substitute'),
  },
  {
    output: 'manage page',
    path: () => `/kelola/${w.r1.id}?token=${encodeURIComponent(w.r1.token)}`,
    as: 'public',
    shows: names('script', 'img', 'hyperlink', 'substitute'),
  },
  {
    output: 'manage page of the second cooperative',
    path: () => `/kelola/${w.r2.id}?token=${encodeURIComponent(w.r2.token)}`,
    as: 'public',
    shows: names('svg', 'endScript', 'sum', 'minus'),
  },
  {
    output: 'manage form sent back with an error (the typed names in input values)',
    path: () => `/kelola/${w.r2.id}/ubah`,
    as: 'public',
    init: () =>
      form({
        token: w.r2.token,
        'participants.0.name': H.svg.name,
        'participants.0.role': 'ketua',
        'participants.0.phone': 'bukan nomor',
        'participants.1.name': H.endScript.name,
        'participants.1.role': 'sekretaris',
      }),
    status: 400,
    shows: names('svg', 'endScript'),
  },
  {
    output: 'registration form sent back with an error',
    path: () => `/acara/${event.id}/daftar`,
    as: 'public',
    init: () =>
      form({
        idempotencyKey: 'xss-form',
        cooperativeId: coop(10).id,
        'contact.name': H.script.name,
        'contact.phone': '081299990000',
        'participants.0.name': H.img.name,
        'participants.0.role': 'ketua',
      }),
    status: 400,
    shows: names('script', 'img'),
  },
  {
    output: 'console session page (registrations, waitlist, walk-ins)',
    path: () => `/admin/acara/${event.id}`,
    shows: names(
      'script',
      'img',
      'hyperlink',
      'substitute',
      'svg',
      'sum',
      'minus',
      'endScript',
      'leaver',
      'waiting',
      'walkIn',
    ),
  },
  {
    output: 'console session page searched for markup',
    path: () => `/admin/acara/${event.id}?q=${encodeURIComponent(H.svg.name)}`,
    shows: names('svg'),
  },
  {
    output: "check-in page (the device's name; officers come from the roster JSON)",
    path: () => `/checkin/${event.id}`,
    as: 'public',
    init: () => ({ headers: { authorization: `Bearer ${stationToken}` } }),
    shows: names('station'),
  },
  {
    output: 'console check-in devices',
    path: () => `/admin/acara/${event.id}/stasiun`,
    shows: names('station'),
  },
  {
    output: 'registration form searched for markup',
    path: () => `/acara/${event.id}/daftar?q=${encodeURIComponent(H.script.name)}`,
    as: 'public',
    shows: names('script'),
  },
  {
    output: 'console registration page',
    path: () => `/admin/pendaftaran/${w.r1.id}`,
    shows: names('script', 'img', 'hyperlink', 'substitute'),
  },
  { output: 'coverage report', path: () => `/admin/laporan/acara/${event.id}`, shows: names('assistant') },
  {
    output: 'laporan kegiatan (printable page)',
    path: () => `/admin/laporan/acara/${event.id}/laporan-kegiatan`,
    shows: names('assistant'),
  },
  {
    output: 'cooperative page (who attended, its Business Assistant)',
    path: () => `/admin/laporan/koperasi/${w.r1.cooperativeId}`,
    shows: names('img', 'substitute', 'assistant'),
  },
  {
    output: 'organisation report',
    path: () => `/admin/laporan/organisasi/${ORG.id}`,
    shows: names('assistant'),
  },
  {
    output: 'email problems (the refusal as the SMTP server worded it)',
    path: () => '/admin/email',
    shows: names('script', 'img'),
  },
  {
    output: 'outreach list',
    path: () => `/admin/acara/${event.id}/undangan`,
    shows: names('contact', 'assistant'),
  },
  {
    output: 'outreach contacts',
    path: () => `/admin/acara/${event.id}/undangan/kontak`,
    shows: names('contact'),
  },
  {
    output: 'outreach contacts import checked (the CSV echoed in its textarea)',
    path: () => `/admin/acara/${event.id}/undangan/kontak`,
    init: () => {
      const data = new FormData();
      data.set('_csrf', csrf);
      data.set('csv', `Kode Desa,Nama Ketua\r\n${coop(170).id},${csvQuoted(H.svg.name)}\r\n`);
      return { method: 'POST', body: data };
    },
    shows: () => [csvQuoted(H.svg.name)],
  },
  {
    output: 'follow-up campaigns (Business Assistant segment)',
    path: () => `/admin/acara/${event.id}/tindak-lanjut`,
    shows: names('assistant'),
  },
  {
    output: 'follow-up campaign (its recipients)',
    path: () => `/admin/acara/${event.id}/tindak-lanjut/${w.campaigns.thanks}`,
    shows: names('script', 'img', 'svg'),
  },
  {
    output: 'follow-up email preview',
    path: () =>
      `/admin/acara/${event.id}/tindak-lanjut/${w.campaigns.thanks}/pratinjau?r=${encodeURIComponent(w.previewKey)}`,
    shows: names('img', 'assistant'),
  },
  {
    output: 'certificate verification (masked name)',
    path: () => new URL(verifyUrl(BASE, w.certificateNumber)).pathname,
    as: 'public',
    shows: () => [maskName(H.img.name)],
  },
  { output: 'console users', path: () => '/admin/pengguna', shows: names('assistant') },
  { output: 'Business Assistant assignments', path: () => '/admin/pendamping', shows: names('assistant') },
  {
    output: 'local outbox message (plain-text part)',
    path: () => `/dev/outbox/${encodeURIComponent(w.devMailId)}`,
    as: 'public',
    shows: names('script', 'img', 'hyperlink', 'substitute'),
  },
];

describe('HTML pages escape hostile names', () => {
  it.each(htmlOutputs)('$output', async (row) => {
    const init = row.init?.() ?? {};
    const headers = {
      ...(row.as === 'public' ? {} : { origin: 'http://localhost' }),
      ...(row.as === 'public' ? {} : { cookie: row.as === 'assistant' ? cookies.assistant : cookies.admin }),
      ...((init.headers as Record<string, string>) ?? {}),
    };
    const response = await app.request(row.path(), { ...init, headers });
    expect(response.status).toBe(row.status ?? 200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectInertHtml(await response.text(), row.shows());
  });

  it('the roster the check-in page reads is JSON with the names as data, never HTML', async () => {
    const response = await app.request(`/api/events/${event.id}/roster`, {
      headers: { authorization: `Bearer ${stationToken}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { roster } = (await response.json()) as { roster: { name: string }[] };
    const shown = roster.map((entry) => entry.name);
    for (const key of ['img', 'hyperlink', 'substitute', 'sum', 'minus', 'endScript', 'walkIn'] as Key[])
      expect(shown).toContain(H[key].name);
    expect(roster.map((entry) => (entry as { station?: string }).station)).toContain(H.station.name);
  });
});

type EmailOutput = { output: string; kind: string; to: () => string; shows: () => string[] };
const contactOf = { r1: 'kontak.satu@example.org', r2: 'kontak.dua@example.org' };
const emailOutputs: EmailOutput[] = [
  {
    output: 'registration received',
    kind: 'registration_received',
    to: () => contactOf.r1,
    shows: names('script', 'img', 'hyperlink', 'substitute'),
  },
  {
    output: "an officer's ticket",
    kind: 'ticket',
    to: () => `pengurus.${w.r1.cooperativeId}@example.org`,
    shows: names('img'),
  },
  {
    output: 'registration changed',
    kind: 'changed',
    to: () => contactOf.r2,
    shows: names('svg', 'endScript', 'sum', 'minus'),
  },
  {
    output: 'waitlisted',
    kind: 'waitlisted',
    to: () => 'kontak.tunggu@example.org',
    shows: names('waiting', 'sum'),
  },
  {
    output: 'promoted from the waitlist',
    kind: 'promoted',
    to: () => 'kontak.tunggu@example.org',
    shows: names('waiting', 'sum'),
  },
  {
    output: 'cancelled',
    kind: 'cancelled',
    to: () => 'kontak.batal@example.org',
    shows: names('leaver', 'minus'),
  },
  {
    output: 'H-1 reminder',
    kind: 'reminder',
    to: () => contactOf.r1,
    shows: names('script', 'img', 'hyperlink', 'substitute'),
  },
  {
    output: 'thank-you with certificate',
    kind: 'thanks',
    to: () => `pengurus.${w.r1.cooperativeId}@example.org`,
    shows: names('img', 'assistant'),
  },
  {
    output: 'materials for absentees',
    kind: 'absentee_materials',
    to: () => contactOf.r2,
    shows: names('svg', 'endScript', 'minus'),
  },
  {
    output: 'cooperative follow-up (next steps, Business Assistant)',
    kind: 'cooperative_followup',
    to: () => contactOf.r1,
    shows: names('script', 'img', 'hyperlink', 'substitute', 'assistant'),
  },
  {
    output: 'outreach invitation to an imported contact',
    kind: 'invitation',
    to: () => 'kontak.enam@example.org',
    shows: names('contact'),
  },
  {
    output: 'invitation campaign to a known contact',
    kind: 'invitation',
    to: () => 'kontak.batal@example.org',
    shows: names('leaver'),
  },
];

describe('emails escape hostile names in HTML and keep them literal in plain text', () => {
  let sent: { kind: string; to: string; subject: string; html: string; text: string }[] = [];
  beforeAll(async () => {
    const mails = await store.devMail.listAll();
    sent = await Promise.all(
      mails.map(async (mail) => ({
        ...mail,
        kind: (await store.outbox.get(mail.jobId))?.kind ?? '',
        to: mail.to[0] ?? '',
      })),
    );
  });

  it.each(emailOutputs)('$output', (row) => {
    const matching = sent.filter((mail) => mail.kind === row.kind && mail.to === row.to());
    expect(matching.length).toBeGreaterThanOrEqual(1);
    for (const mail of matching) {
      expectInertHtml(mail.html, row.shows());
      for (const name of row.shows()) expect(mail.text).toContain(name);
      expect(mail.text).not.toMatch(/&(lt|gt|quot|amp|#\d+|#x[0-9a-f]+);/i);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
  });

  it('every email that left is inert, whatever it shows', () => {
    expect(sent.length).toBeGreaterThanOrEqual(emailOutputs.length);
    for (const mail of sent) expectInertHtml(mail.html, []);
  });
});

type PdfOutput = { output: string; path: () => string; as?: 'admin' | 'public'; shows: () => string[] };
const pdfOutputs: PdfOutput[] = [
  {
    output: 'daftar hadir, blank for signatures',
    path: () => `/admin/laporan/acara/${event.id}/daftar-hadir.pdf?versi=kosong&hp=lengkap`,
    shows: names('img', 'hyperlink', 'substitute', 'sum', 'minus', 'endScript', 'walkIn'),
  },
  {
    output: 'daftar hadir, filled (who came)',
    path: () => `/admin/laporan/acara/${event.id}/daftar-hadir.pdf?versi=hadir`,
    shows: names('img', 'substitute', 'sum', 'walkIn'),
  },
  {
    output: 'laporan kegiatan (unreached cooperatives with their Business Assistant)',
    path: () => `/admin/laporan/acara/${event.id}/laporan-kegiatan.pdf`,
    shows: names('assistant'),
  },
  {
    output: 'certificate',
    path: () => `/t/${w.r1.tickets.img}/sertifikat.pdf`,
    as: 'public',
    shows: names('img'),
  },
  {
    output: 'surat undangan to an imported contact',
    path: () => `/admin/acara/${event.id}/undangan/${w.contactCooperativeId}/surat.pdf`,
    shows: names('contact'),
  },
];

describe('PDFs print hostile names as literal text', () => {
  it.each(pdfOutputs)('$output', async (row) => {
    const response = await app.request(row.path(), {
      headers: row.as === 'public' ? {} : { cookie: cookies.admin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const items = (await pdfText(new Uint8Array(await response.arrayBuffer())))
      .flat()
      .map((item) => item.text);
    for (const name of row.shows()) expectLiteralInPdf(items, name);
  });
});

type ExportOutput = { kind: string; shows: Key[] };
const exportOutputs: ExportOutput[] = [
  { kind: 'pendaftaran', shows: ['script', 'svg', 'leaver', 'waiting', 'walkIn'] },
  { kind: 'peserta', shows: ['img', 'hyperlink', 'substitute', 'sum', 'minus', 'endScript', 'walkIn'] },
  { kind: 'kehadiran', shows: ['img', 'substitute', 'sum', 'walkIn', 'station'] },
  { kind: 'tindak-lanjut', shows: ['assistant'] },
];
const isFormula = (key: Key) => FORMULA.test(H[key].name);

describe('exports keep markup literal and formulas inert', () => {
  const download = (kind: string, format: 'csv' | 'xlsx') =>
    app.request(`/admin/laporan/acara/${event.id}/ekspor/${kind}.${format}`, {
      headers: { cookie: cookies.admin },
    });

  it.each(exportOutputs)('$kind as CSV', async ({ kind, shows }) => {
    const response = await download(kind, 'csv');
    expect(response.status).toBe(200);
    const cells = parseCsv(await response.text()).flat();
    for (const key of shows) {
      // A spreadsheet shows `'=HYPERLINK(…)` as text; markup is just characters in a cell.
      expect(cells).toContain(isFormula(key) ? `'${H[key].name}` : H[key].name);
    }
    const formulas = cells.filter((cell) => FORMULA.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell));
    expect(formulas).toEqual([]);
  });

  it.each(exportOutputs)('$kind as XLSX', async ({ kind, shows }) => {
    const response = await download(kind, 'xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          // Stored as a value, never as a formula: Excel shows it and evaluates nothing.
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (cell.type === ExcelJS.ValueType.String) texts.push(cell.value as string);
        }),
      ),
    );
    for (const key of shows) expect(texts.some((text) => text.replace(/^'/, '') === H[key].name)).toBe(true);
  });
});

describe('other text outputs and input rules', () => {
  it("the ticket's calendar file carries the name as literal text", async () => {
    const response = await app.request(`/t/${w.r1.tickets.img}/tiket.ics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const unfolded = (await response.text()).replace(/\r?\n[ \t]/g, '');
    expect(unfolded).toContain(`DESCRIPTION:Peserta: ${H.img.name}`);
  });

  it.each([
    ['a line break', 'Siti\nAminah'],
    ['a carriage return', 'Siti\rBcc: x@example.org'],
    ['a tab', 'Siti\tAminah'],
    ['a null byte', 'Siti\u0000Aminah'],
  ])('refuses a name with %s at registration and at the door', async (_, name) => {
    const before = (await store.registrations.listByEvent(event.id)).length;
    const registration = await app.request(`/api/events/${event.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        cooperativeId: coop(20).id,
        contact: { name: 'Siti Aminah', phone: phone() },
        participants: [{ name, role: 'ketua' }],
        consent: true,
      }),
    });
    expect(registration.status).toBe(400);
    expect((await registration.json()).error.code).toBe('validation');
    const walkIn = await app.request(`/api/events/${event.id}/walk-ins`, {
      method: 'POST',
      headers: station(),
      body: JSON.stringify({ cooperativeId: coop(20).id, name, role: 'ketua' }),
    });
    expect(walkIn.status).toBe(400);
    expect(await store.registrations.listByEvent(event.id)).toHaveLength(before);
  });
});
