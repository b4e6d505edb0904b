import * as z from 'zod/mini';
import { blankAsAbsent, personName, text } from './schemas';

/**
 * The officials and speakers of a session (tamu undangan, narasumber): who opens it, who speaks, who moderates,
 * who is welcomed. They are not cooperative officers: they get a letter of their own, sign their own page of the
 * daftar hadir, and the protocol staff read them out in the order kept here.
 */
export const guestRoles = ['pembuka', 'narasumber', 'moderator', 'tamu_undangan'] as const;
export type GuestRole = (typeof guestRoles)[number];

export const guestRoleLabels: Record<'id' | 'en', Record<GuestRole, string>> = {
  id: {
    pembuka: 'Pembuka',
    narasumber: 'Narasumber',
    moderator: 'Moderator',
    tamu_undangan: 'Tamu undangan',
  },
  en: { pembuka: 'Opening', narasumber: 'Speaker', moderator: 'Moderator', tamu_undangan: 'Invited guest' },
};

export type Guest = {
  id: string;
  eventId: string;
  name: string;
  position: string;
  institution: string;
  role: GuestRole;
  /** Protocol order, 1 first; unique within a session. */
  order: number;
  checkedInAt?: string;
  /** Nomor surat of the guest's own invitation letter, when the organizer has one. */
  letterNumber?: string;
  createdAt?: string;
};

/** What the console form sends for a guest; the id comes with it so a resubmitted form never adds twice. */
export const guestInput = z.object({
  name: personName,
  position: text(150, 2),
  institution: text(150, 2),
  role: z.enum(guestRoles),
  letterNumber: blankAsAbsent(text(80)),
});
export type GuestInput = z.infer<typeof guestInput>;

/** Protocol order: by `order`, then by name so two equal orders (never written, but read defensively) are stable. */
export const inProtocolOrder = <T extends Pick<Guest, 'order' | 'name'>>(guests: T[]): T[] =>
  [...guests].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'id'));

/** The order a newly added guest takes: after everyone else. */
export const nextOrder = (guests: Pick<Guest, 'order'>[]) =>
  guests.reduce((max, guest) => Math.max(max, guest.order), 0) + 1;

/**
 * Moving one guest up or down swaps it with its neighbour: only two guests change, so the write is one small
 * transaction and two people reordering at once cannot leave a gap or a duplicate. Nothing to do at either end.
 */
export function moveGuest<T extends Pick<Guest, 'id' | 'order' | 'name'>>(
  guests: T[],
  guestId: string,
  direction: 'up' | 'down',
): { guest: T; from: number; to: number; other: T }[] | null {
  const ordered = inProtocolOrder(guests);
  const index = ordered.findIndex((guest) => guest.id === guestId);
  if (index < 0) return null;
  const neighbour = ordered[direction === 'up' ? index - 1 : index + 1];
  const guest = ordered[index] as T;
  if (!neighbour) return [];
  return [
    { guest, from: guest.order, to: neighbour.order, other: neighbour },
    { guest: neighbour, from: neighbour.order, to: guest.order, other: guest },
  ];
}

/** "Yth. Kepala Dinas Koperasi dan UKM Kabupaten Kotawaringin Timur": the letter's addressee line. */
export const addressee = (guest: Pick<Guest, 'position' | 'institution'>) =>
  guest.institution && !guest.position.toLowerCase().includes(guest.institution.toLowerCase())
    ? `${guest.position} ${guest.institution}`
    : guest.position;
