import type { TestProject } from 'vitest/node';
import { freePort, type LocalDynamo, startDynamoLocal } from '../../functions/local/dynamo-local';

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
export const SHORT_RUN_JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

type Shared = { endpoints: string[]; instances: Promise<LocalDynamo[]>; users: number };
const holder = globalThis as { hadirTestDynamo?: Shared };

/**
 * One DynamoDB Local per vitest worker, kept for the whole run: each file takes the instance of the worker it
 * runs in (test/helpers/database-per-worker.ts) and makes and drops its own tables there. A fresh Java process per
 * file cost each file its start-up and, worse, a cold JIT: the first few hundred requests ran twenty times slower
 * than on a warm instance. The integration and browser projects both list this file; they share the instances.
 *
 * The instances start on ports chosen here and are not waited for: vitest starts Chromium and its workers, and
 * the workers load the app, while Java starts (each worker waits for its instance before its first file).
 */
export default async function setup(project: TestProject) {
  if (!holder.hadirTestDynamo) {
    const ports = await Promise.all(
      Array.from({ length: project.globalConfig.maxWorkers }, () => freePort()),
    );
    // Java starts in seconds on an idle machine; a loaded one, running browsers and builds, has taken a minute.
    const instances = Promise.all(
      ports.map((port) => startDynamoLocal({ port, readyWithinMs: 120_000, jvmOptions: SHORT_RUN_JVM })),
    );
    // Said here, where the cause is known (no Java, say); the workers only find no database.
    instances.catch((error) => console.error('DynamoDB Local did not start:', error));
    holder.hadirTestDynamo = {
      endpoints: ports.map((port) => `http://127.0.0.1:${port}`),
      instances,
      users: 0,
    };
  }
  const shared = holder.hadirTestDynamo;
  shared.users++;
  project.provide('dynamoEndpoints', shared.endpoints);
  return async () => {
    shared.users--;
    if (shared.users > 0) return;
    holder.hadirTestDynamo = undefined;
    const started = await shared.instances.catch(() => []);
    await Promise.all(started.map((instance) => instance.stop()));
  };
}
