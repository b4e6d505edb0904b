import type { Language } from '../../../domain/schemas';

/** The users and organisations page's copy, Bahasa Indonesia first (its title is the console's shared `users`). */
const copy = {
  id: {
    role: 'Peran',
    addUser: 'Tambah pengguna',
    provinceCodes: 'Kode provinsi (pemantau provinsi)',
    provinceCodesHint: 'Untuk pemantau provinsi: provinsi yang boleh dilihat, dipisah koma.',
    deactivate: 'Nonaktifkan',
    activate: 'Aktifkan',
    organisations: 'Organisasi',
    organisationCode: 'Kode (huruf kecil, angka, tanda hubung; mis. dinkop-kotim)',
    addOrganisation: 'Tambah organisasi',
    regenciesServed: 'Kabupaten/kota yang dilayani',
    noRegencies: 'Belum ada: penyelenggaranya belum dapat membuat sesi.',
    saveRegencies: 'Simpan wilayah',
  },
  en: {
    role: 'Role',
    addUser: 'Add user',
    provinceCodes: 'Province codes (province viewer)',
    provinceCodesHint: 'For a province viewer: the provinces they may see, separated by commas.',
    deactivate: 'Deactivate',
    activate: 'Activate',
    organisations: 'Organisations',
    organisationCode: 'Code (lowercase letters, digits, hyphens; e.g. dinkop-kotim)',
    addOrganisation: 'Add organisation',
    regenciesServed: 'Regencies served',
    noRegencies: 'None yet: its organizers cannot create sessions.',
    saveRegencies: 'Save regencies',
  },
} satisfies Record<Language, unknown>;

export type UsersCopy = (typeof copy)['id'];
export const usersText = (language: Language): UsersCopy => copy[language];
