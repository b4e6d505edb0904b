import { writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { certificatePdf } from '../../functions/followups/certificate-pdf';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { invitationLettersPdf } from '../../functions/outreach/letter-pdf';
import type { AttendeeRow } from '../../functions/reports/attendees';
import type { CooperativeCoverage } from '../../functions/reports/coverage';
import { monthlySummaryPdf } from '../../functions/reports/coverage-files';
import { buildDaftarHadir } from '../../functions/reports/daftar-hadir';
import { buildLaporanPdf } from '../../functions/reports/laporan-pdf';
import { ticketPdf } from '../../functions/reports/ticket-pdf';
import { pdfText, type TextItem } from './pdf-text';

/**
 * Every PDF hadir makes, filled with the longest real names of the Kotawaringin Timur regency and officers whose
 * names carry letters outside WinAnsi: no text may leave the page (each line measured with the embedded font's
 * own glyph widths against the page box), nothing is cut with an ellipsis, and every letter prints as itself.
 */

/** Names a phone keyboard produces for Indonesian officers of mixed heritage, and common symbols. */
const OFFICERS = [
  'Raden Ayu Siti Ṣalāḥuddīn Ğunawan Şahrir Kartikasari Wulandari Purnamasari Ningsih',
  'Dr. Ir. H. Muhammad Ḥabībullāh Łukasz Nguyễn Đức Thắng, S.E., M.Si. – Wakil Ketua № 2',
  'Ñoman Çağrı Ōtsuka Ævar Zoë “Ibu Ani” Ŵidodo’s € ✓',
];
const SPECIAL = [
  'Ṣalāḥuddīn',
  'Ğunawan',
  'Şahrir',
  'Ḥabībullāh',
  'Łukasz',
  'Nguyễn',
  'Đức',
  'Thắng',
  '–',
  '№',
  'Ñoman',
  'Çağrı',
  'Ōtsuka',
  'Ævar',
  'Zoë',
  '“Ibu',
  'Ani”',
  'Ŵidodo’s',
  '€',
  '✓',
];

const SIGNER = 'Dr. Ir. H. Ṣalāḥuddīn Ğunawan Şahrir Abdurrahman Wahid Kusumanegara, S.E., M.Si., Ph.D.';
const SIGNER_TITLE =
  'Kepala Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan Kabupaten Kotawaringin Timur';

let longest: { cooperatives: Cooperative[]; districts: string[] };
let event: EventRecord;

const longestBy = <T>(items: T[], key: (item: T) => string, count: number) =>
  [...items].sort((a, b) => key(b).length - key(a).length).slice(0, count);

beforeAll(async () => {
  const { cooperatives } = await loadRegencyDirectory('62.02');
  const districts = [...new Set(cooperatives.map((c) => c.districtName))];
  longest = {
    cooperatives: [
      ...longestBy(cooperatives, (c) => c.name, 6),
      ...longestBy(cooperatives, (c) => c.villageName, 3),
      ...longestBy(cooperatives, (c) => c.districtName, 3),
    ],
    districts: longestBy(districts, (d) => d, 17),
  };
  event = {
    id: 'e-long',
    title:
      'Sosialisasi dan Bimbingan Teknis Pembentukan, Pengelolaan Usaha dan Tata Kelola Koperasi Desa/Kelurahan Merah Putih bagi Pengurus dan Pengawas se-Kabupaten Kotawaringin Timur Tahun Anggaran 2026',
    organizerName:
      'Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan Kabupaten Kotawaringin Timur bersama Badan Perencanaan Pembangunan Daerah',
    venue:
      'Aula Serbaguna Lantai III Gedung Pertemuan Umum Kantor Bupati Kotawaringin Timur (Ruang Ṣalāḥuddīn)',
    address:
      'Jalan Jenderal Sudirman Kilometer 6,5 Nomor 118, Kelurahan Mentawa Baru Hulu, Kecamatan Mentawa Baru Ketapang, Sampit, Kabupaten Kotawaringin Timur, Provinsi Kalimantan Tengah 74322',
    startsAt: '2026-12-17T01:30:00.000Z',
    endsAt: '2026-12-17T05:00:00.000Z',
    timeZone: 'Asia/Jakarta',
    regencyCode: '62.02',
  } as EventRecord;
});

function rows(): AttendeeRow[] {
  return longest.cooperatives.flatMap((cooperative, i) =>
    OFFICERS.map((name, n) => ({
      participantId: `p${i}-${n}`,
      registrationId: `r${i}`,
      cooperativeId: cooperative.id,
      name,
      role: n === 0 ? 'Ketua' : 'Wakil Ketua Bidang Usaha dan Pengembangan Jaringan',
      cooperativeName: cooperative.name,
      villageName: cooperative.villageName,
      villageType: cooperative.villageType,
      districtCode: cooperative.districtCode,
      districtName: cooperative.districtName,
      phone: '+6281234567890',
      registrationStatus: 'confirmed' as const,
      walkIn: n === 2,
      substituteFor: n === 1 ? OFFICERS[0] : undefined,
      checkedInAt: '2026-12-17T01:40:00.000Z',
    })),
  );
}

const assistants = [
  { id: 'ba', name: 'Ṣalāḥuddīn Ğunawan Şahrir Kartikasari Wulandari', email: 'ba@example.org' },
];

async function check(bytes: Uint8Array, expectWords: string[], name = 'pdf') {
  // PDF_DUMP=/tmp/dir keeps the files, to look at them.
  if (process.env.PDF_DUMP) writeFileSync(`${process.env.PDF_DUMP}/${name}.pdf`, bytes);
  const doc = await PDFDocument.load(bytes);
  const pages = await pdfText(bytes);
  const inset = 8;
  const outside: string[] = [];
  pages.forEach((items: TextItem[], index) => {
    const { width, height } = doc.getPage(index).getSize();
    for (const item of items) {
      expect(item.width, `"${item.text}" is measured`).toBeTypeOf('number');
      expect(item.missingGlyphs, `"${item.text}" has every glyph`).toBe(0);
      const size = item.size ?? 0;
      if (
        item.x < inset ||
        item.x + (item.width ?? 0) > width - inset ||
        item.y < inset ||
        item.y + size > height - inset
      )
        outside.push(
          `page ${index + 1}: "${item.text}" at ${item.x.toFixed(1)},${item.y.toFixed(1)} w ${item.width?.toFixed(1)}`,
        );
    }
  });
  expect(outside).toEqual([]);
  const text = pages
    .flat()
    .map((item) => item.text)
    .join(' ');
  expect(text).not.toContain('…');
  expect(text).not.toMatch(/\uFFFD/);
  for (const word of expectWords) expect(text, word).toContain(word);
  return { pages, text };
}

const cooperativeWords = () =>
  longest.cooperatives.flatMap((c) => [c.name, c.districtName].join(' ').split(/\s+/));

describe('PDFs wrap, never cut, and print every letter', () => {
  it('daftar hadir, empty and filled', async () => {
    for (const version of ['empty', 'filled'] as const) {
      const bytes = await buildDaftarHadir({
        event,
        rows: rows(),
        version,
        phone: 'masked',
        printedAt: new Date('2026-12-17T06:00:00Z'),
      });
      await check(
        bytes,
        [...SPECIAL, ...cooperativeWords(), 'Ketapang,', 'Kalimantan', '74322'],
        `daftar-hadir-${version}`,
      );
    }
  });

  it('laporan kegiatan', async () => {
    const unreached: CooperativeCoverage[] = longest.cooperatives.map((cooperative, i) => ({
      cooperative,
      invitedTo: 1,
      registeredFor: i % 3 === 0 ? 1 : 0,
      waitlistedFor: i % 3 === 1 ? 1 : 0,
      attended: 0,
      officersRegistered: 0,
      officersPresent: 0,
      assistants,
    }));
    const bytes = await buildLaporanPdf({
      event,
      attendance: {
        registered: 300,
        checkedIn: 250,
        cooperativesRegistered: 100,
        cooperativesPresent: 90,
        cooperativesInvited: 185,
        walkIns: 3,
        byDistrict: longest.districts.map((districtName, i) => ({
          districtCode: `62.02.${i}`,
          districtName,
          cooperativesInvited: 10,
          cooperativesRegistered: 8,
          cooperativesPresent: 7,
          registered: 20,
          checkedIn: 18,
        })),
      },
      unreached,
      generatedAt: new Date('2026-12-18T02:00:00Z'),
    });
    const { text } = await check(
      bytes,
      [
        ...cooperativeWords(),
        ...longest.districts.flatMap((d) => d.split(' ')),
        'Ṣalāḥuddīn',
        'Ğunawan',
        'Daftar tunggu',
        'Belum mendaftar',
      ],
      'laporan',
    );
    expect(text).toContain('Mentawa Baru Ketapang');
  });

  it('surat undangan, signatory on the page', async () => {
    const letters = longest.cooperatives.slice(0, 4).map((c, i) => ({
      number: `00${i}/UND-KDKMP/XII/2026`,
      cooperativeName: c.name,
      villageName: c.villageName,
      districtName: c.districtName,
      recipientName: OFFICERS[i % OFFICERS.length],
      link: `https://hadir.kotimkab.go.id/daftar/e-long?undangan=${'x'.repeat(40)}${i}`,
    }));
    const bytes = await invitationLettersPdf(letters, {
      event,
      date: new Date('2026-12-01T02:00:00Z'),
      place: 'Sampit',
      signerName: SIGNER,
      signerTitle: SIGNER_TITLE,
    });
    await check(bytes, [...SPECIAL, ...SIGNER.split(' '), ...SIGNER_TITLE.split(' ')], 'surat-undangan');
  });

  it('certificate', async () => {
    for (const name of OFFICERS) {
      const bytes = await certificatePdf({
        number: 'KDKMP/62.02/2026/000123',
        name,
        jabatan: 'Wakil Ketua Bidang Usaha dan Pengembangan Jaringan',
        cooperativeName: (longest.cooperatives[0] as Cooperative).name,
        sessionTitle: event.title,
        date: 'Kamis, 17 Desember 2026',
        place: `${event.venue}, ${event.address}`,
        signer: SIGNER,
        verifyUrl: 'https://hadir.kotimkab.go.id/v/KDKMP-62.02-2026-000123',
      });
      expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
      await check(bytes, [...name.split(' '), ...SIGNER.split(' ')], `certificate-${OFFICERS.indexOf(name)}`);
    }
  });

  it('ticket saved to the phone', async () => {
    for (const name of OFFICERS) {
      const cooperative = longest.cooperatives[0] as Cooperative;
      const bytes = await ticketPdf({
        name,
        role: 'Wakil Ketua Bidang Usaha dan Pengembangan Jaringan',
        cooperativeName: cooperative.name,
        ticketCode: 'ABCD-EFGH-JKLM',
        ticketUrl: 'https://hadir.kotimkab.go.id/t/ABCD-EFGH-JKLM',
        event,
        language: 'id',
      });
      await check(
        bytes,
        [...name.split(' '), ...cooperative.name.split(' '), 'ABCD-EFGH-JKLM', '74322'],
        `ticket-${OFFICERS.indexOf(name)}`,
      );
    }
  });

  it('monthly coverage summary, every province', async () => {
    const { getProvinces } = await import('idn-area-data');
    const provinces = await getProvinces();
    const figures = { directory: 88_888, registered: 77_777, briefed: 66_666, held: 5_555, planned: 9_999 };
    const rows = provinces.map((p) => ({ code: p.code, name: p.name, ...figures }));
    const { bytes } = await monthlySummaryPdf('2026-12', rows, figures, new Date('2026-12-31T09:00:00Z'));
    await check(bytes, ['PAPUA', 'Jumlah', 'nasional'], 'monthly-summary');
  });
});
