import { regencyOf } from './keys';

/**
 * The coverage counters' keys (coverage-repo.ts), beside the table's other keys in keys.ts. Coverage is kept from
 * the table's stream; every figure a dashboard shows is one of these, never a recount:
 *
 * 100. A level's counters (nation, a province, a regency), one item each, one attribute per child and figure
 *      (`reg#62.02`) ................ pk=COVERAGE#NATION | COVERAGE#PROVINCE#<pp> | COVERAGE#REGENCY#<code> sk=COVERAGE
 * 101. Where a cooperative stands (active registrations, officers checked in); a regency's in one query
 *      (begins_with COVER#) ......... pk=REGENCY#<code>        sk=COVER#<cooperativeId>
 * 102. What a cooperative's state has counted, once each (a record delivered twice finds its mark)
 *      .............................. pk=COVERMARK#<coopId>    sk=REG#<regId> | CHECKIN#<eventId>#<participantId>
 * 103. How a session is counted (regency, kecamatan, planned or held) pk=COVERSESSION#<eventId> sk=COVERSESSION
 * 104. Planned sessions by end time, to move to held once ended ..... pk=COVERAGE#DUE sk=<endsAt>#<eventId>
 */
export const COVERAGE_DUE = 'COVERAGE#DUE';

export const coverageKeys = {
  nation: () => ({ pk: 'COVERAGE#NATION', sk: 'COVERAGE' }),
  province: (provinceCode: string) => ({ pk: `COVERAGE#PROVINCE#${provinceCode}`, sk: 'COVERAGE' }),
  regency: (regencyCode: string) => ({ pk: `COVERAGE#REGENCY#${regencyCode}`, sk: 'COVERAGE' }),
  ofCooperative: (cooperativeId: string) => ({
    pk: `REGENCY#${regencyOf(cooperativeId)}`,
    sk: `COVER#${cooperativeId}`,
  }),
  mark: (cooperativeId: string, mark: string) => ({ pk: `COVERMARK#${cooperativeId}`, sk: mark }),
  session: (eventId: string) => ({ pk: `COVERSESSION#${eventId}`, sk: 'COVERSESSION' }),
  due: (endsAt: string, eventId: string) => ({ pk: COVERAGE_DUE, sk: `${endsAt}#${eventId}` }),
};
