import { describe, expect, it } from 'vitest';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import { linkKey, manageTokenFor, signInTokenFor, ticketCodeFor } from '../../functions/domain/tokens';

describe('secrets derived from the ticket key', () => {
  const manageKey = linkKey(TEST_TICKET_KEY, 'manage-links');
  const signInKey = linkKey(TEST_TICKET_KEY, 'sign-in-links');

  it('gives each purpose its own 256-bit key, none of them the ticket key', () => {
    expect(manageKey).toHaveLength(32);
    expect(signInKey).toHaveLength(32);
    expect(manageKey.equals(signInKey)).toBe(false);
    expect(manageKey.equals(Buffer.from(TEST_TICKET_KEY))).toBe(false);
    expect(linkKey(`${TEST_TICKET_KEY}x`, 'manage-links').equals(manageKey)).toBe(false);
  });

  it('derives the same 256-bit manage token for a registration every time, and another for any other', () => {
    const token = manageTokenFor(manageKey, 'reg1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(manageTokenFor(linkKey(TEST_TICKET_KEY, 'manage-links'), 'reg1')).toBe(token);
    expect(manageTokenFor(manageKey, 'reg2')).not.toBe(token);
  });

  it('never yields a manage link, a sign-in link or a ticket code from one another for the same id', () => {
    const id = 'abcdefghjkmnpqrs';
    const manage = manageTokenFor(manageKey, id);
    const signIn = signInTokenFor(signInKey, id);
    expect(signIn).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signIn).not.toBe(manage);
    expect(signInTokenFor(manageKey, id)).not.toBe(manage);
    expect(manage).not.toContain(ticketCodeFor(TEST_TICKET_KEY, id));
  });
});
