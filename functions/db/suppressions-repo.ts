import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client';

export type SuppressionReason = 'bounce' | 'complaint';
export type Suppression = { reason: SuppressionReason; at: string };

/** Addresses are kept only as a hash: the table says that an address bounced, not which addresses exist. */
export const suppressionKey = (email: string) => ({
  pk: `SUPPRESS#${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`,
  sk: 'SUPPRESS',
});

/**
 * Addresses that bounced permanently or complained, recorded from SES events (functions/handlers/ses-events.ts).
 * SES's own suppression list already stops delivery; this copy lets hadir tell organizers and skip the send.
 */
export function createSuppressionsRepo(doc: DocumentClient, tableName: string) {
  return {
    /** Records the latest reason; a repeated event only moves `at`. */
    async suppress(email: string, reason: SuppressionReason, at: Date): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...suppressionKey(email), reason, at: at.toISOString() },
        }),
      );
    },

    async get(email: string): Promise<Suppression | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: suppressionKey(email) }));
      return Item ? { reason: Item.reason as SuppressionReason, at: Item.at as string } : undefined;
    },
  };
}

export type SuppressionsRepo = ReturnType<typeof createSuppressionsRepo>;
