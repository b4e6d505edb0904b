import { randomBytes } from 'node:crypto';

/** The officers export's columns, for files built without a session behind them. */
export const officerHeader = [
  'Nama',
  'Jabatan',
  'Koperasi',
  'Desa/Kelurahan',
  'Kecamatan',
  'No HP',
  'Email',
  'Status Email Tiket',
  'Status Pendaftaran',
  'Hadir',
  'Waktu Hadir (WIB)',
  'Keterangan',
];

const word = (length: number) =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^a-z]/gi, 'a')
    .slice(0, length);

/**
 * Rows shaped like a national-scale officers export. Names are random letters, which compress worse than real
 * names, so sizes measured on them are upper bounds.
 */
export function* syntheticOfficers(count: number) {
  for (let i = 0; i < count; i++) {
    const village = word(10);
    yield [
      `${word(7)} ${word(9)}`,
      'Wakil Ketua Bidang Usaha',
      `Koperasi Desa Merah Putih ${village}`,
      village,
      word(12),
      `0812-${String(i).padStart(4, '0')}-${String(i % 9999).padStart(4, '0')}`,
      `${word(8)}@example.org`,
      'Terkirim',
      'Terdaftar',
      i % 2 ? 'Ya' : 'Tidak',
      new Date(Date.UTC(2025, 9, 23, 1, i % 60)),
      i % 50 ? '' : 'walk-in',
    ] as const;
  }
}
