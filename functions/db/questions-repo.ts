import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import type { Board, Question } from '../domain/questions';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { withoutKeys } from './keys';
import { queryAll } from './paging';
import { questionKeys } from './question-keys';
import { transact } from './transactions';

/** Question fields a moderator or the organizer may set (status, marks, the answer). */
export type QuestionChanges = Partial<
  Pick<Question, 'status' | 'mergedInto' | 'answeredAt' | 'answer' | 'pinnedAt' | 'moderatedAt'>
> & { removePin?: true; removeAnswered?: true };

/**
 * Tanya jawab storage (keys in question-keys.ts). Every write to a question adds one to its `rev`, so a write made
 * from a stale read fails its condition instead of undoing another moderator's, and the sum of a session's revs
 * orders the board's rebuilds: a rebuild from an older read never replaces a newer board.
 */
export function createQuestionsRepo(doc: DocumentClient, tableName: string) {
  const fromItem = (item: Record<string, unknown>) => {
    const { voter: _voter, ...rest } = withoutKeys(item);
    return rest as Question;
  };

  async function get(eventId: string, questionId: string): Promise<Question | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: questionKeys.question(eventId, questionId),
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  /**
   * Stores a new question once: a retry with the same id finds the first one (`created: false`); the same id with
   * another text or session is somebody else's and refused.
   */
  async function create(question: Question): Promise<{ question: Question; created: boolean }> {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...questionKeys.question(question.eventId, question.id), ...question },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { question, created: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await get(question.eventId, question.id);
      if (!existing || existing.text !== question.text) throw new DomainError('conflict');
      return { question: existing, created: false };
    }
  }

  /** Every question of a session, however many pages. */
  async function list(eventId: string): Promise<Question[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :q)',
      ExpressionAttributeValues: { ':pk': questionKeys.partition(eventId), ':q': 'Q#' },
      ConsistentRead: true,
    });
    return items.map(fromItem);
  }

  /** Applies changes to the question as it was read (its `rev`); someone else's write in between is a conflict. */
  async function update(question: Question, changes: QuestionChanges): Promise<void> {
    const { removePin, removeAnswered, ...set } = changes;
    const names: Record<string, string> = { '#rev': 'rev' };
    const values: Record<string, unknown> = { ':one': 1, ':rev': question.rev };
    const sets = Object.entries(set)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => {
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        return `#${field} = :${field}`;
      });
    const removes = [...(removePin ? ['pinnedAt'] : []), ...(removeAnswered ? ['answeredAt'] : [])];
    for (const field of removes) names[`#${field}`] = field;
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: questionKeys.question(question.eventId, question.id),
          UpdateExpression: [
            `SET #rev = #rev + :one${sets.length ? `, ${sets.join(', ')}` : ''}`,
            removes.length ? `REMOVE ${removes.map((f) => `#${f}`).join(', ')}` : '',
          ]
            .filter(Boolean)
            .join(' '),
          ConditionExpression: '#rev = :rev',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('conflict');
      throw error;
    }
  }

  /**
   * One vote per voter per question: the vote item and the question's counter in one transaction, so a retried or
   * repeated vote counts once. Only an approved question takes votes.
   */
  async function vote(eventId: string, questionId: string, voterHash: string, at: string) {
    const key = questionKeys.question(eventId, questionId);
    const result = await transact(doc, [
      {
        Put: {
          TableName: tableName,
          Item: { ...questionKeys.vote(eventId, questionId, voterHash), at },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET votes = votes + :one, #rev = #rev + :one',
          ConditionExpression: '#status = :approved',
          ExpressionAttributeNames: { '#status': 'status', '#rev': 'rev' },
          ExpressionAttributeValues: { ':one': 1, ':approved': 'approved' },
        },
      },
    ]);
    if (result.ok) return { counted: true };
    if (result.failed.includes(0)) return { counted: false };
    throw new DomainError('conflict');
  }

  /** The board as the last rebuild left it; an eventually consistent read (half the price), polled by phones. */
  async function getBoard(eventId: string): Promise<Board | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: questionKeys.board(eventId) }),
    );
    return Item ? (withoutKeys(Item) as Board) : undefined;
  }

  /** Saves a rebuilt board unless a newer one (a higher version) is there already. */
  async function putBoard(board: Board): Promise<boolean> {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...questionKeys.board(board.eventId), ...board },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
          ExpressionAttributeValues: { ':version': board.version },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  return { get, create, list, update, vote, getBoard, putBoard };
}

export type QuestionsRepo = ReturnType<typeof createQuestionsRepo>;
