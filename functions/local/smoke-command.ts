import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { requireTable } from '../db/table';
import { runSmokeTest } from '../services/smoke-test';
import { deployedTableName } from './deployed-table';
import { rememberedEndpoint } from './local-config';

const USAGE = `Usage: npm run smoke -- --url https://hadir.example.go.id [--stage prod] [--outputs cdk-outputs.json]
         [--region ap-southeast-3] [--local] [--keep] [--email-timeout 90]

After a deploy: checks health and the public pages, registers on a session made for the test, waits for its email
job to be sent (to SES's mailbox simulator), checks the officer in with a station token, then erases and removes
everything it made. Reaches the table with your AWS credentials (TABLE_NAME or the stack outputs); --local uses
DynamoDB Local (DYNAMODB_ENDPOINT or a running npm start).`;

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      stage: { type: 'string', default: 'dev' },
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      region: { type: 'string' },
      local: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'email-timeout': { type: 'string', default: '90' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.url) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const tableName = deployedTableName(process.env, values.outputs ?? '', values.stage ?? 'dev');
  if (!tableName) {
    console.error(`No table: set TABLE_NAME, or deploy with --outputs-file ${values.outputs}.`);
    process.exit(2);
  }
  const endpoint = values.local ? process.env.DYNAMODB_ENDPOINT || rememberedEndpoint() : undefined;
  const doc = createDocumentClient({ endpoint, region: values.region });
  await requireTable(doc, tableName);
  // Sessions and stations are written directly; tickets are issued and erased by the deployment itself, so a key
  // of its own only completes the store.
  const store = createStore(doc, tableName, { ticketKey: randomBytes(32).toString('hex') });
  const { ok, steps } = await runSmokeTest({
    baseUrl: values.url,
    store,
    keep: values.keep,
    emailTimeoutMs: Number(values['email-timeout']) * 1000,
    log: (step) => console.log(`${step.ok ? 'ok  ' : 'FAIL'} ${step.step} (${step.ms} ms): ${step.detail}`),
  });
  console.log(ok ? `Smoke test passed: ${steps.length} steps.` : 'Smoke test FAILED.');
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
