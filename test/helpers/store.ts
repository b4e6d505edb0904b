import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import { createDocumentClient, type DocumentClient } from '../../functions/db/client';
import { createStore, type Store } from '../../functions/db/store';
import { ensureTable } from '../../functions/db/table';
import type { OfficerRole } from '../../functions/domain/roles';
import type { EventRecord, RegistrationInput } from '../../functions/domain/schemas';
import { hashSecret, newId, newSecret } from '../../functions/domain/tokens';
import { loadRegencyDirectory } from '../../functions/local/area-directory';

/**
 * The tables this test file made. DynamoDB Local slows down as it holds more tables and items, and one instance
 * serves a worker's files for the whole run, so each file drops its own tables when it is done
 * (test/helpers/database-per-worker.ts calls this after every file; this module may outlive one file).
 */
const madeHere: { doc: DocumentClient; tableName: string }[] = [];
export async function dropTablesMadeHere() {
  const made = madeHere.splice(0);
  await Promise.all(
    made.map(({ doc, tableName }) =>
      doc.send(new DeleteTableCommand({ TableName: tableName })).catch(() => {}),
    ),
  );
}

/**
 * A store with its client at hand: tests read and write items the app's repositories never would (a stored secret's
 * shape, a crash half-way through a write). The app's own code only ever gets the repositories.
 */
export type TestStore = Store & { doc: DocumentClient };

/** The DynamoDB Local of this file's worker (test/helpers/database-per-worker.ts). */
export function testDynamoEndpoint(): string {
  const endpoint = process.env.HADIR_TEST_DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error('no DynamoDB Local for this test file: is database-per-worker.ts a setup file?');
  return endpoint;
}

/**
 * A fresh table: tests never see each other's data. Without a stream unless the test reads it (`stream: true`):
 * stream records outlive dropped tables in DynamoDB Local and slow down every later file.
 */
export async function createTestStore({ stream = false } = {}): Promise<TestStore> {
  const tableName = `test-${randomUUID()}`;
  const doc = createDocumentClient({ endpoint: testDynamoEndpoint() });
  await ensureTable(doc, tableName, { stream });
  madeHere.push({ doc, tableName });
  return { ...createStore(doc, tableName, { ticketKey: TEST_TICKET_KEY }), doc };
}

/**
 * Seeds the real Kotim directory (185 cooperatives) and returns it. Without the country-wide search words unless
 * the test searches across regencies: they are three quarters of the items, and seeding was a sixth of the run.
 */
export async function seedKotim(store: Store, { withSearchWords = false } = {}) {
  const directory = await loadRegencyDirectory('62.02');
  await store.cooperatives.importRegency(directory.regency, directory.cooperatives, { withSearchWords });
  return directory.cooperatives;
}

export function makeEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  const now = Date.now();
  return {
    id: newId(),
    title: 'Sosialisasi Koperasi Desa dan Kelurahan Merah Putih se-Kotawaringin Timur',
    description: '',
    venue: 'Gedung Serbaguna Sampit',
    address: 'Sampit',
    startsAt: new Date(now + 14 * 86_400_000).toISOString(),
    endsAt: new Date(now + 14 * 86_400_000 + 3.5 * 3_600_000).toISOString(),
    timeZone: 'Asia/Pontianak',
    capacity: 400,
    maxPerCooperative: 3,
    registrationDeadline: new Date(now + 13 * 86_400_000).toISOString(),
    organizerName: 'Dinas Koperasi, UKM, Perindustrian dan Perdagangan Kabupaten Kotawaringin Timur',
    regencyCode: '62.02',
    invitedDistrictCodes: [],
    published: true,
    cancelled: false,
    seatsTaken: 0,
    waitlistCount: 0,
    createdAt: new Date(now).toISOString(),
    // Sessions two weeks ahead that tests register for and check in to at once: the door's date guard is on only
    // where a test is about it (test/e2e/checkin-window.test.ts, test/integration/checkin-window.test.ts).
    checkinAnyTime: true,
    ...overrides,
  };
}

const roles: OfficerRole[] = ['ketua', 'sekretaris', 'bendahara', 'ketua_pengawas', 'anggota_pengawas'];

/** A valid registration body; `seed` makes every phone number unique across bodies. */
export function registrationBody(cooperativeId: string, count: number, seed: number): RegistrationInput {
  return {
    cooperativeId,
    contact: {
      name: 'Siti Aminah',
      phone: `+6285${String(seed).padStart(9, '0')}`,
      email: `kontak${seed}@example.org`,
    },
    participants: Array.from({ length: count }, (_, index) => ({
      name: `Pengurus ${seed}-${index + 1}`,
      role: roles[index % roles.length] as OfficerRole,
      phone: `+62812${String(seed * 10 + index).padStart(8, '0')}`,
    })),
    consent: true,
  };
}

/** Enrols a door station for the session and returns its bearer token (only its hash is stored). */
export async function enrolTestStation(store: Store, eventId: string, name = 'Pintu 1'): Promise<string> {
  const token = newSecret();
  await store.stations.create(
    { id: newId(), eventId, name, createdAt: new Date().toISOString(), createdBy: 'test' },
    hashSecret(token),
  );
  return token;
}
