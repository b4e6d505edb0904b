import type { EventRecord, Language } from '../domain/schemas';
import { cooperativeStatusLabel, coverageStatus } from '../domain/statuses';
import { formatDate, formatTimeRange } from '../domain/time';
import type { CooperativeCoverage } from './coverage';

/** The attendance figures the laporan quotes: exactly the check-in service's `attendance(eventId)`. */
export type AttendanceFigures = {
  registered: number;
  checkedIn: number;
  cooperativesRegistered: number;
  cooperativesPresent: number;
  cooperativesInvited: number;
  walkIns: number;
  byDistrict: {
    districtCode: string;
    districtName: string;
    cooperativesInvited: number;
    cooperativesRegistered: number;
    cooperativesPresent: number;
    registered: number;
    checkedIn: number;
  }[];
};

export type LaporanInput = {
  event: EventRecord;
  attendance: AttendanceFigures;
  /** Invited cooperatives with no officer present, with their Business Assistants. */
  unreached: CooperativeCoverage[];
  generatedAt: Date;
};

/** The facts block both the HTML page and the PDF print, in the order a laporan kegiatan gives them. */
export function laporanFacts({ event }: Pick<LaporanInput, 'event'>): [string, string][] {
  return [
    ['Nama kegiatan', event.title],
    ['Penyelenggara', event.organizerName],
    ['Hari/Tanggal', formatDate(event.startsAt, event.timeZone)],
    ['Waktu', formatTimeRange(event.startsAt, event.endsAt, event.timeZone).split(', ').pop() ?? ''],
    ['Tempat', [event.venue, event.address].filter(Boolean).join(', ')],
  ];
}

export function laporanSummary({ attendance }: Pick<LaporanInput, 'attendance'>): string {
  const a = attendance;
  return (
    `Diundang ${a.cooperativesInvited} koperasi dari ${a.byDistrict.length} kecamatan. ` +
    `Terdaftar ${a.cooperativesRegistered} koperasi dengan ${a.registered} pengurus. ` +
    `Hadir ${a.cooperativesPresent} koperasi dengan ${a.checkedIn} pengurus` +
    (a.walkIns ? `, termasuk ${a.walkIns} peserta yang mendaftar di tempat.` : '.') +
    ` ${a.cooperativesInvited - a.cooperativesPresent} koperasi undangan belum terjangkau.`
  );
}

/** The catalogue's label, so the laporan, the reports page, the outreach list and the exports agree. */
export const unreachedStatus = (c: CooperativeCoverage, language: Language = 'id') =>
  cooperativeStatusLabel(coverageStatus(c), language);

/** Sections the Dinas writes by hand: the draft leaves them blank with a hint. */
export const blankSections = [
  { title: 'Materi', hint: 'Narasumber, judul dan pokok materi yang disampaikan.' },
  { title: 'Tanya Jawab', hint: 'Pertanyaan peserta dan jawaban narasumber.' },
  { title: 'Kesimpulan dan Tindak Lanjut', hint: 'Kesimpulan, kesepakatan dan langkah berikutnya.' },
] as const;

export const attachments = [
  'Surat undangan',
  'Daftar hadir peserta (ditandatangani)',
  'Notulen',
  'Dokumentasi (foto kegiatan)',
] as const;
