/**
 * The single table's keys. This file and the *-repo.ts files next to it are the only code that knows them.
 *
 * Access patterns (one line each, with the key or index that serves it):
 *  1. Get a session by id ................................ pk=EVENT#<eventId>        sk=EVENT
 *  2. List sessions by start time ........................ GSI1 gsi1pk=EVENTS          gsi1sk=<startsAt>#<eventId>
 *  3. Get a registration by id (manage link) ............. pk=REG#<regId>             sk=REG
 *  4. List a session's registrations (roster) ............ GSI1 gsi1pk=EVENT#<eventId>#REGS gsi1sk=<queuedAt>#<regId>
 *  5. Waitlist of a session, oldest first (sparse) ....... GSI2 gsi2pk=WAITLIST#<eventId> gsi2sk=<queuedAt>#<regId>
 *  6. One active registration per cooperative per session  pk=EVENT#<eventId>        sk=COOP#<cooperativeId>
 *  7. One phone number per session ....................... pk=EVENT#<eventId>        sk=PHONE#<+62…>
 *  8. Find a ticket by its code (check-in, ticket page) .. pk=TICKET#<code>           sk=TICKET
 *  9. Replay an idempotent request ....................... pk=IDEM#<scope>#<keyHash>  sk=IDEM (TTL 24 h)
 * 10. List a regency's cooperatives ...................... pk=REGENCY#<code>          sk=COOP#<villageCode>
 * 11. Get a cooperative by id (its village code) ......... pk=REGENCY#<code>          sk=COOP#<villageCode>
 * 12. List seeded regencies .............................. GSI1 gsi1pk=REGENCIES       gsi1sk=<regencyCode>
 * 13. Pending email jobs, oldest first (sparse) .......... GSI2 gsi2pk=OUTBOX#pending gsi2sk=<availableAt>#<jobId>
 * 14. Get an email job .................................. pk=OUTBOX#<jobId>          sk=OUTBOX
 * 15. Local outbox messages, newest first ............... pk=DEVMAIL                 sk=<createdAt>#<id>
 *
 * Capacity is a counter on the session item (seatsTaken, waitlistCount), changed in the same transaction as the
 * registration it belongs to, so it can never disagree with the registrations and never oversells.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const GSI1 = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const GSI2 = { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

export const keys = {
  event: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' }),
  eventListing: (startsAt: string, eventId: string) => ({
    gsi1pk: 'EVENTS',
    gsi1sk: `${new Date(startsAt).toISOString()}#${eventId}`,
  }),
  registration: (registrationId: string) => ({ pk: `REG#${registrationId}`, sk: 'REG' }),
  registrationInRoster: (eventId: string, queuedAt: string, registrationId: string) => ({
    gsi1pk: rosterPartition(eventId),
    gsi1sk: `${queuedAt}#${registrationId}`,
  }),
  waitlistEntry: (eventId: string, queuedAt: string, registrationId: string) => ({
    gsi2pk: waitlistPartition(eventId),
    gsi2sk: `${queuedAt}#${registrationId}`,
  }),
  cooperativeLock: (eventId: string, cooperativeId: string) => ({
    pk: `EVENT#${eventId}`,
    sk: `COOP#${cooperativeId}`,
  }),
  phoneLock: (eventId: string, phone: string) => ({ pk: `EVENT#${eventId}`, sk: `PHONE#${phone}` }),
  ticket: (code: string) => ({ pk: `TICKET#${code}`, sk: 'TICKET' }),
  idempotency: (scope: string, keyHash: string) => ({ pk: `IDEM#${scope}#${keyHash}`, sk: 'IDEM' }),
  regency: (regencyCode: string) => ({ pk: `REGENCY#${regencyCode}`, sk: 'REGENCY' }),
  regencyListing: (regencyCode: string) => ({ gsi1pk: 'REGENCIES', gsi1sk: regencyCode }),
  cooperative: (cooperativeId: string) => ({
    pk: `REGENCY#${regencyOf(cooperativeId)}`,
    sk: `COOP#${cooperativeId}`,
  }),
  outboxJob: (jobId: string) => ({ pk: `OUTBOX#${jobId}`, sk: 'OUTBOX' }),
  pendingOutboxJob: (availableAt: string, jobId: string) => ({
    gsi2pk: PENDING_OUTBOX,
    gsi2sk: `${availableAt}#${jobId}`,
  }),
  devMail: (createdAt: string, id: string) => ({ pk: 'DEVMAIL', sk: `${createdAt}#${id}` }),
};

export const rosterPartition = (eventId: string) => `EVENT#${eventId}#REGS`;
export const waitlistPartition = (eventId: string) => `WAITLIST#${eventId}`;
export const PENDING_OUTBOX = 'OUTBOX#pending';

/** Cooperative ids are village codes (`62.02.01.2001`); the regency is their first two segments. */
export const regencyOf = (cooperativeId: string) => cooperativeId.split('.').slice(0, 2).join('.');

/** Strips key attributes so repositories hand plain records to the domain. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, KeyAttribute> {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expiresAt, ...rest } = item;
  return rest;
}
type KeyAttribute = 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk' | 'expiresAt';
