import type { DocumentClient } from '../functions/db/client';

type ConsumedCapacity = { CapacityUnits?: number };

const READS = /^(Get|BatchGet|Query|Scan|TransactGet)/;

/**
 * Asks DynamoDB for the capacity every request consumes (table plus indexes, transactional work counted
 * double as AWS bills it) and adds it up, so the bench can price an operation without touching the data layer.
 */
export function meterCapacity(doc: DocumentClient) {
  const totals = { read: 0, write: 0, scans: 0 };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
      const list = [output.ConsumedCapacity ?? []].flat();
      const units = list.reduce((sum, consumed) => sum + (consumed.CapacityUnits ?? 0), 0);
      const operation = context.commandName ?? '';
      if (operation.startsWith('Scan')) totals.scans++;
      if (READS.test(operation)) totals.read += units;
      else totals.write += units;
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );
  return {
    totals,
    async measure<T>(work: () => Promise<T>) {
      const before = { ...totals };
      const result = await work();
      return { result, read: totals.read - before.read, write: totals.write - before.write };
    },
  };
}
