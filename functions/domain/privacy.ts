import type { RegistrationRecord } from './schemas';

/**
 * UU PDP: what is left of a registration once its personal data is erased (on request, or when the retention
 * period ends). Roles, the cooperative and the status stay, so attendance totals by kecamatan remain true.
 */
export function anonymized(
  registration: RegistrationRecord,
  now: Date,
): RegistrationRecord & { erasedAt: string } {
  return {
    ...registration,
    contact: { name: '—', phone: '' },
    participants: registration.participants.map((participant, index) => ({
      id: participant.id,
      name: `Peserta ${index + 1}`,
      role: participant.role,
      walkIn: participant.walkIn ? { at: participant.walkIn.at, by: participant.walkIn.by } : undefined,
    })),
    consent: { ...registration.consent, text: '' },
    erasedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: registration.version + 1,
  };
}

/** Default retention: personal data is kept 365 days after the session ends (configurable). */
export const DEFAULT_RETENTION_DAYS = 365;

export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
