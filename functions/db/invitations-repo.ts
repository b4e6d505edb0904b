import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys, withoutKeys } from './keys';
import { transact } from './transactions';

export const invitationChannels = ['email', 'whatsapp', 'letter'] as const;
export type InvitationChannel = (typeof invitationChannels)[number];

/**
 * One cooperative's invitation to one session. The personal code is derived from the nonce with the server's
 * secret (functions/outreach/invitation-code.ts); only the code's hash is stored, so a copy of the table holds
 * no usable links. A new nonce revokes the old link.
 */
export type Invitation = {
  eventId: string;
  cooperativeId: string;
  nonce: string;
  codeHash: string;
  createdAt: string;
  createdBy: string;
  emailedAt?: string;
  whatsappAt?: string;
  letterAt?: string;
  openedAt?: string;
};

const sentField: Record<InvitationChannel, 'emailedAt' | 'whatsappAt' | 'letterAt'> = {
  email: 'emailedAt',
  whatsapp: 'whatsappAt',
  letter: 'letterAt',
};

export function createInvitationsRepo(doc: DynamoDBDocumentClient, tableName: string) {
  async function get(eventId: string, cooperativeId: string): Promise<Invitation | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.invitation(eventId, cooperativeId),
        ConsistentRead: true,
      }),
    );
    return Item ? (withoutKeys(Item) as Invitation) : undefined;
  }

  return {
    get,

    async listByEvent(eventId: string): Promise<Invitation[]> {
      const out: Invitation[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :invite)',
            ExpressionAttributeValues: { ':pk': keys.event(eventId).pk, ':invite': 'INVITE#' },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) out.push(withoutKeys(item) as Invitation);
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return out;
    },

    /**
     * Creates the invitation and its code lookup together, once: a concurrent or repeated call keeps the first
     * one (and its link), so links already sent keep working.
     */
    async create(invitation: Invitation): Promise<Invitation> {
      const result = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.invitation(invitation.eventId, invitation.cooperativeId), ...invitation },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.invitationCode(invitation.codeHash),
              eventId: invitation.eventId,
              cooperativeId: invitation.cooperativeId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      if (result.ok) return invitation;
      const existing = await get(invitation.eventId, invitation.cooperativeId);
      if (!existing) throw new Error('invitation code collision');
      return existing;
    },

    /** Which session and cooperative a code hash belongs to. */
    async findByCodeHash(codeHash: string): Promise<{ eventId: string; cooperativeId: string } | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.invitationCode(codeHash) }),
      );
      return Item
        ? { eventId: Item.eventId as string, cooperativeId: Item.cooperativeId as string }
        : undefined;
    },

    /** Switches "registration only through a personal link" on the session item. */
    async setRequireInvitation(eventId: string, required: boolean): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.event(eventId),
          UpdateExpression: 'SET requireInvitation = :required',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':required': required },
        }),
      );
    },

    /** The first opening counts; later ones change nothing. */
    async markOpened(eventId: string, cooperativeId: string, at: Date): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.invitation(eventId, cooperativeId),
          UpdateExpression: 'SET openedAt = if_not_exists(openedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      );
    },

    async markSent(
      eventId: string,
      cooperativeId: string,
      channel: InvitationChannel,
      at: Date,
    ): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.invitation(eventId, cooperativeId),
          UpdateExpression: 'SET #field = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#field': sentField[channel] },
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      );
    },
  };
}

export type InvitationsRepo = ReturnType<typeof createInvitationsRepo>;
