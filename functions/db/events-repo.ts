import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EventRecord } from '../domain/schemas';
import type { DocumentClient } from './client';
import { GSI1, keys, withoutKeys } from './keys';

/** The deadline as epoch seconds, so conditions can compare it without parsing zoned ISO strings. */
export const closesAtEpoch = (event: Pick<EventRecord, 'registrationDeadline'>) =>
  Math.floor(Date.parse(event.registrationDeadline) / 1000);

export function eventItem(event: EventRecord) {
  return {
    ...keys.event(event.id),
    ...keys.eventListing(event.startsAt, event.id),
    ...event,
    closesAtEpoch: closesAtEpoch(event),
  };
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

    /** Sessions in start order; `from` skips those that ended long ago. */
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
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;
