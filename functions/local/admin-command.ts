import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { requireTable, talksToAws } from '../db/table';
import { DomainError } from '../domain/errors';
import { ensureFirstAdmin } from '../services/first-admin';
import { deployedTableName } from './deployed-table';
import { rememberedEndpoint } from './local-config';

const USAGE = `Usage: npm run admin -- --email <address> --organisation <code> --regency <62.02> [--regency …]
         [--name "<organisation name>"] [--admin-name "<name>"] [--stage prod] [--outputs cdk-outputs.json]
         [--region ap-southeast-3] [--local]

Creates or updates an organisation, the regencies it serves, and its first admin, in the deployed table: the
TableName output of hadir-<stage>-data in the outputs file (cdk deploy --outputs-file), or TABLE_NAME. It never
creates a table or a demo session. --local uses DynamoDB Local (DYNAMODB_ENDPOINT or a running npm start).`;

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      organisation: { type: 'string' },
      regency: { type: 'string', multiple: true },
      name: { type: 'string' },
      'admin-name': { type: 'string' },
      stage: { type: 'string', default: 'dev' },
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      region: { type: 'string' },
      local: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.email || !values.organisation || !values.regency?.length) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const tableName = deployedTableName(process.env, values.outputs ?? '', values.stage ?? 'dev');
  if (!tableName) {
    console.error(
      `No table: ${values.outputs} has no TableName of hadir-${values.stage}-data. Deploy with ` +
        '--outputs-file, or set TABLE_NAME.',
    );
    process.exit(2);
  }
  const endpoint = values.local ? process.env.DYNAMODB_ENDPOINT || rememberedEndpoint() : undefined;
  if (values.local && !endpoint) {
    console.error('--local: no DynamoDB Local found (start npm start, or set DYNAMODB_ENDPOINT).');
    process.exit(2);
  }
  const doc = createDocumentClient({ endpoint, region: values.region });
  await requireTable(doc, tableName);
  // The command makes no ticket, link or code: a key of its own only completes the store.
  const store = createStore(doc, tableName, { ticketKey: randomBytes(32).toString('hex') });
  const result = await ensureFirstAdmin(store, {
    email: values.email,
    organisationId: values.organisation,
    organisationName: values.name,
    regencyCodes: values.regency,
    adminName: values['admin-name'],
  });
  const where = talksToAws(doc) ? `${tableName} (${await doc.config.region()})` : `${tableName} (local)`;
  console.log(
    `${where}: organisation ${result.organisationId} ${result.organisation}, admin ${result.email} ${result.admin}.`,
  );
  console.log(`Sign in at <your domain>/masuk with ${result.email} (the link arrives by email).`);
}

main().catch((error) => {
  if (error instanceof DomainError) {
    const fields = (error.issues ?? []).map((issue) => `--${issue.path.join('.')}: ${issue.code}`);
    console.error(`Refused: ${fields.join(', ') || error.code}`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
