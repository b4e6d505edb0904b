import { loadLocalSecret, type Runtime } from './session-secret';
import { secretParameter } from './session-secret-aws';

/**
 * Fixed, so every store a test builds derives the same codes. Never used in AWS: there the key must come from
 * the stack (loadTicketKey refuses to run without it).
 */
export const TEST_TICKET_KEY = 'hadir-test-ticket-key-never-in-aws-0123456789';

/**
 * The key ticket codes are derived with (ticketCodeFor in functions/domain/tokens.ts), and through keys of their
 * own (linkKey) manage, sign-in and unsubscribe links and personal invitation codes, so none of them is ever
 * stored. It is its own secret, not one derived from the session secret: rotating that one signs organizers out,
 * while replacing this one voids every ticket already sent, so the two cannot share a lifecycle. `HADIR_TICKET_KEY`, or `.data/ticket-key`
 * locally (it lives and dies with the local table in the same directory); a fixed key in tests.
 */
export const loadTicketKey = (runtime: Runtime, env: NodeJS.ProcessEnv = process.env, dataDir?: string) =>
  loadLocalSecret(
    {
      variable: 'HADIR_TICKET_KEY',
      file: 'ticket-key',
      missing: 'tickets can be neither issued nor shown',
      forTests: () => TEST_TICKET_KEY,
    },
    runtime,
    env,
    dataDir,
  );

const ticketKeyParameter = secretParameter('TICKET_KEY_PARAMETER', 'ticket key');

/**
 * In a Lambda: the Secrets Manager secret the stack names in `TICKET_KEY_PARAMETER` (read once per instance),
 * else `HADIR_TICKET_KEY`. Rejects without either: a function must not issue codes with some default key.
 */
export async function loadTicketKeyFromAws(
  env: NodeJS.ProcessEnv = process.env,
  client?: Parameters<typeof ticketKeyParameter.load>[1],
): Promise<string> {
  return (await ticketKeyParameter.load(env, client)) ?? loadTicketKey('aws', env);
}

/** Forgets the cached value (tests). */
export const resetTicketKeyCache = ticketKeyParameter.reset;
