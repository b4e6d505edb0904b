import { defineConfig } from 'vitest/config';
import ProjectOrder from './test/helpers/project-order.js';

/**
 * Five projects. `npm test` runs unit, integration, own-modules and browser; scale (the 10,000-request fuzz, the
 * 50,000-row exports, the capacity bursts, the bundle budgets, a province's seed, the scheduled jobs over 5,000
 * campaigns, the coverage counters' replays) runs in `.ci/run` after it and on demand with `npm run test:scale`:
 * they prove the same rules at sizes that take minutes, not new behaviour.
 */
const browser = ['test/e2e/**/*.test.{ts,tsx}', 'test/**/*.e2e.test.{ts,tsx}'];
const scale = [
  'test/scale/**/*.test.{ts,tsx}',
  'test/security/fuzz.test.ts',
  'test/reports/export-size.test.ts',
  'test/integration/capacity-concurrency.test.ts',
  'test/infra/bundles.test.ts',
  // 5,000 campaigns and a whole province's directory: sizes that slow the shared DynamoDB Local for every file.
  'test/integration/scheduled-work.test.ts',
  'test/national/seed-province.test.ts',
  // Hundreds of registrations and check-ins replayed through the counters, concurrently and with kill points.
  'test/national/coverage-counters.test.ts',
];
const unit = ['test/unit/**/*.test.{ts,tsx}'];
/**
 * Files that set process.env and then import a Lambda handler, which reads it once at load: they need modules of
 * their own. Every other file shares its worker's loaded modules with the files before it (isolate: false), since
 * loading the app, the SDK and React Email again for each of a hundred files was most of the run's time.
 */
const ownModules = [
  'test/api/lambda-entry.test.ts',
  'test/api/lambda-scheduled.test.ts',
  'test/api/lambda-workers.test.ts',
  'test/infra/handlers.test.ts',
  'test/infra/stacks.test.ts',
  'test/whatsapp/webhook.test.ts',
];
/** A DynamoDB Local per worker, kept warm for the whole run, and one Chromium for the whole run. */
const database = {
  setupFiles: ['test/helpers/database-per-worker.ts'],
  globalSetup: ['test/helpers/dynamo-setup.ts'],
};
const chromium = 'test/helpers/browser-setup.ts';

export default defineConfig({
  test: {
    // The set-up of a report's world can take minutes on 2 cores under load.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two files at a time on two cores, each on its worker's DynamoDB Local. A third file at a time filled the page
    // tests' waits while Chromium cost more, but since the tests run in its headless shell it only adds a worker's
    // imports and a JVM: 163-165 s of vitest with two (280 CPU-seconds), 155-174 s with three (300-345).
    maxWorkers: 2,
    sequence: { sequencer: ProjectOrder },
    // The pinned SDK supports Node 20; its notice about 2027 releases is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: unit, isolate: false } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...unit, ...browser, ...scale, ...ownModules],
          isolate: false,
          ...database,
        },
      },
      { extends: true, test: { name: 'own-modules', include: ownModules, ...database } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browser,
          isolate: false,
          setupFiles: database.setupFiles,
          globalSetup: [...database.globalSetup, chromium],
        },
      },
      { extends: true, test: { name: 'scale', include: scale, ...database } },
    ],
  },
});
