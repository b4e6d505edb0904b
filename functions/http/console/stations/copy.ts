import type { Language } from '../../../domain/schemas';

/** The door stations page's copy, Bahasa Indonesia first (its title is the console's shared `stations`). */
const copy = {
  id: {
    stationName: 'Nama stasiun (mis. "Pintu 1")',
    addStation: 'Buat stasiun',
    stationCreated:
      'Stasiun dibuat. Buka tautan atau pindai QR ini di ponsel petugas. Tautan hanya ditampilkan sekarang: simpan atau bagikan sekarang juga.',
    revoke: 'Cabut',
    revoked: 'Dicabut',
  },
  en: {
    stationName: 'Station name (e.g. "Gate 1")',
    addStation: 'Create station',
    stationCreated:
      'Station created. Open the link or scan this QR on the volunteer’s phone. The link is shown only now: save or share it now.',
    revoke: 'Revoke',
    revoked: 'Revoked',
  },
} satisfies Record<Language, unknown>;

export type StationsCopy = (typeof copy)['id'];
export const stationsText = (language: Language): StationsCopy => copy[language];
