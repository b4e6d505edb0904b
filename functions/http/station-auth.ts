import type { Context } from 'hono';
import { getCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { canManageEvent } from '../domain/access-policy';
import type { Actor } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { hashSecret } from '../domain/tokens';
import type { BaseEnv } from './context';
import { bearerToken } from './request';

/** An enrolled phone keeps its station token in this signed, HttpOnly cookie (set by the enrol page). */
export const STATION_COOKIE = 'hadir_station';

/**
 * Who may check people in for `eventId`: a station enrolled for exactly that session (Bearer token or the
 * enrolment cookie), or a signed-in admin or organizer of the session's organisation. Anything else is
 * 401 (nobody) or 403 (someone without the right). For the check-in API.
 */
export async function authorizeCheckin<E extends BaseEnv>(c: Context<E>, eventId: string): Promise<Actor> {
  const { store, sessionSecret } = c.get('services');
  const cookieToken = getCookie(c, STATION_COOKIE)
    ? await getSignedCookie(c, await sessionSecret(), STATION_COOKIE)
    : undefined;
  const token = bearerToken(c) || (typeof cookieToken === 'string' ? cookieToken : '');
  if (token) {
    const station = await store.stations.findByToken(hashSecret(token));
    if (station) {
      if (station.eventId !== eventId) throw new DomainError('forbidden');
      return { kind: 'station', station };
    }
  }
  const user = c.get('user');
  if (!user) throw new DomainError('unauthorized');
  const event = await store.events.get(eventId);
  if (!event) throw new DomainError('not_found');
  if (!canManageEvent(user, event)) throw new DomainError('forbidden');
  return { kind: 'user', user };
}

/** Enrols this device: remembers the station token in a cookie after checking it is valid. */
export async function enrolStation<E extends BaseEnv>(c: Context<E>, token: string) {
  const { store, sessionSecret } = c.get('services');
  const station = token ? await store.stations.findByToken(hashSecret(token)) : undefined;
  if (!station) throw new DomainError('not_found');
  await setSignedCookie(c, STATION_COOKIE, token, await sessionSecret(), {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    maxAge: 7 * 24 * 60 * 60,
  });
  return station;
}
