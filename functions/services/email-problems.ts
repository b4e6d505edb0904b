import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import { canManageEvent, isAdmin } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { audit } from './admin-audit';

/**
 * Emails that could not be delivered (failed after every retry) or whose delivery is unknown (the worker
 * stopped mid-send), for the organizers of their sessions; "send again" puts a job back in the queue, by hand,
 * because only a person can tell whether the first copy arrived.
 */
export function createEmailProblemsService(store: Store, clock: () => Date = () => new Date()) {
  async function eventOf(job: EmailJob) {
    if (!job.registrationId) return undefined;
    const registration = await store.registrations.get(job.registrationId);
    return registration ? store.events.get(registration.eventId) : undefined;
  }

  async function visibleTo(user: User, job: EmailJob) {
    if (isAdmin(user)) return true;
    const event = await eventOf(job);
    return Boolean(event && canManageEvent(user, event));
  }

  return {
    async list(user: User) {
      const jobs = [...(await store.outbox.failed()), ...(await store.outbox.uncertain())];
      const visible = [];
      for (const job of jobs) if (await visibleTo(user, job)) visible.push(job);
      return visible.map(({ id, kind, to, status, attempts, lastError, availableAt, registrationId }) => ({
        id,
        kind,
        to,
        status,
        attempts,
        lastError,
        lastTriedAt: availableAt,
        registrationId,
      }));
    },

    async retry(user: User, jobId: string) {
      const job = await store.outbox.get(jobId);
      if (!job || !(await visibleTo(user, job))) throw new DomainError('not_found');
      const now = clock();
      if (!(await store.outbox.requeue(jobId, now))) throw new DomainError('conflict');
      await audit(store, user, now, {
        action: 'email.resent',
        targetType: 'registration',
        targetId: job.registrationId ?? jobId,
      });
    },
  };
}
