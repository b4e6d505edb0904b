import { defineConfig } from 'vitest/config';
import ProjectOrder from './test/helpers/project-order.js';

/**
 * Four projects. `npm test` runs unit, integration and browser; scale (the 10,000-request fuzz, the
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
    // A worker keeps the modules it loaded from one file to the next: loading the app, the SDK and React Email again
    // for each of a hundred files was most of the run's time. Files that test a Lambda handler, which reads
    // process.env once at load, stub the environment and import the handler themselves (vi.stubEnv), and are the
    // only files that import it.
    isolate: false,
    sequence: { sequencer: ProjectOrder },
    // The pinned SDK supports Node 20; its notice about 2027 releases is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...unit, ...browser, ...scale],
          ...database,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browser,
          setupFiles: database.setupFiles,
          globalSetup: [...database.globalSetup, chromium],
        },
      },
      // A fresh worker per scale file: they are few and long, so loading modules again costs little beside them.
      { extends: true, test: { name: 'scale', include: scale, isolate: true, ...database } },
    ],
  },
});
