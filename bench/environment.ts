import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { TEST_TICKET_KEY } from '../functions/auth/ticket-key';
import { createDocumentClient } from '../functions/db/client';
import { createStore, type Store } from '../functions/db/store';
import { ensureTable } from '../functions/db/table';
import type { Cooperative, EventRecord } from '../functions/domain/schemas';
import { hashSecret, newId, newSecret } from '../functions/domain/tokens';
import { createApp } from '../functions/http/app';
import { startDynamoLocal } from '../functions/local/dynamo-local';
import { seedRegency } from '../functions/local/seed';
import { meterCapacity } from './consumed-capacity';

type DocumentClient = ReturnType<typeof createDocumentClient>;

/** A table of its own with the real app in front of it, over HTTP on loopback. */
export async function serveApp(doc: DocumentClient, tableName: string) {
  await ensureTable(doc, tableName);
  const store = createStore(doc, tableName, { ticketKey: TEST_TICKET_KEY });
  const app = createApp({
    store,
    config: { runtime: 'test', sessionSecret: 'bench-secret-0123456789abcdef0123456789' },
  });
  const server = await new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => s.close(() => done())),
      }),
    );
    // The load generator's keep-alive sockets may sit idle for many seconds between rounds (the registration's
    // raw slices, the national bench's stream): with Node's default 5 s the server closes them as the client
    // picks one up again, and the request fails with ECONNRESET. close() still ends idle connections (Node 19+).
    (s as { keepAliveTimeout: number }).keepAliveTimeout = 0;
  });
  return { store, tableName, url: server.url, close: server.close };
}

/** Everything the bench measures against: in-memory DynamoDB Local, the real app over HTTP, a meter. */
export async function startEnvironment() {
  const dynamo = await startDynamoLocal();
  const tableName = 'hadir-bench';
  const doc = createDocumentClient({ endpoint: dynamo.endpoint });
  const meter = meterCapacity(doc);
  const served = await serveApp(doc, tableName);
  await seedRegency(served.store, '62.02');
  return {
    dynamo,
    doc,
    store: served.store,
    meter,
    tableName,
    url: served.url,
    async stop() {
      await served.close();
      await dynamo.stop();
    },
  };
}
export type Environment = Awaited<ReturnType<typeof startEnvironment>>;

/** A made-up regency with `count` villages, for loads larger than Kotim's 185 cooperatives. */
export async function syntheticRegency(store: Store, code: string, count: number): Promise<Cooperative[]> {
  const cooperatives = Array.from({ length: count }, (_, index): Cooperative => {
    const district = `${code}.${String(1 + Math.floor(index / 9000)).padStart(2, '0')}`;
    const id = `${district}.${String(2001 + (index % 9000)).padStart(4, '0')}`;
    return {
      id,
      name: `Koperasi Desa Merah Putih Bench ${index + 1}`,
      villageCode: id,
      villageName: `Bench ${index + 1}`,
      villageType: 'desa',
      districtCode: district,
      districtName: `Kecamatan ${district}`,
      regencyCode: code,
      regencyName: `Kabupaten Bench ${code}`,
    };
  });
  const districts = [...new Set(cooperatives.map((c) => c.districtCode))].map((d) => ({
    code: d,
    name: `Kecamatan ${d}`,
  }));
  await store.cooperatives.importRegency(
    { code, name: `Kabupaten Bench ${code}`, provinceName: 'Bench', districts },
    cooperatives,
  );
  return cooperatives;
}

export function benchEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  const now = Date.now();
  return {
    id: newId(),
    title: 'Sosialisasi Koperasi Desa dan Kelurahan Merah Putih (bench)',
    description: '',
    venue: 'Gedung Serbaguna Sampit',
    address: 'Sampit',
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 3 * 3_600_000).toISOString(),
    timeZone: 'Asia/Pontianak',
    capacity: 400,
    maxPerCooperative: 3,
    registrationDeadline: new Date(now + 86_400_000).toISOString(),
    organizerName: 'Dinas Koperasi, UKM, Perindustrian dan Perdagangan Kabupaten Kotawaringin Timur',
    regencyCode: '62.02',
    invitedDistrictCodes: [],
    published: true,
    cancelled: false,
    seatsTaken: 0,
    waitlistCount: 0,
    createdAt: new Date(now).toISOString(),
    ...overrides,
  };
}

/** A door station for the event; returns its bearer header. */
export async function station(store: Store, eventId: string) {
  const token = newSecret();
  await store.stations.create(
    { id: newId(), eventId, name: 'Pintu 1', createdAt: new Date().toISOString(), createdBy: 'bench' },
    hashSecret(token),
  );
  return { authorization: `Bearer ${token}` };
}

export const registrationBody = (cooperativeId: string, officers: number, seed: number) => ({
  cooperativeId,
  contact: { name: 'Narahubung Bench', phone: `+6285${String(seed).padStart(9, '0')}` },
  participants: Array.from({ length: officers }, (_, i) => ({
    name: `Pengurus ${seed}-${i}`,
    role: (['ketua', 'sekretaris', 'bendahara'] as const)[i % 3],
    phone: `+62812${String(seed * 10 + i).padStart(8, '0')}`,
  })),
  consent: true,
});

/**
 * The load generator's client: node:http over keep-alive sockets. It shares one Node thread with the app it
 * measures, and fetch (undici and web streams) cost that thread about twice as much per request, time that no
 * phone at a door would take from the server.
 */
const loadAgent = new Agent({ keepAlive: true, maxSockets: 256 });

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: loadAgent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
