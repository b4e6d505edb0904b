import { loadTicketKey } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { ensureRateLimitTable, ensureTable } from '../db/table';
import { coverageChangeOf } from '../db/table-changes';
import { createCampaignRunner } from '../followups/runner';
import { createApp } from '../http/app';
import { createOutboxWorker } from '../mail/outbox-worker';
import { mailFrom, transportFromEnv } from '../mail/transport-from-env';
import { createCoverageService } from '../services/coverage';
import { createDynamoRateLimiter } from '../services/rate-limiter';
import { purgeExpiredPersonalData } from '../services/retention';
import { createWhatsAppDelivery } from '../whatsapp/deliver';
import { whatsappSenderFromEnv } from '../whatsapp/senders';
import { createDevRoutes } from './dev-routes';
import { JavaMissingError, type LocalDynamo, startDynamoLocal } from './dynamo-local';
import { DATA_DIR, rememberEndpoint, TABLE_NAME } from './local-config';
import { pollEvery } from './poll';
import { seedIfEmpty, upgradeIndexes } from './seed';
import { ensureSearchWords } from './seed-national';
import { serveApp } from './server';
import { createTableStreamReader } from './table-stream';

/**
 * `npm start`: the whole system on one machine. DynamoDB Local runs as a child process with its data in
 * `.data/` (or DYNAMODB_ENDPOINT points at another DynamoDB), the table is created and seeded when missing,
 * and the app is served on PORT.
 */
async function main() {
  const port = Number(process.env.PORT ?? 3000);
  let dynamo: LocalDynamo | undefined;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    dynamo = await startDynamoLocal({ dataDir: DATA_DIR });
    endpoint = dynamo.endpoint;
    rememberEndpoint(endpoint);
  }
  const doc = createDocumentClient({ endpoint });
  const store = createStore(doc, TABLE_NAME, { ticketKey: loadTicketKey('local', process.env, DATA_DIR) });
  if (await ensureTable(doc, TABLE_NAME)) console.log(`Created table ${TABLE_NAME}`);
  const seeded = await seedIfEmpty(store);
  await upgradeIndexes(store);
  const indexed = await ensureSearchWords(store);
  if (indexed) console.log(`Indexed the cooperatives of ${indexed} regencies for the national search`);
  const reindexed = await store.events.reindexPublicListing();
  if (reindexed) console.log(`Listed ${reindexed} earlier sessions in the public session index`);
  if (seeded) {
    console.log(
      `Seeded ${seeded.cooperatives} cooperatives of ${seeded.regency.name} and "${seeded.event.title}"`,
    );
  }

  const baseUrl = process.env.PUBLIC_BASE_URL || `http://localhost:${port}`;
  const rateLimitTable = `${TABLE_NAME}-ratelimits`;
  await ensureRateLimitTable(doc, rateLimitTable);
  const app = createApp({
    store,
    rateLimiter: createDynamoRateLimiter(doc, rateLimitTable),
    config: { runtime: 'local', publicBaseUrl: baseUrl },
    devRoutes: createDevRoutes(store),
  });
  const transport = transportFromEnv(store);
  const whatsappSender = whatsappSenderFromEnv(store.devMail);
  const worker = createOutboxWorker({
    store,
    transport,
    mail: { baseUrl, from: mailFrom() },
    whatsapp: createWhatsAppDelivery({ store, sender: whatsappSender, baseUrl }),
  });
  const stopPolling = pollEvery(1000, () => worker.drain());
  // The coverage dashboards' counters, kept from the table's stream as the coverage-stream function does in AWS:
  // records of one item in order, each applied once however often it is read again after a restart.
  const coverage = createCoverageService(store);
  const tableStream = createTableStreamReader(endpoint, TABLE_NAME);
  const stopCoverage = pollEvery(1000, async () => {
    await tableStream.drain(async (records) => {
      for (const record of records) {
        const change = coverageChangeOf(record);
        if (change) await coverage.apply(change);
      }
    });
    await coverage.rollEndedSessions();
  });
  const stopCampaigns = pollEvery(15_000, () => createCampaignRunner(store).tick()); // follow-ups
  const retentionDays = Number(process.env.RETENTION_DAYS ?? '') || undefined;
  const stopPurging = pollEvery(60 * 60 * 1000, () =>
    purgeExpiredPersonalData(store, new Date(), retentionDays),
  );
  const server = await serveApp(app, { port });
  console.log(`hadir is running at http://localhost:${port}`);
  console.log(`  DynamoDB: ${endpoint}${dynamo ? ` (DynamoDB Local, data in ${DATA_DIR})` : ''}`);
  console.log(
    `  Emails:   ${transport.name === 'local-outbox' ? `${baseUrl}/dev/outbox` : `via ${transport.name}`}`,
  );
  console.log(
    `  WhatsApp: ${whatsappSender.name === 'local-outbox' ? `${baseUrl}/dev/outbox` : `via ${whatsappSender.name}`}`,
  );

  const shutdown = async () => {
    await stopPolling();
    await stopCoverage();
    await stopPurging();
    await stopCampaigns();
    void server.close();
    await dynamo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  if (error instanceof JavaMissingError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
