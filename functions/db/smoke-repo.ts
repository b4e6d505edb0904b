import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client';
import { GSI2, keys } from './keys';
import { batchWriteAll, queryAll } from './paging';

/** The outbox's sparse partitions a job passes through before it is sent (outbox-repo.ts). */
const JOB_PARTITIONS = ['OUTBOX#pending', 'OUTBOX#sending', 'OUTBOX#failed', 'OUTBOX#uncertain'];

/**
 * What `npm run smoke` needs beyond the public API: finding the email jobs of the registration it made, and
 * removing every item its session left once it is done (the registration's personal data and tickets are erased
 * through the API first, as a contact would).
 */
export function createSmokeRepo(doc: DocumentClient, tableName: string) {
  return {
    /** Ids of the registration's email jobs queued since `since` and not yet sent. */
    async unsentJobsOf(registrationId: string, since: Date): Promise<string[]> {
      const ids: string[] = [];
      for (const partition of JOB_PARTITIONS) {
        const { Items = [] } = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: GSI2.name,
            KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :since',
            FilterExpression: 'registrationId = :registration',
            ExpressionAttributeValues: {
              ':pk': partition,
              ':since': since.toISOString(),
              ':registration': registrationId,
            },
          }),
        );
        ids.push(...Items.map((item) => String(item.id)));
      }
      return ids;
    },

    /** Deletes the session's own items (locks, check-ins, stations), its registrations, jobs and station tokens. */
    async removeSession(
      eventId: string,
      made: { registrationIds: string[]; jobIds: string[]; stationTokenHashes: string[] },
    ): Promise<number> {
      const own = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.event(eventId).pk },
        ProjectionExpression: 'pk, sk',
      });
      const doomed = [
        ...own.map((item) => ({ pk: item.pk, sk: item.sk })),
        ...made.registrationIds.map((id) => keys.registration(id)),
        ...made.jobIds.map((id) => keys.outboxJob(id)),
        ...made.stationTokenHashes.map((hash) => keys.stationToken(hash)),
      ];
      await batchWriteAll(
        doc,
        tableName,
        doomed.map((Key) => ({ DeleteRequest: { Key } })),
      );
      return doomed.length;
    },
  };
}

export type SmokeRepo = ReturnType<typeof createSmokeRepo>;
