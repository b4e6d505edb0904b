import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import type { MailTransport } from '../domain/mail-message';
import { redact } from '../domain/redact';
import { composeEmail, type MailConfig, NothingToSend } from './compose';

export type JobOutcome = 'sent' | 'skipped' | 'retry' | 'failed' | 'busy';

export type OutboxWorkerOptions = {
  store: Store;
  transport: MailTransport;
  mail: MailConfig;
  clock?: () => Date;
  maxAttempts?: number;
  /** How long a claim holds before the sweep reports the job as uncertain. */
  leaseMs?: number;
  /** Delay before attempt n+1; exponential with jitter by default (30 s, 1 min, 2 min… capped at 30 min). */
  backoffMs?: (attempts: number) => number;
  /**
   * The second channel (functions/whatsapp/deliver.ts): takes every claimed job whose channel is `whatsapp`, and
   * logs each sent email beside them. Without it, WhatsApp jobs wait in the queue (retry) until a worker has it.
   */
  whatsapp?: {
    deliver(job: EmailJob): Promise<JobOutcome>;
    recordEmail(job: EmailJob, messageId: string): Promise<void>;
  };
};

const defaultBackoff = (attempts: number) =>
  Math.min(30 * 60_000, 30_000 * 2 ** (attempts - 1)) * (0.5 + Math.random() / 2);

/**
 * The one drain used by every runtime: the DynamoDB stream handler and the scheduled sweep in AWS, the poll loop
 * in `npm start`, and the tests. It logs job ids and outcomes, never addresses or names.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { store, transport, mail } = options;
  const clock = options.clock ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 5;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoff = options.backoffMs ?? defaultBackoff;
  const outbox = store.outbox;

  async function deliver(job: EmailJob): Promise<JobOutcome> {
    let message: Awaited<ReturnType<typeof composeEmail>>;
    try {
      message = await composeEmail(job, store, mail);
    } catch (error) {
      if (!(error instanceof NothingToSend)) return giveUpOrRetry(job, error);
      return (await outbox.markSent(job, `skipped: ${error.message}`, clock())) ? 'skipped' : 'busy';
    }
    const sending = await outbox.markSending(job);
    if (!sending) return 'busy';
    let receipt: Awaited<ReturnType<MailTransport['send']>>;
    try {
      receipt = await transport.send(message);
    } catch (error) {
      return giveUpOrRetry(job, error, message.to);
    }
    // Handed over: a failure from here on must not put the job back in the queue, or the email would be sent
    // twice. If this write fails the job stays `sending` and the sweep reports it uncertain.
    if (!(await outbox.markSent(sending, receipt.messageId, clock()))) return 'busy';
    // Only a log for the console: a crash here loses the line, never the email's exactly-once record.
    await options.whatsapp?.recordEmail(sending, receipt.messageId).catch(() => undefined);
    return 'sent';
  }

  async function giveUpOrRetry(
    job: EmailJob,
    error: unknown,
    recipients: string[] = [],
  ): Promise<JobOutcome> {
    // Transport errors quote the recipient ("550 <siti@…> unknown"): stored and logged without it.
    let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // The address as sent, even one no pattern would recognise as an address.
    for (const recipient of recipients.filter(Boolean)) text = text.replaceAll(recipient, '[email]');
    const reason = redact(text);
    const now = clock();
    // A worker that took longer than its lease no longer holds the job: it is someone else's (or uncertain).
    if (job.attempts >= maxAttempts) {
      if (!(await outbox.markFailed(job, reason, now))) return 'busy';
      log('failed', job, reason);
      return 'failed';
    }
    if (!(await outbox.markRetry(job, reason, new Date(now.getTime() + backoff(job.attempts)))))
      return 'busy';
    log('retry', job, reason);
    return 'retry';
  }

  /** Sends one job if it is pending and due; safe to call twice for the same job, concurrently or not. */
  async function processJob(jobId: string): Promise<JobOutcome> {
    const job = await outbox.claim(jobId, clock(), leaseMs);
    if (!job) return 'busy';
    if (job.channel === 'whatsapp')
      return options.whatsapp
        ? options.whatsapp.deliver(job)
        : giveUpOrRetry(job, new Error('no WhatsApp sender in this worker'));
    return deliver(job);
  }

  /** Reports stale claims, then sends every job that is due, a few at a time. */
  async function drain({ limit = 100, concurrency = 4 } = {}) {
    const { uncertain } = await outbox.sweepExpiredLeases(clock());
    for (const job of uncertain) log('uncertain', job, 'lease expired during send');
    const due = await outbox.due(clock(), limit);
    const outcomes: JobOutcome[] = [];
    for (let i = 0; i < due.length; i += concurrency) {
      outcomes.push(...(await Promise.all(due.slice(i, i + concurrency).map((job) => processJob(job.id)))));
    }
    return { processed: due.length, outcomes, uncertain: uncertain.length };
  }

  return { processJob, drain };
}

function log(outcome: string, job: EmailJob, detail: string) {
  console.log(
    JSON.stringify({
      level: outcome === 'retry' ? 'warn' : 'error',
      message: `email job ${outcome}`,
      jobId: job.id,
      kind: job.kind,
      attempts: job.attempts,
      detail,
    }),
  );
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
