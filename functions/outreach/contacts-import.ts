import * as z from 'zod/mini';
import { searchable } from '../domain/cooperative-search';
import { normalizeIndonesianPhone } from '../domain/phone';
import type { Cooperative } from '../domain/schemas';
import { neutraliseFormula } from '../reports/csv';
import { csvRows } from './csv-rows';

/**
 * Cooperative contacts from a Dinas spreadsheet, as a pure function of the CSV text and the
 * regency's directory. A row is matched by village code, else by village (or cooperative) name within its
 * kecamatan, compared with searchable() so case, accents and punctuation do not matter. Only an exact, unique
 * match is applied; a repeated name, a typo or a missing kecamatan is held for review with candidates (never a
 * guess); a row that cannot be right (bad phone, unknown code) is an error with its line number. The caller
 * writes nothing when there is any error.
 */
export type ContactFields = { name?: string; phone?: string; email?: string; baEmail?: string };

export type ImportedRow = {
  line: number;
  cooperativeId: string;
  cooperativeName: string;
  contact: ContactFields;
};
export type ReviewRow = {
  line: number;
  reason: 'ambiguous' | 'no_match' | 'no_district';
  village: string;
  district: string;
  contact: ContactFields;
  candidates: { id: string; name: string; districtName: string }[];
};
export type ImportProblem = { line: number; message: string };

export type ContactImport = {
  rows: number;
  matched: ImportedRow[];
  review: ReviewRow[];
  errors: ImportProblem[];
  /** Cells that looked like spreadsheet formulas and were stored as text. */
  warnings: ImportProblem[];
};

type Column = 'code' | 'village' | 'district' | 'name' | 'phone' | 'email' | 'ba';

/** Header spellings seen in Dinas spreadsheets, after searchable(). */
const headerNames: Record<Column, string[]> = {
  code: ['kode desa', 'kode koperasi', 'kode', 'kode wilayah', 'kode desa kelurahan', 'kode kelurahan'],
  village: [
    'nama desa',
    'desa',
    'desa kelurahan',
    'nama desa kelurahan',
    'kelurahan',
    'nama koperasi',
    'koperasi',
  ],
  district: ['kecamatan', 'nama kecamatan', 'kec'],
  name: ['nama ketua', 'ketua', 'nama kontak', 'kontak', 'nama', 'nama ketua kontak', 'contact'],
  phone: ['no hp', 'nomor hp', 'hp', 'no wa', 'nomor whatsapp', 'whatsapp', 'no hp wa', 'telepon', 'no telp'],
  email: ['email', 'e mail', 'email ketua', 'email kontak'],
  ba: ['ba email', 'email ba', 'business assistant', 'ba', 'email business assistant'],
};

const emailSchema = z.email();
const FORMULA = /^[=+\-@\t\r]/;

function headerIndex(header: string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((cell, index) => {
    const name = searchable(cell);
    for (const [column, names] of Object.entries(headerNames) as [Column, string[]][]) {
      if (found[column] === undefined && names.includes(name)) found[column] = index;
    }
  });
  return found;
}

/** `62.02.01.2001` or `6202012001` -> `62.02.01.2001`. */
function villageCode(value: string): string | undefined {
  const digits = value.replace(/[^\d]/g, '');
  if (digits.length !== 10) return undefined;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}

const withoutPrefix = (text: string, prefixes: string[]) => {
  let out = searchable(text);
  for (const prefix of prefixes) if (out.startsWith(`${prefix} `)) out = out.slice(prefix.length + 1);
  return out;
};
const villageKey = (text: string) =>
  withoutPrefix(text, [
    'koperasi desa merah putih',
    'koperasi kelurahan merah putih',
    'kdmp',
    'kkmp',
    'desa',
    'kelurahan',
  ]);
const districtKey = (text: string) => withoutPrefix(text, ['kecamatan', 'kec']);

/** Edit distance, for "did you mean" candidates of a typo. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

/**
 * A CSV as a Dinas exports it: a header row, separated by commas or (Excel in Indonesian) semicolons, quoted or
 * not, with or without a BOM, CRLF or LF.
 */
export async function importContacts(text: string, directory: Cooperative[]): Promise<ContactImport> {
  return importContactRows(await csvRows(text), directory);
}

/** Rows of cells (a CSV parsed, or an XLSX worksheet read), the first being the header; line = row number. */
export function importContactRows(table: string[][], directory: Cooperative[]): ContactImport {
  const records = table
    .map((cells, index) => ({ cells, line: index + 1 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim()));
  const result: ContactImport = { rows: 0, matched: [], review: [], errors: [], warnings: [] };
  const [first, ...rows] = records;
  const header = first?.cells;
  if (!header) {
    result.errors.push({ line: 1, message: 'Berkas kosong: baris judul kolom tidak ditemukan.' });
    return result;
  }
  const column = headerIndex(header);
  const missing: string[] = [];
  if (column.code === undefined && (column.village === undefined || column.district === undefined))
    missing.push('kode desa, atau nama desa dan kecamatan');
  if (column.name === undefined && column.phone === undefined && column.email === undefined)
    missing.push('nama ketua/kontak, no HP atau email');
  if (missing.length) {
    result.errors.push({ line: 1, message: `Kolom wajib tidak ada: ${missing.join('; ')}.` });
    return result;
  }

  const byId = new Map(directory.map((coop) => [coop.id, coop]));
  const districts = new Map<string, string>();
  for (const coop of directory) districts.set(districtKey(coop.districtName), coop.districtCode);
  const claimed = new Map<string, number>();

  for (const { cells, line } of rows) {
    result.rows++;
    const cell = (name: Column) => (column[name] === undefined ? '' : (cells[column[name]] ?? '').trim());
    const problems: string[] = [];
    const contact: ContactFields = {};

    const name = cell('name');
    if (name) {
      if (FORMULA.test(name))
        result.warnings.push({
          line,
          message: `Nama "${name}" tampak seperti rumus; disimpan sebagai teks.`,
        });
      contact.name = neutraliseFormula(name).slice(0, 100);
    }
    const phone = cell('phone');
    if (phone) {
      // A spreadsheet that stored the number as a number dropped its leading 0: 81234567890.
      const typed = phone.replace(/^'/, '');
      const normalised = normalizeIndonesianPhone(/^8\d{8,11}$/.test(typed) ? `0${typed}` : typed);
      if (normalised) contact.phone = normalised;
      else problems.push(`nomor HP "${phone}" tidak valid`);
    }
    for (const [field, key, label] of [
      ['email', 'email', 'email'],
      ['ba', 'baEmail', 'email BA'],
    ] as const) {
      const value = cell(field).toLowerCase();
      if (!value) continue;
      if (emailSchema.safeParse(value).success && !FORMULA.test(value)) contact[key] = value;
      else problems.push(`${label} "${cell(field)}" tidak valid`);
    }
    if (!contact.name && !contact.phone && !contact.email)
      problems.push('tidak ada nama, nomor HP atau email');

    const rawCode = cell('code');
    const village = cell('village');
    const district = cell('district');
    let cooperative: Cooperative | undefined;
    let review: ReviewRow | undefined;
    if (rawCode) {
      const code = villageCode(rawCode);
      cooperative = code ? byId.get(code) : undefined;
      if (!cooperative) problems.push(`kode desa "${rawCode}" tidak ada di direktori`);
    } else if (!village) {
      problems.push('kode desa atau nama desa kosong');
    } else {
      const key = villageKey(village);
      const districtCode = district ? districts.get(districtKey(district)) : undefined;
      const pool = districtCode ? directory.filter((c) => c.districtCode === districtCode) : directory;
      const exact = pool.filter((c) => villageKey(c.villageName) === key || villageKey(c.name) === key);
      const candidates = (list: Cooperative[]) =>
        list.slice(0, 8).map((c) => ({ id: c.id, name: c.name, districtName: c.districtName }));
      const base = { line, village, district, contact };
      if (district && !districtCode) {
        const near = directory.filter((c) => villageKey(c.villageName) === key);
        review = { ...base, reason: 'no_district', candidates: candidates(near) };
      } else if (!district) {
        review = {
          ...base,
          reason: exact.length > 1 ? 'ambiguous' : 'no_district',
          candidates: candidates(exact),
        };
      } else if (exact.length === 1) {
        cooperative = exact[0];
      } else if (exact.length > 1) {
        review = { ...base, reason: 'ambiguous', candidates: candidates(exact) };
      } else {
        const near = pool
          .map((c) => ({ c, d: distance(villageKey(c.villageName), key) }))
          .filter(({ d }) => d <= Math.max(2, Math.floor(key.length / 4)))
          .sort((a, b) => a.d - b.d)
          .map(({ c }) => c);
        review = { ...base, reason: 'no_match', candidates: candidates(near) };
      }
    }

    if (problems.length) {
      result.errors.push({ line, message: problems.join('; ') });
      continue;
    }
    if (review) {
      result.review.push(review);
      continue;
    }
    if (!cooperative) continue;
    const earlier = claimed.get(cooperative.id);
    if (earlier) {
      result.errors.push({ line, message: `${cooperative.name} sudah ada di baris ${earlier}` });
      continue;
    }
    claimed.set(cooperative.id, line);
    result.matched.push({ line, cooperativeId: cooperative.id, cooperativeName: cooperative.name, contact });
  }
  return result;
}
