import { performance } from 'node:perf_hooks';
import type { RegistrationInput } from '../functions/domain/schemas';
import { createLocalOutboxTransport } from '../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../functions/mail/outbox-worker';
import { createRegistrationService } from '../functions/services/registrations';
import { createCloudApiClient } from '../functions/whatsapp/cloud-api';
import { createWhatsAppDelivery } from '../functions/whatsapp/deliver';
import { createCloudApiSender } from '../functions/whatsapp/senders';
import { startContractServer } from '../test/helpers/whatsapp-contract';
import { benchEvent, type Environment, registrationBody, syntheticRegency } from './environment';
import type { Figure } from './lib';
import { round } from './lib';

/**
 * WhatsApp template prices for Indonesia, per delivered message, in USD. ASSUMPTION, NOT VERIFIED: the figures of
 * Meta's per-message rate card as last known to us (effective 1 July 2025); this machine has no internet to check
 * the current card (developers.facebook.com/docs/whatsapp/pricing). Meta revises rates quarterly and offers IDR
 * billing: replace these two numbers with the current card before quoting a budget.
 */
export const WHATSAPP_PRICE_ID = {
  asOf: '2025-07-01 (assumed, unverified)',
  utility: 0.02,
  marketing: 0.0411,
};

/**
 * A 400-officer session with WhatsApp on, message by message: 134 cooperatives of three officers (the last of
 * two), every contact agreed to WhatsApp. Utility: the notice with the manage link and one ticket per officer, the
 * H-1 reminder per registration, thanks with the certificate per officer present (90% attend), materials per
 * registration with an absentee (about a quarter). Marketing, for comparison only: the invitation to each of Kotim's
 * 185 cooperatives if it went by WhatsApp (hadir sends invitations by email and the organizer's own WhatsApp).
 */
export function whatsappSessionBill(officers = 400, perCooperative = 3, attendance = 0.9) {
  const registrations = Math.ceil(officers / perCooperative);
  const utility = {
    notices: registrations,
    tickets: officers,
    reminders: registrations,
    thanks: Math.round(officers * attendance),
    materials: Math.round(registrations * 0.25),
  };
  const utilityCount = Object.values(utility).reduce((a, b) => a + b, 0);
  const invitations = 185;
  return {
    utility,
    utilityCount,
    utilityCost: utilityCount * WHATSAPP_PRICE_ID.utility,
    invitations,
    invitationCost: invitations * WHATSAPP_PRICE_ID.marketing,
  };
}

/**
 * Messages per second through the WhatsApp path: registrations write their jobs, the outbox worker claims, fills
 * the template, posts to the contract server with the production client, and records each send (one transaction
 * with its log and platform id) in DynamoDB Local.
 */
export async function whatsappThroughput(env: Environment, registrations: number): Promise<Figure[]> {
  const server = await startContractServer({ accessToken: 'bench-token' });
  try {
    const cooperatives = await syntheticRegency(env.store, '99.21', registrations);
    const event = benchEvent({ capacity: 1_000_000, regencyCode: '99.21', maxPerCooperative: 3 });
    await env.store.events.put(event);
    const service = createRegistrationService(env.store);
    for (const [index, cooperative] of cooperatives.entries()) {
      const body = registrationBody(cooperative.id, 1, 700_000 + index) as RegistrationInput;
      await service.register(event.id, { ...body, whatsapp: true }, { language: 'id' });
    }
    const sender = createCloudApiSender(
      createCloudApiClient({
        phoneNumberId: '1122334455',
        accessToken: 'bench-token',
        baseUrl: server.baseUrl,
      }),
    );
    const worker = createOutboxWorker({
      store: env.store,
      transport: createLocalOutboxTransport(env.store.devMail),
      mail: { baseUrl: 'https://hadir.bench', from: 'hadir <noreply@hadir.bench>' },
      whatsapp: createWhatsAppDelivery({ store: env.store, sender, baseUrl: 'https://hadir.bench' }),
    });
    const started = performance.now();
    for (;;) {
      const { processed } = await worker.drain({ limit: 200, concurrency: 8 });
      if (processed === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const sent = server.received.length;
    const bill = whatsappSessionBill();
    return [
      {
        name: 'WhatsApp messages through the outbox (contract server)',
        value: sent / seconds,
        unit: 'msg/s',
        note: `${sent} template messages (notice + ticket per phone-only registration), worker concurrency 8, DynamoDB Local; the platform's default limit is 80 msg/s per number`,
      },
      {
        name: 'projected WhatsApp bill, one 400-officer session',
        value: `$${bill.utilityCost.toFixed(2)}`,
        unit: 'USD',
        note: `${bill.utilityCount} utility messages × $${WHATSAPP_PRICE_ID.utility} (${Object.entries(
          bill.utility,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); Indonesia prices ${WHATSAPP_PRICE_ID.asOf}`,
      },
      {
        name: 'WhatsApp invitations to 185 cooperatives, if sent as marketing',
        value: `$${round(bill.invitationCost, 2)}`,
        unit: 'USD',
        note: `${bill.invitations} × $${WHATSAPP_PRICE_ID.marketing} marketing (not sent by hadir; for comparison); ${WHATSAPP_PRICE_ID.asOf}`,
      },
    ];
  } finally {
    await server.close();
  }
}
