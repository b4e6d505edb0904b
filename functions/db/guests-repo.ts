import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import { type Guest, inProtocolOrder } from '../domain/guests';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { guestKeys } from './guest-keys';
import { withoutKeys } from './keys';
import { queryAll } from './paging';
import { transact } from './transactions';

/** Items per query page: a session has a few dozen guests; more are read page by page to the end. */
export const LIST_PAGE_SIZE = 100;

/** A session's guests and speakers (guest-keys.ts, 110). */
export function createGuestsRepo(doc: DocumentClient, tableName: string) {
  async function get(eventId: string, guestId: string): Promise<Guest | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: guestKeys.guest(eventId, guestId), ConsistentRead: true }),
    );
    return Item ? (withoutKeys(Item) as Guest) : undefined;
  }

  /** Every guest of the session, in protocol order. */
  async function list(eventId: string): Promise<Guest[]> {
    const { pk, skPrefix } = guestKeys.guestsOf(eventId);
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
      Limit: LIST_PAGE_SIZE,
    });
    return inProtocolOrder(items.map((item) => withoutKeys(item) as Guest));
  }

  /** Adds a guest once: a retried form (same id) gets the guest it already added. */
  async function add(guest: Guest): Promise<Guest> {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...guestKeys.guest(guest.eventId, guest.id), ...guest },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return guest;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await get(guest.eventId, guest.id);
      if (!existing) throw new DomainError('conflict');
      return existing;
    }
  }

  async function update(
    eventId: string,
    guestId: string,
    fields: Pick<Guest, 'name' | 'position' | 'institution' | 'role'> & { letterNumber?: string },
  ): Promise<void> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: guestKeys.guest(eventId, guestId),
          UpdateExpression: fields.letterNumber
            ? 'SET #name = :name, #position = :position, institution = :institution, #role = :role, letterNumber = :letterNumber'
            : 'SET #name = :name, #position = :position, institution = :institution, #role = :role REMOVE letterNumber',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': 'name', '#position': 'position', '#role': 'role' },
          ExpressionAttributeValues: {
            ':name': fields.name,
            ':position': fields.position,
            ':institution': fields.institution,
            ':role': fields.role,
            ...(fields.letterNumber ? { ':letterNumber': fields.letterNumber } : {}),
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('not_found');
      throw error;
    }
  }

  /** Removing twice is the same as once. */
  async function remove(eventId: string, guestId: string): Promise<void> {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: guestKeys.guest(eventId, guestId) }));
  }

  /**
   * Writes new orders in one transaction, each only if the guest still has the order it was read with: two
   * people reordering at the same time get a conflict instead of a list with two guests at one place.
   */
  async function reorder(eventId: string, moves: { guestId: string; from: number; to: number }[]) {
    if (moves.length === 0) return;
    const result = await transact(
      doc,
      moves.map((move) => ({
        Update: {
          TableName: tableName,
          Key: guestKeys.guest(eventId, move.guestId),
          UpdateExpression: 'SET #order = :to',
          ConditionExpression: '#order = :from',
          ExpressionAttributeNames: { '#order': 'order' },
          ExpressionAttributeValues: { ':to': move.to, ':from': move.from },
        },
      })),
    );
    if (!result.ok) throw new DomainError('conflict');
  }

  /** Marks the guest present; the first time stands (a second tap keeps the earlier time). */
  async function checkIn(eventId: string, guestId: string, at: string): Promise<Guest> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: guestKeys.guest(eventId, guestId),
          UpdateExpression: 'SET checkedInAt = if_not_exists(checkedInAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys(Attributes ?? {}) as Guest;
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('not_found');
      throw error;
    }
  }

  async function undoCheckIn(eventId: string, guestId: string): Promise<void> {
    await doc
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: guestKeys.guest(eventId, guestId),
          UpdateExpression: 'REMOVE checkedInAt',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      )
      .catch((error) => {
        if (isConditionFailure(error)) throw new DomainError('not_found');
        throw error;
      });
  }

  return { get, list, add, update, remove, reorder, checkIn, undoCheckIn };
}

export type GuestsRepo = ReturnType<typeof createGuestsRepo>;
