import type { CheckinRecord } from '../domain/checkin';
import { roleLabels } from '../domain/roles';
import type { Cooperative, Participant, Registration } from '../domain/schemas';

/** One officer line of the daftar hadir and the officer exports. */
export type AttendeeRow = {
  participantId: string;
  registrationId: string;
  cooperativeId: string;
  name: string;
  role: string;
  cooperativeName: string;
  villageName: string;
  villageType: 'desa' | 'kelurahan' | '';
  districtCode: string;
  districtName: string;
  phone?: string;
  email?: string;
  registrationStatus: Registration['status'];
  walkIn: boolean;
  /** The registered officer this person attended in place of. */
  substituteFor?: string;
  checkedInAt?: string;
  checkin?: CheckinRecord;
};

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** Paper lists are read by kecamatan, then desa/kelurahan, then name. */
export function compareAttendees(a: AttendeeRow, b: AttendeeRow): number {
  return (
    collator.compare(a.districtName, b.districtName) ||
    collator.compare(a.villageName, b.villageName) ||
    collator.compare(a.cooperativeName, b.cooperativeName) ||
    collator.compare(a.name, b.name) ||
    a.participantId.localeCompare(b.participantId)
  );
}

export function attendeeRow(
  registration: Registration,
  participant: Participant,
  cooperative: Cooperative | undefined,
  checkin: CheckinRecord | undefined,
): AttendeeRow {
  return {
    participantId: participant.id,
    registrationId: registration.id,
    cooperativeId: registration.cooperativeId,
    name: participant.name,
    role: roleLabels[participant.role]?.id ?? participant.role,
    cooperativeName: registration.cooperativeName,
    villageName: cooperative?.villageName ?? '',
    villageType: cooperative?.villageType ?? '',
    districtCode: registration.districtCode,
    districtName: cooperative?.districtName ?? registration.districtCode,
    phone: participant.phone,
    email: participant.email,
    registrationStatus: registration.status,
    // A substitute is recorded at the door too (walkIn set); it is marked as a substitute only.
    walkIn: !!participant.walkIn && !participant.substituteFor,
    substituteFor: participant.substituteFor,
    checkedInAt: checkin?.checkedInAt,
    checkin,
  };
}

/**
 * Every officer of every registration, sorted for paper. `confirmedOnly` keeps the officers who hold a seat
 * (the same set the attendance figures count); `checkedInOnly` keeps those who came.
 */
export function attendeeRows(
  registrations: Registration[],
  checkins: CheckinRecord[],
  directory: Cooperative[],
  { confirmedOnly = true, checkedInOnly = false } = {},
): AttendeeRow[] {
  const byParticipant = new Map(checkins.map((c) => [c.participantId, c]));
  const cooperatives = new Map(directory.map((c) => [c.id, c]));
  const rows: AttendeeRow[] = [];
  for (const registration of registrations) {
    if (confirmedOnly && registration.status !== 'confirmed') continue;
    for (const participant of registration.participants) {
      const checkin = byParticipant.get(participant.id);
      if (checkedInOnly && !checkin) continue;
      rows.push(
        attendeeRow(registration, participant, cooperatives.get(registration.cooperativeId), checkin),
      );
    }
  }
  return rows.sort(compareAttendees);
}
