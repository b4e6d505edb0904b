import { DomainError } from '../../domain/errors';
import {
  handleWebhook,
  verificationChallenge,
  verifySignature,
  webhookPayload,
} from '../../whatsapp/webhook';
import { publicFactory } from '../public-factory';

export type WebhookSecrets = {
  /** The Meta app's secret, which signs every notification. */
  appSecret: () => Promise<string | undefined>;
  /** The token the operator typed when registering the callback URL. */
  verifyToken: () => Promise<string | undefined>;
};

/**
 * The WhatsApp Business Platform's webhook on the public API: GET answers the subscription handshake, POST takes
 * signed notifications (statuses, replies, opt-outs). Without configured secrets it refuses everything.
 */
export function whatsappWebhook(secrets: WebhookSecrets) {
  return publicFactory
    .createApp()
    .get('/', async (c) => {
      const challenge = verificationChallenge(c.req.query(), (await secrets.verifyToken()) ?? '');
      if (challenge === undefined) throw new DomainError('forbidden');
      return c.text(challenge);
    })
    .post('/', async (c) => {
      const raw = await c.req.text();
      if (!verifySignature((await secrets.appSecret()) ?? '', raw, c.req.header('x-hub-signature-256')))
        throw new DomainError('unauthorized');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw new DomainError('validation');
      }
      const parsed = webhookPayload.safeParse(body);
      if (!parsed.success) throw new DomainError('validation');
      const { store, clock } = c.get('services');
      return c.json({ received: await handleWebhook(parsed.data, store, clock()) });
    });
}

/**
 * Secrets from the environment: in AWS the names of SecureString parameters (read once, on the first
 * notification); locally and in tests the values themselves.
 */
export function webhookSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSecrets {
  const fromParameter = (name: string | undefined, value: string | undefined) => {
    let read: Promise<string | undefined> | undefined;
    return () => {
      if (!name) return Promise.resolve(value);
      read ??= import('../../auth/ssm-parameter').then(({ readDecryptedParameter }) =>
        readDecryptedParameter(name),
      );
      read.catch(() => {
        read = undefined;
      });
      return read;
    };
  };
  return {
    appSecret: fromParameter(env.WHATSAPP_APP_SECRET_PARAMETER, env.WHATSAPP_APP_SECRET),
    verifyToken: fromParameter(env.WHATSAPP_VERIFY_TOKEN_PARAMETER, env.WHATSAPP_VERIFY_TOKEN),
  };
}
