import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import type { MailTransport, OutgoingMessage } from '../../functions/domain/mail-message';
import type { TestStore } from './store';

/** Every item of the table, as DynamoDB holds it (a test may Scan; the application never does). */
export async function tableItems(store: TestStore) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** No item of the table holds any of `secrets`, in any attribute, however nested. */
export async function expectStoredNowhere(store: TestStore, secrets: string[]) {
  expect(secrets.length).toBeGreaterThan(0);
  for (const item of await tableItems(store)) {
    const text = JSON.stringify(item);
    for (const secret of secrets) expect(text, `${item.pk} ${item.sk}`).not.toContain(secret);
  }
}

/**
 * What SES would have been handed (the local outbox transport would store the emails in the table); messages
 * whose job id is in `failing` are refused as a mail server refuses them.
 */
export function capturingTransport(
  failing: Set<string> = new Set(),
): MailTransport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    name: 'capture',
    sent,
    async send(message) {
      if (failing.has(message.id)) throw new Error(`550 5.1.1 <${message.to[0]}>: mailbox unavailable`);
      sent.push(message);
      return { messageId: message.id };
    },
  };
}
