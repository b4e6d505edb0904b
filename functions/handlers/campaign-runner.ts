import { loadTicketKeyFromAws } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { createCampaignRunner } from '../followups/runner';

const tableName = process.env.TABLE_NAME ?? 'hadir';
const store = createStore(
  createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName,
  // Registrations are read with their ticket codes (and erased with their ticket items): the key is needed here too.
  { ticketKey: await loadTicketKeyFromAws() },
);
const runner = createCampaignRunner(store);

/**
 * EventBridge Scheduler target: `{ campaignId }` runs that campaign (a one-off schedule at its due time), any
 * other payload is the periodic tick that runs every due campaign. Both are idempotent per recipient, so a
 * schedule and the tick firing together, or a retried invocation, send nothing twice.
 */
export async function handler(event: { campaignId?: unknown } | undefined) {
  if (event && typeof event.campaignId === 'string') {
    return { campaignId: event.campaignId, ...(await runner.run(event.campaignId)) };
  }
  const results = await runner.tick();
  return { ran: results.length, results };
}
