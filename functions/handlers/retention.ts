import { loadTicketKeyFromAws } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { runExclusively } from '../services/exclusive-run';
import { purgeExpiredPersonalData } from '../services/retention';

const tableName = process.env.TABLE_NAME ?? 'hadir';
const store = createStore(
  createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName,
  // Registrations are read with their ticket codes (and erased with their ticket items): the key is needed here too.
  { ticketKey: await loadTicketKeyFromAws() },
);

/**
 * Run by EventBridge Scheduler: erases personal data past its retention period (RETENTION_DAYS). One run at a
 * time (a lease as long as the function may run); a run that stops for time leaves the rest in the end-time index,
 * and the next scheduled run continues there.
 */
export async function handler(_event?: unknown, context?: { getRemainingTimeInMillis(): number }) {
  const days = Number(process.env.RETENTION_DAYS ?? '') || undefined;
  const maxMs = context?.getRemainingTimeInMillis() ?? 300_000;
  const timeLeft = () => context?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
  const outcome = await runExclusively(store, 'retention-purge', maxMs, () =>
    purgeExpiredPersonalData(store, new Date(), days, { timeLeft }),
  );
  const result = outcome.skipped ? { skipped: true } : outcome.result;
  console.log(JSON.stringify({ level: 'info', message: 'retention purge', ...result }));
  return result;
}
