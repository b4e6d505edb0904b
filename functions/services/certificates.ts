import type { Store } from '../db/store';
import { maskName, slugFrom, verifyUrl } from '../domain/certificate-number';
import { sessionEnded } from '../domain/checkin-window';
import { DomainError } from '../domain/errors';
import { roleLabels } from '../domain/roles';
import type { EventRecord, Language, Participant, Registration } from '../domain/schemas';
import { formatDate, formatDateTime } from '../domain/time';

export { certificateDownloadUrl, verifyUrl } from '../domain/certificate-number';

export type Verification =
  | { state: 'not_found' }
  | {
      state: 'valid' | 'revoked';
      number: string;
      maskedName: string;
      cooperativeName: string;
      sessionTitle: string;
      date: string;
      place: string;
      signer: string;
    };

/**
 * Certificates of attendance: only for officers with a check-in, never for absentees. Validity is
 * decided when someone looks: a certificate whose check-in was undone (or whose registration was erased) is
 * shown as revoked, with nothing to update when a check-in changes.
 */
export function createCertificateService(store: Store, clock: () => Date = () => new Date()) {
  const certificates = store.certificates;

  async function issueFor(event: EventRecord, registration: Registration, participant: Participant) {
    const checkin = await store.checkins.get(event.id, participant.id);
    if (!checkin) throw new DomainError('not_found');
    // A certificate says the officer attended: it exists only once the session has taken place.
    if (!sessionEnded(event, clock())) {
      throw new DomainError('session_not_ended', {
        ends: formatDateTime(event.endsAt, event.timeZone, 'id'),
        endsEn: formatDateTime(event.endsAt, event.timeZone, 'en'),
      });
    }
    const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: event.timeZone }).format(
      new Date(event.startsAt),
    );
    return certificates.issue(
      {
        eventId: event.id,
        registrationId: registration.id,
        participantId: participant.id,
        regencyCode: event.regencyCode,
        year,
      },
      clock(),
    );
  }

  /** The PDF for a ticket code, issuing the number on first download. */
  async function pdfForTicket(ticketCode: string, baseUrl: string, language: Language = 'id') {
    const ticket = await store.registrations.findTicket(ticketCode);
    const event = ticket ? await store.events.get(ticket.registration.eventId) : undefined;
    if (!ticket || !event) throw new DomainError('not_found');
    const record = await issueFor(event, ticket.registration, ticket.participant);
    // pdf-lib and its fonts (about 400 KiB) load with the first PDF, not with every console cold start.
    const { certificatePdf } = await import('../followups/certificate-pdf');
    const pdf = await certificatePdf({
      number: record.number,
      name: ticket.participant.name,
      jabatan: roleLabels[ticket.participant.role][language],
      cooperativeName: ticket.registration.cooperativeName,
      sessionTitle: event.title,
      date: formatDate(event.startsAt, event.timeZone, 'id'),
      place: event.venue,
      signer: event.organizerName,
      verifyUrl: verifyUrl(baseUrl, record.number),
    });
    return { pdf, record };
  }

  async function verify(numberOrSlug: string): Promise<Verification> {
    const slug = slugFrom(numberOrSlug);
    const record = slug ? await certificates.getBySlug(slug) : undefined;
    if (!record) return { state: 'not_found' };
    const [event, registration, checkin] = await Promise.all([
      store.events.get(record.eventId),
      store.registrations.get(record.registrationId),
      store.checkins.get(record.eventId, record.participantId),
    ]);
    const participant = registration?.participants.find((p) => p.id === record.participantId);
    if (!event || !registration || !participant || 'erasedAt' in registration) return { state: 'not_found' };
    return {
      state: checkin ? 'valid' : 'revoked',
      number: record.number,
      maskedName: maskName(participant.name),
      cooperativeName: registration.cooperativeName,
      sessionTitle: event.title,
      date: formatDate(event.startsAt, event.timeZone, 'id'),
      place: event.venue,
      signer: event.organizerName,
    };
  }

  /** Whether the ticket's officer may download a certificate (checked in, session over), for the ticket page. */
  const available = async (event: EventRecord, participantId: string) =>
    sessionEnded(event, clock()) && !!(await store.checkins.get(event.id, participantId));

  // Read on call, not when the service is built: an app may be built on a stand-in store just to list its routes.
  const getFor: typeof certificates.getFor = (...args) => certificates.getFor(...args);
  return { issueFor, pdfForTicket, verify, available, getFor };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
