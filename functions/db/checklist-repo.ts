import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Checklist, ChecklistStepId, StepState } from '../domain/checklist';
import type { DocumentClient } from './client';
import { keys, regencyOf } from './keys';
import { queryAll } from './paging';

/** Step attributes are stored flat (`step_akta`), so ticking one step never rewrites the others. */
const STEP_PREFIX = 'step_';

function toChecklist(item: Record<string, unknown>): Checklist {
  const done: Checklist['done'] = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(STEP_PREFIX))
      done[name.slice(STEP_PREFIX.length) as ChecklistStepId] = value as StepState;
  }
  return {
    cooperativeId: item.cooperativeId as string,
    done,
    updatedAt: item.updatedAt as string | undefined,
  };
}

/**
 * A cooperative's administration checklist as one organisation keeps it: one small item per organisation and
 * cooperative in that organisation's partition of the regency (keys.ts, 50), so a dashboard reads all of a
 * regency's with one query, and one Dinas never reads or ticks another's.
 */
export function createChecklistRepo(doc: DocumentClient, tableName: string) {
  return {
    async get(organisationId: string, cooperativeId: string): Promise<Checklist> {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.checklist(organisationId, cooperativeId),
          ConsistentRead: true,
        }),
      );
      return Item ? toChecklist(Item) : { cooperativeId, done: {} };
    },

    async listByRegency(organisationId: string, regencyCode: string): Promise<Map<string, Checklist>> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.organisationRegency(organisationId, regencyCode).pk,
          ':prefix': 'CHECKLIST#',
        },
      });
      return new Map(items.map(toChecklist).map((checklist) => [checklist.cooperativeId, checklist]));
    },

    /** Marks one step done (or not done) and returns the whole checklist. Idempotent. */
    async setStep(
      organisationId: string,
      cooperativeId: string,
      step: ChecklistStepId,
      state: StepState | undefined,
      now: Date,
    ): Promise<Checklist> {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.checklist(organisationId, cooperativeId),
          UpdateExpression: state
            ? 'SET #step = :state, cooperativeId = :id, regencyCode = :regency, organisationId = :org, updatedAt = :now'
            : 'REMOVE #step SET cooperativeId = :id, regencyCode = :regency, organisationId = :org, updatedAt = :now',
          ExpressionAttributeNames: { '#step': `${STEP_PREFIX}${step}` },
          ExpressionAttributeValues: {
            ...(state ? { ':state': state } : {}),
            ':id': cooperativeId,
            ':regency': regencyOf(cooperativeId),
            ':org': organisationId,
            ':now': now.toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toChecklist(Attributes ?? { cooperativeId });
    },
  };
}

export type ChecklistRepo = ReturnType<typeof createChecklistRepo>;
