/** Officer roles from Juklak Menkop 1/2025 (pengurus, pengawas, manajer), with their labels. */
export const officerRoles = [
  'ketua',
  'wakil_ketua_usaha',
  'wakil_ketua_anggota',
  'sekretaris',
  'bendahara',
  'ketua_pengawas',
  'anggota_pengawas',
  'manajer',
  'lainnya',
] as const;

export type OfficerRole = (typeof officerRoles)[number];

export const roleLabels: Record<OfficerRole, { id: string; en: string }> = {
  ketua: { id: 'Ketua', en: 'Chair' },
  wakil_ketua_usaha: { id: 'Wakil Ketua Bidang Usaha', en: 'Vice Chair for Business' },
  wakil_ketua_anggota: { id: 'Wakil Ketua Bidang Anggota', en: 'Vice Chair for Membership' },
  sekretaris: { id: 'Sekretaris', en: 'Secretary' },
  bendahara: { id: 'Bendahara', en: 'Treasurer' },
  ketua_pengawas: { id: 'Ketua Pengawas', en: 'Chair of the Supervisory Board' },
  anggota_pengawas: { id: 'Anggota Pengawas', en: 'Supervisory Board Member' },
  manajer: { id: 'Manajer', en: 'Manager' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};
