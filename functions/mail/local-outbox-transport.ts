import type { DevMailRepo } from '../db/dev-mail-repo';
import type { MailTransport } from '../domain/mail-message';

/** Delivers into the local outbox at /dev/outbox instead of the internet. */
export function createLocalOutboxTransport(devMail: DevMailRepo, clock: () => Date = () => new Date()) {
  return {
    name: 'local-outbox',
    async send(message) {
      const stored = await devMail.put(message, clock());
      return { messageId: stored.id };
    },
  } satisfies MailTransport;
}
