import type { CheckinRecord } from '../domain/checkin';
import type { Cooperative, Registration } from '../domain/schemas';

/** One session's raw facts, as the data layer returns them. */
export type SessionFacts = {
  eventId: string;
  invited: Cooperative[];
  registrations: Registration[];
  checkins: CheckinRecord[];
};

export type Assistant = { id: string; name: string; email: string };

/** Where a cooperative stands across the sessions it was invited to. */
export type CooperativeCoverage = {
  cooperative: Cooperative;
  invitedTo: number;
  registeredFor: number;
  /** Sessions where its only live registration waits for a seat: "Daftar tunggu", never "Belum mendaftar". */
  waitlistedFor?: number;
  attended: number;
  officersRegistered: number;
  officersPresent: number;
  assistants: Assistant[];
};

export type DistrictCoverage = {
  districtCode: string;
  districtName: string;
  invited: number;
  registered: number;
  present: number;
  officersRegistered: number;
  officersPresent: number;
};

/**
 * Coverage counted from the records themselves, the same way as the check-in service's `attendance`: a
 * cooperative is registered when it holds a confirmed registration, present when at least one of that
 * registration's officers checked in. Across sessions a cooperative counts once: registered or present in
 * any session it was invited to.
 */
export function cooperativeCoverage(
  sessions: SessionFacts[],
  assistantsOf: (cooperativeId: string) => Assistant[] = () => [],
): CooperativeCoverage[] {
  const byId = new Map<string, CooperativeCoverage>();
  for (const session of sessions) {
    const invited = new Set(session.invited.map((c) => c.id));
    for (const cooperative of session.invited) {
      const entry = byId.get(cooperative.id) ?? {
        cooperative,
        invitedTo: 0,
        registeredFor: 0,
        waitlistedFor: 0,
        attended: 0,
        officersRegistered: 0,
        officersPresent: 0,
        assistants: assistantsOf(cooperative.id),
      };
      entry.invitedTo++;
      byId.set(cooperative.id, entry);
    }
    const present = new Set(session.checkins.map((c) => c.participantId));
    for (const registration of session.registrations) {
      if (!invited.has(registration.cooperativeId)) continue;
      const entry = byId.get(registration.cooperativeId) as CooperativeCoverage;
      if (registration.status === 'waitlisted') entry.waitlistedFor = (entry.waitlistedFor ?? 0) + 1;
      if (registration.status !== 'confirmed') continue;
      const came = registration.participants.filter((p) => present.has(p.id)).length;
      entry.registeredFor++;
      entry.officersRegistered += registration.participants.length;
      entry.officersPresent += came;
      if (came > 0) entry.attended++;
    }
  }
  return [...byId.values()].sort((a, b) => a.cooperative.id.localeCompare(b.cooperative.id));
}

export function districtCoverage(cooperatives: CooperativeCoverage[]): DistrictCoverage[] {
  const byDistrict = new Map<string, DistrictCoverage>();
  for (const { cooperative, registeredFor, attended, officersRegistered, officersPresent } of cooperatives) {
    const row = byDistrict.get(cooperative.districtCode) ?? {
      districtCode: cooperative.districtCode,
      districtName: cooperative.districtName,
      invited: 0,
      registered: 0,
      present: 0,
      officersRegistered: 0,
      officersPresent: 0,
    };
    row.invited++;
    if (registeredFor > 0) row.registered++;
    if (attended > 0) row.present++;
    row.officersRegistered += officersRegistered;
    row.officersPresent += officersPresent;
    byDistrict.set(cooperative.districtCode, row);
  }
  return [...byDistrict.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode));
}

export function coverageTotals(rows: DistrictCoverage[]) {
  const sum = (key: keyof Omit<DistrictCoverage, 'districtCode' | 'districtName'>) =>
    rows.reduce((total, row) => total + row[key], 0);
  return {
    invited: sum('invited'),
    registered: sum('registered'),
    present: sum('present'),
    officersRegistered: sum('officersRegistered'),
    officersPresent: sum('officersPresent'),
  };
}

/** Invited cooperatives no officer of which has attended yet: who the Business Assistants should chase. */
export const unreached = (cooperatives: CooperativeCoverage[]) =>
  cooperatives
    .filter((c) => c.attended === 0)
    .sort(
      (a, b) =>
        a.cooperative.districtName.localeCompare(b.cooperative.districtName, 'id') ||
        a.cooperative.villageName.localeCompare(b.cooperative.villageName, 'id'),
    );

/** 0-100, for bars. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
