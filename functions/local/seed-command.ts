import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTicketKey } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { ensureTable, requireTable } from '../db/table';
import { deployedTableName } from './deployed-table';
import { startDynamoLocal } from './dynamo-local';
import { DATA_DIR, rememberedEndpoint, TABLE_NAME } from './local-config';
import { seedIfEmpty, seedRegency, upgradeIndexes } from './seed';
import { seedAreas } from './seed-national';

/**
 * `npm run seed -- --regency 62.01` loads another regency's cooperatives. It uses DYNAMODB_ENDPOINT, else
 * the DynamoDB Local of a running `npm start`, else starts DynamoDB Local on `.data/` for the duration.
 * `--aws` seeds the deployed table instead (TABLE_NAME, or the data stack's TableName output in the file
 * `--outputs` names): directory data only, never a table, a demo session or an admin (`npm run admin` is for that).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      regency: { type: 'string' },
      province: { type: 'string' },
      all: { type: 'boolean' },
      aws: { type: 'boolean', default: false },
      stage: { type: 'string', default: 'dev' },
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      region: { type: 'string' },
    },
  });
  const aws = values.aws || Boolean(process.env.AWS_EXECUTION_ENV);
  const tableName = aws
    ? deployedTableName(process.env, values.outputs ?? '', values.stage ?? 'dev')
    : TABLE_NAME;
  if (!tableName) throw new Error(`--aws: set TABLE_NAME, or deploy with --outputs-file ${values.outputs}`);
  if (aws && !values.regency && !values.province && !values.all) {
    throw new Error('--aws loads the directory only: name --regency <code>, --province <code> or --all');
  }
  let endpoint = aws ? '' : process.env.DYNAMODB_ENDPOINT || rememberedEndpoint();
  let stop: (() => Promise<void>) | undefined;
  if (endpoint && !(await reachable(endpoint))) endpoint = '';
  if (!endpoint && !aws) {
    const dynamo = await startDynamoLocal({ dataDir: DATA_DIR });
    endpoint = dynamo.endpoint;
    stop = dynamo.stop;
  }
  // Against AWS from a shell, credentials come from the SDK's provider chain (profile, SSO, CloudShell).
  const doc = createDocumentClient({ endpoint: endpoint || undefined, region: values.region });
  // Seeding issues no tickets: the local key only completes the store, also when seeding a table in AWS.
  const store = createStore(doc, tableName, {
    ticketKey: aws ? randomBytes(32).toString('hex') : loadTicketKey('local', process.env, DATA_DIR),
  });
  // In AWS only a table that exists (the data stack's): a mistyped name fails instead of making a stray table.
  if (aws) await requireTable(doc, tableName);
  else await ensureTable(doc, tableName);
  if (values.province || values.all) {
    const scope = values.all ? 'all' : `province-${values.province}`;
    const result = await seedAreas(store, values, join(DATA_DIR, `seed-progress-${tableName}-${scope}.json`));
    console.log(
      `Loaded ${result.loaded} of ${result.regencies} regencies (${result.cooperatives} cooperatives) in ${result.seconds.toFixed(1)} s`,
    );
  } else if (values.regency) {
    const { regency, cooperatives } = await seedRegency(store, values.regency);
    console.log(`Loaded ${cooperatives} cooperatives of ${regency.name}, ${regency.provinceName}`);
  } else {
    const seeded = await seedIfEmpty(store);
    console.log(seeded ? `Seeded ${seeded.cooperatives} cooperatives and one session` : 'Already seeded');
  }
  const upgraded = await upgradeIndexes(store);
  if (upgraded.sessions || upgraded.campaigns) {
    console.log(
      `Indexed ${upgraded.sessions} earlier sessions and ${upgraded.campaigns} campaigns for scheduled work`,
    );
  }
  const reindexed = await store.events.reindexPublicListing();
  if (reindexed) console.log(`Listed ${reindexed} earlier sessions in the public session index`);
  await stop?.();
}

async function reachable(endpoint: string) {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
