import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import type { EvaluationAnswer, EvaluationForm } from '../domain/evaluation';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { EVALUATION_ANSWER_PREFIX, evaluationKeys } from './evaluation-keys';
import { withoutKeys } from './keys';
import { queryAll } from './paging';

export type StoredEvaluationForm = EvaluationForm & {
  eventId: string;
  updatedAt: string;
  updatedBy?: string;
};

/**
 * Session evaluations: the form an organizer edits, and the answers. An answer is created with
 * attribute_not_exists, so a second submit of the same ticket (a double tap, a retry, another phone) is refused
 * as `already_answered` and the first answer stands.
 */
export function createEvaluationsRepo(doc: DocumentClient, tableName: string) {
  return {
    /** The session's own form, or nothing when the organizer never changed the default. */
    async getForm(eventId: string): Promise<StoredEvaluationForm | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: evaluationKeys.form(eventId), ConsistentRead: true }),
      );
      return Item ? (withoutKeys(Item) as StoredEvaluationForm) : undefined;
    },

    async putForm(form: StoredEvaluationForm): Promise<void> {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { ...evaluationKeys.form(form.eventId), ...form } }),
      );
    },

    async getAnswer(eventId: string, participantId: string): Promise<EvaluationAnswer | undefined> {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: evaluationKeys.answer(eventId, participantId),
          ConsistentRead: true,
        }),
      );
      return Item ? (withoutKeys(Item) as EvaluationAnswer) : undefined;
    },

    /** Stores the officer's one answer; `already_answered` when there is one. */
    async putAnswer(answer: EvaluationAnswer): Promise<void> {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...evaluationKeys.answer(answer.eventId, answer.participantId), ...answer },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new DomainError('already_answered');
        throw error;
      }
    },

    /** Every answer of a session, however many pages it takes. `pageSize` exists for the test of paging. */
    async listAnswers(
      eventId: string,
      { pageSize }: { pageSize?: number } = {},
    ): Promise<EvaluationAnswer[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': evaluationKeys.form(eventId).pk,
          ':prefix': EVALUATION_ANSWER_PREFIX,
        },
        ...(pageSize ? { Limit: pageSize } : {}),
      });
      return items.map((item) => withoutKeys(item) as EvaluationAnswer);
    },
  };
}

export type EvaluationsRepo = ReturnType<typeof createEvaluationsRepo>;
