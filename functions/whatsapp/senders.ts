import type { DevMailRepo } from '../db/dev-mail-repo';
import { type CloudApiClient, createCloudApiClient } from './cloud-api';
import type { WhatsAppMessage } from './compose';

/** The Cloud API in AWS, the local outbox on a developer machine: both behind this. */
export interface WhatsAppSender {
  readonly name: string;
  send(message: WhatsAppMessage): Promise<{ messageId: string }>;
}

export function createCloudApiSender(client: CloudApiClient): WhatsAppSender {
  return {
    name: 'whatsapp-cloud-api',
    send: (message) => client.sendTemplate(message.to, message.filled.template),
  };
}

/**
 * Keeps the message in the local outbox beside the emails (/dev/outbox shows it as a phone would), with a
 * made-up platform id in the Cloud API's form so the local status simulation can name it.
 */
export function createLocalWhatsAppSender(
  devMail: DevMailRepo,
  clock: () => Date = () => new Date(),
): WhatsAppSender {
  return {
    name: 'local-outbox',
    async send(message) {
      const { preview, template, category } = message.filled;
      const messageId = `wamid.local.${message.id}`;
      await devMail.put(
        {
          id: message.id,
          from: 'WhatsApp',
          to: [message.to],
          subject: `WhatsApp · ${template.name}`,
          html: '',
          text: [
            preview.body,
            preview.footer,
            preview.button ? `[${preview.button.label}] ${preview.button.url}` : '',
          ]
            .filter(Boolean)
            .join('\n\n'),
          attachments: [],
          headers: { 'X-WhatsApp-Message-Id': messageId },
          channel: 'whatsapp',
          whatsapp: { template: template.name, language: template.language, category, ...preview },
        } as Parameters<DevMailRepo['put']>[0],
        clock(),
      );
      return { messageId };
    },
  };
}

/**
 * The Cloud API when `WHATSAPP_PHONE_NUMBER_ID` is set, its token read from Parameter Store
 * (`WHATSAPP_TOKEN_PARAMETER`, SecureString) or, outside AWS, `WHATSAPP_ACCESS_TOKEN`; otherwise the local outbox.
 * `WHATSAPP_API_BASE_URL` points the client at the contract server (tests, the bench).
 */
export function whatsappSenderFromEnv(
  devMail: DevMailRepo,
  env: NodeJS.ProcessEnv = process.env,
): WhatsAppSender {
  const phoneNumberId = env.WHATSAPP_PHONE_NUMBER_ID;
  if (!phoneNumberId) return createLocalWhatsAppSender(devMail);
  const parameter = env.WHATSAPP_TOKEN_PARAMETER;
  const accessToken = parameter
    ? async () => {
        // The SSM client (76 KiB) loads with the first message sent, not with every worker's cold start.
        const { readDecryptedParameter } = await import('../auth/ssm-parameter');
        const value = await readDecryptedParameter(parameter);
        if (!value) throw new Error(`parameter ${parameter} is empty`);
        return value;
      }
    : (env.WHATSAPP_ACCESS_TOKEN ?? '');
  return createCloudApiSender(
    createCloudApiClient({
      phoneNumberId,
      accessToken,
      baseUrl: env.WHATSAPP_API_BASE_URL,
      apiVersion: env.WHATSAPP_API_VERSION,
    }),
  );
}
