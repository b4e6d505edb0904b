import type { TestProject } from 'vitest/node';
import { type LocalDynamo, startDynamoLocal } from '../../functions/local/dynamo-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoints: string[];
  }
}

/** As many DynamoDB Locals as test files run at once (vitest.config.ts's maxWorkers). */
export const DYNAMO_INSTANCES = 2;

type Shared = { instances: Promise<LocalDynamo[]>; users: number };
const holder = globalThis as { hadirTestDynamo?: Shared };

/**
 * One DynamoDB Local per vitest worker, kept for the whole run: each file takes the instance of the worker it
 * runs in (test/helpers/database-per-worker.ts) and makes and drops its own tables there. A fresh Java process per
 * file cost each file its start-up and, worse, a cold JIT: the first few hundred requests ran twenty times slower
 * than on a warm instance. The integration and browser projects both list this file; they share the instances.
 */
export default async function setup(project: TestProject) {
  holder.hadirTestDynamo ??= {
    instances: (async () => {
      const started: LocalDynamo[] = [];
      // One after the other: two Java processes starting at once on two cores can pass the start-up limit.
      // Java starts in seconds on an idle machine; a loaded one, running browsers and builds, has taken a minute.
      for (let i = 0; i < DYNAMO_INSTANCES; i++)
        started.push(await startDynamoLocal({ readyWithinMs: 120_000 }));
      return started;
    })(),
    users: 0,
  };
  const shared = holder.hadirTestDynamo;
  shared.users++;
  project.provide(
    'dynamoEndpoints',
    (await shared.instances).map((instance) => instance.endpoint),
  );
  return async () => {
    shared.users--;
    if (shared.users > 0) return;
    holder.hadirTestDynamo = undefined;
    await Promise.all((await shared.instances).map((instance) => instance.stop()));
  };
}
