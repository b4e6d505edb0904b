import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWhatsAppRepo } from '../../functions/db/whatsapp-repo';
import { createApp } from '../../functions/http/app';
import { signatureOf } from '../../functions/whatsapp/webhook';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';

/** The webhook on the public app: the handshake, signatures, statuses, opt-outs, replays. */
let store: TestStore;
let app: ReturnType<typeof createApp>;
const SECRET = 'meta-app-secret';

beforeAll(async () => {
  vi.stubEnv('WHATSAPP_APP_SECRET', SECRET);
  vi.stubEnv('WHATSAPP_VERIFY_TOKEN', 'verify-me');
  store = await createTestStore();
  app = createApp({ store, config: { runtime: 'test', publicBaseUrl: 'https://hadir.test' } });
});
afterAll(() => vi.unstubAllEnvs());

const post = (body: string, signature?: string) =>
  app.request('/webhooks/whatsapp', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
  });
const notification = (value: Record<string, unknown>) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value }] }],
  });

describe('WhatsApp webhook', () => {
  it('answers the subscription handshake only for the verify token', async () => {
    const ok = await app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444',
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
    );
    expect(wrong.status).toBe(403);
  });

  it('refuses a forged or missing signature and changes nothing', async () => {
    const body = notification({
      messages: [{ id: 'wamid.forged', from: '6281200000001', text: { body: 'BERHENTI' } }],
    });
    expect((await post(body, signatureOf('another-secret', body))).status).toBe(401);
    expect((await post(body)).status).toBe(401);
    // Signed for another body: the signature covers the raw bytes.
    expect(
      (await post(body.replace('6281200000001', '6281200000002'), signatureOf(SECRET, body))).status,
    ).toBe(401);
    expect(await createWhatsAppRepo(store.doc, store.tableName).isOptedOut('+6281200000001')).toBe(false);
  });

  it('a delivery status moves the message forward; replays and late statuses change nothing', async () => {
    const repo = createWhatsAppRepo(store.doc, store.tableName);
    const job = {
      id: 'job-wh-1',
      kind: 'ticket',
      to: '+6281200000003',
      language: 'id',
      registrationId: 'reg-wh-1',
      status: 'sending',
      attempts: 1,
      availableAt: '',
      createdAt: '',
    } as const;
    const { transact } = await import('../../functions/db/transactions');
    await transact(store.doc, repo.sentItems(job, 'whatsapp', 'wamid.ABC', new Date()));
    const status = (s: string, ts: string) =>
      notification({
        statuses: [{ id: 'wamid.ABC', status: s, timestamp: ts, recipient_id: '6281200000003' }],
      });
    const send = async (body: string) => (await post(body, signatureOf(SECRET, body))).json();
    expect(await send(status('read', '1761180100'))).toMatchObject({ received: { statuses: 1 } });
    expect(await send(status('read', '1761180100'))).toMatchObject({ received: { statuses: 0, ignored: 1 } });
    expect(await send(status('delivered', '1761180050'))).toMatchObject({ received: { statuses: 0 } });
    const [log] = await repo.byRegistration('reg-wh-1');
    expect(log).toMatchObject({ status: 'read', channel: 'whatsapp' });
    expect(log?.readAt).toBe(new Date(1761180100 * 1000).toISOString());
    expect(log?.deliveredAt).toBe(log?.readAt);
  });

  it('a signed BERHENTI reply and the platform opt-out stop the number; MULAI starts it again', async () => {
    const repo = createWhatsAppRepo(store.doc, store.tableName);
    const reply = notification({
      messages: [{ id: 'wamid.in.1', from: '6281200000004', type: 'text', text: { body: 'Berhenti' } }],
    });
    expect((await post(reply, signatureOf(SECRET, reply))).status).toBe(200);
    expect(await repo.isOptedOut('+6281200000004')).toBe(true);
    const start = notification({
      messages: [{ id: 'wamid.in.2', from: '6281200000004', type: 'text', text: { body: 'MULAI' } }],
    });
    await post(start, signatureOf(SECRET, start));
    expect(await repo.isOptedOut('+6281200000004')).toBe(false);
    // The old BERHENTI delivered again does not undo the later MULAI.
    await post(reply, signatureOf(SECRET, reply));
    expect(await repo.isOptedOut('+6281200000004')).toBe(false);
    const platform = notification({
      user_preferences: [{ wa_id: '6281200000005', category: 'marketing_messages', value: 'stop' }],
    });
    await post(platform, signatureOf(SECRET, platform));
    expect(await repo.isOptedOut('+6281200000005')).toBe(true);
  });
});
