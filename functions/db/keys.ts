/**
 * The single table's keys. This file and the *-repo.ts files next to it are the only code that knows them.
 *
 * Access patterns (one line each, with the key or index that serves it):
 *  1. Get a session by id ................................ pk=EVENT#<eventId>        sk=EVENT
 *  2. List sessions by start time ........................ GSI1 gsi1pk=EVENTS          gsi1sk=<startsAt>#<eventId>
 *  2b. An organisation's sessions by start time (console) GSI3 gsi3pk=ORG#<orgId>#EVENTS gsi3sk=<startsAt>#<eventId>
 *  2c. Sessions by end time until their personal data is erased (sparse: the retention purge removes the key;
 *      keys only) ........................................ GSI4 gsi4pk=EVENTS#ENDING   gsi4sk=<endsAt>#<eventId>
 *  2d. Public session list, by end time (sparse: published) GSI2 gsi2pk=SESSIONS#published gsi2sk=<endsAt>#<eventId>
 *     Upcoming (ends after now) is one Query `gsi2sk > <now>$` ascending, past ones `gsi2sk < <now>$` descending,
 *     each a page of `Limit` with a cursor: no read ever passes over the sessions of the other side of now. (`$`
 *     sorts just after the `#` that follows every end time, so a session ending exactly now is past.)
 *  3. Get a registration by id (manage link) ............. pk=REG#<regId>             sk=REG
 *  4. List a session's registrations (roster) ............ GSI1 gsi1pk=EVENT#<eventId>#REGS gsi1sk=<queuedAt>#<regId>
 *  5. Waitlist of a session, oldest first (sparse) ....... GSI2 gsi2pk=WAITLIST#<eventId> gsi2sk=<queuedAt>#<regId>
 *  6. One active registration per cooperative per session  pk=EVENT#<eventId>        sk=COOP#<cooperativeId>
 *  7. One phone number per session ....................... pk=EVENT#<eventId>        sk=PHONE#<+62…>
 *  8. Find a ticket by its code (check-in, ticket page) .. pk=TICKET#<ticketHash(code)> sk=TICKET
 *     (only the hash: codes are derived from participant ids with the ticket key and stored nowhere)
 *  8b. One check-in per officer; a session's check-ins ... pk=EVENT#<eventId>        sk=CHECKIN#<participantId>
 *  9. Replay an idempotent request ....................... pk=IDEM#<scope>#<keyHash>  sk=IDEM (TTL 24 h)
 * 10. List a regency's cooperatives ...................... pk=REGENCY#<code>          sk=COOP#<villageCode>
 * 11. Get a cooperative by id (its village code) ......... pk=REGENCY#<code>          sk=COOP#<villageCode>
 * 12. List seeded regencies .............................. GSI1 gsi1pk=REGENCIES       gsi1sk=<regencyCode>
 * 13. Pending email jobs, oldest first (sparse) .......... GSI2 gsi2pk=OUTBOX#pending gsi2sk=<availableAt>#<jobId>
 * 14. Get an email job .................................. pk=OUTBOX#<jobId>          sk=OUTBOX
 * 15. Local outbox messages, newest first ............... pk=DEVMAIL                 sk=<createdAt>_<jobId>
 * 16. Jobs in flight, failed or uncertain (sparse) ...... GSI2 gsi2pk=OUTBOX#sending|failed|uncertain gsi2sk=<time>#<jobId>
 *
 * Organizer console:
 * 20. Get a user by id ................................... pk=USER#<userId>           sk=USER
 * 21. List users, by email ............................... GSI1 gsi1pk=USERS           gsi1sk=<email>
 * 22. Find a user by email (sign-in); unique email ....... pk=USEREMAIL#<email>       sk=USEREMAIL
 * 23. Redeem a sign-in link once (TTL 15 min) ............ pk=SIGNIN#<sha256(token)>  sk=SIGNIN
 * 24. Get a console sign-in session (TTL 12 h) ........... pk=LOGIN#<sha256(id)>      sk=LOGIN
 * 25. Get an organisation ................................ pk=ORG#<orgId>             sk=ORG
 * 26. List organisations, by name ........................ GSI1 gsi1pk=ORGS            gsi1sk=<name>#<orgId>
 *     (the organisation item holds the regencies it serves, `regencyCodes`)
 * 27. List a session's check-in stations ................. pk=EVENT#<eventId>        sk=STATION#<stationId>
 * 28. Authenticate a station by its token ................ pk=STATIONTOKEN#<sha256>   sk=STATIONTOKEN
 * 29. A Business Assistant's cooperatives ................ pk=BA#<userId>             sk=COOP#<cooperativeId>
 * 30. The Business Assistant(s) of a cooperative ......... GSI1 gsi1pk=COOPBA#<coopId>  gsi1sk=<userId>
 * 31. Audit log, newest first, one partition a month ..... pk=AUDIT#<yyyy-mm>         sk=<at>#<id>
 * 32. Cancellation notice sent for a registration (once) . pk=EVENT#<eventId>        sk=CANCELNOTICE#<regId>
 *
 * 40. Address that bounced or complained (SES events) .... pk=SUPPRESS#<sha256(lowercased email)> sk=SUPPRESS
 *
 * Reports:
 * 50. An organisation's administration checklist of a cooperative; all of its checklists in a regency in one query
 *     (begins_with CHECKLIST#) ........................... pk=ORG#<orgId>#REGENCY#<code> sk=CHECKLIST#<cooperativeId>
 *     (per organisation: two Dinas serving one regency each keep their own, and neither reads the other's)
 *
 * Follow-ups:
 * 60. Get a campaign ..................................... pk=CAMPAIGN#<campaignId>   sk=CAMPAIGN
 * 61. List a session's campaigns ......................... GSI1 gsi1pk=EVENT#<eventId>#CAMPAIGNS gsi1sk=<createdAt>#<campaignId>
 * 62. Scheduled and running campaigns by due time (sparse) GSI2 gsi2pk=CAMPAIGNS#active gsi2sk=<dueAt>#<campaignId>
 *     (the tick reads only `gsi2sk <= now`; moving a session re-dates its campaigns, and the runner still checks
 *     the due time against the session as it is when it runs)
 * 63. One email per recipient per campaign; its progress . pk=CAMPAIGN#<campaignId>   sk=RCPT#<recipientKey>
 * 64. Redeem a one-click unsubscribe link ................ pk=UNSUBLINK#<sha256(token)> sk=UNSUBLINK
 * 65. Address that unsubscribed from non-transactional mail pk=UNSUB#<sha256(lowercased email)> sk=UNSUB
 * 66. One certificate per officer per session ............ pk=EVENT#<eventId>        sk=CERTOF#<participantId>
 * 67. Verify a certificate by its number ................. pk=CERT#<number slug>      sk=CERT
 * 68. Certificate number sequence per regency and year ... pk=CERTSEQ#<regency>#<yyyy> sk=CERTSEQ
 *
 * Outreach:
 * 70. The contact (ketua, phone, email, BA) an organisation keeps for a cooperative; all of its contacts in a regency
 *     in one query (begins_with CONTACT#) ................ pk=ORG#<orgId>#REGENCY#<code> sk=CONTACT#<cooperativeId>
 *     (per organisation, like 50: what one Dinas collected is never shown to or overwritten by another)
 * 71. A session's invitation of one cooperative; all of a session's invitations  pk=EVENT#<eventId> sk=INVITE#<cooperativeId>
 * 72. Redeem a personal invitation link (only the code's hash) ... pk=INVITECODE#<sha256(code)> sk=INVITECODE
 *
 * Scheduled work:
 * 80. One holder at a time of a scheduled job (TTL) ...... pk=LEASE#<job>              sk=LEASE
 *
 * WhatsApp channel (whatsapp-repo.ts):
 * 90. A number that stopped WhatsApp messages ........... pk=WAOPTOUT#<sha256(+62…)>  sk=WAOPTOUT
 * 91. What a sent job became (channel, delivered, read) .. pk=MSGLOG#<jobId>           sk=MSGLOG
 * 92. A registration's sent messages, oldest first ...... GSI1 gsi1pk=REG#<regId>#MSGS gsi1sk=<sentAt>#<jobId>
 * 93. A campaign's sent messages, oldest first .......... GSI3 gsi3pk=CAMPAIGN#<id>#MSGS gsi3sk=<sentAt>#<jobId>
 * 94. The job of a platform message id (status webhooks)  pk=WAMSG#<wamid>           sk=WAMSG
 * 95. A webhook's inbound message handled once (TTL) .... pk=WAIN#<sha256(id)>       sk=WAIN
 * 100-104. Coverage counters, cooperative states and marks, session counts: coverage-keys.ts; 105. word index of the
 *      national cooperative search: directory-keys.ts
 * 110-111. A session's evaluation form and its answers, one per checked-in officer: evaluation-keys.ts
 *
 * Capacity is a counter on the session item (seatsTaken, waitlistCount), changed in the same transaction as the
 * registration it belongs to, so it can never disagree with the registrations and never oversells.
 */
import { DomainError } from '../domain/errors';

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const GSI1 = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const GSI2 = { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
export const GSI3 = { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' } as const;
/**
 * Keys only: the retention purge needs nothing but the session's id, and a session item's counter updates (every
 * registration) then never write to this index.
 */
export const GSI4 = { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', keysOnly: true } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

const builders = {
  event: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' }),
  eventListing: (startsAt: string, eventId: string) => ({
    gsi1pk: 'EVENTS',
    gsi1sk: `${new Date(startsAt).toISOString()}#${eventId}`,
  }),
  publicListing: (endsAt: string, eventId: string) => ({
    gsi2pk: PUBLIC_SESSIONS,
    gsi2sk: `${new Date(endsAt).toISOString()}#${eventId}`,
  }),
  eventOfOrganisation: (organisationId: string, startsAt: string, eventId: string) => ({
    gsi3pk: organisationEventsPartition(organisationId),
    gsi3sk: `${new Date(startsAt).toISOString()}#${eventId}`,
  }),
  eventEnding: (endsAt: string, eventId: string) => ({
    gsi4pk: ENDING_EVENTS,
    gsi4sk: `${new Date(endsAt).toISOString()}#${eventId}`,
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
  ticket: (codeHash: string) => ({ pk: `TICKET#${codeHash}`, sk: 'TICKET' }),
  checkin: (eventId: string, participantId: string) => ({
    pk: `EVENT#${eventId}`,
    sk: `CHECKIN#${participantId}`,
  }),
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
  devMail: (id: string) => ({ pk: 'DEVMAIL', sk: id }),
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'USER' }),
  userListing: (email: string) => ({ gsi1pk: 'USERS', gsi1sk: email }),
  userEmail: (email: string) => ({ pk: `USEREMAIL#${email}`, sk: 'USEREMAIL' }),
  signInToken: (tokenHash: string) => ({ pk: `SIGNIN#${tokenHash}`, sk: 'SIGNIN' }),
  login: (sessionIdHash: string) => ({ pk: `LOGIN#${sessionIdHash}`, sk: 'LOGIN' }),
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  organisationListing: (name: string, orgId: string) => ({ gsi1pk: 'ORGS', gsi1sk: `${name}#${orgId}` }),
  station: (eventId: string, stationId: string) => ({ pk: `EVENT#${eventId}`, sk: `STATION#${stationId}` }),
  stationToken: (tokenHash: string) => ({ pk: `STATIONTOKEN#${tokenHash}`, sk: 'STATIONTOKEN' }),
  assignment: (userId: string, cooperativeId: string) => ({
    pk: `BA#${userId}`,
    sk: `COOP#${cooperativeId}`,
  }),
  assignmentByCooperative: (cooperativeId: string, userId: string) => ({
    gsi1pk: `COOPBA#${cooperativeId}`,
    gsi1sk: userId,
  }),
  audit: (at: string, id: string) => ({ pk: auditPartition(at), sk: `${at}#${id}` }),
  organisationRegency: (organisationId: string, regencyCode: string) => ({
    pk: organisationRegencyPartition(organisationId, regencyCode),
    sk: 'ORGREGENCY',
  }),
  checklist: (organisationId: string, cooperativeId: string) => ({
    pk: organisationRegencyPartition(organisationId, regencyOf(cooperativeId)),
    sk: `CHECKLIST#${cooperativeId}`,
  }),
  cancelNotice: (eventId: string, registrationId: string) => ({
    pk: `EVENT#${eventId}`,
    sk: `CANCELNOTICE#${registrationId}`,
  }),
  campaign: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  campaignListing: (eventId: string, createdAt: string, campaignId: string) => ({
    gsi1pk: `EVENT#${eventId}#CAMPAIGNS`,
    gsi1sk: `${createdAt}#${campaignId}`,
  }),
  campaignQueue: (status: string, dueAt: string, campaignId: string) => ({
    gsi2pk: `CAMPAIGNS#${status}`,
    gsi2sk: `${dueAt}#${campaignId}`,
  }),
  campaignRecipient: (campaignId: string, recipientKey: string) => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `RCPT#${recipientKey}`,
  }),
  unsubscribeLink: (tokenHash: string) => ({ pk: `UNSUBLINK#${tokenHash}`, sk: 'UNSUBLINK' }),
  unsubscribed: (addressHash: string) => ({ pk: `UNSUB#${addressHash}`, sk: 'UNSUB' }),
  certificateOf: (eventId: string, participantId: string) => ({
    pk: `EVENT#${eventId}`,
    sk: `CERTOF#${participantId}`,
  }),
  certificate: (slug: string) => ({ pk: `CERT#${slug}`, sk: 'CERT' }),
  certificateSequence: (regencyCode: string, year: string) => ({
    pk: `CERTSEQ#${regencyCode}#${year}`,
    sk: 'CERTSEQ',
  }),
  contact: (organisationId: string, cooperativeId: string) => ({
    pk: organisationRegencyPartition(organisationId, regencyOf(cooperativeId)),
    sk: `CONTACT#${cooperativeId}`,
  }),
  invitation: (eventId: string, cooperativeId: string) => ({
    pk: `EVENT#${eventId}`,
    sk: `INVITE#${cooperativeId}`,
  }),
  invitationCode: (codeHash: string) => ({ pk: `INVITECODE#${codeHash}`, sk: 'INVITECODE' }),
  lease: (job: string) => ({ pk: `LEASE#${job}`, sk: 'LEASE' }),
  whatsappOptOut: (phoneHash: string) => ({ pk: `WAOPTOUT#${phoneHash}`, sk: 'WAOPTOUT' }),
  messageLog: (jobId: string) => ({ pk: `MSGLOG#${jobId}`, sk: 'MSGLOG' }),
  messageOfRegistration: (registrationId: string, sentAt: string, jobId: string) => ({
    gsi1pk: registrationMessagesPartition(registrationId),
    gsi1sk: `${sentAt}#${jobId}`,
  }),
  messageOfCampaign: (campaignId: string, sentAt: string, jobId: string) => ({
    gsi3pk: campaignMessagesPartition(campaignId),
    gsi3sk: `${sentAt}#${jobId}`,
  }),
  whatsappMessage: (platformId: string) => ({ pk: `WAMSG#${platformId}`, sk: 'WAMSG' }),
  whatsappInbound: (idHash: string) => ({ pk: `WAIN#${idHash}`, sk: 'WAIN' }),
};
export const registrationMessagesPartition = (registrationId: string) => `REG#${registrationId}#MSGS`;
export const campaignMessagesPartition = (campaignId: string) => `CAMPAIGN#${campaignId}#MSGS`;

/** What one organisation keeps about one regency's cooperatives (contacts, checklists): 50 and 70. */
const organisationRegencyPartition = (organisationId: string, regencyCode: string) =>
  `ORG#${organisationId}#REGENCY#${regencyCode}`;

/** The audit log is partitioned by calendar month (UTC) of the action. */
export const auditPartition = (at: string) => `AUDIT#${at.slice(0, 7)}`;

/**
 * Key parts come from URLs and bodies. One longer than any real id cannot name a record: it is "not found",
 * never a DynamoDB validation error (a 500) for a key over its size limit.
 */
const MAX_KEY_PART = 256;
function guarded<T extends Record<string, (...parts: string[]) => Record<string, string>>>(all: T): T {
  return Object.fromEntries(
    Object.entries(all).map(([name, build]) => [
      name,
      (...parts: string[]) => {
        if (parts.some((part) => typeof part === 'string' && part.length > MAX_KEY_PART)) {
          throw new DomainError('not_found');
        }
        return build(...parts);
      },
    ]),
  ) as T;
}

export const keys = guarded(builders);

export const rosterPartition = (eventId: string) => `EVENT#${eventId}#REGS`;
export const waitlistPartition = (eventId: string) => `WAITLIST#${eventId}`;
export const PENDING_OUTBOX = 'OUTBOX#pending';
export const ENDING_EVENTS = 'EVENTS#ENDING';
export const organisationEventsPartition = (organisationId: string) => `ORG#${organisationId}#EVENTS`;

/**
 * The index keys a session item carries besides its own: the national start-time listing, its organisation's
 * listing (none without an organisation), and the end-time entry the retention purge removes once it is done.
 */
export function eventIndexKeys(
  event: { id: string; startsAt: string; endsAt: string; organisationId?: string },
  { erased = false } = {},
) {
  return {
    ...keys.eventListing(event.startsAt, event.id),
    ...(event.organisationId ? keys.eventOfOrganisation(event.organisationId, event.startsAt, event.id) : {}),
    ...(erased ? {} : keys.eventEnding(event.endsAt, event.id)),
  };
}
/** The partition of published sessions in GSI2 (access pattern 2d); unpublished sessions have no GSI2 key. */
export const PUBLIC_SESSIONS = 'SESSIONS#published';

/** Cooperative ids are village codes (`62.02.01.2001`); the regency is their first two segments. */
export const regencyOf = (cooperativeId: string) => cooperativeId.split('.').slice(0, 2).join('.');

/** Strips key attributes so repositories hand plain records to the domain. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, KeyAttribute> {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, gsi4pk, gsi4sk, expiresAt, ...rest } = item;
  return rest;
}
type KeyAttribute =
  | 'pk'
  | 'sk'
  | 'gsi1pk'
  | 'gsi1sk'
  | 'gsi2pk'
  | 'gsi2sk'
  | 'gsi3pk'
  | 'gsi3sk'
  | 'gsi4pk'
  | 'gsi4sk'
  | 'expiresAt';

/** One string per item, to match items a batch read returns (in any order) to the keys asked for. */
export const itemId = (item: Record<string, unknown>) => `${item.pk}\n${item.sk}`;
