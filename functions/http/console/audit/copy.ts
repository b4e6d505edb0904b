import type { Language } from '../../../domain/schemas';

/** The audit log page's copy, Bahasa Indonesia first (its title is the console's shared `audit`). */
const copy = {
  id: { when: 'Waktu', who: 'Oleh', what: 'Tindakan', target: 'Sasaran', older: 'Lebih lama' },
  en: { when: 'When', who: 'By', what: 'Action', target: 'Target', older: 'Older' },
} satisfies Record<Language, unknown>;

export type AuditCopy = (typeof copy)['id'];
export const auditText = (language: Language): AuditCopy => copy[language];
