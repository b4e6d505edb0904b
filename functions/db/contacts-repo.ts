import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './paging';
import { type TransactItem, transact } from './transactions';

/**
 * Who to reach at a cooperative before a session: kept per organisation and cooperative. Two Dinas serving the
 * same regency each keep their own; every method names the organisation whose contacts it reads or writes.
 */
export type CooperativeContact = {
  cooperativeId: string;
  /** Ketua or whoever the Dinas has as its contact. */
  name?: string;
  /** E.164 `+628…`. */
  phone?: string;
  email?: string;
  /** The Business Assistant the Dinas lists for it (an email; matched to console users when shown). */
  baEmail?: string;
  source: 'import' | 'manual' | 'registration';
  updatedAt: string;
  updatedBy: string;
};

/**
 * Where an organisation's import rows held for review ("Perlu diperiksa") wait in a regency: next to its contacts
 * (70), one item, so a person who leaves the page finds them again. `CONTACTREVIEW` does not begin with
 * `CONTACT#`, so listing contacts never reads it.
 */
const pendingReviewKey = (organisationId: string, regencyCode: string) => ({
  pk: keys.organisationRegency(organisationId, regencyCode).pk,
  sk: 'CONTACTREVIEW',
});

export function createContactsRepo(doc: DocumentClient, tableName: string) {
  return {
    /**
     * Replaces the rows waiting for review with `rows` (the latest import's, or what is left after one was
     * resolved); none removes the item. Rows are whatever the import module holds: this layer only keeps them.
     */
    async putPendingReview<T>(
      organisationId: string,
      regencyCode: string,
      rows: T[],
      now: Date,
    ): Promise<void> {
      const key = pendingReviewKey(organisationId, regencyCode);
      if (rows.length === 0) {
        await doc.send(new DeleteCommand({ TableName: tableName, Key: key }));
        return;
      }
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { ...key, rows, updatedAt: now.toISOString() } }),
      );
    },

    async getPendingReview<T>(organisationId: string, regencyCode: string): Promise<T[]> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: pendingReviewKey(organisationId, regencyCode) }),
      );
      return (Item?.rows as T[] | undefined) ?? [];
    },

    async listByRegency(organisationId: string, regencyCode: string): Promise<CooperativeContact[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :contact)',
        ExpressionAttributeValues: {
          ':pk': keys.organisationRegency(organisationId, regencyCode).pk,
          ':contact': 'CONTACT#',
        },
      });
      return items.map((item) => withoutKeys(item) as CooperativeContact);
    },

    async get(organisationId: string, cooperativeId: string): Promise<CooperativeContact | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.contact(organisationId, cooperativeId) }),
      );
      return Item ? (withoutKeys(Item) as CooperativeContact) : undefined;
    },

    async put(organisationId: string, contact: CooperativeContact): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.contact(organisationId, contact.cooperativeId), ...contact },
        }),
      );
    },

    /**
     * An import's contacts, all or nothing: transactions of up to 100 items. A later chunk failing cannot
     * undo an earlier one, so the service validates every row before calling this; the chunks only write.
     */
    async putMany(organisationId: string, contacts: CooperativeContact[]): Promise<void> {
      for (let i = 0; i < contacts.length; i += 100) {
        const items: TransactItem[] = contacts.slice(i, i + 100).map((contact) => ({
          Put: {
            TableName: tableName,
            Item: { ...keys.contact(organisationId, contact.cooperativeId), ...contact },
          },
        }));
        const result = await transact(doc, items);
        if (!result.ok) throw new Error('contact import transaction failed');
      }
    },
  };
}

export type ContactsRepo = ReturnType<typeof createContactsRepo>;
