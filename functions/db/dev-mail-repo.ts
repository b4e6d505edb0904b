import type { OutgoingMessage } from '../mail/message';
import { type DocumentClient, GetCommand, PutCommand, QueryCommand } from './document-client';
import { keys, withoutKeys } from './keys';

export type StoredMail = Omit<OutgoingMessage, 'id' | 'from'> & {
  id: string;
  jobId: string;
  from: string;
  createdAt: string;
};

/**
 * The local runtime's outbox: emails "sent" on a developer machine are kept in the table (so they survive a
 * restart) and read at /dev/outbox. The id is time-sortable, so the newest come first without an index.
 */
export function createDevMailRepo(doc: DocumentClient, tableName: string) {
  return {
    async put(message: OutgoingMessage, now: Date): Promise<StoredMail> {
      const createdAt = now.toISOString();
      const stored: StoredMail = {
        ...message,
        id: `${createdAt}_${message.id}`,
        jobId: message.id,
        createdAt,
      };
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { ...keys.devMail(stored.id), ...stored } }),
      );
      return stored;
    },

    async list(limit = 200): Promise<StoredMail[]> {
      const mails: StoredMail[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.devMail('').pk },
            ScanIndexForward: false,
            Limit: limit - mails.length,
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) mails.push(withoutKeys(item) as StoredMail);
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey && mails.length < limit);
      return mails;
    },

    async get(id: string): Promise<StoredMail | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.devMail(id) }));
      return Item ? (withoutKeys(Item) as StoredMail) : undefined;
    },
  };
}

export type DevMailRepo = ReturnType<typeof createDevMailRepo>;
