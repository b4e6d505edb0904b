import { describe, expect, it } from 'vitest';
import { createStationsRepo, STATION_TOKEN_CACHE_MS } from '../../functions/db/stations-repo';
import { hashSecret, newId, newSecret } from '../../functions/domain/tokens';
import { createTestStore } from '../helpers/store';

describe('station tokens (data layer, DynamoDB Local)', () => {
  it('a revoked token stops at once where it was revoked and within the cache time in every other instance', async () => {
    const store = await createTestStore();
    let now = Date.parse('2025-10-23T00:30:00Z');
    // Two Lambda instances over one table: the console that revokes, the door API that keeps scanning.
    const consoleSide = createStationsRepo(store.doc, store.tableName, { now: () => now });
    const doorSide = createStationsRepo(store.doc, store.tableName, { now: () => now });
    const token = newSecret();
    const station = await consoleSide.create(
      {
        id: newId(),
        eventId: newId(),
        name: 'Pintu 1',
        createdAt: new Date(now).toISOString(),
        createdBy: 'test',
      },
      hashSecret(token),
    );
    expect(await doorSide.findByToken(hashSecret(token))).toMatchObject({ id: station.id, name: 'Pintu 1' });
    expect(await consoleSide.findByToken(hashSecret(token))).toMatchObject({ id: station.id });

    await consoleSide.revoke(station.eventId, station.id, new Date(now));
    expect(await consoleSide.findByToken(hashSecret(token))).toBeUndefined();
    now += STATION_TOKEN_CACHE_MS - 1;
    expect(await doorSide.findByToken(hashSecret(token))).toMatchObject({ id: station.id });
    now += 1;
    expect(await doorSide.findByToken(hashSecret(token))).toBeUndefined();
    expect(await doorSide.findByToken(hashSecret(newSecret()))).toBeUndefined();
  });
});
