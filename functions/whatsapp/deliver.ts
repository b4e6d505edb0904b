import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import { redact } from '../domain/redact';
import { NothingToSend } from '../mail/compose';
import type { JobOutcome } from '../mail/outbox-worker';
import { WhatsAppApiError } from './cloud-api';
import { composeWhatsApp, type WhatsAppMessage } from './compose';
import { fallbackFor } from './fallback';
import type { WhatsAppSender } from './senders';

export type WhatsAppDeliveryOptions = {
  store: Store;
  sender: WhatsAppSender;
  baseUrl: string;
  clock?: () => Date;
  /** More than email's: a burst above the platform's throughput answers 429 and counts as an attempt. */
  maxAttempts?: number;
  backoffMs?: (attempts: number) => number;
};

const defaultBackoff = (attempts: number) =>
  Math.min(30 * 60_000, 30_000 * 2 ** (attempts - 1)) * (0.5 + Math.random() / 2);

/**
 * The WhatsApp half of the outbox worker (outbox-worker.ts hands it every claimed job whose channel is
 * `whatsapp`). The same discipline as email: compose, mark `sending`, one request to the platform, then record
 * `sent` together with the platform's message id and the message's log in one transaction. A crash after the
 * request leaves the job `sending` and the sweep reports it uncertain; an answer lost on the way (timeout,
 * reset) is left the same way, never sent again by itself. A message that cannot go (refused number, template
 * problem, attempts used up, opted out) is marked failed and, in the same transaction, replaced by its fallback
 * email where there is one.
 */
export function createWhatsAppDelivery(options: WhatsAppDeliveryOptions) {
  const { store, sender, baseUrl } = options;
  const clock = options.clock ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffMs ?? defaultBackoff;
  const outbox = store.outbox;
  const repo = store.whatsapp;

  async function deliver(job: EmailJob): Promise<JobOutcome> {
    if (await repo.isOptedOut(job.to))
      return giveUp(job, 'the number replied BERHENTI or stopped messages', 'skipped');
    let message: WhatsAppMessage;
    try {
      message = await composeWhatsApp(job, store, baseUrl);
    } catch (error) {
      if (error instanceof NothingToSend)
        return (await outbox.markSent(job, `skipped: ${error.message}`, clock())) ? 'skipped' : 'busy';
      return retryOrGiveUp(job, error);
    }
    const sending = await outbox.markSending(job);
    if (!sending) return 'busy';
    let receipt: { messageId: string };
    try {
      receipt = await sender.send(message);
    } catch (error) {
      if (error instanceof WhatsAppApiError && error.kind === 'ambiguous') {
        // Left `sending`: the sweep shows it as uncertain after the lease, for an organizer to check.
        log('uncertain', job, describe(error, job));
        return 'busy';
      }
      return retryOrGiveUp(sending, error);
    }
    const now = clock();
    const recorded = await outbox.markSentWith(
      sending,
      receipt.messageId,
      now,
      repo.sentItems(sending, 'whatsapp', receipt.messageId, now),
    );
    return recorded ? 'sent' : 'busy';
  }

  async function retryOrGiveUp(job: EmailJob, error: unknown): Promise<JobOutcome> {
    const reason = describe(error, job);
    const kind = error instanceof WhatsAppApiError ? error.kind : 'retry';
    if (kind !== 'retry' || job.attempts >= maxAttempts) return giveUp(job, reason, 'failed', error);
    const wait = Math.max(
      backoff(job.attempts),
      error instanceof WhatsAppApiError ? (error.details.retryAfterMs ?? 0) : 0,
    );
    if (!(await outbox.markRetry(job, reason, new Date(clock().getTime() + wait)))) return 'busy';
    log('retry', job, reason);
    return 'retry';
  }

  /** Failed (or, opted out, skipped) for good, with the fallback email's job in the same write. */
  async function giveUp(
    job: EmailJob,
    reason: string,
    outcome: 'failed' | 'skipped',
    error?: unknown,
  ): Promise<JobOutcome> {
    const now = clock();
    const fallback = await fallbackFor(job, store);
    const items = [
      ...(fallback ? [repo.fallbackPut(job.id, fallback, now)] : []),
      ...(outcome === 'failed' ? repo.failedItems(job, reason, now) : []),
    ];
    const written =
      outcome === 'skipped'
        ? await outbox.markSentWith(job, `skipped: ${reason}`, now, items)
        : await outbox.markFailedWith(job, reason, now, items);
    if (!written) return 'busy';
    if (outcome === 'failed') log('failed', job, reason, error, Boolean(fallback));
    return outcome;
  }

  /** Records an email the worker sent, so the console lists it beside the WhatsApp messages. */
  async function recordEmail(job: EmailJob, messageId: string): Promise<void> {
    if (!job.registrationId && !job.campaignId) return;
    await repo.recordSent(job, 'email', messageId, clock());
  }

  return { deliver, recordEmail };
}

export type WhatsAppDelivery = ReturnType<typeof createWhatsAppDelivery>;

/** The error as stored and logged: without the number, which the platform's messages may quote. */
function describe(error: unknown, job: EmailJob) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const digits = job.to.replace(/^\+/, '');
  return redact(text.replaceAll(job.to, '[phone]').replaceAll(digits, '[phone]'));
}

/**
 * Structured log lines; a failure is also a CloudWatch metric (embedded metric format) the operator's alarm
 * watches, with the platform's error code, since a template or token problem fails every message alike.
 */
function log(outcome: string, job: EmailJob, detail: string, error?: unknown, fellBack?: boolean) {
  const failed = outcome === 'failed';
  const code = error instanceof WhatsAppApiError ? error.details.code : undefined;
  console.log(
    JSON.stringify({
      ...(failed
        ? {
            _aws: {
              Timestamp: Date.now(),
              CloudWatchMetrics: [
                {
                  Namespace: 'hadir',
                  Dimensions: [['stage']],
                  Metrics: [{ Name: 'WhatsAppSendsFailed', Unit: 'Count' }],
                },
              ],
            },
            stage: process.env.HADIR_STAGE ?? 'local',
            WhatsAppSendsFailed: 1,
          }
        : {}),
      level: outcome === 'retry' ? 'warn' : 'error',
      message: `whatsapp job ${outcome}`,
      jobId: job.id,
      kind: job.kind,
      attempts: job.attempts,
      ...(code !== undefined ? { code } : {}),
      ...(fellBack !== undefined ? { fallbackEmail: fellBack } : {}),
      detail,
    }),
  );
}
