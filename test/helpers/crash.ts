import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import type { DocumentClient } from '../../functions/db/client';
import { createStore } from '../../functions/db/store';
import type { TestStore } from './store';

/** What a killed process "throws": nothing after it runs. */
export class Killed extends Error {
  constructor(where: string) {
    super(`killed ${where}`);
    this.name = 'Killed';
  }
}

const WRITES = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
]);

export type Command = { constructor: { name: string }; input: Record<string, unknown> };

export type CrashPlan = {
  /** The write (1-based, counting only writes that `match`) at which the process dies. */
  atWrite: number;
  /**
   * `before`: it dies before the write reaches DynamoDB (nothing written). `after`: DynamoDB commits the write
   * but the process dies before it reads the answer (the write happened, the code never learns it).
   */
  when: 'before' | 'after';
  /** Which writes count (default: all). */
  match?: (command: Command) => boolean;
  /** Not a crash but a passing database error on that one write (`before` only): later calls work. */
  transient?: boolean;
};

/** A 500 from DynamoDB that the SDK has given up retrying. */
export class TransientDbError extends Error {
  constructor() {
    super('We encountered an internal error. Please try again.');
    this.name = 'InternalServerError';
  }
}

/**
 * The same store over the same DynamoDB Local table, whose client dies at a chosen write. From then on every
 * call through it fails too, as a dead process does nothing more; the real table is left exactly as a crash
 * would leave it. `writes` lists what went through, for assertions on where the crash happened.
 */
export function crashingStore(store: TestStore, plan: CrashPlan) {
  const match = plan.match ?? (() => true);
  const state = { dead: false, counted: 0, writes: [] as string[] };
  const doc = new Proxy(store.doc, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return async (command: Command, ...rest: unknown[]) => {
        if (state.dead) throw new Killed('(already dead)');
        const isWrite = WRITES.has(command.constructor.name) && match(command);
        if (isWrite && ++state.counted === plan.atWrite) {
          if (plan.transient) throw new TransientDbError();
          state.dead = true;
          if (plan.when === 'before') throw new Killed(`before write ${plan.atWrite}`);
          await (target.send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
          throw new Killed(`after write ${plan.atWrite}`);
        }
        const answer = await (target.send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(
          command,
          ...rest,
        );
        if (isWrite) state.writes.push(describe(command));
        return answer;
      };
    },
  }) as DocumentClient;
  return { store: { ...createStore(doc, store.tableName, { ticketKey: TEST_TICKET_KEY }), doc }, state };
}

/** A short label for a write: its command and what it sets or puts (for failure messages). */
function describe(command: Command) {
  const input = command.input;
  const detail =
    (input.UpdateExpression as string | undefined)?.slice(0, 40) ??
    ((input.Item as Record<string, unknown> | undefined)?.pk as string | undefined) ??
    '';
  return `${command.constructor.name} ${detail}`.trim();
}

/** Runs `task` and expects it to die of the planned crash (anything else is a real failure). */
export async function expectKilled(task: Promise<unknown>) {
  try {
    await task;
  } catch (error) {
    if (error instanceof Killed) return;
    // The SDK or our code may wrap it; the message still names the crash.
    if (error instanceof Error && /killed/.test(error.message)) return;
    throw error;
  }
  throw new Error('expected the process to be killed, but it finished');
}
