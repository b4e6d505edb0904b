import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate } from '../../functions/domain/whatsapp-templates';
import {
  classifyError,
  createCloudApiClient,
  retryAfterMs,
  WhatsAppApiError,
} from '../../functions/whatsapp/cloud-api';
import { type ContractServer, startContractServer } from '../helpers/whatsapp-contract';

/** The production Cloud API client against a local server speaking the same HTTP contract. */
let server: ContractServer;
beforeAll(async () => {
  server = await startContractServer({ accessToken: 'token-ok' });
});
afterAll(() => server.close());

const client = (token = 'token-ok') =>
  createCloudApiClient({ phoneNumberId: '1122334455', accessToken: token, baseUrl: server.baseUrl });
const reminder = fillTemplate(
  'reminder',
  'id',
  { nama: 'Siti', koperasi: 'KDMP Pelantaran', kegiatan: 'Sosialisasi', waktu: 'Kamis', tempat: 'Sampit' },
  { baseUrl: 'https://hadir.test', buttonSuffix: 'abc?token=x' },
).template;

async function failure(promise: Promise<unknown>): Promise<WhatsAppApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WhatsAppApiError) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
}

describe('Cloud API client', () => {
  it('sends a template to the number without its plus and answers the platform message id', async () => {
    const { messageId } = await client().sendTemplate('+6281234567890', reminder);
    expect(messageId).toMatch(/^wamid\./);
    const sent = server.received.at(-1);
    expect(sent).toMatchObject({ phoneNumberId: '1122334455', to: '6281234567890', messageId });
    expect(sent?.template).toMatchObject({ name: 'hadir_pengingat', language: 'id' });
    expect(sent?.template.components?.find((c) => c.type === 'button')).toMatchObject({
      sub_type: 'url',
      parameters: [{ type: 'text', text: 'abc?token=x' }],
    });
  });

  it('an expired token is a configuration error, not retried', async () => {
    const error = await failure(client('expired').sendTemplate('+6281234567890', reminder));
    expect(error).toMatchObject({ kind: 'config', details: { status: 401, code: 190 } });
  });

  it('429 with Retry-After is retried after the time the platform names', async () => {
    server.answerNext({ status: 429, code: 130429, message: 'Rate limit hit', retryAfter: '7' });
    const error = await failure(client().sendTemplate('+6281234567890', reminder));
    expect(error).toMatchObject({
      kind: 'retry',
      details: { status: 429, code: 130429, retryAfterMs: 7000 },
    });
  });

  it('5xx is retried; a number without WhatsApp fails for good; a stopped number is an opt-out', async () => {
    server.answerNext(
      { status: 500, code: 131000 },
      { status: 400, code: 131026, message: 'Message undeliverable' },
      { status: 400, code: 131050, message: 'User has stopped marketing messages' },
    );
    expect((await failure(client().sendTemplate('+6281234567890', reminder))).kind).toBe('retry');
    expect((await failure(client().sendTemplate('+6281234567890', reminder))).kind).toBe('permanent');
    expect((await failure(client().sendTemplate('+6281234567890', reminder))).kind).toBe('opted_out');
  });

  it('a template the platform does not know, or filled with the wrong count, is a configuration error', async () => {
    const unknown = { ...reminder, name: 'hadir_tidak_ada' };
    expect(await failure(client().sendTemplate('+6281234567890', unknown))).toMatchObject({
      kind: 'config',
      details: { code: 132001 },
    });
    const short = { ...reminder, components: reminder.components.filter((c) => c.type !== 'body') };
    expect(await failure(client().sendTemplate('+6281234567890', short))).toMatchObject({
      kind: 'config',
      details: { code: 132000 },
    });
  });

  it('an answer lost on the way is ambiguous: the outbox must not send it again by itself', async () => {
    server.answerNext({ status: 0, hangUp: true });
    const error = await failure(client().sendTemplate('+6281234567890', reminder));
    expect(error.kind).toBe('ambiguous');
  });

  it('reads Retry-After as seconds or a date, and maps unknown codes by status', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString(), Date.now())).toBeGreaterThan(50_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(classifyError(503, undefined)).toBe('retry');
    expect(classifyError(400, 999999)).toBe('permanent');
    expect(classifyError(403, undefined)).toBe('config');
  });
});
