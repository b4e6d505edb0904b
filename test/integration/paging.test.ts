import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentClient } from '../../functions/db/client';
import type { Cooperative } from '../../functions/domain/schemas';
import { newId } from '../../functions/domain/tokens';
import { createCheckinService } from '../../functions/services/checkins';
import { createRegistrationService } from '../../functions/services/registrations';
import { purgeExpiredPersonalData } from '../../functions/services/retention';
import { makeUser, ORG, seedOrganisations } from '../admin/helpers';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/**
 * DynamoDB ends a query's page at 1 MB or at `Limit`. Rather than writing megabytes, every Query this store sends
 * is cut to pages of PAGE items: a list that stops after its first page then visibly misses items.
 */
const PAGE = 2;
const COUNT = 5;

function forceSmallPages(doc: DocumentClient) {
  const sent: number[] = [];
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand') {
        const input = args.input as { Limit?: number };
        input.Limit = Math.min(input.Limit ?? PAGE, PAGE);
        sent.push(input.Limit);
      }
      return next(args);
    },
    { step: 'initialize', name: 'forceSmallPages' },
  );
  return sent;
}

let store: TestStore;
let directory: Cooperative[];
let queries: number[];

beforeAll(async () => {
  store = await createTestStore();
  directory = await seedKotim(store);
  await seedOrganisations(store);
  queries = forceSmallPages(store.doc);
});

const pick = (i: number) => directory[i * 7] as Cooperative;

describe(`every list reads to the end when DynamoDB answers in pages of ${PAGE}`, () => {
  it('the queries really are cut to small pages', async () => {
    expect(await store.cooperatives.listByRegency('62.02')).toHaveLength(185);
    expect(queries.length).toBeGreaterThan(185 / PAGE);
  });

  it('regencies, organisations, users and assignments', async () => {
    for (let i = 0; i < COUNT; i++) {
      await store.cooperatives.importRegency(
        { code: `99.${10 + i}`, name: `Kabupaten Uji ${i}`, provinceName: 'Uji', districts: [] },
        [],
      );
    }
    expect((await store.cooperatives.listRegencies()).length).toBeGreaterThanOrEqual(COUNT + 1);

    const before = (await store.users.listOrganisations()).length;
    for (let i = 0; i < COUNT; i++) {
      await store.users.putOrganisation({
        id: `dinas-uji-${i}`,
        name: `Dinas Uji ${i}`,
        regencyCodes: [],
        createdAt: new Date().toISOString(),
      });
    }
    expect(await store.users.listOrganisations()).toHaveLength(before + COUNT);

    const users = [];
    for (let i = 0; i < COUNT; i++) users.push(await makeUser(store, 'business_assistant'));
    const listed = new Set((await store.users.list()).map((user) => user.id));
    for (const user of users) expect(listed).toContain(user.id);

    const assistant = users[0] as (typeof users)[number];
    const cooperatives = Array.from({ length: COUNT }, (_, i) => pick(i).id);
    await store.users.setAssignments(assistant.id, cooperatives, new Date());
    expect((await store.users.assignedCooperatives(assistant.id)).sort()).toEqual([...cooperatives].sort());
    for (const other of users.slice(1)) await store.users.setAssignments(other.id, [pick(0).id], new Date());
    expect(await store.users.assistantsOf(pick(0).id)).toHaveLength(COUNT);
  });

  it("a session's registrations, check-ins, stations and invitations", async () => {
    const event = makeEvent({ organisationId: ORG.id });
    await store.events.put(event);
    const registrations = createRegistrationService(store);
    const checkins = createCheckinService(store);
    const registered = [];
    for (let i = 0; i < COUNT; i++) {
      const body = registrationBody(pick(i).id, 1, 90_000 + i);
      registered.push((await registrations.register(event.id, body, { language: 'id' })).registration);
    }
    for (const registration of registered) {
      const participant = registration.participants[0] as { id: string };
      await checkins.checkIn(event.id, { participantId: participant.id }, 'Pintu 1');
    }
    for (let i = 0; i < COUNT; i++) await enrolTestStation(store, event.id, `Pintu ${i + 1}`);
    for (let i = 0; i < COUNT; i++) {
      await store.invitations.create({
        eventId: event.id,
        cooperativeId: pick(i).id,
        nonce: newId(),
        createdAt: new Date().toISOString(),
        createdBy: 'test',
      });
    }

    expect(await store.registrations.listByEvent(event.id)).toHaveLength(COUNT);
    expect(await store.checkins.listByEvent(event.id)).toHaveLength(COUNT);
    expect(await store.stations.listByEvent(event.id)).toHaveLength(COUNT);
    expect(await store.invitations.listByEvent(event.id)).toHaveLength(COUNT);
    const roster = (await checkins.roster(event.id)) as { entries: { checkedInAt?: string }[] };
    expect(roster.entries.filter((entry) => entry.checkedInAt)).toHaveLength(COUNT);
  });

  it('contacts and checklists of an organisation', async () => {
    const now = new Date();
    await store.contacts.putMany(
      ORG.id,
      Array.from({ length: COUNT }, (_, i) => ({
        cooperativeId: pick(i).id,
        name: `Kontak ${i}`,
        source: 'manual' as const,
        updatedAt: now.toISOString(),
        updatedBy: 'test',
      })),
    );
    expect(await store.contacts.listByRegency(ORG.id, '62.02')).toHaveLength(COUNT);
    // The checklist repo is reached through the outreach service in the app; here it is read directly.
    const { createChecklistRepo } = await import('../../functions/db/checklist-repo');
    const checklists = createChecklistRepo(store.doc, store.tableName);
    for (let i = 0; i < COUNT; i++)
      await checklists.setStep(ORG.id, pick(i).id, 'akta', { at: now.toISOString(), by: 'test' }, now);
    expect((await checklists.listByRegency(ORG.id, '62.02')).size).toBe(COUNT);
  });

  it('the local outbox pages by cursor and lists every email', async () => {
    for (let i = 0; i < COUNT; i++) {
      await store.devMail.put(
        {
          id: `job-${i}`,
          from: 'hadir@example.go.id',
          to: [`kontak${i}@example.org`],
          subject: `Surel ${i}`,
          text: 'isi',
          html: '<p>isi</p>',
          attachments: [],
        },
        new Date(Date.now() + i),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.devMail.page({ limit: 2, cursor });
      expect(page.mails.length).toBeLessThanOrEqual(2);
      seen.push(...page.mails.map((mail) => mail.subject));
      cursor = page.next;
    } while (cursor);
    expect(seen.filter((subject) => subject.startsWith('Surel '))).toHaveLength(COUNT);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await store.devMail.listAll()).toHaveLength(seen.length);
  });

  it('the retention purge erases the registrations of every expired session, not only the first page', async () => {
    const longAgo = Date.now() - 800 * 86_400_000;
    const expired = [];
    for (let i = 0; i < COUNT; i++) {
      const event = makeEvent({
        organisationId: ORG.id,
        startsAt: new Date(longAgo + i * 86_400_000).toISOString(),
        endsAt: new Date(longAgo + i * 86_400_000 + 3_600_000).toISOString(),
        registrationDeadline: new Date(longAgo + i * 86_400_000).toISOString(),
      });
      await store.events.put(event);
      // Registered while the session was open: the service's clock is set before its deadline.
      const body = registrationBody(pick(i).id, 1, 91_000 + i);
      await createRegistrationService(store, () => new Date(longAgo - 86_400_000)).register(event.id, body, {
        language: 'id',
      });
      expired.push(event.id);
    }
    const { erased } = await purgeExpiredPersonalData(store, new Date());
    expect(erased).toBeGreaterThanOrEqual(COUNT);
    for (const eventId of expired) {
      const [registration] = await store.registrations.listByEvent(eventId);
      expect(registration && 'erasedAt' in registration).toBe(true);
    }
  });
});
