import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckinRecord } from '../domain/checkin';
import { DomainError } from '../domain/errors';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { keys, withoutKeys } from './keys';
import { queryAll } from './paging';

export type CheckinOutcome = { record: CheckinRecord; alreadyCheckedIn: boolean };

/**
 * One check-in item per officer per session, created with attribute_not_exists: however many devices scan the
 * same ticket at once, exactly one creates it and the rest learn they came second.
 */
export function createCheckinsRepo(doc: DocumentClient, tableName: string) {
  async function get(eventId: string, participantId: string): Promise<CheckinRecord | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.checkin(eventId, participantId),
        ConsistentRead: true,
      }),
    );
    return Item ? (withoutKeys(Item) as CheckinRecord) : undefined;
  }

  /**
   * A second scan of someone already inside. The same client id is a replay (answered as the original); a scan
   * from another device is remembered as a duplicate, and an earlier scan time wins (offline devices sync late).
   */
  async function recordRepeat(existing: CheckinRecord, attempt: CheckinRecord): Promise<CheckinOutcome> {
    if (attempt.clientId && existing.clientId === attempt.clientId)
      return { record: existing, alreadyCheckedIn: false };
    const duplicate = {
      station: attempt.station,
      scannedAt: attempt.checkedInAt,
      clientId: attempt.clientId,
    };
    // Only a device's own scan time can predate what the server recorded: concurrent live scans are ordered by
    // the conditional put, and the first to land keeps its time.
    const earlier = Boolean(attempt.scannedOffline) && attempt.checkedInAt < existing.checkedInAt;
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.checkin(existing.eventId, existing.participantId),
          UpdateExpression: earlier
            ? 'SET duplicateScans = list_append(if_not_exists(duplicateScans, :empty), :dup), checkedInAt = :at, station = :station, clientId = :cid ADD duplicateClientIds :cids'
            : 'SET duplicateScans = list_append(if_not_exists(duplicateScans, :empty), :dup) ADD duplicateClientIds :cids',
          // The same offline scan synced twice is recorded once.
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(duplicateClientIds, :cid)',
          ExpressionAttributeValues: {
            ':empty': [],
            ':dup': [
              earlier
                ? { station: existing.station, scannedAt: existing.checkedInAt, clientId: existing.clientId }
                : duplicate,
            ],
            ':cids': new Set([
              attempt.clientId ?? `server-${attempt.recordedAt}`,
              ...(earlier && existing.clientId ? [existing.clientId] : []),
            ]),
            ':cid': attempt.clientId ?? `server-${attempt.recordedAt}`,
            ...(earlier ? { ':at': attempt.checkedInAt, ':station': attempt.station } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const record = withoutKeys(Attributes ?? {}) as CheckinRecord;
      return { record, alreadyCheckedIn: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await get(existing.eventId, existing.participantId);
      if (!current) throw new DomainError('conflict');
      return { record: current, alreadyCheckedIn: true };
    }
  }

  /**
   * The session's check-in window settings (checkin-window.ts): how long before the start the door opens, and
   * whether an organizer allowed check-ins at any time. Kept on the session item, which must exist.
   */
  async function setWindow(
    eventId: string,
    settings: { checkinOpensMinutesBefore: number; checkinAnyTime: boolean },
  ): Promise<void> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.event(eventId),
          UpdateExpression: 'SET checkinOpensMinutesBefore = :minutes, checkinAnyTime = :any',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':minutes': settings.checkinOpensMinutesBefore,
            ':any': settings.checkinAnyTime,
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('not_found');
      throw error;
    }
  }

  return {
    get,
    setWindow,

    async checkIn(record: CheckinRecord): Promise<CheckinOutcome> {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.checkin(record.eventId, record.participantId), ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { record, alreadyCheckedIn: false };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const existing = await get(record.eventId, record.participantId);
      if (!existing) return this.checkIn(record); // undone in between: try again
      return recordRepeat(existing, record);
    },

    /** Undo: the officer is no longer counted as present. */
    async undo(eventId: string, participantId: string): Promise<CheckinRecord> {
      try {
        const { Attributes } = await doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.checkin(eventId, participantId),
            ConditionExpression: 'attribute_exists(pk)',
            ReturnValues: 'ALL_OLD',
          }),
        );
        return withoutKeys(Attributes ?? {}) as CheckinRecord;
      } catch (error) {
        if (isConditionFailure(error)) throw new DomainError('not_found');
        throw error;
      }
    },

    /** Every check-in of a session: one partition, a few hundred small items. */
    async listByEvent(eventId: string): Promise<CheckinRecord[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.event(eventId).pk, ':prefix': 'CHECKIN#' },
      });
      return items.map((item) => withoutKeys(item) as CheckinRecord);
    },
  };
}

export type CheckinsRepo = ReturnType<typeof createCheckinsRepo>;
