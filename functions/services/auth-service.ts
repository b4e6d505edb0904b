import type { Store } from '../db/store';
import { isCurrentLogin } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { hashSecret } from '../domain/tokens';

/** Sign-in links are short-lived and work once. */
export const SIGN_IN_TTL_SECONDS = 15 * 60;

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;

/** Passwordless sign-in: an emailed one-time link, nothing that tells whether an email has an account. */
export function createAuthService(store: Store, clock: () => Date) {
  /**
   * Emails a link when the address belongs to an active user. Any other address gets the same reads, the same
   * token derived, hashed and written (for nobody, with no email) and the same answer: returning early for a
   * stranger would answer measurably sooner and tell who has an account. The link and its email are written in
   * one transaction.
   */
  async function requestSignIn(rawEmail: string): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    // Not an address at all: look up one that no user can have, rather than skip the lookup.
    const found = await store.users.findByEmail(looksLikeEmail(email) ? email : '@');
    await store.users.createSignInLink(found?.active ? found : undefined, SIGN_IN_TTL_SECONDS, clock());
  }

  /** Consumes the link (a conditional delete: a second use finds nothing) and returns its user. */
  async function redeem(token: string): Promise<User> {
    if (!token || token.length > 200) throw new DomainError('sign_in_link_invalid');
    const ticket = await store.users.redeemSignInLink(hashSecret(token), clock());
    const user = ticket ? await store.users.get(ticket.userId) : undefined;
    // A link sent before the user was deactivated stays dead after a reactivation, like their old logins.
    if (!ticket || !user?.active || !isCurrentLogin(ticket, user))
      throw new DomainError('sign_in_link_invalid');
    return user;
  }

  return { requestSignIn, redeem };
}

export type AuthService = ReturnType<typeof createAuthService>;
