import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { createCoverageService } from '../../functions/services/coverage';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent } from '../helpers/store';

/**
 * A viewer's page view only reads: a session that ended since it was counted as planned shows as held on every
 * level at once, and the counters themselves move when the stream worker rolls ended sessions.
 */

const viewer: User = {
  id: 'u-viewer',
  email: 'pemantau@kalteng.test',
  name: 'Pemantau Kalteng',
  role: 'province_viewer',
  provinceCodes: ['62'],
  organisationId: 'dinkop-kalteng',
  language: 'id',
  active: true,
  createdAt: '2025-10-01T00:00:00.000Z',
  updatedAt: '2025-10-01T00:00:00.000Z',
};

let store: TestStore;
let writes = 0;
const ends = new Date(Date.now() + 2 * 3_600_000);
const later = new Date(ends.getTime() + 3_600_000);

beforeAll(async () => {
  store = await createTestStore();
  const kotim = await loadRegencyDirectory('62.02');
  await store.cooperatives.importRegency(kotim.regency, kotim.cooperatives, { withSearchWords: false });
  const event = makeEvent({
    startsAt: new Date(ends.getTime() - 3_600_000).toISOString(),
    endsAt: ends.toISOString(),
    invitedDistrictCodes: ['62.02.05'],
  });
  await store.events.put(event);
  await createCoverageService(store).apply({ kind: 'session', eventId: event.id, after: event });
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!/^(Get|BatchGet|Query|TransactGet)/.test(context.commandName ?? '')) writes++;
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );
}, 120_000);

const sessions = (figures: { held: number; planned: number }) => [figures.held, figures.planned];

describe('coverage page views', () => {
  it('read an ended session as held on the national, province, regency and kecamatan pages, writing nothing', async () => {
    const before = createCoverageService(store, () => new Date());
    expect(sessions((await before.province(viewer, '62')).total)).toEqual([0, 1]);
    const after = createCoverageService(store, () => later);
    writes = 0;
    const nation = await after.nation(viewer);
    const province = await after.province(viewer, '62');
    const regency = await after.regency(viewer, '62.02');
    const district = await after.regency(viewer, '62.02', '62.02.05');
    expect(writes).toBe(0);
    expect(sessions(nation.total)).toEqual([1, 0]);
    expect(sessions(province.total)).toEqual([1, 0]);
    expect(sessions(regency.total)).toEqual([1, 0]);
    expect(sessions(district.total)).toEqual([1, 0]);
    expect(sessions(regency.rows.find((row) => row.code === '62.02.01') ?? { held: 0, planned: 0 })).toEqual([
      0, 0,
    ]);
  });

  it('show the same once the worker has moved the counters, and the worker moves them once', async () => {
    const after = createCoverageService(store, () => later);
    expect(await after.rollEndedSessions(later)).toBe(1);
    expect(await after.rollEndedSessions(later)).toBe(0);
    expect(sessions((await after.nation(viewer)).total)).toEqual([1, 0]);
    expect(sessions((await after.regency(viewer, '62.02', '62.02.05')).total)).toEqual([1, 0]);
  });
});
