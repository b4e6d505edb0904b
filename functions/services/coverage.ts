import type { CooperativeState, RegencyTruth } from '../db/coverage-repo';
import type { Store } from '../db/store';
import type { CoverageChange } from '../db/table-changes';
import { canViewProvince, coverageProvinces } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import {
  type CooperativeTruth,
  type CoverageFigures,
  type CoverageRow,
  checkinMark,
  districtOf,
  isActiveRegistration,
  provinceOf,
  registrationMark,
  rowsOf,
  sessionCount,
  totalOf,
  WHOLE_REGENCY,
  withEndedSessions,
} from '../domain/coverage';
import { DomainError } from '../domain/errors';
import type { Cooperative } from '../domain/schemas';
import type { CoverageFile } from '../reports/coverage-files';

export type AreaLink = { code: string; name: string };

export type AreaView = {
  level: 'nation' | 'province' | 'regency' | 'district';
  code: string;
  name: string;
  /** From the nation down to the area's parent. */
  trail: AreaLink[];
  rows: CoverageRow[];
  total: CoverageFigures;
  /** Rows whose area the viewer may open. */
  canOpen: boolean;
};

/** A cooperative not yet briefed: names and villages only. */
export type UnreachedCooperative = Pick<
  Cooperative,
  'id' | 'name' | 'villageName' | 'villageType' | 'districtCode' | 'districtName'
> & { registered: boolean };

export type RegencyView = AreaView & { unreached: UnreachedCooperative[] };

/**
 * Coverage of the directory for the province and the ministry. The figures are kept by `apply`, fed by the
 * table's stream (functions/handlers/coverage-stream.ts; functions/local/table-stream.ts locally): every page
 * reads one to three counter items and, for a regency, its directory, however many sessions and officers exist.
 */
export function createCoverageService(store: Store, clock: () => Date = () => new Date()) {
  const repo = store.coverage;

  /** One change of the table, counted once however often it is delivered. */
  async function apply(change: CoverageChange): Promise<void> {
    const now = clock();
    if (change.kind === 'registration') {
      const was = isActiveRegistration(change.before?.status);
      // A deleted registration (never in practice: erasure keeps the item) keeps what it counted.
      const is = change.after ? isActiveRegistration(change.after.status) : was;
      if (was !== is)
        await repo.mark(change.cooperativeId, 'registrations', registrationMark(change.registrationId), is);
      return;
    }
    if (change.kind === 'checkin') {
      await repo.mark(
        change.cooperativeId,
        'checkins',
        checkinMark(change.eventId, change.participantId),
        change.present,
      );
      return;
    }
    if (change.after) await repo.countSession(change.eventId, sessionCount(change.after, now));
  }

  /** Sessions counted as planned that have ended since become held. */
  async function rollEndedSessions(now = clock()): Promise<number> {
    let moved = 0;
    for (const eventId of await repo.endedPlannedSessions(now)) {
      const event = await store.events.get(eventId, { consistent: true });
      const counted = await repo.sessionCountOf(eventId);
      const count = event ? sessionCount(event, now) : counted && { ...counted, state: 'held' as const };
      if (count && (await repo.countSession(eventId, count))) moved++;
    }
    return moved;
  }

  function allowedProvince(user: User, provinceCode: string) {
    if (!canViewProvince(user, provinceCode)) throw new DomainError('forbidden');
  }

  async function nation(user: User): Promise<AreaView> {
    const provinces = coverageProvinces(user);
    const [item, ended] = await Promise.all([repo.nation(), repo.endedPlannedCounts(clock())]);
    const rows = rowsOf(withEndedSessions(item, { nation: true }, ended)).filter(
      (row) => provinces === 'all' || provinces.includes(row.code),
    );
    return {
      level: 'nation',
      code: 'ID',
      name: 'Indonesia',
      trail: [],
      rows,
      total: totalOf(rows),
      canOpen: true,
    };
  }

  async function province(user: User, provinceCode: string): Promise<AreaView> {
    allowedProvince(user, provinceCode);
    const [nationItem, provinceItem, ended] = await Promise.all([
      repo.nation(),
      repo.province(provinceCode),
      repo.endedPlannedCounts(clock()),
    ]);
    const name = rowsOf(nationItem).find((row) => row.code === provinceCode)?.name;
    if (!name) throw new DomainError('not_found');
    const rows = rowsOf(withEndedSessions(provinceItem, { provinceCode }, ended));
    return {
      level: 'province',
      code: provinceCode,
      name,
      trail: [{ code: 'ID', name: 'Indonesia' }],
      rows,
      total: totalOf(rows),
      canOpen: true,
    };
  }

  async function regency(user: User, regencyCode: string, districtCode?: string): Promise<RegencyView> {
    const provinceCode = provinceOf(regencyCode);
    allowedProvince(user, provinceCode);
    if (districtCode && !districtCode.startsWith(`${regencyCode}.`)) throw new DomainError('not_found');
    const [nationItem, provinceItem, regencyItem, directory, states, ended] = await Promise.all([
      repo.nation(),
      repo.province(provinceCode),
      repo.regency(regencyCode),
      store.cooperatives.listByRegency(regencyCode),
      repo.cooperativeStates(regencyCode),
      repo.endedPlannedCounts(clock()),
    ]);
    const regencyRow = rowsOf(withEndedSessions(provinceItem, { provinceCode }, ended)).find(
      (row) => row.code === regencyCode,
    );
    if (!regencyRow || !directory.length) throw new DomainError('not_found');
    const provinceName = rowsOf(nationItem).find((row) => row.code === provinceCode)?.name ?? provinceCode;
    const rows = rowsOf(withEndedSessions(regencyItem, { regencyCode }, ended)).filter(
      (row) => row.code !== WHOLE_REGENCY && row.directory > 0,
    );
    const byId = new Map(states.map((state) => [state.cooperativeId, state]));
    const district = districtCode ? rows.find((row) => row.code === districtCode) : undefined;
    if (districtCode && !district) throw new DomainError('not_found');
    const unreached = directory
      .filter((coop) => !districtCode || coop.districtCode === districtCode)
      .filter((coop) => !(byId.get(coop.id)?.checkins ?? 0))
      .map((coop) => ({
        id: coop.id,
        name: coop.name,
        villageName: coop.villageName,
        villageType: coop.villageType,
        districtCode: coop.districtCode,
        districtName: coop.districtName,
        registered: (byId.get(coop.id)?.registrations ?? 0) > 0,
      }))
      .sort(
        (a, b) => a.districtName.localeCompare(b.districtName) || a.villageName.localeCompare(b.villageName),
      );
    const trail = [
      { code: 'ID', name: 'Indonesia' },
      { code: provinceCode, name: provinceName },
    ];
    if (district) {
      return {
        level: 'district',
        code: district.code,
        name: district.name,
        trail: [...trail, { code: regencyCode, name: regencyRow.name }],
        rows: [district],
        total: totalOf([district]),
        canOpen: false,
        unreached,
      };
    }
    return {
      level: 'regency',
      code: regencyCode,
      name: regencyRow.name,
      trail,
      rows,
      total: totalOf(rows, regencyRow),
      canOpen: true,
      unreached,
    };
  }

  /**
   * The repair: recounts one regency from its sessions' registrations and check-ins and sets its cooperatives'
   * states and its counters to what it finds. Live changes may keep flowing meanwhile: whatever moved under the
   * recount is counted again.
   */
  async function recountRegency(regencyCode: string): Promise<{ cooperatives: number; changed: number }> {
    const now = clock();
    const directory = await store.cooperatives.listByRegency(regencyCode);
    const sessions = await repo.sessionsOfRegency(regencyCode);
    for (const session of sessions) await repo.countSession(session.id, sessionCount(session, now));

    async function truthOfCooperatives(): Promise<Map<string, CooperativeTruth>> {
      const truth = new Map<string, CooperativeTruth>();
      const of = (id: string) => {
        let found = truth.get(id);
        if (!found) {
          found = { registrations: [], checkins: [] };
          truth.set(id, found);
        }
        return found;
      };
      for (const session of sessions) {
        const [registrations, checkins] = await Promise.all([
          store.registrations.listByEvent(session.id),
          store.checkins.listByEvent(session.id),
        ]);
        for (const registration of registrations)
          if (isActiveRegistration(registration.status))
            of(registration.cooperativeId).registrations.push(registrationMark(registration.id));
        for (const checkin of checkins)
          of(checkin.cooperativeId).checkins.push(checkinMark(checkin.eventId, checkin.participantId));
      }
      return truth;
    }

    let changed = 0;
    for (let pass = 0; pass < 10; pass++) {
      // States first, then the truth: anything counted after this read moves a state, and its write then fails.
      const states = new Map(
        (await repo.cooperativeStates(regencyCode, { consistent: true })).map((s) => [s.cooperativeId, s]),
      );
      const truth = await truthOfCooperatives();
      const ids = new Set([...directory.map((c) => c.id), ...states.keys(), ...truth.keys()]);
      let moved = false;
      for (const id of ids) {
        const seen: CooperativeState = states.get(id) ?? {
          cooperativeId: id,
          districtCode: districtOf(id),
          registrations: 0,
          checkins: 0,
          version: 0,
        };
        const outcome = await repo.setCooperative(seen, truth.get(id) ?? { registrations: [], checkins: [] });
        if (outcome === 'set') changed++;
        if (outcome === 'moved') moved = true;
      }
      if (!moved) break;
    }

    await repo.resetRegency(regencyCode, async (): Promise<RegencyTruth> => {
      const truth: RegencyTruth = {
        registered: new Map(),
        briefed: new Map(),
        held: new Map(),
        planned: new Map(),
        sessions: { held: 0, planned: 0 },
      };
      const bump = (map: Map<string, number>, code: string) => map.set(code, (map.get(code) ?? 0) + 1);
      for (const state of await repo.cooperativeStates(regencyCode, { consistent: true })) {
        if (state.registrations > 0) bump(truth.registered, state.districtCode);
        if (state.checkins > 0) bump(truth.briefed, state.districtCode);
      }
      for (const session of sessions) {
        const count = sessionCount(session, now);
        if (count.state === 'none') continue;
        truth.sessions[count.state]++;
        for (const code of count.districts) bump(truth[count.state], code);
      }
      return truth;
    });
    return { cooperatives: directory.length, changed };
  }

  /**
   * A table as CSV or XLSX: `nasional`, `provinsi-62`, `kabupaten-62.02`, or the unreached cooperatives of a
   * regency or kecamatan, `belum-62.02` / `belum-62.02.01`. The same rights as the page it comes from.
   */
  async function exportTable(user: User, name: string, format: 'csv' | 'xlsx'): Promise<CoverageFile> {
    // The file builders bring pdf-lib and its fonts (about 400 KiB): they load with the first export or summary,
    // not with every console cold start.
    const { coverageTableFile, unreachedFile } = await import('../reports/coverage-files');
    if (name === 'nasional') {
      const view = await nation(user);
      return coverageTableFile(name, 'Provinsi', view.rows, view.total, format);
    }
    const [kind, code = ''] = name.split(/-(.*)/s);
    if (kind === 'provinsi' && /^\d{2}$/.test(code)) {
      const view = await province(user, code);
      return coverageTableFile(name, 'Kabupaten/Kota', view.rows, view.total, format);
    }
    if (kind === 'kabupaten' && /^\d{2}\.\d{2}$/.test(code)) {
      const view = await regency(user, code);
      return coverageTableFile(name, 'Kecamatan', view.rows, view.total, format);
    }
    if (kind === 'belum' && /^\d{2}\.\d{2}(\.\d{2})?$/.test(code)) {
      const view = await regency(user, code.slice(0, 5), code.length > 5 ? code : undefined);
      return unreachedFile(name, view.unreached, format);
    }
    throw new DomainError('not_found');
  }

  /** The ministry's monthly summary: the national table as it stands, for the viewer's provinces. */
  async function monthlySummary(user: User, month: string) {
    const view = await nation(user);
    const { monthlySummaryPdf } = await import('../reports/coverage-files');
    return monthlySummaryPdf(month, view.rows, view.total, clock());
  }

  return {
    apply,
    rollEndedSessions,
    nation,
    province,
    regency,
    recountRegency,
    exportTable,
    monthlySummary,
    repo,
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;
