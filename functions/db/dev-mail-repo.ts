import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OutgoingMessage } from '../domain/mail-message';
import type { DocumentClient } from './client';
import { keys, withoutKeys } from './keys';
import { decodeCursor, encodeCursor, queryAll, queryPage } from './paging';

export type StoredMail = Omit<OutgoingMessage, 'id' | 'from'> & {
  id: string;
  jobId: string;
  from: string;
  createdAt: string;
  /** A WhatsApp message (functions/whatsapp/senders.ts): the template and the text the phone shows. */
  channel?: 'whatsapp';
  whatsapp?: WhatsAppPreview;
};

export type WhatsAppPreview = {
  template: string;
  language: string;
  category: string;
  header?: { kind: string; link: string };
  body: string;
  footer: string;
  button?: { label: string; url: string };
};

/**
 * The local runtime's outbox: emails "sent" on a developer machine are kept in the table (so they survive a
 * restart) and read at /dev/outbox. The id is time-sortable, so the newest come first without an index.
 */
export function createDevMailRepo(doc: DocumentClient, tableName: string) {
  const newestFirst = {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.devMail('').pk },
    ScanIndexForward: false,
  };
  const toMail = (item: Record<string, unknown>) => withoutKeys(item) as StoredMail;
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

    /** One page of the outbox screen, newest first; `next` opens the page after it. */
    async page({ limit = 50, cursor }: { limit?: number; cursor?: string } = {}) {
      const { items, next } = await queryPage(doc, newestFirst, limit, decodeCursor(cursor));
      return { mails: items.map(toMail), next: encodeCursor(next) };
    },

    /** Every captured email, newest first (tests and the bench read what was sent). */
    async listAll(): Promise<StoredMail[]> {
      return (await queryAll(doc, newestFirst)).map(toMail);
    },

    async get(id: string): Promise<StoredMail | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.devMail(id) }));
      return Item ? (withoutKeys(Item) as StoredMail) : undefined;
    },
  };
}

export type DevMailRepo = ReturnType<typeof createDevMailRepo>;
