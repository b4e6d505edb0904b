import { coverageChangeOf, type StreamRecord } from '../db/table-changes';
import { createCoverageService } from '../services/coverage';
import { createWorkerFromEnv } from './worker-deps';

export type CoverageStreamEvent = {
  Records: (StreamRecord & { eventID?: string; dynamodb?: { SequenceNumber?: string } })[];
};

const { store } = await createWorkerFromEnv();
const coverage = createCoverageService(store);

/**
 * Keeps the coverage counters from the table's stream (registrations, check-ins, sessions; the event source filter
 * admits only those). Records of one item arrive in order; the first that fails is reported with everything after
 * it, so Lambda retries from there and nothing is applied out of order. Applying a record twice changes nothing.
 */
export async function handler(event: CoverageStreamEvent) {
  for (const [index, record] of event.Records.entries()) {
    try {
      const change = coverageChangeOf(record);
      if (change) await coverage.apply(change);
    } catch (error) {
      console.error(
        JSON.stringify({ level: 'error', message: 'coverage record failed', error: String(error) }),
      );
      return {
        batchItemFailures: event.Records.slice(index).map((r) => ({
          itemIdentifier: r.dynamodb?.SequenceNumber ?? r.eventID ?? String(index),
        })),
      };
    }
  }
  // Sessions that ended since are moved from planned to held here too, not only when a page is read.
  await coverage.rollEndedSessions();
  return { batchItemFailures: [] };
}
