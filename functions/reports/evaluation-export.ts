import { type EvaluationAnswer, type EvaluationForm, scaleLabel } from '../domain/evaluation';
import type { EventRecord } from '../domain/schemas';
import { formatTime, toZonedIso } from '../domain/time';
import { type Cell, csvStream } from './csv';
import type { ExportFile, ExportFormat } from './exports';
import { type XlsxColumn, xlsxStream } from './xlsx';

/**
 * A session's evaluation answers as CSV or XLSX, one row per answer, oldest first: when, where the cooperative is
 * (kecamatan, desa), its Business Assistant, a column per scale question of the current form, and the two free-text
 * answers. No officer's name: the answers are read for what they say, and the ticket binding only keeps them one
 * per officer.
 */
export function evaluationExportFile(
  event: Pick<EventRecord, 'id' | 'startsAt' | 'timeZone'>,
  form: EvaluationForm,
  answers: readonly EvaluationAnswer[],
  assistants: ReadonlyMap<string, string>,
  format: ExportFormat,
): ExportFile {
  const zone = formatTime(event.startsAt, event.timeZone).split(' ')[1] ?? event.timeZone;
  const columns: XlsxColumn[] = [
    { header: 'No', width: 6, kind: 'number' },
    { header: `Waktu Mengisi (${zone})`, width: 18, kind: 'datetime' },
    { header: 'Kecamatan', width: 20 },
    { header: 'Desa/Kelurahan', width: 22 },
    { header: 'Koperasi', width: 36 },
    { header: 'Business Assistant', width: 24 },
    ...form.scales.map((q): XlsxColumn => ({ header: scaleLabel(q, 'id'), width: 12, kind: 'number' })),
    { header: 'Paling Bermanfaat', width: 48 },
    { header: 'Bantuan yang Dibutuhkan', width: 48 },
  ];
  const when = (iso: string): Cell => {
    const wall = toZonedIso(new Date(iso), event.timeZone).slice(0, 19);
    return format === 'csv' ? wall.replace('T', ' ') : new Date(`${wall}Z`);
  };
  const ordered = [...answers].sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
  function* rows(): Generator<Cell[]> {
    let n = 0;
    for (const a of ordered) {
      yield [
        ++n,
        when(a.answeredAt),
        a.districtName ?? a.districtCode,
        a.villageName ?? '',
        a.cooperativeName,
        assistants.get(a.cooperativeId) ?? '',
        ...form.scales.map((q) => a.scores[q.key] ?? null),
        a.mostUseful,
        a.needs,
      ];
    }
  }
  const date = toZonedIso(new Date(event.startsAt), event.timeZone).slice(0, 10);
  const filename = `evaluasi-${date}-${event.id}.${format}`;
  if (format === 'csv') {
    return {
      filename,
      contentType: 'text/csv; charset=utf-8',
      body: csvStream(
        columns.map((c) => c.header),
        rows(),
      ),
      rows: ordered.length,
    };
  }
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: xlsxStream('Evaluasi', columns, rows()),
    rows: ordered.length,
  };
}
