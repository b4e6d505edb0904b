import type { TestProject } from 'vitest/node';
import { type LocalDynamo, startDynamoLocal } from '../../functions/local/dynamo-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoints: string[];
  }
}

/**
 * A test run's databases live minutes and answer small requests: the JVM's optimising compiler never pays back
 * what it costs them. The quick compiler alone and the single-threaded collector took the integration project's
 * Java from 135 to 80 CPU-seconds, and the project from 126 to 95 s, on 2 cores.
 */
const SHORT_RUN_JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

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
    // As many as test files run at once, started together. Java starts in seconds on an idle machine; a loaded
    // one, running browsers and builds, has taken a minute.
    instances: Promise.all(
      Array.from({ length: project.globalConfig.maxWorkers }, () =>
        startDynamoLocal({ readyWithinMs: 120_000, jvmOptions: SHORT_RUN_JVM }),
      ),
    ),
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
