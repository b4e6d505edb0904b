import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { eventItem } from '../functions/db/events-repo';
import { keys } from '../functions/db/keys';
import { newId, ticketHash } from '../functions/domain/tokens';
import { benchEvent, type Environment } from './environment';
import { runConcurrent } from './lib';

/**
 * Fills the table the way national use would: `sessions` other sessions holding `officers` officers in total,
 * with their registrations, tickets and check-ins, written directly (their own speed is not what we measure).
 */
export async function populate(env: Environment, sessions: number, officers: number) {
  const items: Record<string, unknown>[] = [];
  const perSession = Math.ceil(officers / sessions / 3);
  for (let s = 0; s < sessions; s++) {
    const event = benchEvent({ capacity: perSession * 3 });
    items.push(eventItem({ ...event, seatsTaken: perSession * 3 }));
    for (let r = 0; r < perSession; r++) {
      const id = newId();
      const at = new Date().toISOString();
      const participants = Array.from({ length: 3 }, (_, p) => ({
        id: newId(),
        name: `Pengurus ${s}-${r}-${p}`,
        role: 'ketua',
      }));
      items.push({
        ...keys.registration(id),
        ...keys.registrationInRoster(event.id, at, id),
        id,
        eventId: event.id,
        cooperativeId: `98.${String(s % 100).padStart(2, '0')}.01.${String(2001 + r).padStart(4, '0')}`,
        cooperativeName: 'Koperasi Desa Merah Putih Skala',
        districtCode: '98.01.01',
        status: 'confirmed',
        contact: { name: 'Narahubung', phone: '+6281200000000' },
        participants,
        language: 'id',
        createdAt: at,
        updatedAt: at,
        queuedAt: at,
        version: 1,
      });
      // As the registrations repository writes them: no codes, ticket items keyed by the code's hash.
      for (const participant of env.store.registrations.withTicketCodes(participants)) {
        items.push({
          ...keys.ticket(ticketHash(participant.ticketCode)),
          eventId: event.id,
          registrationId: id,
          participantId: participant.id,
        });
        items.push({
          ...keys.checkin(event.id, participant.id),
          eventId: event.id,
          participantId: participant.id,
          checkedInAt: at,
          station: 'Pintu 1',
        });
      }
    }
  }
  const batches = Math.ceil(items.length / 25);
  await runConcurrent(batches, 16, async (b) => {
    let request: Record<string, unknown[]> = {
      [env.tableName]: items.slice(b * 25, b * 25 + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (Object.keys(request).length) {
      const { UnprocessedItems } = await env.doc.send(
        new BatchWriteCommand({ RequestItems: request as never }),
      );
      request = (UnprocessedItems ?? {}) as Record<string, unknown[]>;
    }
  });
  return { items: items.length };
}
