import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import { type EmailJobInput, emailsFor } from '../domain/notifications';
import { phonesOf } from '../domain/registration';
import type {
  EventRecord,
  Participant,
  ParticipantRecord,
  Registration,
  RegistrationRecord,
} from '../domain/schemas';
import { hashSecret, linkKey, manageTokenFor, ticketCodeFor, ticketHash } from '../domain/tokens';
import type { DocumentClient } from './client';
import { GSI1, GSI2, itemId, keys, rosterPartition, waitlistPartition, withoutKeys } from './keys';
import { emailJobPuts } from './outbox-items';
import { batchGetAll, queryAll } from './paging';
import { type TransactItem, transact } from './transactions';

/** `manageTokenHash`: what a manage link's token is checked against; the token itself is derived (manageToken). */
export type StoredRegistration = Registration & { manageTokenHash: string };

/**
 * A replayable request: the key's item is written in the same transaction as the registration. Its response is
 * built from the registration as stored, without ticket codes, and must not hold the manage token: a replay
 * derives both again (withTicketCodes, manageToken).
 */
export type Idempotency = {
  scope: string;
  keyHash: string;
  requestHash: string;
  responseFor: (registration: RegistrationRecord) => unknown;
};

export type CreateOutcome =
  /** `event` is the freshest session state this write saw, to refresh the caller's snapshot. */
  | { kind: 'created'; registration: Registration; event: EventRecord }
  | { kind: 'replayed'; response: unknown };

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

// Conditions as named constants: each failed one becomes one domain error.
const EVENT_HAS_ROOM =
  'attribute_exists(pk) AND cancelled = :false AND closesAtEpoch > :now AND #capacity = :capacity ' +
  'AND seatsTaken <= :limit AND waitlistCount = :zero';
const EVENT_OPEN = 'attribute_exists(pk) AND cancelled = :false AND closesAtEpoch > :now';
/**
 * Waitlisted for want of room: still true when the write lands. Seats freed later are handed out by a promotion
 * that starts after this write, so the group cannot be passed over; had seats been freed before, it retries.
 */
const EVENT_HAS_NO_ROOM = `${EVENT_OPEN} AND #capacity = :capacity AND seatsTaken > :limit`;
/** At the door the deadline has passed and the waitlist no longer matters: only a free seat does. */
const EVENT_HAS_ROOM_AT_DOOR =
  'attribute_exists(pk) AND cancelled = :false AND #capacity = :capacity AND seatsTaken <= :limit';
const IS_NEW = 'attribute_not_exists(pk)';
const CAPACITY_NAME = { '#capacity': 'capacity' }; // a DynamoDB reserved word
const VERSION_IS = 'version = :version';

/** What the table keeps of an officer: everything but the ticket code, whatever the caller passed. */
function participantRecord(participant: ParticipantRecord): ParticipantRecord {
  const { ticketCode: _derived, ...record } = participant as ParticipantRecord & Partial<Participant>;
  return record;
}

const withoutTicketCodes = <T extends RegistrationRecord>(registration: T): T => ({
  ...registration,
  participants: registration.participants.map(participantRecord),
});

/**
 * Ticket codes are derived from participant ids with `ticketKey` (tokens.ts) and never written: registrations
 * leave this repository with their codes, and enter it without. Ticket items are keyed by the code's hash. Manage
 * tokens are derived from registration ids with the key's manage-links key, and only their hash is written.
 */
export function createRegistrationsRepo(doc: DocumentClient, tableName: string, ticketKey: string) {
  const manageKey = linkKey(ticketKey, 'manage-links');

  /** The secret of a registration's manage link: the same at every call, so nothing needs to keep it. */
  const manageToken = (registrationId: string): string => manageTokenFor(manageKey, registrationId);

  /** Adds each officer's ticket code, derived from their id. */
  const withTicketCodes = <P extends { id: string }>(participants: P[]): (P & { ticketCode: string })[] =>
    participants.map((participant) => ({
      ...participant,
      ticketCode: ticketCodeFor(ticketKey, participant.id),
    }));

  /** A registration as the domain sees it; an erased one keeps no working ticket, so it shows none. */
  function issued<T extends RegistrationRecord>(registration: T): T & { participants: Participant[] } {
    const participants =
      'erasedAt' in registration
        ? registration.participants.map((participant) => ({ ...participant, ticketCode: '' }))
        : withTicketCodes(registration.participants);
    return { ...registration, participants };
  }

  const fromItem = (item: Record<string, unknown>) =>
    issued(withoutKeys(item) as RegistrationRecord & { manageTokenHash: string }) as StoredRegistration;

  /** The ticket item of an officer, found again by hashing a scanned code. */
  const ticketItemKey = (participantId: string) =>
    keys.ticket(ticketHash(ticketCodeFor(ticketKey, participantId)));

  const registrationItem = (registration: RegistrationRecord, manageTokenHash: string) => ({
    ...keys.registration(registration.id),
    ...keys.registrationInRoster(registration.eventId, registration.queuedAt, registration.id),
    ...(registration.status === 'waitlisted'
      ? keys.waitlistEntry(registration.eventId, registration.queuedAt, registration.id)
      : {}),
    ...withoutTicketCodes(registration),
    manageTokenHash,
  });

  const lockPuts = (
    registration: RegistrationRecord,
    participants: ParticipantRecord[],
    phones: string[],
  ): TransactItem[] => [
    ...phones.map((phone) => ({
      Put: {
        TableName: tableName,
        Item: { ...keys.phoneLock(registration.eventId, phone), registrationId: registration.id },
        ConditionExpression: IS_NEW,
      },
    })),
    ...participants.map((participant) => ({
      Put: {
        TableName: tableName,
        Item: {
          ...ticketItemKey(participant.id),
          eventId: registration.eventId,
          registrationId: registration.id,
          participantId: participant.id,
        },
        ConditionExpression: IS_NEW,
      },
    })),
  ];

  const lockDeletes = (
    registration: RegistrationRecord,
    participants: ParticipantRecord[],
    phones: string[],
  ): TransactItem[] => [
    ...phones.map((phone) => ({
      Delete: { TableName: tableName, Key: keys.phoneLock(registration.eventId, phone) },
    })),
    ...participants.map((participant) => ({
      Delete: { TableName: tableName, Key: ticketItemKey(participant.id) },
    })),
  ];

  async function get(registrationId: string): Promise<StoredRegistration | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.registration(registrationId), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async function replay(idempotency: Idempotency): Promise<CreateOutcome> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.idempotency(idempotency.scope, idempotency.keyHash),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw new DomainError('conflict');
    if (Item.requestHash !== idempotency.requestHash) throw new DomainError('idempotency_key_reused');
    return { kind: 'replayed', response: Item.response };
  }

  /**
   * Tells a taken phone number from a reused ticket item. The answer does not name the number: echoing it back
   * would confirm to anyone who tries numbers that a person is registered for the session.
   */
  async function takenPhone(eventId: string, phones: string[]): Promise<string | undefined> {
    for (const phone of phones) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.phoneLock(eventId, phone), ConsistentRead: true }),
      );
      if (Item) return phone;
    }
    return undefined;
  }

  /**
   * Writes a new registration: confirmed when the whole group fits and nobody waits before it, otherwise
   * waitlisted whole. Each attempt is one transaction over the session counter, the registration, its
   * cooperative, phone and ticket locks, the idempotency record and the emails it causes.
   */
  async function create(
    input: { registration: RegistrationRecord; event: EventRecord },
    idempotency: Idempotency | undefined,
    now: Date,
    { door = false }: { door?: boolean } = {},
  ): Promise<CreateOutcome> {
    let event = input.event;
    for (let attempt = 0; attempt < 5; attempt++) {
      const seats = input.registration.participants.length;
      const hasRoom = event.capacity - event.seatsTaken >= seats;
      if (door && !hasRoom) throw new DomainError('event_full');
      const fits = hasRoom && (door || event.waitlistCount === 0);
      const registration: RegistrationRecord = {
        ...withoutTicketCodes(input.registration),
        status: fits ? 'confirmed' : 'waitlisted',
      };
      const phones = phonesOf(registration);
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: keys.event(event.id),
            ...(fits
              ? {
                  UpdateExpression: 'ADD seatsTaken :seats, registrationCount :one',
                  ConditionExpression: door ? EVENT_HAS_ROOM_AT_DOOR : EVENT_HAS_ROOM,
                  ExpressionAttributeNames: CAPACITY_NAME,
                  ExpressionAttributeValues: {
                    ':seats': seats,
                    ':one': 1,
                    ':false': false,
                    ':capacity': event.capacity,
                    ':limit': event.capacity - seats,
                    ...(door ? {} : { ':now': Math.floor(now.getTime() / 1000), ':zero': 0 }),
                  },
                }
              : {
                  UpdateExpression: 'ADD waitlistCount :one, registrationCount :one',
                  ...(hasRoom
                    ? { ConditionExpression: EVENT_OPEN }
                    : {
                        ConditionExpression: EVENT_HAS_NO_ROOM,
                        ExpressionAttributeNames: CAPACITY_NAME,
                      }),
                  ExpressionAttributeValues: {
                    ':one': 1,
                    ':false': false,
                    ':now': Math.floor(now.getTime() / 1000),
                    ...(hasRoom ? {} : { ':capacity': event.capacity, ':limit': event.capacity - seats }),
                  },
                }),
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: registrationItem(registration, hashSecret(manageToken(registration.id))),
            ConditionExpression: IS_NEW,
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.cooperativeLock(event.id, registration.cooperativeId),
              registrationId: registration.id,
            },
            ConditionExpression: IS_NEW,
          },
        },
      ];
      if (idempotency) {
        items.push({
          Put: {
            TableName: tableName,
            Item: {
              ...keys.idempotency(idempotency.scope, idempotency.keyHash),
              requestHash: idempotency.requestHash,
              response: idempotency.responseFor(registration),
              expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
            },
            ConditionExpression: IS_NEW,
          },
        });
      }
      const idempotencyIndex = idempotency ? 3 : -1;
      items.push(...lockPuts(registration, registration.participants, phones));
      const cause = fits ? 'created' : 'waitlisted';
      // The contact's first email carries the manage link; the worker derives it, the job holds none.
      items.push(...emailJobPuts(tableName, emailsFor(cause, registration, { manageLink: true }), now));

      const result = await transact(doc, items);
      if (result.ok) {
        // Queued behind others although seats were free: a promotion running meanwhile could not see this group
        // yet. One read tells whether any seat is still free; only then is the waitlist looked at again.
        if (!fits && hasRoom && (await hasFreeSeats(event.id))) await promoteWaitlist(event.id, now);
        const seen: EventRecord = fits
          ? { ...event, seatsTaken: event.seatsTaken + seats }
          : { ...event, waitlistCount: event.waitlistCount + 1 };
        return { kind: 'created', registration: issued(registration), event: seen };
      }
      if (result.failed.includes(idempotencyIndex)) return replay(idempotency as Idempotency);
      if (result.failed.includes(2)) throw new DomainError('already_registered');
      if (result.failed.some((index) => index > idempotencyIndex && index > 2)) {
        const phone = await takenPhone(event.id, phones);
        if (phone) throw new DomainError('phone_taken');
        throw new DomainError('conflict'); // a ticket item already there: a participant id reused, never in practice
      }
      // The session changed under us (seats taken, capacity edited, closed): look again and retry.
      const fresh = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.event(event.id), ConsistentRead: true }),
      );
      if (!fresh.Item) throw new DomainError('not_found');
      event = withoutKeys(fresh.Item) as EventRecord;
      if (event.cancelled || (!door && Date.parse(event.registrationDeadline) <= now.getTime())) {
        throw new DomainError('registration_closed');
      }
    }
    throw new DomainError('conflict');
  }

  async function hasFreeSeats(eventId: string): Promise<boolean> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.event(eventId),
        ConsistentRead: true,
        ProjectionExpression: '#capacity, seatsTaken',
        ExpressionAttributeNames: CAPACITY_NAME,
      }),
    );
    return Boolean(Item && Item.capacity - Item.seatsTaken > 0);
  }

  /**
   * Seats freed by a cancellation or a smaller group go to the waitlist, strictly first come first served:
   * if the oldest waiting group does not fit, nobody behind it jumps ahead.
   */
  async function promoteWaitlist(eventId: string, now: Date): Promise<Registration[]> {
    const promoted: Registration[] = [];
    for (let guard = 0; guard < 1000; guard++) {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI2.name,
          KeyConditionExpression: 'gsi2pk = :waitlist',
          ExpressionAttributeValues: { ':waitlist': waitlistPartition(eventId) },
          Limit: 1,
        }),
      );
      const head = Items[0];
      if (!head) return promoted;
      const waiting = fromItem(head);
      const event = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.event(eventId), ConsistentRead: true }),
      );
      if (!event.Item) return promoted;
      const { capacity, seatsTaken } = event.Item as EventRecord;
      if (capacity - seatsTaken < waiting.participants.length) return promoted;
      const confirmed = await confirmFromWaitlist(waiting, capacity, now);
      if (confirmed.ok) promoted.push(confirmed.registration);
      // A failed condition means another worker promoted or someone cancelled first: look at the head again.
    }
    return promoted;
  }

  /**
   * One waitlisted group takes its seats: the counter (still room, same capacity, session not cancelled), its
   * status and the promotion email in one transaction. Used in turn by promoteWaitlist, out of turn by organizers.
   */
  async function confirmFromWaitlist(
    waiting: StoredRegistration,
    capacity: number,
    now: Date,
  ): Promise<{ ok: true; registration: Registration } | { ok: false; full: boolean }> {
    const seats = waiting.participants.length;
    const { manageTokenHash: _hash, ...plain } = waiting;
    const confirmed: Registration = {
      ...plain,
      status: 'confirmed',
      updatedAt: now.toISOString(),
      version: waiting.version + 1,
    };
    const result = await transact(doc, [
      {
        Update: {
          TableName: tableName,
          Key: keys.event(waiting.eventId),
          UpdateExpression: 'ADD seatsTaken :seats, waitlistCount :minusOne',
          ConditionExpression: 'cancelled = :false AND #capacity = :capacity AND seatsTaken <= :limit',
          ExpressionAttributeNames: CAPACITY_NAME,
          ExpressionAttributeValues: {
            ':seats': seats,
            ':minusOne': -1,
            ':false': false,
            ':capacity': capacity,
            ':limit': capacity - seats,
          },
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: keys.registration(waiting.id),
          UpdateExpression:
            'SET #status = :confirmed, updatedAt = :now, version = :next REMOVE gsi2pk, gsi2sk',
          ConditionExpression: `#status = :waitlisted AND ${VERSION_IS}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':confirmed': 'confirmed',
            ':waitlisted': 'waitlisted',
            ':now': confirmed.updatedAt,
            ':version': waiting.version,
            ':next': confirmed.version,
          },
        },
      },
      ...emailJobPuts(tableName, emailsFor('promoted', confirmed), now),
    ]);
    return result.ok ? { ok: true, registration: confirmed } : { ok: false, full: result.failed.includes(0) };
  }

  /** Cancels and frees the seats (or the waitlist place), then lets the waitlist move up. */
  async function cancel(
    current: StoredRegistration,
    now: Date,
    { notify = true }: { notify?: boolean } = {},
  ): Promise<Registration> {
    const cancelled: Registration = {
      ...current,
      status: 'cancelled',
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const wasConfirmed = current.status === 'confirmed';
    const result = await transact(doc, [
      {
        Update: {
          TableName: tableName,
          Key: keys.registration(current.id),
          UpdateExpression:
            'SET #status = :cancelled, updatedAt = :now, version = :next REMOVE gsi2pk, gsi2sk',
          ConditionExpression: `#status = :previous AND ${VERSION_IS}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':cancelled': 'cancelled',
            ':previous': current.status,
            ':now': cancelled.updatedAt,
            ':version': current.version,
            ':next': cancelled.version,
          },
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: keys.event(current.eventId),
          UpdateExpression: wasConfirmed
            ? 'ADD seatsTaken :minusSeats, registrationCount :minusOne'
            : 'ADD waitlistCount :minusOne, registrationCount :minusOne',
          ExpressionAttributeValues: wasConfirmed
            ? { ':minusSeats': -current.participants.length, ':minusOne': -1 }
            : { ':minusOne': -1 },
        },
      },
      { Delete: { TableName: tableName, Key: keys.cooperativeLock(current.eventId, current.cooperativeId) } },
      // Ticket items stay, so a scan of a cancelled ticket says "cancelled" instead of "unknown".
      ...phonesOf(current).map((phone) => ({
        Delete: { TableName: tableName, Key: keys.phoneLock(current.eventId, phone) },
      })),
      ...(notify ? emailJobPuts(tableName, emailsFor('cancelled', cancelled), now) : []),
    ]);
    if (!result.ok) throw new DomainError('conflict');
    if (wasConfirmed) await promoteWaitlist(current.eventId, now);
    return cancelled;
  }

  /**
   * Replaces contact and officers. Seats follow the group size: a larger confirmed group needs free seats
   * (and nobody waiting), a smaller one frees seats for the waitlist.
   */
  async function update(
    current: StoredRegistration,
    next: RegistrationRecord,
    event: EventRecord,
    now: Date,
    { door = false }: { door?: boolean } = {},
  ): Promise<Registration> {
    const delta = next.participants.length - current.participants.length;
    const oldPhones = new Set(phonesOf(current));
    const newPhones = new Set(phonesOf(next));
    // A ticket belongs to a participant id: a substitute comes with a new id, so the old ticket item goes and a
    // new one comes, in this same transaction.
    const oldIds = new Set(current.participants.map((p) => p.id));
    const newIds = new Set(next.participants.map((p) => p.id));
    const addedParticipants = next.participants.filter((p) => !oldIds.has(p.id));
    const removedParticipants = current.participants.filter((p) => !newIds.has(p.id));
    const addedPhones = [...newPhones].filter((phone) => !oldPhones.has(phone));
    const removedPhones = [...oldPhones].filter((phone) => !newPhones.has(phone));

    const items: TransactItem[] = [
      {
        Put: {
          TableName: tableName,
          Item: registrationItem(next, current.manageTokenHash),
          ConditionExpression: `attribute_exists(pk) AND #status = :status AND ${VERSION_IS}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': current.status, ':version': current.version },
        },
      },
    ];
    if (delta !== 0 && current.status === 'confirmed') {
      items.push({
        Update: {
          TableName: tableName,
          Key: keys.event(event.id),
          UpdateExpression: 'ADD seatsTaken :delta',
          ...(delta > 0
            ? {
                ConditionExpression: `#capacity = :capacity AND seatsTaken <= :limit${door ? '' : ' AND waitlistCount = :zero'}`,
                ExpressionAttributeNames: CAPACITY_NAME,
                ExpressionAttributeValues: {
                  ':delta': delta,
                  ':capacity': event.capacity,
                  ':limit': event.capacity - delta,
                  ...(door ? {} : { ':zero': 0 }),
                },
              }
            : { ExpressionAttributeValues: { ':delta': delta } }),
        },
      });
    }
    const locksStart = items.length;
    items.push(...lockDeletes(current, removedParticipants, removedPhones));
    items.push(...lockPuts(next, addedParticipants, addedPhones));
    items.push(
      ...emailJobPuts(
        tableName,
        emailsFor('changed', next, { ticketsFor: addedParticipants.map((participant) => participant.id) }),
        now,
      ),
    );

    const result = await transact(doc, items);
    if (!result.ok) {
      if (result.failed.includes(0)) throw new DomainError('conflict');
      if (result.failed.some((index) => index >= locksStart)) {
        const phone = await takenPhone(event.id, addedPhones);
        if (phone) throw new DomainError('phone_taken');
        throw new DomainError('conflict');
      }
      throw new DomainError('event_full');
    }
    if (delta < 0 && current.status === 'confirmed') await promoteWaitlist(event.id, now);
    return issued(next);
  }

  /** A session's registrations in arrival order (eventually consistent: for lists, not for decisions). */
  async function listByEvent(eventId: string): Promise<StoredRegistration[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: 'gsi1pk = :roster',
      ExpressionAttributeValues: { ':roster': rosterPartition(eventId) },
    });
    return items.map((item) => fromItem(item));
  }

  /**
   * The registration and officer a ticket code belongs to, found by the code's hash (the table knows no code).
   * With `registrationHint` (the door device's roster knows it) both items come in one BatchGetItem; the ticket
   * item decides, so a wrong hint only costs the read it was meant to save.
   */
  async function findTicket(code: string, registrationHint?: string) {
    const ticketKey = keys.ticket(ticketHash(code));
    const hintKey = registrationHint ? keys.registration(registrationHint) : undefined;
    const found = await getMany([ticketKey, ...(hintKey ? [hintKey] : [])]);
    const ticket = found.get(itemId(ticketKey));
    if (!ticket) return undefined;
    const hinted = hintKey && found.get(itemId(hintKey));
    const registration =
      hinted && hinted.id === ticket.registrationId
        ? fromItem(hinted)
        : await get(ticket.registrationId as string);
    const participant = registration?.participants.find((p) => p.id === ticket.participantId);
    return registration && participant ? { registration, participant } : undefined;
  }

  /** Items by key in consistent BatchGetItems (one for up to 100 keys), keyed by `itemId`. */
  async function getMany(itemKeys: { pk: string; sk: string }[]) {
    const items = await batchGetAll(doc, tableName, itemKeys, { ConsistentRead: true });
    return new Map(items.map((item) => [itemId(item), item]));
  }

  /**
   * Replaces a registration by its anonymized form and deletes its tickets and phone locks (their keys hold personal
   * data). A data subject's erasure comes after their cancellation; the retention purge erases in any status and
   * leaves the status, the counters and the waitlist as they were, so the session's figures stay true and nobody is
   * promoted or emailed about a session long past.
   */
  async function erase(
    current: StoredRegistration,
    erased: RegistrationRecord & { erasedAt: string },
    { anyStatus = false }: { anyStatus?: boolean } = {},
  ) {
    if (!anyStatus && current.status !== 'cancelled') throw new DomainError('conflict');
    const result = await transact(doc, [
      {
        Put: {
          TableName: tableName,
          Item: registrationItem(erased, current.manageTokenHash),
          ConditionExpression: `#status = :status AND ${VERSION_IS}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': current.status, ':version': current.version },
        },
      },
      ...current.participants.map((participant) => ({
        Delete: { TableName: tableName, Key: ticketItemKey(participant.id) },
      })),
      // A cancellation already released them; deleting what is gone is a no-op.
      ...phonesOf(current).map((phone) => ({
        Delete: { TableName: tableName, Key: keys.phoneLock(current.eventId, phone) },
      })),
    ]);
    if (!result.ok) throw new DomainError('conflict');
    return issued(erased);
  }

  /**
   * The active registration of a cooperative in a session, through its cooperative lock (released on
   * cancellation): for sending a lost manage link again.
   */
  async function findByCooperative(
    eventId: string,
    cooperativeId: string,
  ): Promise<StoredRegistration | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.cooperativeLock(eventId, cooperativeId),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.registrationId === 'string' ? get(Item.registrationId) : undefined;
  }

  /** Emails about a registration that change nothing in it (a manage link sent again). */
  async function queueEmails(jobs: EmailJobInput[], now: Date): Promise<void> {
    if (!jobs.length) return;
    const result = await transact(doc, emailJobPuts(tableName, jobs, now));
    if (!result.ok) throw new DomainError('conflict');
  }

  return {
    get,
    findByCooperative,
    queueEmails,
    create,
    cancel,
    update,
    erase,
    promoteWaitlist,
    confirmFromWaitlist,
    listByEvent,
    findTicket,
    withTicketCodes,
    manageToken,
  };
}

export type RegistrationsRepo = ReturnType<typeof createRegistrationsRepo>;
export type { EmailJobInput };
