import type { EmailJobInput } from '../domain/notifications';
import { newId } from '../domain/tokens';
import { keys } from './keys';
import type { TransactItem } from './transactions';

/**
 * Email jobs as transaction items, so a repository can write them together with the change that causes
 * them (transactional outbox). The worker in outbox-repo.ts drains them.
 */
export function emailJobPuts(tableName: string, jobs: EmailJobInput[], now: Date): TransactItem[] {
  return jobs.map((job) => emailJobPut(tableName, job, now, newId()));
}

/** One job under a chosen id: a job derived from another (a fallback) is written once, whoever writes it. */
export function emailJobPut(tableName: string, job: EmailJobInput, now: Date, id: string): TransactItem {
  const at = now.toISOString();
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outboxJob(id),
        ...keys.pendingOutboxJob(at, id),
        id,
        ...job,
        status: 'pending',
        attempts: 0,
        availableAt: at,
        createdAt: at,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
