import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import { type EmailJobInput, emailsFor } from '../domain/notifications';
import type { EventRecord, Registration } from '../domain/schemas';
import type { DocumentClient } from './client';
import { closesAtEpoch, publicListingOf, toEvent } from './events-repo';
import { ENDING_EVENTS, eventIndexKeys, GSI1, GSI3, GSI4, keys, organisationEventsPartition } from './keys';
import { emailJobPuts } from './outbox-items';
import { queryAll, queryPage } from './paging';
import type { RegistrationsRepo, StoredRegistration } from './registrations-repo';
import { type TransactItem, transact } from './transactions';

/** The fields an organizer edits; counters (seatsTaken, waitlistCount) belong to the registration transactions. */
export const editableEventFields = [
  'title',
  'description',
  'venue',
  'address',
  'startsAt',
  'endsAt',
  'timeZone',
  'capacity',
  'maxPerCooperative',
  'registrationDeadline',
  'organizerName',
  'regencyCode',
  'invitedDistrictCodes',
  'published',
  'organisationId',
] as const satisfies readonly (keyof EventRecord)[];
export type EventChanges = Pick<EventRecord, (typeof editableEventFields)[number]>;

const MAX_TRANSACTION_ITEMS = 100;

/**
 * The organizer console's reads and writes of events (kegiatan) beyond the public registration flow: the console's
 * lists, editing, closing and cancelling an event (with everyone emailed), moving a registration off the waitlist,
 * resending tickets.
 */
export function createEventAdminRepo(
  doc: DocumentClient,
  tableName: string,
  registrations: RegistrationsRepo,
) {
  async function getEvent(eventId: string): Promise<EventRecord | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.event(eventId), ConsistentRead: true }),
    );
    return Item ? toEvent(Item) : undefined;
  }

  /** Every session is listed under one index partition, in start order. */
  const sessionIndex = {
    TableName: tableName,
    IndexName: GSI1.name,
    KeyConditionExpression: 'gsi1pk = :events',
    ExpressionAttributeValues: { ':events': 'EVENTS' },
  };

  /** Every session, in start order (the console needs past ones too). */
  async function listAll(): Promise<EventRecord[]> {
    return (await queryAll(doc, sessionIndex)).map(toEvent);
  }

  /** Every session of one organisation, in start order, from its own index partition. */
  async function listByOrganisation(organisationId: string): Promise<EventRecord[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      IndexName: GSI3.name,
      KeyConditionExpression: 'gsi3pk = :org',
      ExpressionAttributeValues: { ':org': organisationEventsPartition(organisationId) },
    });
    return items.map(toEvent);
  }

  /**
   * Gives sessions stored before the organisation and end-time indexes their keys (a table from an earlier
   * version): reads the national start-time index, writes only sessions that lack a key, and is safe to run again.
   * A session whose personal data was erased stays out of the end-time index. Returns how many it changed.
   */
  async function reindexScheduledWork(): Promise<number> {
    let changed = 0;
    for (const item of await queryAll(doc, sessionIndex)) {
      const event = toEvent(item);
      const wanted = eventIndexKeys(event, { erased: Boolean(item.personalDataErasedAt) });
      const missing = Object.entries(wanted).filter(([attribute, value]) =>
        attribute.startsWith('gsi3') || attribute.startsWith('gsi4') ? item[attribute] !== value : false,
      );
      if (!missing.length) continue;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.event(event.id),
            UpdateExpression: `SET ${missing.map(([attribute]) => `${attribute} = :${attribute}`).join(', ')}`,
            // Only the session as read: an edit since then wrote the right keys itself.
            ConditionExpression: 'attribute_exists(pk) AND startsAt = :startsAt AND endsAt = :endsAt',
            ExpressionAttributeValues: {
              ...Object.fromEntries(missing.map(([attribute, value]) => [`:${attribute}`, value])),
              ':startsAt': event.startsAt,
              ':endsAt': event.endsAt,
            },
          }),
        );
        changed++;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    return changed;
  }

  /**
   * Sessions newest first, a page of at most `limit`, starting after the session `after` (a cursor the caller got
   * from the previous page's last session). With `organisationId`, that organisation's sessions only, from its own
   * index partition, so a Dinas's page costs the same however many sessions the country has; without, every
   * session (an admin's view). `more` says whether the index has more.
   */
  async function listNewestFirst({
    limit,
    after,
    organisationId,
  }: {
    limit: number;
    after?: EventRecord;
    organisationId?: string;
  }) {
    const query = organisationId
      ? {
          TableName: tableName,
          IndexName: GSI3.name,
          KeyConditionExpression: 'gsi3pk = :org',
          ExpressionAttributeValues: { ':org': organisationEventsPartition(organisationId) },
        }
      : sessionIndex;
    const cursor =
      after && organisationId
        ? {
            ...keys.event(after.id),
            ...keys.eventOfOrganisation(organisationId, after.startsAt, after.id),
          }
        : after
          ? { ...keys.event(after.id), ...keys.eventListing(after.startsAt, after.id) }
          : undefined;
    // One more than asked tells whether another page exists, so the last page never links to an empty one.
    const page = await queryPage(doc, { ...query, ScanIndexForward: false }, limit + 1, cursor);
    return { events: page.items.slice(0, limit).map(toEvent), more: page.items.length > limit };
  }

  /**
   * Sessions that ended before `before` and whose personal data is not yet erased, oldest first, a page at a time
   * (the index holds keys only, and a session leaves it once `markErased` ran). `next` continues after this page.
   */
  async function listEndedBefore(
    before: Date,
    { limit = 100, cursor }: { limit?: number; cursor?: Record<string, unknown> } = {},
  ) {
    const page = await queryPage(
      doc,
      {
        TableName: tableName,
        IndexName: GSI4.name,
        KeyConditionExpression: 'gsi4pk = :ending AND gsi4sk < :before',
        // `#` follows every end time in the sort key: a session ending exactly at `before` is not yet expired.
        ExpressionAttributeValues: { ':ending': ENDING_EVENTS, ':before': `${before.toISOString()}#` },
      },
      limit,
      cursor,
    );
    return {
      ended: page.items.map((item) => ({
        eventId: String(item.pk).slice('EVENT#'.length),
        entry: String(item.gsi4sk),
      })),
      next: page.next,
    };
  }

  /**
   * The session's personal data is erased: it leaves the end-time index, so later purges never read it again.
   * Only the entry that was read is removed: a session whose end moved meanwhile keeps its new entry.
   */
  async function markErased(ended: { eventId: string; entry: string }, now: Date): Promise<void> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.event(ended.eventId),
          UpdateExpression: 'SET personalDataErasedAt = :now REMOVE gsi4pk, gsi4sk',
          ConditionExpression: 'gsi4sk = :entry',
          ExpressionAttributeValues: { ':now': now.toISOString(), ':entry': ended.entry },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  /**
   * Sets the editable fields only, so a registration landing at the same moment keeps its counter change.
   * Capacity may not drop below the seats already taken (checked in the same write).
   */
  async function update(eventId: string, changes: EventChanges): Promise<EventRecord> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    for (const field of editableEventFields) {
      if (changes[field] === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = changes[field];
      sets.push(`#${field} = :${field}`);
    }
    const listing = keys.eventListing(changes.startsAt, eventId);
    values[':gsi1sk'] = listing.gsi1sk;
    values[':closes'] = closesAtEpoch(changes);
    sets.push('gsi1sk = :gsi1sk', 'closesAtEpoch = :closes');
    // The public list follows publishing and the end time; an unpublished session leaves it.
    const publicListing = publicListingOf({ ...changes, id: eventId });
    if (publicListing) {
      values[':gsi2pk'] = publicListing.gsi2pk;
      values[':gsi2sk'] = publicListing.gsi2sk;
      sets.push('gsi2pk = :gsi2pk', 'gsi2sk = :gsi2sk');
    }
    const removed = publicListing ? [] : ['gsi2pk', 'gsi2sk'];
    // The organisation's listing and the retention purge's end-time entry follow the start, end and owner.
    const { gsi3pk, gsi3sk, gsi4pk, gsi4sk } = {
      gsi3pk: '',
      gsi3sk: '',
      ...eventIndexKeys({ ...changes, id: eventId }),
    };
    Object.assign(values, { ':gsi4pk': gsi4pk, ':gsi4sk': gsi4sk });
    sets.push('gsi4pk = :gsi4pk', 'gsi4sk = :gsi4sk');
    if (gsi3pk) {
      Object.assign(values, { ':gsi3pk': gsi3pk, ':gsi3sk': gsi3sk });
      sets.push('gsi3pk = :gsi3pk', 'gsi3sk = :gsi3sk');
    } else removed.push('gsi3pk', 'gsi3sk');
    const removes = removed.length ? ` REMOVE ${removed.join(', ')}` : '';
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.event(eventId),
          UpdateExpression: `SET ${sets.join(', ')}${removes}`,
          ConditionExpression: 'attribute_exists(pk) AND seatsTaken <= :capacity',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toEvent(Attributes ?? {});
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      const current = await getEvent(eventId);
      if (!current) throw new DomainError('not_found');
      throw new DomainError('capacity_below_taken', { taken: current.seatsTaken });
    }
  }

  /** Closes registration now: the deadline moves to `now`, which every registration condition checks. */
  async function closeRegistration(eventId: string, now: Date): Promise<EventRecord> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.event(eventId),
          UpdateExpression: 'SET registrationDeadline = :deadline, closesAtEpoch = :closes',
          ConditionExpression: 'attribute_exists(pk) AND closesAtEpoch > :closes',
          ExpressionAttributeValues: {
            ':deadline': now.toISOString(),
            ':closes': Math.floor(now.getTime() / 1000),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toEvent(Attributes ?? {});
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      const current = await getEvent(eventId);
      if (!current) throw new DomainError('not_found');
      return current; // already closed
    }
  }

  /**
   * Cancels the session, then emails every active registration's contact and officers. Each registration's
   * emails are written with a marker item in one transaction, so running cancel again (after a timeout, a
   * crash) finishes the job without emailing anyone twice. Transactions stay within DynamoDB's 100 items.
   */
  async function cancel(
    eventId: string,
    registrations: Registration[],
    now: Date,
  ): Promise<{ event: EventRecord; notified: number }> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.event(eventId),
          UpdateExpression: 'SET cancelled = :true',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':true': true },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new DomainError('not_found');
      throw error;
    }
    const groups: TransactItem[][] = [];
    let batch: TransactItem[] = [];
    let notified = 0;
    for (const registration of registrations) {
      if (registration.status === 'cancelled') continue;
      const jobs = emailsFor('cancelled', registration);
      if (!jobs.length) continue;
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.cancelNotice(eventId, registration.id), at: now.toISOString() },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...emailJobPuts(tableName, jobs, now),
      ];
      if (batch.length + items.length > MAX_TRANSACTION_ITEMS) {
        groups.push(batch);
        batch = [];
      }
      batch.push(...items);
    }
    if (batch.length) groups.push(batch);
    for (const group of groups) {
      const result = await transact(doc, group);
      if (result.ok) {
        notified += group.filter((item) => String(item.Put?.Item?.sk).startsWith('CANCELNOTICE#')).length;
        continue;
      }
      // Some were notified by an earlier run: send the rest one registration at a time.
      let current: TransactItem[] = [];
      const flush = async () => {
        if (current.length && (await transact(doc, current)).ok) notified++;
        current = [];
      };
      for (const item of group) {
        if (String(item.Put?.Item?.sk).startsWith('CANCELNOTICE#')) await flush();
        current.push(item);
      }
      await flush();
    }
    const event = await getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    return { event, notified };
  }

  /**
   * Moves one waitlisted registration to confirmed, ahead of its turn when the organizer decides so. It needs
   * free seats: raise the capacity first if the session is full.
   */
  async function promote(
    registration: StoredRegistration,
    event: EventRecord,
    now: Date,
  ): Promise<Registration> {
    if (registration.status !== 'waitlisted') throw new DomainError('conflict');
    if (event.capacity - event.seatsTaken < registration.participants.length)
      throw new DomainError('event_full');
    const result = await registrations.confirmFromWaitlist(registration, event.capacity, now);
    if (!result.ok) throw new DomainError(result.full ? 'event_full' : 'conflict');
    return result.registration;
  }

  /** Queues the tickets again: to each officer's own address, else to the contact's. */
  async function resendTickets(registration: Registration, participantId: string | undefined, now: Date) {
    const jobs: EmailJobInput[] = registration.participants
      .filter((participant) => !participantId || participant.id === participantId)
      .flatMap((participant) => {
        const to = participant.email ?? registration.contact.email;
        return to
          ? [
              {
                kind: 'ticket' as const,
                to,
                language: registration.language,
                registrationId: registration.id,
                participantId: participant.id,
              },
            ]
          : [];
      });
    if (!jobs.length) return 0;
    const result = await transact(doc, emailJobPuts(tableName, jobs, now));
    if (!result.ok) throw new DomainError('conflict');
    return jobs.length;
  }

  /** Registration records by id, for the session page's edit form (with their ticket codes, as read anywhere). */
  const getRegistration = (registrationId: string): Promise<StoredRegistration | undefined> =>
    registrations.get(registrationId);

  return {
    getEvent,
    listAll,
    listByOrganisation,
    listNewestFirst,
    listEndedBefore,
    markErased,
    reindexScheduledWork,
    update,
    closeRegistration,
    cancel,
    promote,
    resendTickets,
    getRegistration,
  };
}

export type EventAdminRepo = ReturnType<typeof createEventAdminRepo>;
