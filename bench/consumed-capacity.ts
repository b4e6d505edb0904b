import type { DocumentClient } from '../functions/db/document-client';

type ConsumedCapacity = { CapacityUnits?: number };

const READS = /^(Get|BatchGet|Query|Scan|TransactGet)/;

/**
 * Asks DynamoDB for the capacity every request consumes (table plus indexes, transactional work counted
 * double as AWS bills it) and adds it up, so the bench can price an operation without touching the data layer.
 */
export function meterCapacity(doc: DocumentClient) {
  const totals = { read: 0, write: 0, scans: 0 };
  doc.use(async (command, next) => {
    (command.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
    const output = (await next(command)) as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
    const list = [output.ConsumedCapacity ?? []].flat();
    const units = list.reduce((sum, consumed) => sum + (consumed.CapacityUnits ?? 0), 0);
    if (command.operation === 'Scan') totals.scans++;
    if (READS.test(command.operation)) totals.read += units;
    else totals.write += units;
    return output;
  });
  return {
    totals,
    async measure<T>(work: () => Promise<T>) {
      const before = { ...totals };
      const result = await work();
      return { result, read: totals.read - before.read, write: totals.write - before.write };
    },
  };
}
