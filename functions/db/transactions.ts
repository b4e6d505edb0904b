import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client';
import { isTransactionCancelled } from './errors';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A cancelled transaction tells which items (by index) failed their condition. */
export type TransactionResult = { ok: true } | { ok: false; failed: number[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isTransientServerError = (error: unknown) =>
  error instanceof Error && (error.name === 'InternalServerError' || error.name === 'ServiceUnavailable');

/**
 * Runs a transaction. Conflicts with a concurrent transaction on the same items are retried with capped
 * exponential backoff and full jitter (the SDK does not retry TransactionConflict). A failed condition is
 * returned, not thrown, so the caller can turn it into the right domain error.
 */
export async function transact(
  doc: DocumentClient,
  items: TransactItem[],
  { attempts = 12 }: { attempts?: number } = {},
): Promise<TransactionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      // DynamoDB answers a transient InternalServerError under contention (DynamoDB Local: a lock wait timeout);
      // AWS documents it as retryable, and a transaction that failed this way wrote nothing.
      if (isTransientServerError(error) && attempt < attempts) {
        await sleep(Math.random() * Math.min(400, 8 * 2 ** attempt));
        continue;
      }
      if (!isTransactionCancelled(error)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.flatMap((reason, index) =>
        reason.Code === 'ConditionalCheckFailed' ? [index] : [],
      );
      if (failed.length) return { ok: false, failed };
      const retryable = reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError');
      if (!retryable || attempt >= attempts) throw error;
      await sleep(Math.random() * Math.min(400, 8 * 2 ** attempt));
    }
  }
}
