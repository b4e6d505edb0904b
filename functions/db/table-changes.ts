import { unmarshall } from '@aws-sdk/util-dynamodb';

type Image = Record<string, unknown>;
/** A stream record as Lambda (and DynamoDB Local's stream API) delivers it: images in DynamoDB JSON. */
export type StreamRecord = {
  eventName?: string;
  dynamodb?: {
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
  };
};

/** What a change of the table means for coverage; the rest of the table's changes mean nothing to it. */
export type CoverageChange =
  | {
      kind: 'registration';
      registrationId: string;
      cooperativeId: string;
      before?: { status: string };
      after?: { status: string };
    }
  | { kind: 'checkin'; eventId: string; participantId: string; cooperativeId: string; present: boolean }
  | {
      kind: 'session';
      eventId: string;
      after?: { regencyCode: string; invitedDistrictCodes?: string[]; cancelled?: boolean; endsAt: string };
    };

const decode = (image: Record<string, unknown> | undefined): Image | undefined =>
  // biome-ignore lint/suspicious/noExplicitAny: DynamoDB JSON from the stream
  image ? unmarshall(image as any) : undefined;

/** Reads a stream record by its keys (only this layer knows them) into a coverage change, or nothing. */
export function coverageChangeOf(record: StreamRecord): CoverageChange | undefined {
  const keysOf = decode(record.dynamodb?.Keys) ?? {};
  const before = decode(record.dynamodb?.OldImage);
  const after = decode(record.dynamodb?.NewImage);
  const pk = String(keysOf.pk ?? '');
  const sk = String(keysOf.sk ?? '');
  const image = after ?? before;
  if (!image) return undefined;
  if (pk.startsWith('REG#') && sk === 'REG') {
    return {
      kind: 'registration',
      registrationId: String(image.id),
      cooperativeId: String(image.cooperativeId),
      before: before ? { status: String(before.status) } : undefined,
      after: after ? { status: String(after.status) } : undefined,
    };
  }
  if (pk.startsWith('EVENT#') && sk.startsWith('CHECKIN#')) {
    if (record.eventName === 'MODIFY') return undefined; // a repeat scan: still one officer present
    return {
      kind: 'checkin',
      eventId: String(image.eventId),
      participantId: String(image.participantId),
      cooperativeId: String(image.cooperativeId),
      present: Boolean(after),
    };
  }
  if (pk.startsWith('EVENT#') && sk === 'EVENT') {
    return {
      kind: 'session',
      eventId: String(image.id),
      after: after
        ? {
            regencyCode: String(after.regencyCode),
            invitedDistrictCodes: after.invitedDistrictCodes as string[] | undefined,
            cancelled: Boolean(after.cancelled),
            endsAt: String(after.endsAt),
          }
        : undefined,
    };
  }
  return undefined;
}
