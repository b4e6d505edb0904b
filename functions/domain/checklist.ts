/**
 * The founding and administration steps a Business Assistant chases for each cooperative, in the order they
 * usually happen (Juklak Menkop 1/2025; see /work/shared/notes/domain.md). Steps may be ticked in any order
 * (papers arrive out of order); "next" is the first step not done yet.
 */
export const checklistSteps = [
  { id: 'musdesus', label: 'Musyawarah desa/kelurahan khusus (berita acara dan daftar hadir)' },
  { id: 'akta', label: 'Akta pendirian (notaris)' },
  { id: 'sk_ahu', label: 'Badan hukum (SK AHU)' },
  { id: 'nik_koperasi', label: 'NIK koperasi (Nomor Induk Koperasi)' },
  { id: 'npwp', label: 'NPWP koperasi' },
  { id: 'nib', label: 'NIB melalui OSS' },
  { id: 'rekening', label: 'Rekening bank koperasi' },
  { id: 'simkopdes', label: 'Akun SIMKOPDES' },
  { id: 'proposal', label: 'Proposal usaha' },
] as const;

export type ChecklistStepId = (typeof checklistSteps)[number]['id'];
export const checklistStepIds = checklistSteps.map((step) => step.id) as ChecklistStepId[];
export const isChecklistStep = (value: unknown): value is ChecklistStepId =>
  typeof value === 'string' && (checklistStepIds as string[]).includes(value);

export type StepState = { at: string; by: string; byName?: string };
export type Checklist = {
  cooperativeId: string;
  done: Partial<Record<ChecklistStepId, StepState>>;
  updatedAt?: string;
};

export function checklistProgress(checklist: Checklist | undefined) {
  const done = checklistSteps.filter((step) => checklist?.done[step.id]);
  const next = checklistSteps.find((step) => !checklist?.done[step.id]);
  return { done: done.length, total: checklistSteps.length, next };
}
