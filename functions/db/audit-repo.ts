import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import type { DocumentClient } from './client';
import { auditPartition, keys, withoutKeys } from './keys';

export type AuditPage = { entries: AuditEntry[]; cursor?: string };

/** How far back the log is read when a month is empty (PDP retention is a policy decision, not ours). */
const MAX_MONTHS_BACK = 36;

const previousMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 2, 1));
  return date.toISOString().slice(0, 7);
};

function decodeCursor(cursor: string): { month: string; sk?: string } {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof decoded.month === 'string' && /^\d{4}-\d{2}$/.test(decoded.month)) {
      if (decoded.sk === undefined || typeof decoded.sk === 'string') return decoded;
    }
  } catch {}
  throw new DomainError('validation', {}, [
    { path: ['cursor'], code: 'invalid_choice', message: 'invalid_choice' },
  ]);
}

/**
 * Who did what to which personal data, when. One partition per calendar month, read newest first; the
 * cursor names the month and the last key read, so paging never scans.
 */
export function createAuditRepo(doc: DocumentClient, tableName: string) {
  async function record(entry: AuditEntry): Promise<void> {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.audit(entry.at, entry.id), ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async function list({
    limit = 50,
    cursor,
    now = new Date(),
  }: {
    limit?: number;
    cursor?: string;
    now?: Date;
  }) {
    let month = now.toISOString().slice(0, 7);
    let startKey: Record<string, unknown> | undefined;
    if (cursor) {
      const decoded = decodeCursor(cursor);
      month = decoded.month;
      if (decoded.sk) startKey = { pk: `AUDIT#${month}`, sk: decoded.sk };
    }
    const entries: AuditEntry[] = [];
    for (let step = 0; step < MAX_MONTHS_BACK && entries.length < limit; step++) {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditPartition(`${month}-01`) },
          ScanIndexForward: false,
          Limit: limit - entries.length,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) entries.push(withoutKeys(item) as AuditEntry);
      if (page.LastEvaluatedKey) {
        startKey = page.LastEvaluatedKey;
        if (entries.length >= limit) {
          const next = { month, sk: page.LastEvaluatedKey.sk as string };
          return { entries, cursor: Buffer.from(JSON.stringify(next)).toString('base64url') };
        }
        step--; // same month, next page
        continue;
      }
      month = previousMonth(month);
      startKey = undefined;
    }
    const more = entries.length >= limit;
    return {
      entries,
      cursor: more ? Buffer.from(JSON.stringify({ month })).toString('base64url') : undefined,
    } satisfies AuditPage;
  }

  return { record, list };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
