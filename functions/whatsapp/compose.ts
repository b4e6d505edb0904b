import { ticketQrUrl } from '../../emails/props';
import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import { certificateDownloadUrl } from '../domain/certificate-number';
import { roleLabels } from '../domain/roles';
import { formatDate, formatDateTime } from '../domain/time';
import { type FilledTemplate, fillTemplate, isWhatsAppKind } from '../domain/whatsapp-templates';
import { NothingToSend } from '../mail/compose';

/** A template message ready for a WhatsApp sender: the job id is its key in logs and the local outbox. */
export type WhatsAppMessage = { id: string; to: string; filled: FilledTemplate };

/**
 * Fills a WhatsApp job's template from the data as it is now (as compose.ts does for email): a ticket for an
 * officer who was replaced, a reminder for a cancelled registration, thanks for someone not checked in are not
 * sent. Links are derived from ids here; the job holds none.
 */
export async function composeWhatsApp(
  job: EmailJob,
  store: Store,
  baseUrl: string,
): Promise<WhatsAppMessage> {
  if (!isWhatsAppKind(job.kind)) throw new NothingToSend(`no WhatsApp template for ${job.kind}`);
  const registration = job.registrationId ? await store.registrations.get(job.registrationId) : undefined;
  if (!registration || 'erasedAt' in registration) throw new NothingToSend('the registration is gone');
  const event = await store.events.get(registration.eventId);
  if (!event) throw new NothingToSend('the session is gone');
  const language = job.language;
  const participant = job.participantId
    ? registration.participants.find((candidate) => candidate.id === job.participantId)
    : undefined;
  if (job.participantId && !participant) throw new NothingToSend('the officer was removed or substituted');
  const confirmed = registration.status === 'confirmed' && !event.cancelled;
  const common = {
    nama: registration.contact.name,
    koperasi: registration.cooperativeName,
    kegiatan: event.title,
    waktu: formatDateTime(event.startsAt, event.timeZone, language),
    tempat: event.address ? `${event.venue}, ${event.address}` : event.venue,
  };
  const manageSuffix = () =>
    `${registration.id}?token=${encodeURIComponent(store.registrations.manageToken(registration.id))}`;
  const message = (filled: FilledTemplate): WhatsAppMessage => ({ id: job.id, to: job.to, filled });

  switch (job.kind) {
    case 'ticket': {
      if (!participant || !confirmed) throw new NothingToSend('ticket no longer valid');
      return message(
        fillTemplate(
          'ticket',
          language,
          {
            ...common,
            pengurus: participant.name,
            jabatan: roleLabels[participant.role][language],
            kode: participant.ticketCode,
          },
          {
            baseUrl,
            buttonSuffix: participant.ticketCode,
            header: { link: ticketQrUrl(baseUrl, participant.ticketCode) },
          },
        ),
      );
    }
    case 'reminder':
      if (!confirmed) throw new NothingToSend('not confirmed');
      return message(fillTemplate('reminder', language, common, { baseUrl, buttonSuffix: manageSuffix() }));
    case 'thanks': {
      // Thanks go per officer who checked in, each with their own certificate.
      if (!participant) throw new NothingToSend('thanks without an officer');
      const checkedIn = (await store.checkins.listByEvent(event.id)).some(
        (c) => c.participantId === participant.id,
      );
      if (!checkedIn) throw new NothingToSend('the officer did not check in');
      const certificate = certificateDownloadUrl(baseUrl, participant.ticketCode);
      return message(
        fillTemplate(
          'thanks',
          language,
          {
            ...common,
            pengurus: participant.name,
            waktu: formatDate(event.startsAt, event.timeZone, language),
          },
          {
            baseUrl,
            buttonSuffix: `${participant.ticketCode}/sertifikat.pdf`,
            header: { link: certificate, filename: `Sertifikat ${participant.name}.pdf` },
          },
        ),
      );
    }
    case 'absentee_materials': {
      const campaign = job.campaignId ? await store.campaigns.get(job.campaignId) : undefined;
      const materials = (campaign?.materials ?? []).map((link) => `${link.label}: ${link.url}`).join(' · ');
      return message(
        fillTemplate(
          'absentee_materials',
          language,
          {
            ...common,
            waktu: formatDate(event.startsAt, event.timeZone, language),
            materi: materials || (language === 'en' ? 'on the manage page' : 'di halaman kelola pendaftaran'),
          },
          { baseUrl, buttonSuffix: manageSuffix() },
        ),
      );
    }
    default:
      // The notices: received, waitlisted, promoted, changed, cancelled.
      return message(fillTemplate(job.kind, language, common, { baseUrl, buttonSuffix: manageSuffix() }));
  }
}
