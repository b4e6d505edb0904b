import type { CampaignKind, CampaignStatus, Segment } from '../domain/campaign';
import { formatDate, formatDateTime } from '../domain/time';
import {
  type AttendanceFigures,
  attachments,
  type LaporanBlock,
  type LaporanDocument,
  type LaporanGuest,
  type LaporanInput,
  laporanFacts,
  laporanSummary,
  unreachedStatus,
} from './laporan';

/*
 * The laporan's sections written from the data. Loaded with the first laporan (page, PDF or DOCX), not with every
 * console cold start.
 */

/** Said where a feature has given the laporan nothing: the Dinas fills the section by hand. */
export const NO_DATA = 'Belum ada data';

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

const roleLabels: Record<LaporanGuest['role'], string> = {
  pembuka: 'Pembuka',
  narasumber: 'Narasumber',
  moderator: 'Moderator',
  tamu_undangan: 'Tamu undangan',
};

const kindLabels = {
  reminder: 'Pengingat H-1',
  thanks: 'Terima kasih dan sertifikat',
  absentee_materials: 'Materi untuk yang tidak hadir',
  invitation: 'Undangan mendaftar',
  cooperative_followup: 'Tindak lanjut per koperasi',
} satisfies Record<CampaignKind, string>;

const segmentLabels = {
  attended: 'Pengurus yang hadir',
  absent: 'Terdaftar tetapi tidak hadir',
  invited_not_registered: 'Diundang tetapi belum mendaftar',
  ba_cooperatives: 'Koperasi seorang Business Assistant',
  all_registered: 'Semua yang terdaftar',
} satisfies Record<Segment, string>;

const statusLabels = {
  scheduled: 'Terjadwal',
  paused: 'Dijeda',
  cancelled: 'Dibatalkan',
  running: 'Sedang dikirim',
  done: 'Terkirim',
} satisfies Record<CampaignStatus, string>;

/** Indonesian decimals: 4,25. */
const decimal = (value: number, digits = 2) => value.toFixed(digits).replace('.', ',');
const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '0%');
const missing = (what: string, hint: string): LaporanBlock[] => [
  { type: 'blank', hint, lines: 6, missing: `${NO_DATA}: ${what}.` },
];

function introduction(input: LaporanInput): LaporanBlock[] {
  const { event } = input;
  return [
    {
      type: 'paragraph',
      label: 'Latar belakang',
      text:
        `Dalam rangka pembinaan dan penguatan kelembagaan koperasi di wilayahnya, ${event.organizerName} ` +
        `menyelenggarakan ${event.title} bagi pengurus koperasi undangan.`,
    },
    // Sessions stored before descriptions existed have none.
    ...(event.description?.trim()
      ? [{ type: 'paragraph', text: event.description.trim() } satisfies LaporanBlock]
      : []),
    { type: 'paragraph', label: 'Dasar', text: '' },
    {
      type: 'blank',
      hint: 'Dasar pelaksanaan: peraturan, DPA dan surat tugas yang menjadi dasar kegiatan.',
      lines: 3,
    },
  ];
}

function programme(guests: LaporanGuest[] | undefined): LaporanBlock[] {
  if (!guests) return missing('pejabat dan narasumber', 'Susunan acara, pejabat yang hadir dan narasumber.');
  if (guests.length === 0)
    return [
      { type: 'paragraph', text: 'Tidak ada pejabat atau narasumber yang dicatat untuk kegiatan ini.' },
    ];
  const sorted = [...guests].sort((a, b) => a.order - b.order);
  const who = (role: LaporanGuest['role']) =>
    sorted
      .filter((g) => g.role === role)
      .map((g) => [g.name, g.position].filter(Boolean).join(', '))
      .join('; ');
  const steps = [
    who('pembuka') && `Pembukaan oleh ${who('pembuka')}.`,
    who('narasumber') && `Penyampaian materi oleh ${who('narasumber')}.`,
    `Tanya jawab${who('moderator') ? `, dipandu oleh ${who('moderator')}` : ''}.`,
    'Pengisian evaluasi dan penutupan.',
  ].filter((step): step is string => !!step);
  return [
    { type: 'subheading', text: 'A. Susunan Acara' },
    { type: 'list', items: steps },
    { type: 'subheading', text: 'B. Pejabat yang Hadir dan Narasumber' },
    {
      type: 'table',
      name: 'guests',
      headers: ['No', 'Nama', 'Jabatan', 'Instansi', 'Peran', 'Kehadiran'],
      widths: [5, 22, 22, 23, 14, 14],
      rows: sorted.map((g, index) => [
        String(index + 1),
        g.name,
        g.position || '-',
        g.institution || '-',
        roleLabels[g.role],
        g.checkedInAt ? 'Hadir' : 'Tidak tercatat hadir',
      ]),
    },
  ];
}

function materials(input: LaporanInput): LaporanBlock[] {
  if (!input.materials) return missing('materi', 'Narasumber, judul dan pokok materi yang disampaikan.');
  if (input.materials.length === 0)
    return [{ type: 'paragraph', text: 'Tidak ada bahan materi yang diunggah untuk kegiatan ini.' }];
  const speakers = new Map((input.guests ?? []).map((g) => [g.id, g.name]));
  return [
    {
      type: 'paragraph',
      text: `Materi yang disampaikan (${input.materials.length} berkas, dibagikan kepada peserta melalui hadir):`,
    },
    {
      type: 'table',
      name: 'materials',
      headers: ['No', 'Judul materi', 'Narasumber', 'Berkas'],
      widths: [6, 44, 25, 25],
      rows: input.materials.map((m, index) => [
        String(index + 1),
        m.title,
        (m.guestId && speakers.get(m.guestId)) || '-',
        m.fileName,
      ]),
    },
  ];
}

function questions(input: LaporanInput): LaporanBlock[] {
  if (!input.questions) return missing('tanya jawab', 'Pertanyaan peserta dan jawaban narasumber.');
  if (input.questions.length === 0)
    return [{ type: 'paragraph', text: 'Tidak ada pertanyaan peserta yang dijawab dalam kegiatan ini.' }];
  return input.questions.flatMap((q, index): LaporanBlock[] => {
    const from = q.askedBy
      ? [q.askedBy.cooperativeName, q.askedBy.villageName && `Desa ${q.askedBy.villageName}`]
          .filter(Boolean)
          .join(', ')
      : '';
    const meta = [from, q.votes ? `${q.votes} dukungan` : ''].filter(Boolean).join('; ');
    return [
      { type: 'paragraph', label: `Pertanyaan ${index + 1}${meta ? ` (${meta})` : ''}`, text: q.text },
      { type: 'paragraph', label: 'Jawaban', text: q.answer },
    ];
  });
}

/**
 * Free answers as the laporan lists them: the same answer from several officers once, with how many gave it, the
 * most given first.
 */
function tally(answers: string[]): string[] {
  const counts = new Map<string, { text: string; count: number }>();
  for (const answer of answers) {
    const key = answer.trim().toLocaleLowerCase('id').replace(/\s+/g, ' ');
    const found = counts.get(key) ?? { text: answer.trim(), count: 0 };
    found.count++;
    counts.set(key, found);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ text, count }) => (count > 1 ? `${text} (${count} peserta)` : text));
}

function evaluation(input: LaporanInput): LaporanBlock[] {
  const e = input.evaluation;
  if (!e) return missing('evaluasi', 'Hasil evaluasi peserta terhadap kegiatan.');
  const blocks: LaporanBlock[] = [
    {
      type: 'paragraph',
      text: `${e.responses} dari ${e.eligible} peserta yang hadir mengisi evaluasi (${percent(e.responses, e.eligible)}).`,
    },
  ];
  if (e.responses === 0) return blocks;
  blocks.push(
    { type: 'subheading', text: 'A. Penilaian Peserta (skala 1-5)' },
    {
      type: 'table',
      name: 'evaluation',
      headers: ['Aspek', 'Rata-rata', '1', '2', '3', '4', '5'],
      widths: [40, 15, 9, 9, 9, 9, 9],
      rows: e.scales.map((s) => [
        s.label,
        s.average === null ? '-' : decimal(s.average),
        ...s.distribution.map(String),
      ]),
    },
  );
  if (e.mostUseful.length)
    blocks.push(
      { type: 'subheading', text: 'B. Yang Paling Bermanfaat Menurut Peserta' },
      { type: 'list', items: tally(e.mostUseful) },
    );
  if (e.needs.length)
    blocks.push(
      { type: 'subheading', text: `${e.mostUseful.length ? 'C' : 'B'}. Kebutuhan Pendampingan` },
      {
        type: 'table',
        name: 'needs',
        headers: ['No', 'Kebutuhan', 'Koperasi, kecamatan', 'Business Assistant'],
        widths: [6, 46, 28, 20],
        rows: e.needs.map((n, index) => [
          String(index + 1),
          n.text,
          [n.cooperativeName, n.districtName].filter(Boolean).join(', ') || '-',
          n.assistantName || '-',
        ]),
      },
    );
  return blocks;
}

function districts({ attendance }: LaporanInput): LaporanBlock[] {
  const row = (
    name: string,
    d: Omit<AttendanceFigures['byDistrict'][number], 'districtCode' | 'districtName'>,
  ) => [
    name,
    String(d.cooperativesInvited),
    String(d.cooperativesRegistered),
    String(d.cooperativesPresent),
    String(d.registered),
    String(d.checkedIn),
  ];
  return [
    {
      type: 'table',
      name: 'districts',
      headers: [
        'Kecamatan',
        'Kop. diundang',
        'Kop. terdaftar',
        'Kop. hadir',
        'Pengurus terdaftar',
        'Pengurus hadir',
      ],
      widths: [27, 13, 13, 13, 17, 17],
      rows: [...attendance.byDistrict.map((d) => row(d.districtName, d)), row('Jumlah', attendance)],
      total: true,
    },
  ];
}

function followUp(input: LaporanInput): LaporanBlock[] {
  const { event, unreached } = input;
  const blocks: LaporanBlock[] = [{ type: 'subheading', text: 'A. Pesan Tindak Lanjut kepada Peserta' }];
  if (!input.followUps) blocks.push(...missing('pesan tindak lanjut', 'Pesan yang dikirim kepada peserta.'));
  else if (input.followUps.length === 0)
    blocks.push({ type: 'paragraph', text: 'Tidak ada pesan tindak lanjut yang dijadwalkan.' });
  else
    blocks.push({
      type: 'table',
      name: 'followups',
      headers: ['No', 'Pesan', 'Penerima', 'Waktu kirim', 'Status', 'Terkirim'],
      widths: [5, 24, 21, 22, 13, 15],
      rows: input.followUps.map((f, index) => [
        String(index + 1),
        f.name || kindLabels[f.kind],
        segmentLabels[f.segment],
        formatDateTime(f.dueAt, event.timeZone),
        statusLabels[f.status],
        f.audience === null && f.sent + f.queued + f.failed === 0
          ? '-'
          : `${f.sent}${f.audience === null ? '' : ` dari ${f.audience}`}${f.failed ? `, ${f.failed} gagal` : ''}`,
      ]),
    });
  blocks.push({ type: 'subheading', text: `B. Koperasi yang Belum Terjangkau (${unreached.length})` });
  if (unreached.length === 0) blocks.push({ type: 'paragraph', text: 'Semua koperasi undangan hadir.' });
  else
    blocks.push(
      {
        type: 'paragraph',
        text: 'Koperasi undangan berikut belum hadir. Tindak lanjutnya: pendampingan oleh Business Assistant masing-masing dan undangan ke sesi berikutnya.',
      },
      {
        type: 'table',
        name: 'unreached',
        headers: ['No', 'Koperasi', 'Kecamatan', 'Status', 'Business Assistant'],
        widths: [5, 38, 17, 19, 21],
        rows: unreached.map((c, index) => [
          String(index + 1),
          c.cooperative.name,
          c.cooperative.districtName,
          unreachedStatus(c),
          c.assistants.map((a) => a.name).join(', ') || '-',
        ]),
      },
    );
  blocks.push(
    { type: 'subheading', text: 'C. Kesimpulan dan Rekomendasi' },
    { type: 'blank', hint: 'Kesimpulan, kesepakatan dan langkah berikutnya.', lines: 4 },
  );
  return blocks;
}

/** The laporan kegiatan in the order an Indonesian laporan gives its sections. */
export function laporanDocument(input: LaporanInput): LaporanDocument {
  const { event } = input;
  const sections: [string, LaporanBlock[]][] = [
    ['Pendahuluan', introduction(input)],
    ['Waktu dan Tempat', [{ type: 'facts', rows: laporanFacts(input) }]],
    ['Peserta', [{ type: 'paragraph', text: laporanSummary(input) }]],
    ['Susunan Acara, Pejabat yang Hadir dan Narasumber', programme(input.guests)],
    ['Materi', materials(input)],
    ['Tanya Jawab', questions(input)],
    ['Evaluasi', evaluation(input)],
    ['Kehadiran per Kecamatan', districts(input)],
    ['Tindak Lanjut', followUp(input)],
    [
      'Penutup',
      [
        {
          type: 'paragraph',
          text:
            'Demikian laporan kegiatan ini disusun sebagai bahan evaluasi dan pertanggungjawaban pelaksanaan ' +
            'kegiatan. Atas perhatian dan kerja sama semua pihak, diucapkan terima kasih.',
        },
      ],
    ],
  ];
  return {
    title: 'LAPORAN KEGIATAN',
    subtitle: event.title,
    note: `Draf disusun otomatis oleh hadir pada ${formatDateTime(input.generatedAt.toISOString(), event.timeZone)}. Lengkapi bagian yang kosong sebelum ditandatangani.`,
    sections: sections.map(([title, blocks], index) => ({ number: roman[index] as string, title, blocks })),
    attachments,
    signature: { date: formatDate(event.startsAt, event.timeZone), role: 'Penanggung jawab kegiatan,' },
  };
}
