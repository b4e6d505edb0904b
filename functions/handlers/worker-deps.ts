import { loadTicketKeyFromAws } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { createOutboxWorker } from '../mail/outbox-worker';
import { mailFrom, transportFromEnv } from '../mail/transport-from-env';
import { createWhatsAppDelivery } from '../whatsapp/deliver';
import { whatsappSenderFromEnv } from '../whatsapp/senders';

/** Shared by the email Lambdas; built once per instance. Emails show tickets, so they need the ticket key. */
export async function createWorkerFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const tableName = env.TABLE_NAME ?? 'hadir';
  const store = createStore(createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT }), tableName, {
    ticketKey: await loadTicketKeyFromAws(env),
  });
  const worker = createOutboxWorker({
    store,
    transport: transportFromEnv(store, env),
    mail: { baseUrl: env.PUBLIC_BASE_URL ?? '', from: mailFrom(env) },
    whatsapp: createWhatsAppDelivery({
      store,
      sender: whatsappSenderFromEnv(store.devMail, env),
      baseUrl: env.PUBLIC_BASE_URL ?? '',
    }),
  });
  return { store, worker };
}
