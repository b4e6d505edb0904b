import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GSI2, PENDING_OUTBOX } from '../../functions/db/keys';
import type { User, UserRole } from '../../functions/domain/accounts';
import { newId } from '../../functions/domain/tokens';
import { createApp } from '../../functions/http/app';
import type { TestStore } from '../helpers/store';

export const SESSION_SECRET = 'test-session-secret-0123456789abcdef0123456789';
export const ORG = { id: 'dinkop-kotim', name: 'Dinas Koperasi Kotim' };
export const OTHER_ORG = { id: 'dinkop-kobar', name: 'Dinas Koperasi Kobar' };

export function createConsoleApp(store: TestStore, clock?: () => Date) {
  return createApp({
    store,
    config: { runtime: 'test', publicBaseUrl: 'https://hadir.test', sessionSecret: SESSION_SECRET },
    clock,
  });
}
export type ConsoleApp = ReturnType<typeof createConsoleApp>;

/** Both serve Kotim, as a regency's Dinas and another Dinas can: what each collects there stays its own. */
export async function seedOrganisations(store: TestStore) {
  const createdAt = new Date().toISOString();
  await store.users.putOrganisation({ ...ORG, regencyCodes: ['62.02'], createdAt }, { overwrite: true });
  await store.users.putOrganisation(
    { ...OTHER_ORG, regencyCodes: ['62.02'], createdAt },
    { overwrite: true },
  );
}

export async function makeUser(
  store: TestStore,
  role: UserRole,
  organisationId = ORG.id,
  overrides: Partial<User> = {},
): Promise<User> {
  const at = new Date().toISOString();
  const id = newId();
  return store.users.create({
    id,
    email: `${role}-${id}@example.go.id`,
    name: `Pengguna ${role}`,
    role,
    organisationId,
    language: 'id',
    active: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

/**
 * The token of the newest pending sign-in email to `email`, derived from the link id the job holds, as the email
 * worker does when it writes the link.
 */
export async function signInSecret(store: TestStore, email: string): Promise<string | undefined> {
  const { Items = [] } = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: GSI2.name,
      KeyConditionExpression: 'gsi2pk = :pending',
      ExpressionAttributeValues: { ':pending': PENDING_OUTBOX },
      ScanIndexForward: false,
    }),
  );
  const job = Items.find((item) => item.kind === 'sign_in' && item.to === email);
  return job ? store.users.signInToken(job.signInLinkId as string) : undefined;
}

export const jsonRequest = (method: string, body?: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: body === undefined ? undefined : JSON.stringify(body),
});

/** The session cookie (`name=value`) from a response's Set-Cookie. */
export function sessionCookie(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('hadir_session='));
  return header?.split(';')[0];
}

/** Signs `user` in through the real flow: request a link, read it from the outbox, open it. */
export async function signIn(app: ConsoleApp, store: TestStore, email: string): Promise<string> {
  const requested = await app.request('/api/auth/sign-in', jsonRequest('POST', { email }));
  if (requested.status !== 202) throw new Error(`sign-in answered ${requested.status}`);
  const secret = await signInSecret(store, email);
  if (!secret) throw new Error(`no sign-in email for ${email}`);
  const verified = await app.request(`/auth/verify?token=${encodeURIComponent(secret)}`);
  const cookie = sessionCookie(verified);
  if (verified.status !== 303 || !cookie) throw new Error(`verify answered ${verified.status}`);
  return cookie;
}

export const eventBody = (overrides: Record<string, unknown> = {}) => {
  const start = Date.now() + 20 * 86_400_000;
  return {
    title: 'Sosialisasi KDKMP Kecamatan Baamang',
    description: 'Uji',
    venue: 'Aula Kecamatan Baamang',
    address: 'Sampit',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * 3_600_000).toISOString(),
    timeZone: 'Asia/Pontianak',
    capacity: 50,
    maxPerCooperative: 3,
    organizerName: 'Dinas Koperasi Kotim',
    regencyCode: '62.02',
    invitedDistrictCodes: ['62.02.05'],
    ...overrides,
  };
};
