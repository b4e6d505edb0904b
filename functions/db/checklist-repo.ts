import type { Checklist, ChecklistStepId, StepState } from '../reports/checklist';
import { type DocumentClient, GetCommand, QueryCommand, UpdateCommand } from './document-client';
import { keys, regencyOf } from './keys';

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
 * A cooperative's administration checklist (issue 7): one small item per cooperative in its regency's
 * partition (pk=REGENCY#<code> sk=CHECKLIST#<cooperativeId>), so a regency's dashboard reads all of them with
 * one query next to the directory.
 */
export function createChecklistRepo(doc: DocumentClient, tableName: string) {
  return {
    async get(cooperativeId: string): Promise<Checklist> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.checklist(cooperativeId), ConsistentRead: true }),
      );
      return Item ? toChecklist(Item) : { cooperativeId, done: {} };
    },

    async listByRegency(regencyCode: string): Promise<Map<string, Checklist>> {
      const lists = new Map<string, Checklist>();
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': `REGENCY#${regencyCode}`, ':prefix': 'CHECKLIST#' },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const checklist = toChecklist(item);
          lists.set(checklist.cooperativeId, checklist);
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return lists;
    },

    /** Marks one step done (or not done) and returns the whole checklist. Idempotent. */
    async setStep(
      cooperativeId: string,
      step: ChecklistStepId,
      state: StepState | undefined,
      now: Date,
    ): Promise<Checklist> {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.checklist(cooperativeId),
          UpdateExpression: state
            ? 'SET #step = :state, cooperativeId = :id, regencyCode = :regency, updatedAt = :now'
            : 'REMOVE #step SET cooperativeId = :id, regencyCode = :regency, updatedAt = :now',
          ExpressionAttributeNames: { '#step': `${STEP_PREFIX}${step}` },
          ExpressionAttributeValues: {
            ...(state ? { ':state': state } : {}),
            ':id': cooperativeId,
            ':regency': regencyOf(cooperativeId),
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
