import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSessionSecretFromAws, resetSessionSecretCache } from '../../functions/auth/session-secret-aws';
import { loadTicketKeyFromAws, resetTicketKeyCache } from '../../functions/auth/ticket-key';
import { createHttpApp } from '../../functions/http/http-app';
import { sessionSecretParameterName } from '../../infra/api-stack';
import type { TestStore } from '../helpers/store';

/** Stands in for SSMClient: records the commands and answers like GetParameter does. */
function fakeSsm(answer: (name: string) => string | Error) {
  const calls: GetParameterCommand[] = [];
  return {
    calls,
    client: {
      send: async (command: GetParameterCommand) => {
        calls.push(command);
        const value = answer(command.input.Name ?? '');
        if (value instanceof Error) throw value;
        return { Parameter: { Name: command.input.Name, Type: 'SecureString', Value: value } };
      },
    } as never,
  };
}

const SECRET = 'q8XKcVn3T0mZr5LbY2hWj7sPa9dGf4eUk1oNx6iCt0vBy3wQ';
const env = { SESSION_SECRET_PARAMETER: sessionSecretParameterName('SessionSecretC41FBD23-AbCdEfGhIjKl') };

beforeEach(() => {
  resetSessionSecretCache();
  resetTicketKeyCache();
});

describe('session secret loader for AWS', () => {
  it('reads the Secrets Manager secret through its Parameter TestStore reference, decrypted, once per instance', async () => {
    const ssm = fakeSsm(() => SECRET);
    expect(await loadSessionSecretFromAws(env, ssm.client)).toBe(SECRET);
    expect(await loadSessionSecretFromAws(env, ssm.client)).toBe(SECRET);
    expect(ssm.calls).toHaveLength(1);
    expect(ssm.calls[0]).toBeInstanceOf(GetParameterCommand);
    expect(ssm.calls[0]?.input).toEqual({
      Name: '/aws/reference/secretsmanager/SessionSecretC41FBD23-AbCdEfGhIjKl',
      WithDecryption: true,
    });
  });

  it('is undefined without SESSION_SECRET_PARAMETER (local runs and tests keep their own secret)', async () => {
    const ssm = fakeSsm(() => SECRET);
    expect(await loadSessionSecretFromAws({}, ssm.client)).toBeUndefined();
    expect(ssm.calls).toHaveLength(0);
  });

  it('refuses a short secret and tries again on the next call after a failure', async () => {
    let answer: string | Error = new Error('ThrottlingException');
    const ssm = fakeSsm(() => answer);
    await expect(loadSessionSecretFromAws(env, ssm.client)).rejects.toThrow('ThrottlingException');
    answer = 'short';
    await expect(loadSessionSecretFromAws(env, ssm.client)).rejects.toThrow(/at least 32/);
    answer = SECRET;
    expect(await loadSessionSecretFromAws(env, ssm.client)).toBe(SECRET);
    expect(ssm.calls).toHaveLength(3);
  });
});

describe('ticket key loader for AWS', () => {
  const ticketEnv = { TICKET_KEY_PARAMETER: sessionSecretParameterName('TicketKey7A1B2C3D-MnOpQrStUvWx') };

  it('reads its own secret, apart from the session secret, once per instance', async () => {
    const ssm = fakeSsm((name) => (name.includes('TicketKey') ? `ticket-${SECRET}` : SECRET));
    expect(await loadTicketKeyFromAws({ ...env, ...ticketEnv }, ssm.client)).toBe(`ticket-${SECRET}`);
    expect(await loadTicketKeyFromAws({ ...env, ...ticketEnv }, ssm.client)).toBe(`ticket-${SECRET}`);
    expect(ssm.calls.map((call) => call.input.Name)).toEqual([
      '/aws/reference/secretsmanager/TicketKey7A1B2C3D-MnOpQrStUvWx',
    ]);
  });

  it('falls back to HADIR_TICKET_KEY, and refuses to start with neither rather than use some default', async () => {
    const ssm = fakeSsm(() => SECRET);
    expect(await loadTicketKeyFromAws({ HADIR_TICKET_KEY: SECRET }, ssm.client)).toBe(SECRET);
    await expect(loadTicketKeyFromAws({}, ssm.client)).rejects.toThrow(/HADIR_TICKET_KEY is not set/);
    await expect(loadTicketKeyFromAws({ HADIR_TICKET_KEY: 'short' }, ssm.client)).rejects.toThrow(
      /at least 32/,
    );
    expect(ssm.calls).toHaveLength(0);
  });
});

describe('HTTP functions and the secret', () => {
  it('read it on the first request with a signed cookie, not at start, and again after a failed read', async () => {
    let reads = 0;
    let answer: string | Error = new Error('ThrottlingException');
    const app = createHttpApp(
      {
        store: {} as TestStore, // nothing below reaches the table
        config: {
          runtime: 'aws',
          loadSessionSecret: async () => {
            reads++;
            if (answer instanceof Error) throw answer;
            return answer;
          },
        },
      },
      [],
    );
    // Public requests carry no cookie: cold start and these never touch Parameter TestStore.
    expect((await app.request('/api/health')).status).toBe(200);
    expect(reads).toBe(0);
    const withCookie = { headers: { cookie: 'hadir_session=forged.value' } };
    expect((await app.request('/api/health', withCookie)).status).toBeGreaterThanOrEqual(500);
    answer = SECRET;
    // The forged cookie's signature fails against the secret: no user, but the request goes through.
    expect((await app.request('/api/health', withCookie)).status).toBe(200);
    expect((await app.request('/api/health', withCookie)).status).toBe(200);
    expect(reads).toBe(2);
  });
});
