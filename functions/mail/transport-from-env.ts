import type { Store } from '../db/store';
import type { MailTransport } from '../domain/mail-message';
import { createLocalOutboxTransport } from './local-outbox-transport';
import { createSesTransport } from './ses-transport';
import { createSmtpTransport } from './smtp-transport';

/**
 * SMTP when `SMTP_URL` is set; SES in AWS (`MAIL_TRANSPORT=ses`, configuration set from
 * `SES_CONFIGURATION_SET`); otherwise the local outbox readable at /dev/outbox.
 */
export function transportFromEnv(store: Store, env: NodeJS.ProcessEnv = process.env): MailTransport {
  if (env.SMTP_URL) return createSmtpTransport(env.SMTP_URL);
  if (env.MAIL_TRANSPORT === 'ses')
    return createSesTransport({ configurationSetName: env.SES_CONFIGURATION_SET });
  return createLocalOutboxTransport(store.devMail);
}

export const mailFrom = (env: NodeJS.ProcessEnv = process.env) =>
  env.MAIL_FROM ?? 'hadir <noreply@hadir.local>';
