import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import type { EvaluationAnswer } from '../../functions/domain/evaluation';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { parseCsv } from '../../functions/reports/csv';
import { createCheckinService } from '../../functions/services/checkins';
import { createEvaluationService } from '../../functions/services/evaluations';
import { createRegistrationService } from '../../functions/services/registrations';
import {
  type ConsoleApp,
  createConsoleApp,
  makeUser,
  ORG,
  seedOrganisations,
  signIn,
} from '../admin/helpers';
import { form } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

const ORIGIN = 'https://hadir.test';
let store: TestStore;
let app: ConsoleApp;
let event: EventRecord;
let registrations: { cooperativeId: string; participants: { id: string; ticketCode: string }[] }[];
let directory: Cooperative[];
let now: Date;
let organizer: string;
let assistant: User;
let assistantCookie: string;

const officer = (r: number, p: number) =>
  registrations[r]?.participants[p] as { id: string; ticketCode: string };
const answerFields = (scores: number[], extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(
    ['materi', 'narasumber', 'waktu', 'tempat', 'pelayanan'].map((key, i) => [
      `scores.${key}`,
      String(scores[i]),
    ]),
  ),
  ...extra,
});
const post = (code: string, fields: Record<string, string>, lang = '') =>
  app.request(`/t/${code}/evaluasi${lang}`, form(fields));

beforeAll(async () => {
  store = await createTestStore();
  directory = await seedKotim(store);
  await seedOrganisations(store);
  event = makeEvent({ organisationId: ORG.id });
  await store.events.put(event);
  const register = createRegistrationService(store);
  // Three cooperatives of two kecamatan, two officers each; five officers check in, one does not.
  const coops = [
    directory[0],
    directory[1],
    directory.find((c) => c.districtCode !== directory[0]?.districtCode),
  ];
  registrations = [];
  for (const [i, coop] of coops.entries()) {
    const body = registrationBody((coop as Cooperative).id, 2, 70_000 + i);
    registrations.push((await register.register(event.id, body, { language: 'id' })).registration);
  }
  const checkins = createCheckinService(store);
  for (const [r, p] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [2, 0],
    [2, 1],
  ] as const)
    await checkins.checkIn(event.id, { participantId: officer(r, p).id }, 'Pintu 1');
  now = new Date(Date.parse(event.endsAt) + 3_600_000);
  app = createConsoleApp(store, () => now);
  const user = await makeUser(store, 'organizer');
  organizer = await signIn(app, store, user.email);
  assistant = await makeUser(store, 'business_assistant', ORG.id, { name: 'Rahmat Hidayat' });
  await store.users.setAssignments(assistant.id, [registrations[0]?.cooperativeId as string], new Date());
  assistantCookie = await signIn(app, store, assistant.email);
});

async function csrf(cookie: string, path: string) {
  const page = await app.request(path, { headers: { cookie } });
  return (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
}

describe('an officer answers the evaluation once, from their ticket', () => {
  it('refuses an officer who was not checked in, and the ticket page offers them no evaluation', async () => {
    const code = officer(1, 1).ticketCode;
    const ticket = await (await app.request(`/t/${code}`)).text();
    expect(ticket).not.toContain('/evaluasi');
    const page = await (await app.request(`/t/${code}/evaluasi`)).text();
    expect(page).toContain('data-evaluation-state="not_checked_in"');
    const refused = await post(code, answerFields([5, 5, 5, 5, 5]));
    expect(refused.status).toBe(403);
    expect(await store.evaluations.getAnswer(event.id, officer(1, 1).id)).toBeUndefined();
  });

  it('shows every missing score in Bahasa Indonesia or English and keeps what was typed', async () => {
    const code = officer(0, 0).ticketCode;
    expect(await (await app.request(`/t/${code}`)).text()).toContain(`/t/${code}/evaluasi`);
    const id = await post(code, { 'scores.materi': '4', needs: 'Pendampingan akta' });
    expect(id.status).toBe(400);
    const html = await id.text();
    expect(html.match(/Pilih nilai 1 sampai 5\./g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('Pendampingan akta');
    const en = await post(code, { 'scores.materi': '9' }, '?lang=en');
    expect(en.status).toBe(400);
    expect(await en.text()).toContain('Choose a score from 1 to 5.');
    expect(await store.evaluations.getAnswer(event.id, officer(0, 0).id)).toBeUndefined();
  });

  it('takes one answer per ticket: a second submit is refused and the first answer stands', async () => {
    const code = officer(0, 0).ticketCode;
    const first = await post(
      code,
      answerFields([5, 4, 3, 4, 5], {
        mostUseful: 'Alur pendirian koperasi',
        needs: 'Pendampingan akta notaris',
      }),
    );
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('data-evaluation-state="answered"');
    const second = await post(code, answerFields([1, 1, 1, 1, 1]));
    expect(second.status).toBe(409);
    const stored = await store.evaluations.getAnswer(event.id, officer(0, 0).id);
    expect(stored?.scores.materi).toBe(5);
    expect(stored?.districtName).toBe(directory[0]?.districtName);
    await expect(
      createEvaluationService(store, () => now).submit(code, answerFields([1, 1, 1, 1, 1]), 'id'),
    ).rejects.toMatchObject({ code: 'already_answered' });
  });

  it('closes the form the configured number of days after the session', async () => {
    const late = new Date(Date.parse(event.endsAt) + 7 * 86_400_000 + 60_000);
    const service = createEvaluationService(store, () => late);
    await expect(
      service.submit(officer(2, 1).ticketCode, answerFields([3, 3, 3, 3, 3]), 'id'),
    ).rejects.toMatchObject({
      code: 'evaluation_closed',
    });
    const saved = now;
    now = late;
    try {
      const refused = await post(officer(2, 1).ticketCode, answerFields([3, 3, 3, 3, 3]));
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('data-evaluation-state="closed"');
    } finally {
      now = saved;
    }
  });
});

describe('the console shows what the officers answered', () => {
  beforeAll(async () => {
    for (const [r, p, scores, extra] of [
      [0, 1, [4, 4, 4, 4, 4], { mostUseful: 'Contoh AD/ART' }],
      [1, 0, [3, 5, 2, 4, 5], { needs: 'NIB dan rekening koperasi' }],
      [2, 0, [5, 5, 5, 3, 4], {}],
    ] as const) {
      const answered = await post(officer(r, p).ticketCode, answerFields([...scores], extra));
      expect(answered.status).toBe(200);
    }
  });

  it('response rate, averages and distributions equal the answers given', async () => {
    const answers = await store.evaluations.listAnswers(event.id);
    expect(answers).toHaveLength(4);
    const summary = await createEvaluationService(store, () => now).summary(event.id);
    expect(summary.eligible).toBe(5);
    expect(summary.responses).toBe(4);
    const materi = summary.scales.find((s) => s.key === 'materi');
    expect(materi?.distribution).toEqual([0, 0, 1, 1, 2]);
    expect(materi?.average).toBe(4.25);
    expect(summary.needs).toHaveLength(2);
    expect(summary.needs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'Pendampingan akta notaris', assistantName: 'Rahmat Hidayat' }),
        expect.objectContaining({
          text: 'NIB dan rekening koperasi',
          districtName: directory[1]?.districtName,
        }),
      ]),
    );
    const page = await app.request(`/admin/acara/${event.id}/evaluasi`, { headers: { cookie: organizer } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('4 dari 5 pengurus yang hadir mengisi evaluasi (80%).');
    expect(html).toContain('4,25');
    expect(html).toContain('Nilai 5: 2 jawaban');
    expect(html).toContain('Contoh AD/ART');
    expect(html).toMatch(
      /id="needs-by-assistant"[\s\S]*Rahmat Hidayat \(1\)[\s\S]*Pendampingan akta notaris/,
    );
  });

  it('a Business Assistant sees only what their own cooperatives asked for', async () => {
    const html = await (
      await app.request(`/admin/acara/${event.id}/evaluasi`, { headers: { cookie: assistantCookie } })
    ).text();
    expect(html).toContain('Pendampingan akta notaris');
    expect(html).not.toContain('NIB dan rekening koperasi');
    expect(html).not.toContain('Contoh AD/ART');
    const exported = await app.request(`/admin/acara/${event.id}/evaluasi/ekspor/csv`, {
      headers: { cookie: assistantCookie },
    });
    expect(exported.status).toBe(403);
  });

  it('exports one row per answer as CSV and XLSX', async () => {
    const csv = await app.request(`/admin/acara/${event.id}/evaluasi/ekspor/csv`, {
      headers: { cookie: organizer },
    });
    expect(csv.status).toBe(200);
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Kecamatan', 'Materi', 'Pelayanan panitia', 'Bantuan yang Dibutuhkan']),
    );
    expect(rows).toHaveLength(5);
    const materi = (rows[0] as string[]).indexOf('Materi');
    expect(
      rows
        .slice(1)
        .map((r) => r[materi])
        .sort(),
    ).toEqual(['3', '4', '5', '5']);
    expect(rows.some((r) => r.includes('Rahmat Hidayat') && r.includes('Pendampingan akta notaris'))).toBe(
      true,
    );

    const xlsx = await app.request(`/admin/acara/${event.id}/evaluasi/ekspor/xlsx`, {
      headers: { cookie: organizer },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).values).toContain('Tempat');
  });

  it('the organizer renames, removes and adds questions and sets the closing days', async () => {
    const path = `/admin/acara/${event.id}/evaluasi/formulir`;
    const token = await csrf(organizer, path);
    const fields = {
      _csrf: token,
      'scales.0.key': 'materi',
      'scales.0.label': 'Materi paparan',
      'scales.1.key': 'narasumber',
      'scales.1.label': 'Narasumber',
      'scales.2.key': 'waktu',
      'scales.2.label': 'Waktu',
      'scales.2.remove': 'true',
      newLabel: 'Konsumsi',
      closesAfterDays: '14',
    };
    const bad = await app.request(
      path,
      form({ ...fields, closesAfterDays: '120' }, { cookie: organizer, origin: ORIGIN }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Isi 0 sampai 90 hari.');
    const saved = await app.request(path, form(fields, { cookie: organizer, origin: ORIGIN }));
    expect(saved.status).toBe(303);
    const definition = await createEvaluationService(store).formOf(event.id);
    expect(definition).toEqual({
      scales: [
        { key: 'materi', label: 'Materi paparan' },
        { key: 'narasumber', label: 'Narasumber' },
        { key: 'konsumsi', label: 'Konsumsi' },
      ],
      closesAfterDays: 14,
    });
    const summary = await createEvaluationService(store, () => now).summary(event.id);
    expect(summary.scales.map((s) => [s.label, s.average])).toEqual([
      ['Materi paparan', 4.25],
      ['Narasumber', 4.5],
      ['Konsumsi', null],
    ]);
    // The form of an officer who has not answered yet asks the new questions.
    const open = await (await app.request(`/t/${officer(2, 1).ticketCode}/evaluasi`)).text();
    expect(open).toContain('name="scores.konsumsi"');
    expect(open).not.toContain('name="scores.waktu"');
    const forbidden = await app.request(path, form(fields, { cookie: assistantCookie, origin: ORIGIN }));
    expect(forbidden.status).toBe(403);
  });
});

describe('the JSON API gives the same figures', () => {
  it('GET answers the summary; PUT replaces the form, with validation in the caller’s language', async () => {
    const headers = { cookie: organizer, origin: ORIGIN };
    const res = await app.request(`/api/admin/events/${event.id}/evaluation`, { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { full: boolean; summary: { responses: number; eligible: number } };
    const summary = await createEvaluationService(store, () => now).summary(event.id);
    expect(body.full).toBe(true);
    expect(body.summary).toEqual(JSON.parse(JSON.stringify(summary)));
    const mine = await app.request(`/api/admin/events/${event.id}/evaluation`, {
      headers: { cookie: assistantCookie },
    });
    expect(((await mine.json()) as { full: boolean }).full).toBe(false);
    const put = (body: unknown, extra: Record<string, string> = {}) =>
      app.request(`/api/admin/events/${event.id}/evaluation/form`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json', ...extra },
        body: JSON.stringify(body),
      });
    const refused = await put(
      { scales: [{ key: 'materi', label: 'M' }], closesAfterDays: 7 },
      { 'accept-language': 'en' },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('At least 2 characters.');
    const saved = await put({ scales: [{ key: 'materi', label: 'Materi' }], closesAfterDays: 10 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ scales: [{ key: 'materi', label: 'Materi' }], closesAfterDays: 10 });
  });
});

describe('answers are read to the end', () => {
  it('lists more answers than fit one page', async () => {
    const eventId = 'evaluation-paging';
    for (let i = 0; i < 7; i++) {
      const answer: EvaluationAnswer = {
        scores: { materi: (i % 5) + 1 },
        mostUseful: '',
        needs: '',
        eventId,
        participantId: `p${i}`,
        registrationId: 'r',
        cooperativeId: 'c',
        cooperativeName: 'Koperasi',
        districtCode: '62.02.01',
        answeredAt: new Date(2025, 9, 23, 8, i).toISOString(),
      };
      await store.evaluations.putAnswer(answer);
    }
    expect(await store.evaluations.listAnswers(eventId, { pageSize: 2 })).toHaveLength(7);
  });
});
