import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import type { EventRecord } from '../domain/schemas';
import type { DocumentClient } from './client';
import { eventIndexKeys, GSI1, GSI2, keys, PUBLIC_SESSIONS, withoutKeys } from './keys';
import { queryAll, queryPage } from './paging';

/** The deadline as epoch seconds, so conditions can compare it without parsing zoned ISO strings. */
export const closesAtEpoch = (event: Pick<EventRecord, 'registrationDeadline'>) =>
  Math.floor(Date.parse(event.registrationDeadline) / 1000);

/** A session's place in the public list (by end time), or none while it is unpublished. */
export const publicListingOf = (event: Pick<EventRecord, 'id' | 'endsAt' | 'published'>) =>
  event.published ? keys.publicListing(event.endsAt, event.id) : undefined;

export function eventItem(event: EventRecord) {
  return {
    ...keys.event(event.id),
    ...eventIndexKeys(event),
    ...publicListingOf(event),
    ...event,
    closesAtEpoch: closesAtEpoch(event),
  };
}

/** How many sessions a page of the public list shows. */
export const PUBLIC_PAGE_SIZE = 20;

export type PublicListing = { when: 'upcoming' | 'past'; now: Date; limit?: number; cursor?: string };

/** Between past and upcoming: `$` sorts right after the `#` behind every end time, so "ends at now" is past. */
const boundary = (now: Date) => `${now.toISOString()}$`;

/** The cursor names the last session shown by its index sort key; opaque to clients. */
const encodeCursor = (sortKey: string) => Buffer.from(sortKey, 'utf8').toString('base64url');
const CURSOR_SORT_KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([A-Za-z0-9_-]{1,100})$/;
function decodeCursor(cursor: string): { sortKey: string; eventId: string } {
  const sortKey = cursor.length <= 200 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = CURSOR_SORT_KEY.exec(sortKey);
  if (!match) {
    throw new DomainError('validation', {}, [
      { path: ['cursor'], message: 'invalid_cursor', code: 'invalid_cursor' },
    ]);
  }
  return { sortKey, eventId: match[2] as string };
}

export function toEvent(item: Record<string, unknown>): EventRecord {
  const { closesAtEpoch: _closes, ...event } = withoutKeys(item);
  return event as EventRecord;
}

export function createEventsRepo(doc: DocumentClient, tableName: string) {
  const recent = new Map<string, { at: number; event: EventRecord }>();
  return {
    async put(event: EventRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: eventItem(event),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async get(eventId: string, { consistent = false } = {}): Promise<EventRecord | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.event(eventId), ConsistentRead: consistent }),
      );
      const event = Item ? toEvent(Item) : undefined;
      if (event) recent.set(eventId, { at: Date.now(), event });
      return event;
    },

    /**
     * A snapshot at most `maxAgeMs` old, for the registration rush: it only guesses confirmed vs waitlisted; the
     * transaction's conditions decide, and a wrong guess is retried with a fresh read (registrations-repo.ts).
     */
    /** Newer session state learned from a write (registrations-repo), so the next guess starts from it. */
    remember(event: EventRecord) {
      recent.set(event.id, { at: Date.now(), event });
    },

    async snapshot(eventId: string, maxAgeMs = 1_000): Promise<EventRecord | undefined> {
      const cached = recent.get(eventId);
      // Only an open session is trusted from memory; any other state is confirmed by a fresh read.
      const open = cached?.event.published && !cached.event.cancelled;
      if (cached && open && Date.now() - cached.at < maxAgeMs) return cached.event;
      return this.get(eventId, { consistent: true });
    },

    /**
     * One page of the public list (access pattern 2d): published sessions that end after `now` in the order they
     * end (for sessions of a few hours, the order they start), or those that ended, the latest first. One Query
     * whose key condition starts at `now`, so the past never costs the upcoming list a read, however long it is.
     * `next` is the cursor of the following page, absent on the last one.
     */
    async listPublic({
      when,
      now,
      limit = PUBLIC_PAGE_SIZE,
      cursor,
    }: PublicListing): Promise<{ events: EventRecord[]; next?: string }> {
      const upcoming = when === 'upcoming';
      const bound = boundary(now);
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      // A cursor on the other side of now (an upcoming session that has ended since its page was shown): every
      // session still on this side comes after it, so the list starts again at now.
      const inRange = after && (upcoming ? after.sortKey > bound : after.sortKey < bound);
      const { items } = await queryPage(
        doc,
        {
          TableName: tableName,
          IndexName: GSI2.name,
          KeyConditionExpression: `gsi2pk = :sessions AND gsi2sk ${upcoming ? '>' : '<'} :now`,
          ExpressionAttributeValues: { ':sessions': PUBLIC_SESSIONS, ':now': bound },
          ScanIndexForward: upcoming,
        },
        // One more than shown tells whether a next page exists, so the last page never links to an empty one.
        limit + 1,
        inRange
          ? { ...keys.event(after.eventId), gsi2pk: PUBLIC_SESSIONS, gsi2sk: after.sortKey }
          : undefined,
      );
      const shown = items.slice(0, limit);
      const last = shown.at(-1);
      return {
        events: shown.map(toEvent),
        next: items.length > limit && last ? encodeCursor(String(last.gsi2sk)) : undefined,
      };
    },

    /** The first `limit` sessions in start order, past ones included: enough to tell whether any exist. */
    async list({ limit = 100 }: { limit?: number } = {}): Promise<EventRecord[]> {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI1.name,
          KeyConditionExpression: 'gsi1pk = :events',
          ExpressionAttributeValues: { ':events': 'EVENTS' },
          Limit: limit,
        }),
      );
      return Items.map(toEvent);
    },

    /**
     * Gives every session the public list's key it should have: published ones by end time, unpublished none.
     * Sessions stored before the list had its index lack the key and would be missing from it. Reads the sessions'
     * own index partition (no scan), writes only the sessions that differ, and is safe to run again: `npm start`
     * and `npm run seed` (also against AWS) run it. Returns how many sessions it changed.
     */
    async reindexPublicListing(): Promise<number> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: 'gsi1pk = :events',
        ExpressionAttributeValues: { ':events': 'EVENTS' },
      });
      let changed = 0;
      for (const item of items) {
        const event = toEvent(item);
        const listing = publicListingOf(event);
        const current = listing
          ? item.gsi2pk === listing.gsi2pk && item.gsi2sk === listing.gsi2sk
          : item.gsi2pk === undefined;
        if (current) continue;
        try {
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keys.event(event.id),
              UpdateExpression: listing ? 'SET gsi2pk = :pk, gsi2sk = :sk' : 'REMOVE gsi2pk, gsi2sk',
              // Only the session as read (the index lags): an edit since then wrote the right key itself.
              ConditionExpression: 'attribute_exists(pk) AND published = :published AND endsAt = :endsAt',
              ExpressionAttributeValues: {
                ':published': event.published,
                ':endsAt': event.endsAt,
                ...(listing ? { ':pk': listing.gsi2pk, ':sk': listing.gsi2sk } : {}),
              },
            }),
          );
          changed++;
        } catch (error) {
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        }
      }
      return changed;
    },
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;
