import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { invitationCode } from '../domain/invitation-code';
import { hashSecret } from '../domain/tokens';
import type { DocumentClient } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './paging';
import { transact } from './transactions';

export const invitationChannels = ['email', 'whatsapp', 'letter'] as const;
export type InvitationChannel = (typeof invitationChannels)[number];

/**
 * One cooperative's invitation to one session. The personal code is derived from the nonce with the ticket key's
 * invitation-links key (functions/outreach/invitation-code.ts); only the code's hash is stored, so a copy of the
 * table holds no usable links. A new nonce revokes the old link.
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

/** `invitationKey`: the ticket key's invitation-links key (store.ts), which every personal code is derived with. */
export function createInvitationsRepo(doc: DocumentClient, tableName: string, invitationKey: Buffer) {
  /** An invitation's personal code: the same at every call, for the console and the email worker alike. */
  const code = (invitation: Pick<Invitation, 'eventId' | 'cooperativeId' | 'nonce'>): string =>
    invitationCode(invitationKey, invitation.eventId, invitation.cooperativeId, invitation.nonce);
  const currentHash = (invitation: Pick<Invitation, 'eventId' | 'cooperativeId' | 'nonce'>) =>
    hashSecret(code(invitation));

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
    code,

    async listByEvent(eventId: string): Promise<Invitation[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :invite)',
        ExpressionAttributeValues: { ':pk': keys.event(eventId).pk, ':invite': 'INVITE#' },
      });
      return items.map((item) => withoutKeys(item) as Invitation);
    },

    /**
     * Creates the invitation and its code lookup together, once: a concurrent or repeated call keeps the first
     * one (and its link), so links already sent keep working.
     */
    async create(fields: Omit<Invitation, 'codeHash'>): Promise<Invitation> {
      const invitation: Invitation = { ...fields, codeHash: currentHash(fields) };
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

    /**
     * Makes the code derived now redeemable for an invitation created when codes came from the session secret:
     * its new hash gets a lookup item and becomes the invitation's. The old lookup item stays, so a letter already
     * printed or a message already sent keeps working; the console, letters and emails show the new link from
     * then on. Nothing is written for an invitation that is current (every one created since).
     */
    async withCurrentCode(invitation: Invitation): Promise<Invitation> {
      const codeHash = currentHash(invitation);
      if (codeHash === invitation.codeHash) return invitation;
      const result = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.invitationCode(codeHash),
              eventId: invitation.eventId,
              cooperativeId: invitation.cooperativeId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: keys.invitation(invitation.eventId, invitation.cooperativeId),
            UpdateExpression: 'SET codeHash = :new',
            ConditionExpression: 'codeHash = :old',
            ExpressionAttributeValues: { ':new': codeHash, ':old': invitation.codeHash },
          },
        },
      ]);
      if (result.ok) return { ...invitation, codeHash };
      // Another console view moved it first (or a new nonce replaced it): take what is stored now.
      return (await get(invitation.eventId, invitation.cooperativeId)) ?? invitation;
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
