import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/db/client';
import { createStore, type Store } from '../../functions/db/store';
import { ensureTable } from '../../functions/db/table';
import type { EventRecord } from '../../functions/domain/schemas';
import { newId } from '../../functions/domain/tokens';
import { loadRegencyDirectory } from '../../functions/local/area-directory';

/** A fresh table in the shared DynamoDB Local: tests never see each other's data. */
export async function createTestStore(): Promise<Store> {
  const tableName = `test-${randomUUID()}`;
  const doc = createDocumentClient({ tableName, endpoint: inject('dynamoEndpoint') });
  await ensureTable(doc as never, tableName);
  return createStore(doc, tableName);
}

/** Seeds the real Kotim directory (185 cooperatives) and returns it. */
export async function seedKotim(store: Store) {
  const directory = await loadRegencyDirectory('62.02');
  await store.cooperatives.importRegency(directory.regency, directory.cooperatives);
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
    ...overrides,
  };
}

/** Officers with distinct, valid phone numbers derived from a counter. */
export function officers(count: number, seed: number) {
  const roles = ['ketua', 'sekretaris', 'bendahara', 'ketua_pengawas', 'anggota_pengawas'] as const;
  return Array.from({ length: count }, (_, index) => ({
    name: `Pengurus ${seed}-${index + 1}`,
    role: roles[index % roles.length],
    phone: `0812${String(seed * 10 + index).padStart(8, '0')}`,
  }));
}
