import { createHmac } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { isCurrentLogin } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { hashSecret, newSecret, secretMatches } from '../domain/tokens';
import type { BaseEnv } from './context';
import { bearerToken } from './request';

/**
 * Console sign-in sessions. The cookie carries a random 256-bit session id, signed (HMAC-SHA256) with the
 * session secret; the server keeps only the id's hash with the user, an expiry and the user's login generation,
 * so signing out ends the session at once, and deactivating the user ends all of them for good (reactivating
 * starts a new generation: only new sign-ins count). HttpOnly, Secure, SameSite=Lax.
 */
export const SESSION_COOKIE = 'hadir_session';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

const cookieOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'Lax' as const,
  maxAge: SESSION_TTL_SECONDS,
};

export async function startLogin<E extends BaseEnv>(c: Context<E>, user: User): Promise<void> {
  const { store, clock, sessionSecret } = c.get('services');
  const sessionId = newSecret();
  await store.users.createLogin(hashSecret(sessionId), user, SESSION_TTL_SECONDS, clock());
  await setSignedCookie(c, SESSION_COOKIE, sessionId, await sessionSecret(), cookieOptions);
}

/** The session id from a cookie whose signature holds, or nothing (absent, tampered, signed by another key). */
async function sessionIdOf<E extends BaseEnv>(c: Context<E>): Promise<string | undefined> {
  // Public requests carry no session cookie: they never need the secret (a Lambda without it still serves them).
  if (!getCookie(c, SESSION_COOKIE)) return undefined;
  const value = await getSignedCookie(c, await c.get('services').sessionSecret(), SESSION_COOKIE);
  return typeof value === 'string' && value.length >= 32 ? value : undefined;
}

export async function endLogin<E extends BaseEnv>(c: Context<E>): Promise<void> {
  const sessionId = await sessionIdOf(c);
  if (sessionId) await c.get('services').store.users.deleteLogin(hashSecret(sessionId));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}

/** Per-session token for console forms, on top of the Origin check: HMAC of the session id's hash. */
function formToken(secret: string, sessionIdHash: string) {
  return createHmac('sha256', secret).update(`csrf:${sessionIdHash}`).digest('base64url');
}

/** Sets `user` and `csrfToken` when the request carries a valid session cookie; never refuses by itself. */
export const loadUser: MiddlewareHandler<BaseEnv> = async (c, next) => {
  const sessionId = await sessionIdOf(c);
  if (sessionId) {
    const { store, clock, sessionSecret } = c.get('services');
    const idHash = hashSecret(sessionId);
    const login = await store.users.getLogin(idHash, clock());
    const user = login ? await store.users.get(login.userId) : undefined;
    if (login && user?.active && isCurrentLogin(login, user)) {
      c.set('user', user);
      c.set('csrfToken', formToken(await sessionSecret(), idHash));
    }
  }
  await next();
};

/** The signed-in user, or 401; a check-in station's token is a known caller without rights here: 403. */
export async function requireUser<E extends BaseEnv>(c: Context<E>): Promise<User> {
  const user = c.get('user');
  if (user) return user;
  const token = bearerToken(c);
  if (token && (await c.get('services').store.stations.findByToken(hashSecret(token)))) {
    throw new DomainError('forbidden');
  }
  throw new DomainError('unauthorized');
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection for cookie-authenticated requests, JSON and forms alike: an unsafe request from a browser
 * must come from our own origin (Origin, or Sec-Fetch-Site when a browser omits Origin). Clients without a
 * browser send neither and cannot carry the HttpOnly cookie of a victim anyway.
 */
export const sameOriginOnly: MiddlewareHandler<BaseEnv> = async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const origin = c.req.header('origin');
    const allowed = new Set([new URL(c.req.url).origin]);
    const base = c.get('services').config.publicBaseUrl;
    if (base) allowed.add(new URL(base).origin);
    const site = c.req.header('sec-fetch-site');
    // A page with `Referrer-Policy: no-referrer` makes browsers send `Origin: null`: then Sec-Fetch-Site decides.
    const ok =
      origin && origin !== 'null'
        ? allowed.has(origin)
        : site
          ? site === 'same-origin' || site === 'none'
          : !origin;
    if (!ok) throw new DomainError('forbidden');
  }
  await next();
};

/** Console forms carry `_csrf`; a missing or wrong one is refused even when the Origin looked right. */
export function assertFormToken<E extends BaseEnv>(c: Context<E>, form: Record<string, unknown>): void {
  const expected = c.get('csrfToken');
  const sent = typeof form._csrf === 'string' ? form._csrf : '';
  if (!expected || !sent || !secretMatches(sent, hashSecret(expected))) throw new DomainError('forbidden');
}
