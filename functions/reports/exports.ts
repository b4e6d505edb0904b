import type { EmailJob } from '../db/outbox-repo';
import { type Checklist, checklistProgress } from '../domain/checklist';
import { formatPhoneLocal } from '../domain/phone';
import type { EventRecord, Registration } from '../domain/schemas';
import { cooperativeStatusLabel, coverageStatus, registrationStatusLabel } from '../domain/statuses';
import { formatTime, toZonedIso } from '../domain/time';
import type { AttendeeRow } from './attendees';
import type { CooperativeCoverage } from './coverage';
import { type Cell, csvStream } from './csv';
import { type XlsxColumn, xlsxStream } from './xlsx';

export const exportKinds = ['pendaftaran', 'peserta', 'kehadiran', 'tindak-lanjut'] as const;
export type ExportKind = (typeof exportKinds)[number];
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const isExportKind = (value: unknown): value is ExportKind =>
  typeof value === 'string' && (exportKinds as readonly string[]).includes(value);
export const isExportFormat = (value: unknown): value is ExportFormat =>
  typeof value === 'string' && (exportFormats as readonly string[]).includes(value);

export const exportTitles: Record<ExportKind, string> = {
  pendaftaran: 'Pendaftaran koperasi',
  peserta: 'Peserta (pengurus)',
  kehadiran: 'Kehadiran (check-in)',
  'tindak-lanjut': 'Tindak lanjut dan status email',
};

/** What an export is built from: everything is loaded by the service; rows are generated lazily. */
export type ExportSource = {
  event: EventRecord;
  registrations: Registration[];
  /** All officers of all registrations (any status), sorted for paper. */
  attendees: AttendeeRow[];
  cooperatives: CooperativeCoverage[];
  checklists: Map<string, Checklist>;
  /** Email jobs that failed or whose delivery is uncertain (outbox). */
  emailProblems: EmailJob[];
};

type Table<T> = { columns: (XlsxColumn & { value: (row: T, when: When) => Cell })[]; rows: Iterable<T> };
type When = (iso: string | undefined) => Cell;

const statusLabel = (status: Registration['status']) => registrationStatusLabel(status);
const yesNo = (value: boolean) => (value ? 'Ya' : 'Tidak');
const phone = (value: string | undefined) => (value ? formatPhoneLocal(value) : '');
const note = (row: AttendeeRow) =>
  row.substituteFor ? `Pengganti ${row.substituteFor}` : row.walkIn ? 'Walk-in (daftar di tempat)' : '';

function emailStatus(problems: Map<string, EmailJob>, address: string | undefined, key: string) {
  if (!address) return 'Tanpa email';
  const problem = problems.get(key);
  if (!problem) return 'Terkirim atau dalam antrean';
  return problem.status === 'failed' ? 'Gagal' : 'Belum pasti (periksa)';
}

function tableFor(kind: ExportKind, source: ExportSource, zone: string): Table<unknown> {
  const byParticipant = new Map<string, EmailJob>();
  const byRegistration = new Map<string, EmailJob>();
  for (const job of source.emailProblems) {
    if (job.participantId) byParticipant.set(job.participantId, job);
    else if (job.registrationId) byRegistration.set(job.registrationId, job);
  }
  const at = (label: string) => `${label} (${zone})`;
  switch (kind) {
    case 'pendaftaran': {
      const present = new Set(source.attendees.filter((a) => a.checkedInAt).map((a) => a.participantId));
      const table: Table<Registration> = {
        rows: source.registrations,
        columns: [
          { header: 'ID Pendaftaran', width: 28, value: (r) => r.id },
          { header: 'Koperasi', width: 40, value: (r) => r.cooperativeName },
          { header: 'Kode Desa/Kelurahan', width: 16, value: (r) => r.cooperativeId },
          { header: 'Kode Kecamatan', width: 12, value: (r) => r.districtCode },
          { header: 'Status', width: 14, value: (r) => statusLabel(r.status) },
          { header: 'Narahubung', width: 24, value: (r) => r.contact.name },
          { header: 'No HP Narahubung', width: 16, value: (r) => phone(r.contact.phone) },
          { header: 'Email Narahubung', width: 26, value: (r) => r.contact.email ?? '' },
          {
            header: 'Status Email Narahubung',
            width: 22,
            value: (r) => emailStatus(byRegistration, r.contact.email, r.id),
          },
          { header: 'Jumlah Pengurus', kind: 'number', value: (r) => r.participants.length },
          {
            header: 'Pengurus Hadir',
            kind: 'number',
            value: (r) => r.participants.filter((p) => present.has(p.id)).length,
          },
          { header: at('Didaftarkan'), kind: 'datetime', value: (r, when) => when(r.createdAt) },
          { header: at('Diubah'), kind: 'datetime', value: (r, when) => when(r.updatedAt) },
        ],
      };
      return table as Table<unknown>;
    }
    case 'peserta': {
      const table: Table<AttendeeRow> = {
        rows: source.attendees,
        columns: [
          { header: 'Nama', width: 28, value: (a) => a.name },
          { header: 'Jabatan', width: 22, value: (a) => a.role },
          { header: 'Koperasi', width: 40, value: (a) => a.cooperativeName },
          { header: 'Desa/Kelurahan', width: 20, value: (a) => a.villageName },
          { header: 'Kecamatan', width: 20, value: (a) => a.districtName },
          { header: 'No HP', width: 16, value: (a) => phone(a.phone) },
          { header: 'Email', width: 26, value: (a) => a.email ?? '' },
          {
            header: 'Status Email Tiket',
            width: 22,
            value: (a) => emailStatus(byParticipant, a.email, a.participantId),
          },
          { header: 'Status Pendaftaran', width: 14, value: (a) => statusLabel(a.registrationStatus) },
          { header: 'Hadir', width: 8, value: (a) => yesNo(!!a.checkedInAt) },
          { header: at('Waktu Hadir'), kind: 'datetime', value: (a, when) => when(a.checkedInAt) },
          { header: 'Keterangan', width: 28, value: (a) => note(a) },
        ],
      };
      return table as Table<unknown>;
    }
    case 'kehadiran': {
      const rows = source.attendees
        .filter((a) => a.checkin)
        .sort((a, b) => (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? ''));
      const table: Table<AttendeeRow> = {
        rows,
        columns: [
          { header: at('Waktu Hadir'), kind: 'datetime', value: (a, when) => when(a.checkedInAt) },
          { header: 'Nama', width: 28, value: (a) => a.name },
          { header: 'Jabatan', width: 22, value: (a) => a.role },
          { header: 'Koperasi', width: 40, value: (a) => a.cooperativeName },
          { header: 'Desa/Kelurahan', width: 20, value: (a) => a.villageName },
          { header: 'Kecamatan', width: 20, value: (a) => a.districtName },
          { header: 'Stasiun', width: 14, value: (a) => a.checkin?.station ?? '' },
          { header: at('Dicatat Server'), kind: 'datetime', value: (a, when) => when(a.checkin?.recordedAt) },
          { header: 'Pindaian Ganda', kind: 'number', value: (a) => a.checkin?.duplicateScans?.length ?? 0 },
          { header: 'Keterangan', width: 28, value: (a) => note(a) },
        ],
      };
      return table as Table<unknown>;
    }
    case 'tindak-lanjut': {
      const table: Table<CooperativeCoverage> = {
        rows: source.cooperatives,
        columns: [
          { header: 'Koperasi', width: 40, value: (c) => c.cooperative.name },
          { header: 'Kode Desa/Kelurahan', width: 16, value: (c) => c.cooperative.id },
          { header: 'Desa/Kelurahan', width: 20, value: (c) => c.cooperative.villageName },
          { header: 'Kecamatan', width: 20, value: (c) => c.cooperative.districtName },
          { header: 'Terdaftar', width: 10, value: (c) => yesNo(c.registeredFor > 0) },
          { header: 'Status', width: 20, value: (c) => cooperativeStatusLabel(coverageStatus(c)) },
          { header: 'Hadir', width: 8, value: (c) => yesNo(c.attended > 0) },
          { header: 'Pengurus Hadir', kind: 'number', value: (c) => c.officersPresent },
          {
            header: 'Business Assistant',
            width: 24,
            value: (c) => c.assistants.map((a) => a.name).join('; '),
          },
          {
            header: 'Email Business Assistant',
            width: 28,
            value: (c) => c.assistants.map((a) => a.email).join('; '),
          },
          {
            header: 'Langkah Administrasi Selesai',
            kind: 'number',
            value: (c) => checklistProgress(source.checklists.get(c.cooperative.id)).done,
          },
          {
            header: 'Langkah Berikutnya',
            width: 36,
            value: (c) => checklistProgress(source.checklists.get(c.cooperative.id)).next?.label ?? 'Selesai',
          },
          {
            header: 'Email Bermasalah',
            kind: 'number',
            value: (c) => {
              const ids = new Set(
                source.registrations.filter((r) => r.cooperativeId === c.cooperative.id).map((r) => r.id),
              );
              return source.emailProblems.filter((job) => job.registrationId && ids.has(job.registrationId))
                .length;
            },
          },
        ],
      };
      return table as Table<unknown>;
    }
  }
}

/** The wall-clock time in the event's zone: text for CSV, an Excel date-time (zone-less) for XLSX. */
function whenFor(format: ExportFormat, timeZone: string): When {
  return (iso) => {
    if (!iso) return null;
    const wall = toZonedIso(new Date(iso), timeZone).slice(0, 19);
    return format === 'csv' ? wall.replace('T', ' ') : new Date(`${wall}Z`);
  };
}

function* numbered(table: Table<unknown>, when: When): Generator<Cell[]> {
  let n = 0;
  for (const row of table.rows) yield [++n, ...table.columns.map((column) => column.value(row, when))];
}

export type ExportFile = {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
  rows: number;
};

/** Builds the streamed file; rows are generated while the reader downloads. */
export function exportFile(kind: ExportKind, format: ExportFormat, source: ExportSource): ExportFile {
  const { event } = source;
  const zone = formatTime(event.startsAt, event.timeZone).split(' ')[1] ?? event.timeZone;
  const table = tableFor(kind, source, zone);
  const columns: XlsxColumn[] = [{ header: 'No', width: 6, kind: 'number' }, ...table.columns];
  const rows = numbered(table, whenFor(format, event.timeZone));
  const date = toZonedIso(new Date(event.startsAt), event.timeZone).slice(0, 10);
  const filename = `${kind}-${date}-${event.id}.${format}`;
  const count = Array.isArray(table.rows) ? table.rows.length : 0;
  if (format === 'csv') {
    return {
      filename,
      contentType: 'text/csv; charset=utf-8',
      body: csvStream(
        columns.map((c) => c.header),
        rows,
      ),
      rows: count,
    };
  }
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: xlsxStream(exportTitles[kind], columns, rows),
    rows: count,
  };
}
