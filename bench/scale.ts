import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/db/client';
import { eventItem } from '../functions/db/events-repo';
import { keys } from '../functions/db/keys';
import { newId, ticketHash } from '../functions/domain/tokens';
import { startDynamoLocal } from '../functions/local/dynamo-local';
import {
  benchEvent,
  type Environment,
  postJson,
  registrationBody,
  serveApp,
  station,
  syntheticRegency,
} from './environment';
import { runConcurrent, summarize } from './lib';
import { registeredTickets } from './scenarios';

/**
 * Fills the table the way national use would: `sessions` other sessions holding `officers` officers in total,
 * with their registrations, tickets and check-ins, written directly (their own speed is not what we measure).
 */
export async function populate(
  env: Pick<Environment, 'doc' | 'tableName' | 'store'>,
  sessions: number,
  officers: number,
) {
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

type Served = Awaited<ReturnType<typeof serveApp>>;
type DocumentClient = ReturnType<typeof createDocumentClient>;

/** A session ready to measure in one table: cooperatives to register, tickets to scan, a door station. */
async function measuredSession(served: Served, regencyCode: string, registrations: number, scans: number) {
  const cooperatives = await syntheticRegency(
    served.store,
    regencyCode,
    registrations + Math.ceil(scans / 3),
  );
  const event = benchEvent({ capacity: 10_000, regencyCode });
  await served.store.events.put(event);
  const codes = await registeredTickets(
    { url: served.url },
    event.id,
    regencyCode,
    cooperatives.slice(registrations).map((c) => c.id),
  );
  return {
    served,
    event,
    cooperatives: cooperatives.slice(0, registrations),
    codes,
    auth: await station(served.store, event.id),
    registration: [] as number[],
    checkin: [] as number[],
  };
}

/**
 * Latency of registrations and check-ins in a table holding one session vs one holding `sessions` sessions and
 * `officers` officers, measured in alternating rounds so the machine's drift (garbage collection, other processes)
 * falls on both alike; the first two rounds of each are warm-up and not counted. Each table gets a DynamoDB Local
 * of its own: in a process that has stored many items, a new small table answers 10-50 times slower than a large
 * one (an artefact of the emulator's storage, not of DynamoDB), which would flatter the large side.
 */
export async function scaleComparison(env: Environment, sessions: number, officers: number, rounds = 12) {
  const emulators = await Promise.all([startDynamoLocal(), startDynamoLocal()]);
  const [oneDoc, nationalDoc] = emulators.map((dynamo) =>
    createDocumentClient({ endpoint: dynamo.endpoint }),
  ) as [DocumentClient, DocumentClient];
  try {
    const large = await serveApp(nationalDoc, `${env.tableName}-national`);
    const filled = await populate(
      { doc: nationalDoc, tableName: large.tableName, store: large.store },
      sessions,
      officers,
    );
    const small = await serveApp(oneDoc, `${env.tableName}-one-session`);
    const perRound = { registrations: 10, scans: 20 };
    const sides = [
      await measuredSession(small, '97.01', rounds * perRound.registrations, rounds * perRound.scans),
      await measuredSession(large, '97.02', rounds * perRound.registrations, rounds * perRound.scans),
    ];
    for (let round = 0; round < rounds; round++) {
      const counted = round > 1;
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const first = round * perRound.registrations;
        const reg = await runConcurrent(perRound.registrations, 5, async (i) => {
          const res = await postJson(
            `${side.served.url}/api/events/${side.event.id}/registrations`,
            registrationBody(side.cooperatives[first + i]?.id as string, 3, 300_000 + first + i),
          );
          if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
        });
        if (counted) side.registration.push(...reg.latencies);
        const scan = await runConcurrent(perRound.scans, 5, async (i) => {
          const ticketCode = side.codes[round * perRound.scans + i];
          const res = await postJson(
            `${side.served.url}/api/events/${side.event.id}/checkins`,
            { ticketCode },
            side.auth,
          );
          if (res.status !== 200) throw new Error(`scan answered ${res.status}`);
        });
        if (counted) side.checkin.push(...scan.latencies);
      }
    }
    const [one, national] = sides.map((side) => ({
      registration: summarize(side.registration).p50,
      checkin: summarize(side.checkin).p50,
    })) as [{ registration: number; checkin: number }, { registration: number; checkin: number }];
    await Promise.all([small.close(), large.close()]);
    return { one, national, items: filled.items };
  } finally {
    oneDoc.destroy();
    nationalDoc.destroy();
    await Promise.all(emulators.map((dynamo) => dynamo.stop()));
  }
}
