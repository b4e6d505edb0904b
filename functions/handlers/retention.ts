import { loadTicketKeyFromAws } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { purgeExpiredPersonalData } from '../services/retention';

const tableName = process.env.TABLE_NAME ?? 'hadir';
const store = createStore(
  createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName,
  // Registrations are read with their ticket codes (and erased with their ticket items): the key is needed here too.
  { ticketKey: await loadTicketKeyFromAws() },
);

/** Run daily by EventBridge Scheduler: erases personal data past its retention period (RETENTION_DAYS). */
export async function handler() {
  const days = Number(process.env.RETENTION_DAYS ?? '') || undefined;
  const result = await purgeExpiredPersonalData(store, new Date(), days);
  console.log(JSON.stringify({ level: 'info', message: 'retention purge', ...result }));
  return result;
}
