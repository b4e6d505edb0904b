import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { PENDING_OUTBOX } from '../../functions/db/keys';
import type { Cooperative, EventRecord, ParticipantInput } from '../../functions/domain/schemas';
import { createRegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let store: TestStore;
let cooperatives: Cooperative[];

beforeAll(async () => {
  store = await createTestStore();
  cooperatives = await seedKotim(store);
});

async function newEvent(overrides: Partial<EventRecord> = {}) {
  const event = makeEvent(overrides);
  await store.events.put(event);
  return event;
}

const service = (now?: Date) => createRegistrationService(store, now ? () => now : undefined);

const input = (cooperative: Cooperative, count: number, seed: number) =>
  registrationBody(cooperative.id, count, seed);

async function seatsOf(eventId: string) {
  const event = await store.events.get(eventId, { consistent: true });
  return { taken: event?.seatsTaken, waiting: event?.waitlistCount };
}

describe('registration against DynamoDB Local', () => {
  it('confirms a cooperative with three officers and gives each a distinct ticket', async () => {
    const event = await newEvent();
    const result = await service().register(event.id, input(cooperatives[0] as Cooperative, 3, 1), {
      language: 'id',
    });
    expect(result.registration.status).toBe('confirmed');
    expect(new Set(result.registration.participants.map((p) => p.ticketCode)).size).toBe(3);
    expect(result.manageToken.length).toBeGreaterThanOrEqual(43);
    expect(await seatsOf(event.id)).toEqual({ taken: 3, waiting: 0 });
    const ticket = await store.registrations.findTicket(
      result.registration.participants[1]?.ticketCode ?? '',
    );
    expect(ticket?.participant.name).toBe(result.registration.participants[1]?.name);
  });

  it('refuses a second registration of the same cooperative', async () => {
    const event = await newEvent();
    const cooperative = cooperatives[1] as Cooperative;
    await service().register(event.id, input(cooperative, 1, 2), { language: 'id' });
    await expect(
      service().register(event.id, input(cooperative, 1, 3), { language: 'id' }),
    ).rejects.toMatchObject({
      code: 'already_registered',
    });
    expect(await seatsOf(event.id)).toEqual({ taken: 1, waiting: 0 });
  });

  it('refuses a phone number already registered by another cooperative in the same session', async () => {
    const event = await newEvent();
    const first = input(cooperatives[2] as Cooperative, 1, 4);
    await service().register(event.id, first, { language: 'id' });
    const second = input(cooperatives[3] as Cooperative, 1, 5);
    second.participants = [{ name: 'Orang Lain', role: 'ketua', phone: first.participants[0]?.phone }];
    const refused = await service()
      .register(event.id, second, { language: 'id' })
      .catch((error: unknown) => error);
    // The number is not carried along: the answer would echo it.
    expect(refused).toMatchObject({ code: 'phone_taken' });
    expect((refused as { params: object }).params).toEqual({});
    expect(await seatsOf(event.id)).toEqual({ taken: 1, waiting: 0 });
  });

  it('refuses more officers than the per-cooperative limit', async () => {
    const event = await newEvent({ maxPerCooperative: 2 });
    await expect(
      service().register(event.id, input(cooperatives[4] as Cooperative, 3, 6), { language: 'id' }),
    ).rejects.toMatchObject({ code: 'too_many_participants', params: { max: 2 } });
  });

  it('closes registration at the deadline', async () => {
    const event = await newEvent();
    const afterDeadline = new Date(Date.parse(event.registrationDeadline) + 1000);
    await expect(
      service(afterDeadline).register(event.id, input(cooperatives[5] as Cooperative, 1, 7), {
        language: 'id',
      }),
    ).rejects.toMatchObject({ code: 'registration_closed' });
  });

  it('waitlists a group that does not fit whole, and promotes it when seats are freed', async () => {
    const event = await newEvent({ capacity: 4 });
    const first = await service().register(event.id, input(cooperatives[6] as Cooperative, 3, 8), {
      language: 'id',
    });
    const second = await service().register(event.id, input(cooperatives[7] as Cooperative, 2, 9), {
      language: 'id',
    });
    expect(second.registration.status).toBe('waitlisted');
    // One seat is free, but a newcomer may not jump the queue.
    const third = await service().register(event.id, input(cooperatives[8] as Cooperative, 1, 10), {
      language: 'id',
    });
    expect(third.registration.status).toBe('waitlisted');
    expect(await seatsOf(event.id)).toEqual({ taken: 3, waiting: 2 });

    await service().cancel(first.registration.id, first.manageToken);
    expect((await store.registrations.get(second.registration.id))?.status).toBe('confirmed');
    expect((await store.registrations.get(third.registration.id))?.status).toBe('confirmed');
    expect(await seatsOf(event.id)).toEqual({ taken: 3, waiting: 0 });
  });

  it('replays an idempotent request instead of registering twice, even when sent concurrently', async () => {
    const event = await newEvent();
    const body = input(cooperatives[9] as Cooperative, 2, 11);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        service().register(event.id, body, { language: 'id', idempotencyKey: 'klik-2x' }),
      ),
    );
    expect(new Set(results.map((r) => r.registration.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.manageToken)).size).toBe(1);
    expect(await seatsOf(event.id)).toEqual({ taken: 2, waiting: 0 });
    await expect(
      service().register(
        event.id,
        { ...body, participants: body.participants.slice(0, 1) },
        {
          language: 'id',
          idempotencyKey: 'klik-2x',
        },
      ),
    ).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('substitutes an officer with a new ticket, and frees the old ticket and phone', async () => {
    const event = await newEvent();
    const created = await service().register(event.id, input(cooperatives[10] as Cooperative, 2, 12), {
      language: 'id',
    });
    const [kept, replaced] = created.registration.participants;
    const changed = await service().change(
      created.registration.id,
      created.manageToken,
      {
        participants: [
          { id: kept?.id, name: kept?.name as string, role: 'ketua', phone: kept?.phone },
          { id: replaced?.id, name: 'Pengganti Baru', role: 'sekretaris', phone: '+6281399990000' },
          { name: 'Tambahan', role: 'bendahara' },
        ],
      },
      'id',
    );
    expect(changed.participants[0]?.ticketCode).toBe(kept?.ticketCode);
    expect(changed.participants[1]?.ticketCode).not.toBe(replaced?.ticketCode);
    expect(await store.registrations.findTicket(replaced?.ticketCode as string)).toBeUndefined();
    // The substitute is a new participant: a new id, from which the new code is derived.
    expect(changed.participants[1]?.id).not.toBe(replaced?.id);
    const substitute = await store.registrations.findTicket(changed.participants[1]?.ticketCode as string);
    expect(substitute?.participant.name).toBe('Pengganti Baru');
    expect(await seatsOf(event.id)).toEqual({ taken: 3, waiting: 0 });
    // The replaced officer's phone is free again for another cooperative.
    const other = input(cooperatives[11] as Cooperative, 1, 13);
    other.participants = [{ name: 'Orang Lain', role: 'ketua', phone: replaced?.phone }];
    await expect(service().register(event.id, other, { language: 'id' })).resolves.toBeDefined();
  });

  it('rejects a wrong manage token as not found', async () => {
    const event = await newEvent();
    const created = await service().register(event.id, input(cooperatives[12] as Cooperative, 1, 14), {
      language: 'id',
    });
    await expect(service().cancel(created.registration.id, 'wrong-token')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('writes the confirmation emails in the same transaction as the registration', async () => {
    const event = await newEvent();
    const body = input(cooperatives[13] as Cooperative, 2, 15);
    body.participants = [
      body.participants[0] as ParticipantInput,
      { name: 'Rina', role: 'bendahara', email: 'officer@example.org' },
    ];
    const created = await service().register(event.id, body, { language: 'id' });
    const { Items = [] } = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': PENDING_OUTBOX },
      }),
    );
    const mine = Items.filter((item) => item.registrationId === created.registration.id);
    expect(mine.map((job) => [job.kind, job.to]).sort()).toEqual([
      ['registration_received', body.contact.email],
      ['ticket', 'officer@example.org'],
    ]);
  });
});
