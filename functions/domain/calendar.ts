import { createEvent } from 'ics';
import type { EventRecord, Language } from './schemas';

export type CalendarEvent = Pick<
  EventRecord,
  'id' | 'title' | 'description' | 'venue' | 'address' | 'startsAt' | 'endsAt' | 'organizerName'
> &
  Partial<Pick<EventRecord, 'cancelled'>>;

export type SessionInvitationInput = {
  event: CalendarEvent;
  /** Makes the UID per participant, so re-sending an officer's invitation updates their entry, not adds one. */
  participantId?: string;
  ticketUrl?: string;
  attendeeName?: string;
  /** ORGANIZER needs a mailto address; without one the property is left out rather than written invalid. */
  organizerEmail?: string;
  language?: Language;
};

const labels: Record<Language, { ticket: string; attendee: string }> = {
  id: { ticket: 'Tiket (tunjukkan kode QR di meja daftar hadir)', attendee: 'Peserta' },
  en: { ticket: 'Ticket (show the QR code at the attendance desk)', attendee: 'Participant' },
};

/** ics escapes LF but passes a lone CR through, which some parsers read as a line break (a new property). */
const text = (value: string) => value.replace(/\r\n?/g, '\n');

/**
 * An .ics attachment for one session. METHOD:PUBLISH because we do not collect RSVPs by calendar; times are
 * written in UTC so no VTIMEZONE is needed and every client shows the right local hour.
 */
export function sessionInvitation({
  event,
  participantId,
  ticketUrl,
  attendeeName,
  organizerEmail,
  language = 'id',
}: SessionInvitationInput): string {
  const t = labels[language];
  const description = [
    event.description,
    attendeeName ? `${t.attendee}: ${attendeeName}` : '',
    ticketUrl ? `${t.ticket}: ${ticketUrl}` : '',
  ]
    .filter(Boolean)
    .map(text)
    .join('\n\n');
  const { error, value } = createEvent({
    productId: '-//hadir//sosialisasi//ID',
    method: 'PUBLISH',
    uid: `${event.id}.${participantId ?? 'event'}@hadir`,
    title: text(event.title),
    description: description || undefined,
    location: text([event.venue, event.address].filter(Boolean).join(', ')),
    url: ticketUrl,
    start: Date.parse(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
    // A parameter value cannot hold a double quote or control character (RFC 5545 3.1); ics would pass them on.
    organizer: organizerEmail
      ? { name: event.organizerName.replaceAll('"', "'").replace(/\p{Cc}/gu, ' '), email: organizerEmail }
      : undefined,
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
