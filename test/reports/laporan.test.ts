import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../functions/domain/schemas';
import { laporanDocument } from '../../functions/reports/laporan-content';
import { createDiskMaterialFiles } from '../../functions/reports/material-files-disk';
import { createDefaultCampaigns } from '../../functions/services/campaigns';
import { createEvaluationService } from '../../functions/services/evaluations';
import { createGuestService } from '../../functions/services/guests';
import { createMaterialService } from '../../functions/services/materials';
import { createQuestionService } from '../../functions/services/questions';
import { column, linesOf, pdfText } from './pdf-text';
import { createWorld, seedSession, spread, type World } from './world';

/**
 * The laporan kegiatan of a session like the seed's (Kotim's 185 cooperatives invited, 40 registered, most present,
 * the default follow-up campaigns) with what happened inside it: the Bupati and a speaker, the speaker's material,
 * answered questions, evaluations. In its three forms: the PDF, the editable DOCX and the printable page.
 */
let world: World;
let event: EventRecord;
let pdf: string;
/** The follow-up table's "Pesan" column of the PDF, its wrapped cells joined. */
let pdfMessages: string;
let docx: Map<string, string>;
let html: string;
let expected: { present: number; officersPresent: number; registered: number; officersRegistered: number };

/** The entries of a zip file, by name, read from its central directory: what a word processor reads first. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const buffer = Buffer.from(bytes);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory: not a zip');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The document's paragraphs as text, one a line (a table cell is a paragraph of its own). */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...(p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])]
      .map((t) =>
        (t[1] ?? '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      )
      .join(''),
  );

const GUESTS = {
  opening: {
    name: 'H. Halikinnor',
    position: 'Bupati Kotawaringin Timur',
    institution: 'Pemerintah Kabupaten Kotawaringin Timur',
    role: 'pembuka',
  },
  speaker: {
    name: 'Dr. Ahmad Zabadi',
    position: 'Deputi Bidang Perkoperasian',
    institution: 'Kementerian Koperasi',
    role: 'narasumber',
  },
} as const;
const MATERIAL = 'Tata Kelola Koperasi Desa Merah Putih';
const QUESTIONS = [
  {
    text: 'Bagaimana mengurus akta pendirian jika belum ada notaris di kecamatan kami?',
    answer: 'Dinas memfasilitasi notaris keliling; jadwalnya lewat Business Assistant.',
  },
  {
    // Typed by an officer: markup characters print as they were typed, in every form.
    text: 'Apakah modal awal boleh dari "dana desa" <DD> & APBDes?',
    answer: 'Boleh sebagai penyertaan modal desa sesuai peraturan desa.',
  },
] as const;
const EVALUATION = {
  mostUseful: 'Contoh anggaran dasar koperasi',
  needs: 'Pendampingan menyusun RAT pertama',
};
let evaluated: number;
/** The cooperative of the officer who asked the first question from their ticket. */
let asker: string;

const SECTIONS = [
  'I. Pendahuluan',
  'II. Waktu dan Tempat',
  'III. Peserta',
  'IV. Susunan Acara, Pejabat yang Hadir dan Narasumber',
  'V. Materi',
  'VI. Tanya Jawab',
  'VII. Evaluasi',
  'VIII. Kehadiran per Kecamatan',
  'IX. Tindak Lanjut',
  'X. Penutup',
  'Lampiran',
];

/** Each heading found after the one before it. */
function inOrder(text: string, headings: string[]) {
  let from = 0;
  return headings.map((heading) => {
    const at = text.indexOf(heading, from);
    if (at >= 0) from = at + heading.length;
    return at >= 0 ? heading : `missing or out of order: ${heading}`;
  });
}

beforeAll(async () => {
  world = await createWorld();
  const registered = spread(world.directory, 40);
  const session = await seedSession(world, {
    registered,
    present: (registration, i) => (i % 5 === 0 ? 0 : registration.participants.length),
    overrides: { description: 'Sosialisasi pembentukan dan tata kelola Koperasi Desa Merah Putih.' },
  });
  event = session.event;
  await createDefaultCampaigns(world.store, event, new Date());
  const confirmed = session.registrations;
  const { store, users } = world;
  const organizer = users.organizer;
  const during = () => new Date(Date.parse(event.startsAt) + 3_600_000);
  const after = () => new Date(Date.parse(event.endsAt) + 3_600_000);
  const guests = createGuestService(store, during);
  await guests.add(organizer, event.id, 'guest-bupati', GUESTS.opening);
  await guests.add(organizer, event.id, 'guest-speaker', GUESTS.speaker);
  await guests.checkIn(organizer, event.id, 'guest-speaker');
  const files = createDiskMaterialFiles(mkdtempSync(join(tmpdir(), 'laporan-materials-')));
  await createMaterialService(store, files, during).upload(organizer, event.id, {
    id: 'material-1',
    title: MATERIAL,
    guestId: 'guest-speaker',
    fileName: 'tata-kelola.pdf',
    body: new TextEncoder().encode('%PDF-1.4\n'),
  });
  const questions = createQuestionService(store, during);
  const ticket = confirmed[1]?.participants[0]?.ticketCode;
  asker = confirmed[1]?.cooperativeName as string;
  // Two answered (the first asked from a ticket, so it names the cooperative), one still waiting for the moderator.
  const asked = [
    { id: 'question-0001', text: QUESTIONS[0].text, ticketCode: ticket, answer: QUESTIONS[0].answer },
    { id: 'question-0002', text: QUESTIONS[1].text, answer: QUESTIONS[1].answer },
    { id: 'question-0003', text: 'Pertanyaan yang belum disetujui moderator.' },
  ];
  for (const { answer, ...question } of asked) {
    await questions.ask(event.id, question);
    if (!answer) continue;
    await questions.moderate(organizer, event.id, question.id, 'approve');
    await questions.answer(organizer, event.id, question.id, answer);
  }
  const evaluation = createEvaluationService(store, after);
  for (const [index, participant] of confirmed[1]?.participants.entries() ?? [])
    await evaluation.submit(
      participant.ticketCode,
      {
        scores: { materi: 5, narasumber: 4, waktu: 4 - index, tempat: 3, pelayanan: 5 },
        mostUseful: index === 0 ? EVALUATION.mostUseful : '',
        needs: index === 0 ? EVALUATION.needs : '',
      },
      'id',
    );
  evaluated = confirmed[1]?.participants.length ?? 0;
  const came = confirmed.filter((_, i) => i % 5 !== 0);
  expected = {
    registered: confirmed.length,
    present: came.length,
    officersRegistered: confirmed.flatMap((r) => r.participants).length,
    officersPresent: came.flatMap((r) => r.participants).length,
  };
  const get = (path: string) => world.app.request(path, { headers: { cookie: world.cookies.organizer } });
  const at = `/admin/laporan/acara/${event.id}/laporan-kegiatan`;
  const [pdfRes, docxRes, page] = await Promise.all([get(`${at}.pdf`), get(`${at}.docx`), get(at)]);
  expect([pdfRes.status, docxRes.status, page.status]).toEqual([200, 200, 200]);
  expect(docxRes.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect(docxRes.headers.get('content-disposition')).toBe(
    `attachment; filename="laporan-kegiatan-${event.id}.docx"`,
  );
  const pages = await pdfText(new Uint8Array(await pdfRes.arrayBuffer()));
  pdf = pages.flatMap(linesOf).join('\n');
  pdfMessages = column(pages, 'Pesan').join(' ');
  docx = unzip(new Uint8Array(await docxRes.arrayBuffer()));
  html = await page.text();
}, 240_000);

describe('laporan kegiatan', () => {
  it('the DOCX is a valid zip with the parts a word processor needs, headings as styles and real tables', () => {
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'word/_rels/document.xml.rels',
      'docProps/core.xml',
    ])
      expect(docx.has(part), part).toBe(true);
    const xml = docx.get('word/document.xml') as string;
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(SECTIONS.length);
    // Waktu dan tempat (layout only), guests, materials, evaluation scores and needs, kecamatan, campaigns, unreached.
    expect(xml.match(/<w:tbl>/g)?.length).toBe(8);
    expect(xml).toContain('<w:tblHeader/>');
    expect(docx.get('docProps/core.xml')).toContain(`Laporan Kegiatan - ${event.title}`);
  });

  it('every section, in the order of a laporan kegiatan, in the PDF, the DOCX and the printable page', () => {
    const word = paragraphs(docx.get('word/document.xml') as string).join('\n');
    expect(inOrder(pdf, SECTIONS)).toEqual(SECTIONS);
    expect(inOrder(word, SECTIONS)).toEqual(SECTIONS);
    expect(inOrder(html, SECTIONS)).toEqual(SECTIONS);
  });

  it('fills the sections from the data: facts, participants, guests, materials, questions, evaluation, kecamatan, follow-up and the unreached', () => {
    const word = paragraphs(docx.get('word/document.xml') as string);
    const text = word.join('\n');
    const summary = `Hadir ${expected.present} koperasi dengan ${expected.officersPresent} pengurus`;
    const unreachedCount = `B. Koperasi yang Belum Terjangkau (${185 - expected.present})`;
    for (const [form, body] of [
      // A PDF wraps its lines where a paragraph is wide, and a table's cells within their column.
      ['pdf', `${pdf.replace(/\n/g, ' ')} ${pdfMessages}`],
      ['docx', text],
      ['html', html],
    ] as const) {
      expect(body, form).toContain('Sosialisasi pembentukan dan tata kelola Koperasi Desa Merah Putih.');
      expect(body, form).toContain('Gedung Serbaguna Sampit');
      expect(body, form).toContain(summary);
      expect(body, form).toContain(unreachedCount);
      // The default campaigns, scheduled after the session.
      expect(body, form).toContain('Pengingat H-1');
      expect(body, form).toContain('Terima kasih dan langkah berikutnya');
      expect(body, form).toContain('Materi untuk yang berhalangan hadir');
      expect(body, form).toContain('Terjadwal');
      // Inside the session.
      expect(body, form).toContain(`Pembukaan oleh ${GUESTS.opening.name}, ${GUESTS.opening.position}.`);
      expect(body, form).toContain(GUESTS.speaker.institution);
      expect(body, form).toContain(MATERIAL);
      for (const q of QUESTIONS) {
        const escaped = q.text
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;');
        expect(body, form).toContain(form === 'html' ? escaped : q.text);
        expect(body, form).toContain(q.answer);
      }
      expect(body, form).toContain(`Pertanyaan 1 (${asker}`);
      expect(body, form).not.toContain('belum disetujui');
      expect(body, form).toContain(
        `${evaluated} dari ${expected.officersPresent} peserta yang hadir mengisi evaluasi`,
      );
      expect(body, form).toContain(EVALUATION.mostUseful);
      expect(body, form).toContain(EVALUATION.needs);
      expect(body, form).not.toContain('Belum ada data');
    }
    const totals = [
      185,
      expected.registered,
      expected.present,
      expected.officersRegistered,
      expected.officersPresent,
    ];
    expect(pdf).toContain(`Jumlah\t${totals.join('\t')}`);
    // In the DOCX each cell is a paragraph: the total row reads down the cells.
    const jumlah = word.indexOf('Jumlah');
    expect(word.slice(jumlah + 1, jumlah + 6)).toEqual(totals.map(String));
    const unreached = world.directory.find((c) => !spread(world.directory, 40).some((r) => r.id === c.id));
    expect(text).toContain(unreached?.name);
  });

  it('says "Belum ada data" and leaves room to write where a feature gives the laporan nothing', () => {
    const attendance = { registered: 0, checkedIn: 0, cooperativesRegistered: 0, cooperativesPresent: 0 };
    const bare = laporanDocument({
      event,
      attendance: { ...attendance, cooperativesInvited: 185, walkIns: 0, byDistrict: [] },
      unreached: [],
      generatedAt: new Date(),
    });
    const missing = bare.sections.flatMap((section) =>
      section.blocks.flatMap((block) => (block.type === 'blank' && block.missing ? [block.missing] : [])),
    );
    expect(missing).toEqual([
      'Belum ada data: pejabat dan narasumber.',
      'Belum ada data: materi.',
      'Belum ada data: tanya jawab.',
      'Belum ada data: evaluasi.',
      'Belum ada data: pesan tindak lanjut.',
    ]);
  });

  it('others of the console may not download it', async () => {
    const res = await world.app.request(`/admin/laporan/acara/${event.id}/laporan-kegiatan.docx`, {
      headers: { cookie: world.cookies.otherOrganizer },
    });
    expect(res.status).toBe(403);
  });
});
