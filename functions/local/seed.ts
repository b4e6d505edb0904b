import type { Store } from '../db/store';
import type { EventRecord } from '../domain/schemas';
import { fromLocalDateTime } from '../domain/time';
import { newId } from '../domain/tokens';
import { createDefaultCampaigns } from '../services/campaigns';
import { loadRegencyDirectory } from './area-directory';

export const KOTIM = '62.02';

/** The Dinas that organises the Kotim briefings: the organisation its sessions and organizers belong to. */
export const KOTIM_DINAS = {
  id: 'dinkop-kotim',
  name: 'Dinas Koperasi, UKM, Perindustrian dan Perdagangan Kabupaten Kotawaringin Timur',
};
const ZONE = 'Asia/Pontianak'; // Kalimantan Tengah keeps WIB (UTC+7)

/** The Thursday at least 7 days after `now`, as a local date `YYYY-MM-DD` in WIB. */
export function nextThursdayAtLeastAWeekAhead(now: Date): string {
  const wib = new Date(now.getTime() + 7 * 60 * 60 * 1000);
  const day = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() + 7));
  day.setUTCDate(day.getUTCDate() + ((4 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

/** Modelled on the real briefing of Kamis, 23 Oktober 2025 at Gedung Serbaguna Sampit. */
export function kotimBriefing(now: Date): EventRecord {
  const date = nextThursdayAtLeastAWeekAhead(now);
  const dayBefore = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return {
    id: newId(),
    title: 'Sosialisasi Koperasi Desa dan Kelurahan Merah Putih se-Kotawaringin Timur',
    description:
      'Sosialisasi pembentukan dan pengelolaan Koperasi Desa/Kelurahan Merah Putih bagi pengurus dan pengawas ' +
      'koperasi se-Kabupaten Kotawaringin Timur, dibuka oleh Bupati, dengan narasumber dari Kementerian Koperasi, ' +
      'dilanjutkan diskusi dan tanya jawab bersama Business Assistant.',
    venue: 'Gedung Serbaguna Sampit',
    address: 'Sampit, Kabupaten Kotawaringin Timur, Kalimantan Tengah',
    startsAt: fromLocalDateTime(`${date}T08:30`, ZONE),
    endsAt: fromLocalDateTime(`${date}T12:00`, ZONE),
    timeZone: ZONE,
    capacity: 400,
    maxPerCooperative: 3,
    registrationDeadline: fromLocalDateTime(`${dayBefore}T23:59`, ZONE),
    organizerName: KOTIM_DINAS.name,
    organisationId: KOTIM_DINAS.id,
    regencyCode: KOTIM,
    invitedDistrictCodes: [],
    published: true,
    cancelled: false,
    seatsTaken: 0,
    waitlistCount: 0,
    createdAt: now.toISOString(),
  };
}

export async function seedRegency(store: Store, regencyCode: string) {
  const { regency, cooperatives } = await loadRegencyDirectory(regencyCode);
  await store.cooperatives.importRegency(regency, cooperatives);
  return { regency, cooperatives: cooperatives.length };
}

/**
 * The console's first admin (`HADIR_ADMIN_EMAIL`, locally `admin@hadir.local`) and the Kotim Dinas as an
 * organisation serving Kotim; both only when missing, so it is safe on every start. A Dinas stored before
 * organisations were bound to regencies is given Kotim once; regencies an admin set since are left alone.
 */
export async function seedConsole(
  store: Store,
  now = new Date(),
  adminEmail = process.env.HADIR_ADMIN_EMAIL,
) {
  const email = (adminEmail || 'admin@hadir.local').trim().toLowerCase();
  const dinas = await store.users.getOrganisation(KOTIM_DINAS.id);
  if (!dinas) {
    await store.users.putOrganisation(
      { ...KOTIM_DINAS, regencyCodes: [KOTIM], createdAt: now.toISOString() },
      { overwrite: true },
    );
  } else if (!dinas.regencyCodes) {
    await store.users.setOrganisationRegencies(KOTIM_DINAS.id, [KOTIM]);
  }
  let admin = await store.users.findByEmail(email);
  if (!admin) {
    admin = await store.users.create({
      id: newId(),
      email,
      name: 'Admin hadir',
      role: 'admin',
      organisationId: KOTIM_DINAS.id,
      language: 'id',
      active: true,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  }
  return { admin };
}

/**
 * Keys a table from an earlier version lacks for the scheduled work: sessions get their organisation and end-time
 * index entries, waiting campaigns their due time. Safe to run on every start and seed, also against AWS.
 */
export async function upgradeIndexes(store: Store) {
  const sessions = await store.eventAdmin.reindexScheduledWork();
  const campaigns = await store.campaigns.refileUndated();
  return { sessions, campaigns };
}

/**
 * Seeds Kotim and its briefing when the table holds no session yet; running it twice changes nothing. Local only:
 * in AWS a demo session would be published to real people and an admin at a made-up address would be a way in
 * (`npm run admin` makes the first admin there; `npm run seed -- --regency|--province|--all` the directory).
 */
export async function seedIfEmpty(store: Store, now = new Date()) {
  if (store.inAws) {
    throw new Error(
      'Refusing to seed a demo session and admin into a table in AWS. Load the directory with ' +
        '`npm run seed -- --regency <code>` (or --province, --all) and create the first admin with `npm run admin`.',
    );
  }
  await seedConsole(store, now);
  if ((await store.events.list({ limit: 1 })).length > 0) return undefined;
  const directory = await seedRegency(store, KOTIM);
  const event = kotimBriefing(now);
  await store.events.put(event);
  await createDefaultCampaigns(store, event, now); // follow-ups
  return { ...directory, event };
}
