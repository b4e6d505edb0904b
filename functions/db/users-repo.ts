import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { hashSecret, newId, signInTokenFor } from '../domain/tokens';
import type { DocumentClient } from './client';
import { GSI1, keys, withoutKeys } from './keys';
import { emailJobPuts } from './outbox-items';
import { batchWriteAll, queryAll } from './paging';
import { transact } from './transactions';

/** `generation`: the user's login generation when the link or login was made (User.loginGeneration). */
export type SignInTicket = { userId: string; email: string; generation: number };
export type Login = { userId: string; createdAt: string; expiresAt: number; generation: number };

const IS_NEW = 'attribute_not_exists(pk)';
/** TTL deletes items up to days late, so every read of an expiring item checks the expiry itself. */
const NOT_EXPIRED = 'attribute_exists(pk) AND expiresAt > :now';
const epoch = (at: Date) => Math.floor(at.getTime() / 1000);
/** An id no user has (newId makes ids of letters and digits), read in place of a missing user. */
const NO_USER = '-';

/**
 * Console users, their organisations, sign-in links, sign-in sessions and Business Assistant assignments.
 * Secrets (links, session ids) are stored only as their SHA-256 hash: a table dump signs nobody in. Sign-in links
 * are derived with `signInKey` (the ticket key's sign-in-links key, tokens.ts), so their email jobs need not carry
 * them either.
 */
export function createUsersRepo(doc: DocumentClient, tableName: string, signInKey: Buffer) {
  /** The token of a sign-in link, from the link id its email job holds (what the email worker puts in the link). */
  const signInToken = (linkId: string): string => signInTokenFor(signInKey, linkId);

  const userItem = (user: User) => ({ ...keys.user(user.id), ...keys.userListing(user.email), ...user });

  async function get(userId: string): Promise<User | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.user(userId) }));
    return Item ? (withoutKeys(Item) as User) : undefined;
  }

  /**
   * Two reads whether or not the address has an account: sign-in must not answer a stranger's address sooner
   * than a user's (the second read then asks for an id no user has).
   */
  async function findByEmail(email: string): Promise<User | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.userEmail(email) }));
    const user = await get(typeof Item?.userId === 'string' ? Item.userId : NO_USER);
    return Item ? user : undefined;
  }

  /** The user and their email lock in one transaction: an email belongs to one user only. */
  async function create(user: User): Promise<User> {
    const result = await transact(doc, [
      { Put: { TableName: tableName, Item: userItem(user), ConditionExpression: IS_NEW } },
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.userEmail(user.email), userId: user.id },
          ConditionExpression: IS_NEW,
        },
      },
    ]);
    if (!result.ok) throw new DomainError('conflict');
    return user;
  }

  /**
   * Replaces the user. Never lowers the stored login generation: a write from a copy read before a deactivation
   * would otherwise bring that user's ended logins back to life; it is refused as a conflict instead.
   */
  async function update(user: User): Promise<User> {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: userItem(user),
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(loginGeneration) OR loginGeneration <= :generation)',
          ExpressionAttributeValues: { ':generation': user.loginGeneration ?? 0 },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      throw new DomainError((await get(user.id)) ? 'conflict' : 'not_found');
    }
    return user;
  }

  async function list(): Promise<User[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: 'gsi1pk = :users',
      ExpressionAttributeValues: { ':users': 'USERS' },
    });
    return items.map((item) => withoutKeys(item) as User);
  }

  /**
   * The link's item and its email job in one transaction (transactional outbox): both or neither exist. A fresh
   * random link id makes every link a new one; the item, keyed by the token's hash, is what redeeming deletes.
   * Without a user (an unknown or inactive address) the same token is derived, hashed and written, for nobody and
   * with no email: the request costs what a user's does, so its timing does not tell who has an account.
   */
  async function createSignInLink(user: User | undefined, ttlSeconds: number, now: Date) {
    const linkId = newId();
    const result = await transact(doc, [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.signInToken(hashSecret(signInToken(linkId))),
            ...(user ? { userId: user.id, email: user.email, generation: user.loginGeneration ?? 0 } : {}),
            createdAt: now.toISOString(),
            expiresAt: epoch(now) + ttlSeconds,
          },
          ConditionExpression: IS_NEW,
        },
      },
      ...emailJobPuts(
        tableName,
        user ? [{ kind: 'sign_in', to: user.email, language: user.language, signInLinkId: linkId }] : [],
        now,
      ),
    ]);
    if (!result.ok) throw new DomainError('conflict');
  }

  /** Deletes the link only if it is still valid, and returns what it was for: a link works once. */
  async function redeemSignInLink(tokenHash: string, now: Date): Promise<SignInTicket | undefined> {
    try {
      const { Attributes } = await doc.send(
        new DeleteCommand({
          TableName: tableName,
          Key: keys.signInToken(tokenHash),
          ConditionExpression: NOT_EXPIRED,
          ExpressionAttributeValues: { ':now': epoch(now) },
          ReturnValues: 'ALL_OLD',
        }),
      );
      // A link written for an unknown address names nobody: it signs nobody in.
      return typeof Attributes?.userId === 'string'
        ? {
            userId: Attributes.userId,
            email: Attributes.email as string,
            generation: (Attributes.generation as number | undefined) ?? 0,
          }
        : undefined;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  async function createLogin(
    sessionIdHash: string,
    user: Pick<User, 'id' | 'loginGeneration'>,
    ttlSeconds: number,
    now: Date,
  ) {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.login(sessionIdHash),
          userId: user.id,
          generation: user.loginGeneration ?? 0,
          createdAt: now.toISOString(),
          expiresAt: epoch(now) + ttlSeconds,
        },
        ConditionExpression: IS_NEW,
      }),
    );
  }

  async function getLogin(sessionIdHash: string, now: Date): Promise<Login | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.login(sessionIdHash), ConsistentRead: true }),
    );
    if (!Item || (Item.expiresAt as number) <= epoch(now)) return undefined;
    return {
      userId: Item.userId as string,
      createdAt: Item.createdAt as string,
      expiresAt: Item.expiresAt as number,
      generation: (Item.generation as number | undefined) ?? 0,
    };
  }

  async function deleteLogin(sessionIdHash: string) {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.login(sessionIdHash) }));
  }

  async function putOrganisation(organisation: Organisation, { overwrite = false } = {}) {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.organisation(organisation.id),
            ...keys.organisationListing(organisation.name, organisation.id),
            ...organisation,
          },
          ConditionExpression: overwrite ? undefined : IS_NEW,
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new DomainError('conflict');
      throw error;
    }
    return organisation;
  }

  /** Replaces the regencies an organisation serves; not_found when there is no such organisation. */
  async function setOrganisationRegencies(orgId: string, regencyCodes: string[]): Promise<Organisation> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.organisation(orgId),
          UpdateExpression: 'SET regencyCodes = :codes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':codes': regencyCodes },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys(Attributes ?? {}) as Organisation;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new DomainError('not_found');
      throw error;
    }
  }

  async function getOrganisation(orgId: string): Promise<Organisation | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.organisation(orgId) }));
    return Item ? (withoutKeys(Item) as Organisation) : undefined;
  }

  async function listOrganisations(): Promise<Organisation[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: 'gsi1pk = :orgs',
      ExpressionAttributeValues: { ':orgs': 'ORGS' },
    });
    return items.map((item) => withoutKeys(item) as Organisation);
  }

  /** The cooperatives assigned to a Business Assistant (strongly consistent: used for authorisation). */
  async function assignedCooperatives(userId: string): Promise<string[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :coop)',
      ExpressionAttributeValues: { ':pk': keys.assignment(userId, '').pk, ':coop': 'COOP#' },
      ConsistentRead: true,
    });
    return items.map((item) => item.cooperativeId as string);
  }

  /** Which Business Assistants look after a cooperative (for the organizer's "not registered yet" list). */
  async function assistantsOf(cooperativeId: string): Promise<string[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: 'gsi1pk = :coop',
      ExpressionAttributeValues: { ':coop': keys.assignmentByCooperative(cooperativeId, '').gsi1pk },
    });
    return items.map((item) => item.userId as string);
  }

  /** Replaces a Business Assistant's set of cooperatives with `cooperativeIds` (idempotent). */
  async function setAssignments(userId: string, cooperativeIds: string[], now: Date) {
    const current = new Set(await assignedCooperatives(userId));
    const next = new Set(cooperativeIds);
    const requests = [
      ...[...current]
        .filter((id) => !next.has(id))
        .map((id) => ({ DeleteRequest: { Key: keys.assignment(userId, id) } })),
      ...[...next]
        .filter((id) => !current.has(id))
        .map((id) => ({
          PutRequest: {
            Item: {
              ...keys.assignment(userId, id),
              ...keys.assignmentByCooperative(id, userId),
              userId,
              cooperativeId: id,
              assignedAt: now.toISOString(),
            },
          },
        })),
    ];
    await batchWriteAll(doc, tableName, requests);
  }

  return {
    get,
    findByEmail,
    create,
    update,
    list,
    createSignInLink,
    signInToken,
    redeemSignInLink,
    createLogin,
    getLogin,
    deleteLogin,
    putOrganisation,
    setOrganisationRegencies,
    getOrganisation,
    listOrganisations,
    assignedCooperatives,
    assistantsOf,
    setAssignments,
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
