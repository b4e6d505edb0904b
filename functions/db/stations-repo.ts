import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Station } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import type { DocumentClient } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './paging';
import { transact } from './transactions';

/**
 * How long an instance trusts a station token it has read: the door scans every few seconds, and re-reading the
 * token each time was half of a scan's reads. Revoking therefore takes effect at once in the instance that revoked
 * and within this time everywhere else (API Gateway's own authorizer cache defaults to 300 s).
 */
export const STATION_TOKEN_CACHE_MS = 30_000;

/**
 * Check-in stations: a named device link for one session (pretix device tokens are the model). The station
 * item lists under its session; a second item, keyed by the token's hash, authenticates a request in one read.
 * Revoking deletes the token item, so the link stops working (see STATION_TOKEN_CACHE_MS).
 */
export function createStationsRepo(
  doc: DocumentClient,
  tableName: string,
  { now = Date.now }: { now?: () => number } = {},
) {
  /** Token hash → the station it authenticated and when that read expires. Bounded: a door has a few phones. */
  const trusted = new Map<string, { station: Station; until: number }>();
  async function create(station: Station, tokenHash: string): Promise<Station> {
    const result = await transact(doc, [
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.station(station.eventId, station.id), ...station, tokenHash },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName,
          // The station itself, so a request is authenticated in one read (stations never change; revoking
          // deletes this item).
          Item: { ...keys.stationToken(tokenHash), ...station, stationId: station.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    if (!result.ok) throw new DomainError('conflict');
    return station;
  }

  async function get(
    eventId: string,
    stationId: string,
  ): Promise<(Station & { tokenHash: string }) | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.station(eventId, stationId), ConsistentRead: true }),
    );
    return Item ? (withoutKeys(Item) as Station & { tokenHash: string }) : undefined;
  }

  async function listByEvent(eventId: string): Promise<Station[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :station)',
      ExpressionAttributeValues: { ':pk': keys.event(eventId).pk, ':station': 'STATION#' },
    });
    return items.map((item) => {
      const { tokenHash: _hash, ...station } = withoutKeys(item) as Station & { tokenHash: string };
      return station;
    });
  }

  /** The active station a token belongs to, or nothing (unknown or revoked). */
  async function findByToken(tokenHash: string): Promise<Station | undefined> {
    const cached = trusted.get(tokenHash);
    if (cached && cached.until > now()) return cached.station;
    trusted.delete(tokenHash);
    const station = await readToken(tokenHash);
    if (station) {
      if (trusted.size >= 1_000) trusted.clear();
      trusted.set(tokenHash, { station, until: now() + STATION_TOKEN_CACHE_MS });
    }
    return station;
  }

  async function readToken(tokenHash: string): Promise<Station | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.stationToken(tokenHash), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { stationId, ...held } = withoutKeys(Item) as Station & { stationId: string };
    if (held.name) return { ...held, id: stationId };
    // A token item written before it held the station: read the station as well.
    const station = await get(held.eventId, stationId);
    if (!station || station.revokedAt) return undefined;
    const { tokenHash: _hash, ...rest } = station;
    return rest;
  }

  async function revoke(eventId: string, stationId: string, now: Date): Promise<Station> {
    const station = await get(eventId, stationId);
    if (!station) throw new DomainError('not_found');
    if (station.revokedAt) {
      const { tokenHash: _hash, ...rest } = station;
      return rest;
    }
    const revokedAt = now.toISOString();
    const result = await transact(doc, [
      {
        Update: {
          TableName: tableName,
          Key: keys.station(eventId, stationId),
          UpdateExpression: 'SET revokedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': revokedAt },
        },
      },
      { Delete: { TableName: tableName, Key: keys.stationToken(station.tokenHash) } },
    ]);
    if (!result.ok) throw new DomainError('conflict');
    trusted.delete(station.tokenHash);
    const { tokenHash: _hash, ...rest } = station;
    return { ...rest, revokedAt };
  }

  return { create, get, listByEvent, findByToken, revoke };
}

export type StationsRepo = ReturnType<typeof createStationsRepo>;
