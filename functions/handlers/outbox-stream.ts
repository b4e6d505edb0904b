import { createWorkerFromEnv } from './worker-deps';

/** The part of a DynamoDB stream record this handler reads (the event source filter admits only jobs). */
type StreamRecord = {
  eventID?: string;
  dynamodb?: { NewImage?: { id?: { S?: string }; status?: { S?: string } }; SequenceNumber?: string };
};
export type StreamEvent = { Records: StreamRecord[] };

const { worker } = await createWorkerFromEnv();

/**
 * New or re-queued email jobs arrive from the table's stream. A record whose job another worker took, or that is
 * not due yet (a retry waiting for its backoff), is left to the scheduled sweep. Only an unexpected error fails
 * the record, so Lambda retries it and finally sends it to the dead-letter queue.
 */
export async function handler(event: StreamEvent) {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    const jobId = image?.id?.S;
    if (!jobId || image?.status?.S !== 'pending') continue;
    try {
      await worker.processJob(jobId);
    } catch (error) {
      console.error(
        JSON.stringify({ level: 'error', message: 'stream record failed', jobId, error: String(error) }),
      );
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? jobId });
    }
  }
  return { batchItemFailures };
}
