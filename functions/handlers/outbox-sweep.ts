import { createWorkerFromEnv } from './worker-deps';

const { worker } = await createWorkerFromEnv();

/**
 * Run by EventBridge Scheduler every minute: sends retries whose backoff has passed and anything the stream
 * missed, and reports jobs whose worker died mid-send.
 */
export async function handler() {
  const report = await worker.drain({ limit: 200 });
  console.log(JSON.stringify({ level: 'info', message: 'outbox sweep', ...report, outcomes: undefined }));
  return { processed: report.processed, uncertain: report.uncertain };
}
