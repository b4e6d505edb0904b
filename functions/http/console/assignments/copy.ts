import type { Language } from '../../../domain/schemas';

/** The Business Assistants' assignments page's copy, Bahasa Indonesia first (its title is the shared `assignments`). */
const copy = {
  id: {
    assignFor: 'Koperasi dampingan untuk',
    importCsv: 'Impor dari CSV',
    csvHint:
      'Kolom: email,cooperativeId (kode desa, mis. 62.02.06.2005). Setiap BA di berkas mendapat tepat daftar itu.',
    upload: 'Unggah',
    imported: (rows: number, assistants: number) =>
      `${rows} baris diimpor untuk ${assistants} Business Assistant.`,
  },
  en: {
    assignFor: 'Cooperatives assigned to',
    importCsv: 'Import from CSV',
    csvHint:
      'Columns: email,cooperativeId (village code, e.g. 62.02.06.2005). Each BA in the file gets exactly that list.',
    upload: 'Upload',
    imported: (rows: number, assistants: number) =>
      `${rows} rows imported for ${assistants} Business Assistants.`,
  },
} satisfies Record<Language, unknown>;

export type AssignmentsCopy = (typeof copy)['id'];
export const assignmentsText = (language: Language): AssignmentsCopy => copy[language];
