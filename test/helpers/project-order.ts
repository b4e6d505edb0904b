import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order `npm test` hands files to its workers, which decides how long the run takes on two cores.
 * Page tests go first: they spend much of their time waiting on the network, timers and polls, and the files that
 * follow fill those gaps. The cloud stacks' long import starts early among the database files, so it overlaps
 * other work instead of ending the run alone; the many short database files end it, so no worker sits idle while
 * one long file finishes.
 */
const PROJECT_ORDER = ['browser', 'unit', 'integration', 'scale'];

/**
 * Within its project, a file listed here starts before the others, in this order: the longest files and those
 * that mostly wait (a restarted database, Node's socket timeout). vitest would learn this from an earlier run, but
 * a fresh clone, as in CI, has none and would start them wherever they happen to fall.
 */
const START_FIRST = [
  'test/e2e/accessibility.test.ts',
  'test/e2e/checkin.test.ts',
  'test/e2e/registration-journeys.test.ts',
  'test/e2e/questions.test.ts',
  'test/infra/stacks.test.ts',
  'test/integration/faults.test.ts',
  'test/integration/smoke.test.ts',
  'test/security/stored-xss.test.ts',
  'test/integration/keep-alive.test.ts',
];

const root = resolve(import.meta.dirname, '../..');
const missing = START_FIRST.filter((file) => !existsSync(resolve(root, file)));
if (missing.length)
  throw new Error(`test/helpers/project-order.ts lists files that do not exist: ${missing}`);

const projectRank = (file: TestSpecification) => {
  const index = PROJECT_ORDER.indexOf(file.project.name);
  return index === -1 ? PROJECT_ORDER.length : index;
};

const fileRank = (file: TestSpecification) => {
  const index = START_FIRST.indexOf(relative(root, file.moduleId));
  return index === -1 ? START_FIRST.length : index;
};

export default class ProjectOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort(
      (a, b) => projectRank(a) - projectRank(b) || fileRank(a) - fileRank(b),
    );
  }
}
