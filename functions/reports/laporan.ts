import type { CampaignKind, CampaignStatus, Segment } from '../domain/campaign';
import type { EvaluationSummary } from '../domain/evaluation';
import type { Guest } from '../domain/guests';
import type { Material } from '../domain/materials';
import type { AnsweredQuestion } from '../domain/questions';
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

/** What the laporan reads of a guest on the protocol list. */
export type LaporanGuest = Pick<
  Guest,
  'id' | 'name' | 'position' | 'institution' | 'role' | 'order' | 'checkedInAt'
>;

/** What the laporan reads of an uploaded material. */
export type LaporanMaterial = Pick<Material, 'id' | 'title' | 'fileName' | 'guestId'>;

/** A follow-up campaign of the session with where its sending stands. */
export type LaporanFollowUp = {
  id: string;
  name?: string;
  kind: CampaignKind;
  segment: Segment;
  status: CampaignStatus;
  /** When it is (or was) due, from the session as it is now. */
  dueAt: string;
  audience: number | null;
  sent: number;
  queued: number;
  failed: number;
};

/**
 * Everything the laporan kegiatan is written from. The optional parts come from the features that record what
 * happened inside the session; absent means that feature gave no data, and the section says so.
 */
export type LaporanInput = {
  event: EventRecord;
  attendance: AttendanceFigures;
  /** Invited cooperatives with no officer present, with their Business Assistants. */
  unreached: CooperativeCoverage[];
  generatedAt: Date;
  guests?: LaporanGuest[];
  materials?: LaporanMaterial[];
  /** Approved and answered, duplicates folded in, most votes first. */
  questions?: AnsweredQuestion[];
  evaluation?: EvaluationSummary;
  followUps?: LaporanFollowUp[];
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

export const attachments = [
  'Surat undangan',
  'Daftar hadir peserta (ditandatangani)',
  'Notulen',
  'Dokumentasi (foto kegiatan)',
] as const;

/**
 * The laporan as content, before any format: sections of blocks that the PDF (laporan-pdf.ts), the editable
 * DOCX (laporan-docx.ts) and the console's printable page each lay out their own way, so the three say the same.
 */
export type LaporanBlock =
  | { type: 'paragraph'; text: string; label?: string; muted?: boolean }
  | { type: 'subheading'; text: string }
  | { type: 'facts'; rows: [string, string][] }
  | { type: 'list'; items: string[] }
  | {
      type: 'table';
      /** A stable name for the page's table id and for tests. */
      name: string;
      headers: string[];
      /** Relative column widths. */
      widths: number[];
      rows: string[][];
      /** The last row sums the others. */
      total?: boolean;
    }
  /**
   * Room for the Dinas to write: a box on paper, empty lines in the DOCX. `missing` says which data a feature has not
   * given yet, printed with the box so they stay together.
   */
  | { type: 'blank'; hint: string; lines: number; missing?: string };

export type LaporanSection = { number: string; title: string; blocks: LaporanBlock[] };

export type LaporanDocument = {
  title: string;
  subtitle: string;
  note: string;
  sections: LaporanSection[];
  attachments: readonly string[];
  signature: { date: string; role: string };
};
