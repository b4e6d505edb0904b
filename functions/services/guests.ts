import type { Store } from '../db/store';
import { canManageEvent, canReadEvent } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { type Guest, type GuestInput, moveGuest, nextOrder } from '../domain/guests';
import type { EventRecord } from '../domain/schemas';
import { audit } from './admin-audit';

/** The code printed under a guest's QR: the id, in capitals and groups of four, easy to read out. */
export const guestCode = (guestId: string) => guestId.toUpperCase().replace(/(.{4})(?=.)/g, '$1-');
/** Back from what protocol staff typed (any case, with or without dashes or spaces) to the id. */
export const guestIdOfCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Where the QR on a guest's letter leads: the console's check-in page of that guest. */
export const guestCheckInPath = (eventId: string, guestId: string) =>
  `/admin/acara/${encodeURIComponent(eventId)}/tamu/${encodeURIComponent(guestId)}/hadir`;

/**
 * A session's officials and speakers: the console adds, edits, removes and reorders them, prints their letters and
 * marks them present; the daftar hadir and the laporan read the list.
 */
export function createGuestService(store: Store, clock: () => Date) {
  async function loadEvent(user: User, eventId: string, need: 'read' | 'manage'): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    const allowed = need === 'read' ? canReadEvent(user, event) : canManageEvent(user, event);
    if (!allowed) throw new DomainError('forbidden');
    return event;
  }

  async function guestOf(eventId: string, guestId: string): Promise<Guest> {
    const guest = await store.guests.get(eventId, guestId);
    if (!guest) throw new DomainError('not_found');
    return guest;
  }

  const record = (user: User, event: EventRecord, action: string, detail: string) =>
    audit(store, user, clock(), {
      action,
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail,
    });

  return {
    /** Every guest, in protocol order (no access check: for reports built by code that already checked). */
    list: (eventId: string): Promise<Guest[]> => store.guests.list(eventId),

    async overview(user: User, eventId: string) {
      const event = await loadEvent(user, eventId, 'read');
      return { event, guests: await store.guests.list(eventId), canManage: canManageEvent(user, event) };
    },

    async one(user: User, eventId: string, guestId: string) {
      const event = await loadEvent(user, eventId, 'read');
      return { event, guest: await guestOf(eventId, guestId), canManage: canManageEvent(user, event) };
    },

    /** Adds the guest at the end of the order; `id` comes from the form, so a resubmission adds nothing. */
    async add(user: User, eventId: string, id: string, input: GuestInput): Promise<Guest> {
      const event = await loadEvent(user, eventId, 'manage');
      const existing = await store.guests.list(eventId);
      const found = existing.find((guest) => guest.id === id);
      if (found) return found;
      const guest = await store.guests.add({
        id,
        eventId,
        ...input,
        order: nextOrder(existing),
        createdAt: clock().toISOString(),
      });
      await record(user, event, 'guest.added', guest.id);
      return guest;
    },

    async update(user: User, eventId: string, guestId: string, input: GuestInput): Promise<void> {
      const event = await loadEvent(user, eventId, 'manage');
      await store.guests.update(eventId, guestId, input);
      await record(user, event, 'guest.updated', guestId);
    },

    async remove(user: User, eventId: string, guestId: string): Promise<void> {
      const event = await loadEvent(user, eventId, 'manage');
      await store.guests.remove(eventId, guestId);
      await record(user, event, 'guest.removed', guestId);
    },

    async move(user: User, eventId: string, guestId: string, direction: 'up' | 'down'): Promise<void> {
      await loadEvent(user, eventId, 'manage');
      const moves = moveGuest(await store.guests.list(eventId), guestId, direction);
      if (moves === null) throw new DomainError('not_found');
      await store.guests.reorder(
        eventId,
        moves.map((move) => ({ guestId: move.guest.id, from: move.from, to: move.to })),
      );
    },

    async checkIn(user: User, eventId: string, guestId: string): Promise<Guest> {
      const event = await loadEvent(user, eventId, 'read');
      const guest = await store.guests.checkIn(eventId, guestId, clock().toISOString());
      await record(user, event, 'guest.checked_in', guestId);
      return guest;
    },

    async undoCheckIn(user: User, eventId: string, guestId: string): Promise<void> {
      const event = await loadEvent(user, eventId, 'read');
      await store.guests.undoCheckIn(eventId, guestId);
      await record(user, event, 'guest.check_in_undone', guestId);
    },

    /** The letters of one guest or of all, in protocol order, in one PDF. */
    async letters(
      user: User,
      eventId: string,
      baseUrl: string,
      options: { guestId?: string; signerName?: string; signerTitle?: string; place?: string } = {},
    ) {
      const event = await loadEvent(user, eventId, 'manage');
      const all = await store.guests.list(eventId);
      const chosen = options.guestId ? all.filter((guest) => guest.id === options.guestId) : all;
      if (chosen.length === 0) throw new DomainError('not_found');
      // pdf-lib and its fonts load with the first PDF, not with every console cold start.
      const { guestLettersPdf } = await import('../reports/guest-letter-pdf');
      const pdf = await guestLettersPdf(
        chosen.map((guest) => ({
          guest,
          checkInUrl: `${baseUrl}${guestCheckInPath(eventId, guest.id)}`,
          code: guestCode(guest.id),
        })),
        {
          event,
          date: clock(),
          place: options.place || 'Sampit',
          signerName: options.signerName || '( ........................................ )',
          signerTitle: options.signerTitle || `Kepala ${event.organizerName}`,
        },
      );
      await record(user, event, 'guest.letters_printed', `${chosen.length} letters`);
      return { event, pdf, guests: chosen };
    },
  };
}

export type GuestService = ReturnType<typeof createGuestService>;
