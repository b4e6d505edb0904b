import { loadTicketKeyFromAws } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { createCampaignRunner } from '../followups/runner';
import { runExclusively } from '../services/exclusive-run';

const tableName = process.env.TABLE_NAME ?? 'hadir';
const store = createStore(
  createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName,
  // Registrations are read with their ticket codes (and erased with their ticket items): the key is needed here too.
  { ticketKey: await loadTicketKeyFromAws() },
);
const runner = createCampaignRunner(store);

/** Lambda's context, as much of it as the tick uses. */
type Context = { getRemainingTimeInMillis(): number };

/**
 * EventBridge Scheduler target: `{ campaignId }` runs that campaign, any other payload is the periodic tick that
 * runs every due campaign. Both are idempotent per recipient, so a schedule and the tick firing together send
 * nothing twice; the tick holds a lease for as long as the function may run, so two ticks never overlap (a second
 * one returns at once), and it starts no campaign it might not have time for: that one is due at the next tick.
 */
export async function handler(event: { campaignId?: unknown } | undefined, context?: Context) {
  if (event && typeof event.campaignId === 'string') {
    return { campaignId: event.campaignId, ...(await runner.run(event.campaignId)) };
  }
  const maxMs = context?.getRemainingTimeInMillis() ?? 60_000;
  const timeLeft = () => context?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
  const outcome = await runExclusively(store, 'campaign-tick', maxMs, () => runner.tick({ timeLeft }));
  if (outcome.skipped) return { skipped: true };
  return { ran: outcome.result.length, results: outcome.result };
}
