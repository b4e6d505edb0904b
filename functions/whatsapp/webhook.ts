import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import type { Store } from '../db/store';
import type { DeliveryStatus } from '../db/whatsapp-repo';
import { isStartReply, isStopReply } from '../domain/channels';
import { fallbackFor } from './fallback';

/**
 * The platform's webhooks (field `messages`): delivery statuses of what hadir sent, and what people write back.
 * Every notification is signed with the app secret (X-Hub-Signature-256: HMAC-SHA256 of the raw body); the
 * platform redelivers until it gets a 200, so everything here is idempotent on replays.
 */
export function verifySignature(
  appSecret: string,
  rawBody: string | Uint8Array,
  header: string | undefined,
): boolean {
  if (!appSecret || !header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const signatureOf = (appSecret: string, rawBody: string) =>
  `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;

/** The GET handshake when the operator registers the callback URL: echo the challenge for the right token. */
export function verificationChallenge(
  query: Record<string, string | undefined>,
  verifyToken: string,
): string | undefined {
  if (!verifyToken || query['hub.mode'] !== 'subscribe') return undefined;
  const given = Buffer.from(query['hub.verify_token'] ?? '');
  const expected = Buffer.from(verifyToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return query['hub.challenge'];
}

const status = z.object({
  id: z.string(),
  status: z.string(),
  timestamp: z.optional(z.string()),
  recipient_id: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ code: z.optional(z.number()), title: z.optional(z.string()) }))),
});
const message = z.object({
  id: z.string(),
  from: z.string(),
  type: z.optional(z.string()),
  text: z.optional(z.object({ body: z.optional(z.string()) })),
  button: z.optional(z.object({ payload: z.optional(z.string()), text: z.optional(z.string()) })),
});
const preference = z.object({
  wa_id: z.string(),
  category: z.optional(z.string()),
  value: z.optional(z.string()),
});
export const webhookPayload = z.object({
  object: z.optional(z.string()),
  entry: z._default(
    z.array(
      z.object({
        changes: z._default(
          z.array(
            z.object({
              field: z.optional(z.string()),
              value: z._default(
                z.object({
                  statuses: z.optional(z.array(status)),
                  messages: z.optional(z.array(message)),
                  user_preferences: z.optional(z.array(preference)),
                }),
                {},
              ),
            }),
          ),
          [],
        ),
      }),
    ),
    [],
  ),
});
export type WebhookPayload = z.infer<typeof webhookPayload>;

const STATUSES = new Set<DeliveryStatus>(['delivered', 'read', 'failed']);
/** The person stopped marketing messages from this business. */
const STOPPED_CODE = 131050;

const toPhone = (waId: string) => `+${waId.replace(/^\+/, '')}`;
const timeOf = (timestamp: string | undefined, fallback: Date) =>
  timestamp && /^\d+$/.test(timestamp) ? new Date(Number(timestamp) * 1000) : fallback;

export type WebhookOutcome = {
  statuses: number;
  optOuts: number;
  optIns: number;
  ignored: number;
  fallbacks: number;
};

export async function handleWebhook(
  payload: WebhookPayload,
  store: Store,
  now: Date,
): Promise<WebhookOutcome> {
  const repo = store.whatsapp;
  const outcome: WebhookOutcome = { statuses: 0, optOuts: 0, optIns: 0, ignored: 0, fallbacks: 0 };
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      const value = change.value;
      for (const update of value.statuses ?? []) {
        const next = update.status as DeliveryStatus;
        const log = STATUSES.has(next) ? await repo.logOfPlatformId(update.id) : undefined;
        if (!log || next === 'sent') {
          outcome.ignored++;
          continue;
        }
        const error = update.errors?.[0];
        const failed = next === 'failed';
        const fallback = failed ? await fallbackFor(log, store) : undefined;
        const moved = await repo.advance(
          log.jobId,
          next as Exclude<DeliveryStatus, 'sent'>,
          timeOf(update.timestamp, now),
          {
            error: error ? `${error.code ?? ''} ${error.title ?? ''}`.trim() : undefined,
            fallback,
          },
        );
        if (moved) outcome.statuses++;
        else outcome.ignored++;
        if (moved && fallback) outcome.fallbacks++;
        if (failed && error?.code === STOPPED_CODE && update.recipient_id) {
          await repo.optOut(toPhone(update.recipient_id), 'platform', now);
          outcome.optOuts++;
        }
      }
      for (const inbound of value.messages ?? []) {
        const said = inbound.text?.body ?? inbound.button?.payload ?? inbound.button?.text ?? '';
        const stop = isStopReply(said);
        const start = !stop && isStartReply(said);
        if (!stop && !start) continue;
        // A redelivered BERHENTI after a later MULAI must not stop the number again.
        if (!(await repo.firstSight(inbound.id, now))) {
          outcome.ignored++;
          continue;
        }
        if (stop) {
          await repo.optOut(toPhone(inbound.from), 'reply', now);
          outcome.optOuts++;
        } else {
          await repo.optIn(toPhone(inbound.from));
          outcome.optIns++;
        }
      }
      // The platform's own opt-out control (marketing messages): honoured for everything hadir sends there.
      for (const choice of value.user_preferences ?? []) {
        if (choice.value === 'stop') {
          await repo.optOut(toPhone(choice.wa_id), 'platform', now);
          outcome.optOuts++;
        }
      }
    }
  }
  return outcome;
}
