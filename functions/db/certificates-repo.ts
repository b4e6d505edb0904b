import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { certificateNumber, numberToSlug } from '../domain/certificate-number';
import type { DocumentClient } from './client';
import { keys, withoutKeys } from './keys';
import { transact } from './transactions';

/** A certificate holds ids only: the name is read from the registration when shown, so erasure erases it. */
export type CertificateRecord = {
  number: string;
  slug: string;
  eventId: string;
  registrationId: string;
  participantId: string;
  issuedAt: string;
};

/**
 * Certificates. A number is allocated from a counter per regency and year, then bound to the officer
 * and session with a conditional put, so however often (or concurrently) it is asked for, an officer's
 * certificate for a session has one number for good. A lost race leaves a gap in the sequence, never a duplicate.
 */
export function createCertificatesRepo(doc: DocumentClient, tableName: string) {
  async function getFor(eventId: string, participantId: string): Promise<CertificateRecord | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.certificateOf(eventId, participantId),
        ConsistentRead: true,
      }),
    );
    return Item ? (withoutKeys(Item) as CertificateRecord) : undefined;
  }

  return {
    getFor,

    async getBySlug(slug: string): Promise<CertificateRecord | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.certificate(slug) }));
      return Item ? (withoutKeys(Item) as CertificateRecord) : undefined;
    },

    async issue(
      input: {
        eventId: string;
        registrationId: string;
        participantId: string;
        regencyCode: string;
        year: string;
      },
      now: Date,
    ): Promise<CertificateRecord> {
      const existing = await getFor(input.eventId, input.participantId);
      if (existing) return existing;
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.certificateSequence(input.regencyCode, input.year),
          UpdateExpression: 'ADD #last :one',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const number = certificateNumber(input.year, input.regencyCode, Number(Attributes?.last));
      const record: CertificateRecord = {
        number,
        slug: numberToSlug(number),
        eventId: input.eventId,
        registrationId: input.registrationId,
        participantId: input.participantId,
        issuedAt: now.toISOString(),
      };
      const result = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.certificateOf(input.eventId, input.participantId), ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.certificate(record.slug), ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      if (result.ok) return record;
      const winner = await getFor(input.eventId, input.participantId);
      if (!winner) throw new Error('certificate number collision');
      return winner;
    },
  };
}

export type CertificatesRepo = ReturnType<typeof createCertificatesRepo>;
