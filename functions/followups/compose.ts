import { ticketUrl } from '../../emails/props';
import type { EmailProps } from '../../emails/render';
import { renderEmail } from '../../emails/render';
import type { AssistantContact } from '../../emails/thanks';
import type { EmailJob } from '../db/outbox-repo';
import type { Store } from '../db/store';
import type { Campaign } from '../domain/campaign';
import { certificateDownloadUrl } from '../domain/certificate-number';
import { checklistSteps } from '../domain/checklist';
import { invitationLink } from '../domain/invitation-code';
import { materialPath } from '../domain/materials';
import { registrationOpen } from '../domain/registration';
import type { EventRecord, Registration } from '../domain/schemas';
import { legacyJobSecrets } from '../outreach/invitation-email';
import { createQuestionService } from '../services/questions';

export type FollowupKind = 'thanks' | 'absentee_materials' | 'invitation' | 'cooperative_followup';
export const followupKinds: readonly string[] = [
  'thanks',
  'absentee_materials',
  'invitation',
  'cooperative_followup',
];
export const isFollowupKind = (kind: string): kind is FollowupKind => followupKinds.includes(kind);

/** Raised when the recipient's data no longer supports the email (mapped to NothingToSend by compose.ts). */
export class FollowupGone extends Error {}

const origin = (baseUrl: string) => baseUrl.replace(/\/+$/, '');
export const unsubscribeUrl = (baseUrl: string, token: string) =>
  `${origin(baseUrl)}/berhenti/${encodeURIComponent(token)}`;

/** RFC 2369 and RFC 8058: the link, and that a POST to it unsubscribes without a page (one click). */
export const unsubscribeHeaders = (url: string) => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** Test sends and previews have no real link; they show where it would be. */
export const SAMPLE_UNSUBSCRIBE_TOKEN = 'contoh';

/**
 * The unsubscribe link a campaign's job shows, derived with the store's key from the recipient it was written
 * for; a job without `unsubscribeLink` (a test send, a preview) shows the sample instead. Jobs written before
 * links were derived bring their token along.
 */
export function unsubscribeLinkOf(
  job: Pick<EmailJob, 'campaignId' | 'recipientKey' | 'unsubscribeLink' | 'secret'>,
  store: Store,
  baseUrl: string,
): string | undefined {
  if (job.unsubscribeLink && job.campaignId && job.recipientKey)
    return unsubscribeUrl(baseUrl, store.campaigns.unsubscribeToken(job.campaignId, job.recipientKey));
  const legacy = legacyJobSecrets(job.secret).unsubscribeToken;
  return legacy ? unsubscribeUrl(baseUrl, legacy) : undefined;
}

/**
 * The props of a follow-up email, read from the data as it is when the email is rendered (so a check-in
 * undone after the campaign ran removes that officer's certificate link).
 */
export async function followupEmail(
  job: Pick<
    EmailJob,
    | 'kind'
    | 'language'
    | 'registrationId'
    | 'participantId'
    | 'cooperativeId'
    | 'recipientName'
    | 'campaignId'
    | 'recipientKey'
    | 'eventId'
    | 'unsubscribeLink'
    | 'invitationNonce'
    | 'secret'
  >,
  store: Store,
  baseUrl: string,
) {
  const campaign: Campaign | undefined = job.campaignId
    ? await store.campaigns.get(job.campaignId)
    : undefined;
  const eventId = job.eventId ?? campaign?.eventId;
  const event = eventId ? await store.events.get(eventId) : undefined;
  if (!event) throw new FollowupGone('the session is gone');
  const registration = job.registrationId ? await store.registrations.get(job.registrationId) : undefined;
  if (job.registrationId && (!registration || 'erasedAt' in registration))
    throw new FollowupGone('the registration is gone');
  const unsubscribe =
    unsubscribeLinkOf(job, store, baseUrl) ?? unsubscribeUrl(baseUrl, SAMPLE_UNSUBSCRIBE_TOKEN);
  const base = {
    baseUrl,
    language: job.language,
    event,
    message: campaign?.message,
    unsubscribeUrl: unsubscribe,
  };
  const checkedIn = new Set((await store.checkins.listByEvent(event.id)).map((c) => c.participantId));
  // The campaign's own links, then the speakers' materials uploaded to the session (public once it has ended,
  // which is when thanks and absentee emails go).
  const materialLinks = async () => [
    ...(campaign?.materials ?? []),
    ...(await store.materials.list(event.id)).map((material) => ({
      label: `${material.title} (${material.fileName})`,
      url: `${origin(baseUrl)}${materialPath(event.id, material.id)}`,
    })),
  ];
  const officersOf = (r: Registration, present: boolean) => {
    const contact = r.contact.email?.toLowerCase();
    return r.participants.filter(
      (p) =>
        checkedIn.has(p.id) === present &&
        (job.participantId ? p.id === job.participantId : !p.email || p.email.toLowerCase() === contact),
    );
  };

  const kind = job.kind as FollowupKind;
  switch (kind) {
    case 'thanks': {
      if (!registration) throw new FollowupGone('no registration');
      const officers = officersOf(registration, true);
      if (officers.length === 0) throw new FollowupGone('nobody of this recipient checked in');
      const props: EmailProps['thanks'] = {
        ...base,
        recipientName: job.recipientName ?? registration.contact.name,
        cooperativeName: registration.cooperativeName,
        officers: officers.map((p) => ({
          ...p,
          certificateUrl: certificateDownloadUrl(baseUrl, p.ticketCode),
          evaluationUrl: `${ticketUrl(baseUrl, p.ticketCode)}/evaluasi`,
        })),
        nextSteps: await openSteps(store, event, registration.cooperativeId),
        assistant: await assistantOf(store, registration.cooperativeId, event),
        materials: await materialLinks(),
        questions: await createQuestionService(store).answered(event.id),
      };
      return { kind, rendered: await renderEmail('thanks', props), unsubscribe };
    }
    case 'absentee_materials': {
      if (!registration) throw new FollowupGone('no registration');
      const officers = officersOf(registration, false);
      if (officers.length === 0) throw new FollowupGone('everyone of this recipient checked in');
      const next = await nextSession(store, event, campaign);
      const props: EmailProps['absentee_materials'] = {
        ...base,
        recipientName: job.recipientName ?? registration.contact.name,
        cooperativeName: registration.cooperativeName,
        officers,
        materials: await materialLinks(),
        nextSession: next ? { event: next, url: `${origin(baseUrl)}/acara/${next.id}` } : undefined,
        questions: await createQuestionService(store).answered(event.id),
      };
      return { kind, rendered: await renderEmail('absentee_materials', props), unsubscribe };
    }
    case 'invitation': {
      const cooperative = job.cooperativeId ? await store.cooperatives.get(job.cooperativeId) : undefined;
      if (!cooperative) throw new FollowupGone('unknown cooperative');
      const target = registrationOpen(event, new Date()) ? event : await nextSession(store, event, campaign);
      if (!target) throw new FollowupGone('no session open for registration');
      // Outreach: the cooperative's personal link, derived from the invitation's nonce, and only for
      // the session it was made for; a reminder campaign's job has no nonce and shows the open form.
      const code = job.invitationNonce
        ? store.invitations.code({
            eventId: event.id,
            cooperativeId: cooperative.id,
            nonce: job.invitationNonce,
          })
        : legacyJobSecrets(job.secret).invitationCode;
      const props: EmailProps['invitation'] = {
        ...base,
        event: target,
        recipientName: job.recipientName ?? cooperative.name,
        cooperativeName: cooperative.name,
        registerUrl:
          code && target.id === event.id
            ? invitationLink(baseUrl, target.id, code)
            : `${origin(baseUrl)}/acara/${target.id}/daftar`,
        personalLink: Boolean(code && target.id === event.id),
      };
      return { kind, rendered: await renderEmail('invitation', props), unsubscribe };
    }
    case 'cooperative_followup': {
      if (!registration) throw new FollowupGone('no registration');
      const present = registration.participants.filter((p) => checkedIn.has(p.id));
      const absent =
        registration.status === 'confirmed'
          ? registration.participants.filter((p) => !checkedIn.has(p.id))
          : [];
      const props: EmailProps['cooperative_followup'] = {
        ...base,
        recipientName: job.recipientName ?? registration.contact.name,
        cooperativeName: registration.cooperativeName,
        attended: present,
        absent,
        openSteps: await openSteps(store, event, registration.cooperativeId),
        assistant: await assistantOf(store, registration.cooperativeId, event, campaign?.baUserId),
      };
      return { kind, rendered: await renderEmail('cooperative_followup', props), unsubscribe };
    }
  }
}

/**
 * The cooperative's administration steps the session's organisation has not ticked yet (none recorded, or a
 * session without an organisation: all open).
 */
async function openSteps(store: Store, event: EventRecord, cooperativeId: string): Promise<string[]> {
  const checklist = event.organisationId
    ? await store.checklists.get(event.organisationId, cooperativeId)
    : { done: {} as Record<string, unknown> };
  return checklistSteps.filter((step) => !checklist.done[step.id]).map((step) => step.label);
}

/** The cooperative's Business Assistant (their assignments), within the session's organisation. */
async function assistantOf(
  store: Store,
  cooperativeId: string,
  event: EventRecord,
  preferred?: string,
): Promise<AssistantContact | undefined> {
  const ids = preferred ? [preferred] : await store.users.assistantsOf(cooperativeId);
  for (const id of ids) {
    const user = await store.users.get(id);
    if (!user?.active || user.role !== 'business_assistant') continue;
    if (event.organisationId && user.organisationId !== event.organisationId) continue;
    const phone = (user as { phone?: string }).phone;
    return { name: user.name, email: user.email, ...(phone ? { phone } : {}) };
  }
  return undefined;
}

/** The session to point people to: the campaign's choice, else the regency's next open session. */
async function nextSession(store: Store, event: EventRecord, campaign?: Campaign) {
  if (campaign?.nextEventId) {
    const chosen = await store.events.get(campaign.nextEventId);
    if (chosen && !chosen.cancelled && chosen.published) return chosen;
  }
  const now = new Date();
  return (await store.eventAdmin.listAll())
    .filter(
      (e) =>
        e.id !== event.id &&
        e.regencyCode === event.regencyCode &&
        e.published &&
        !e.cancelled &&
        Date.parse(e.startsAt) > now.getTime() &&
        registrationOpen(e, now),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}
