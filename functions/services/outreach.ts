import type { CooperativeContact } from '../db/contacts-repo';
import type { Invitation, InvitationChannel } from '../db/invitations-repo';
import type { Store } from '../db/store';
import { canCreateEvents, canManageEvent, canReadEvent, registrationFilter } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { invitationLink } from '../domain/invitation-code';
import { normalizeIndonesianPhone } from '../domain/phone';
import type { Cooperative, EventRecord } from '../domain/schemas';
import { sessionFull } from '../domain/seats';
import { newSecret } from '../domain/tokens';
import {
  type ContactFields,
  type ContactImport,
  importContactRows,
  importContacts,
  type ReviewRow,
} from '../outreach/contacts-import';
import type { Letter } from '../outreach/letter-pdf';
import { whatsAppInvitationLink } from '../outreach/whatsapp';
import { audit } from './admin-audit';
import { createCampaignService } from './campaigns';

export const outreachStates = ['not_contacted', 'invited', 'opened', 'registered', 'waitlisted'] as const;
export type OutreachState = (typeof outreachStates)[number];

export type OutreachRow = {
  cooperative: Cooperative;
  invitation: Invitation;
  link: string;
  state: OutreachState;
  contact?: CooperativeContact;
  assistant?: { id: string; name: string; email: string };
  whatsAppUrl: string;
};

export type OutreachFilters = { district?: string; ba?: string; state?: string };

/**
 * Outreach before a session: cooperative contacts, personal invitation links, the three channels
 * (WhatsApp, letter, email campaign) and the chase list. The store's invitations repository derives the personal
 * codes from the ticket key, as the email worker does, so every channel shows the same link and none depends on
 * the session secret; the public side only ever needs the code's hash.
 */
export function createOutreachService(store: Store, clock: () => Date) {
  async function loadEvent(user: User, eventId: string, need: 'read' | 'manage'): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    const allowed = need === 'read' ? canReadEvent(user, event) : canManageEvent(user, event);
    if (!allowed) throw new DomainError('forbidden');
    return event;
  }

  const invitedDirectory = async (event: EventRecord) =>
    (await store.cooperatives.listByRegency(event.regencyCode)).filter(
      (coop) =>
        event.invitedDistrictCodes.length === 0 || event.invitedDistrictCodes.includes(coop.districtCode),
    );

  /**
   * Creates the invitations that do not exist yet (idempotent: existing links never change), and makes the
   * derived code of an older one redeemable (withCurrentCode; its old link keeps working too).
   */
  async function ensureInvitations(user: User, event: EventRecord, cooperatives: Cooperative[]) {
    const existing = new Map<string, Invitation>();
    const stored = await store.invitations.listByEvent(event.id);
    for (let i = 0; i < stored.length; i += 20) {
      const current = await Promise.all(stored.slice(i, i + 20).map(store.invitations.withCurrentCode));
      for (const invitation of current) existing.set(invitation.cooperativeId, invitation);
    }
    const now = clock().toISOString();
    const missing = cooperatives.filter((coop) => !existing.has(coop.id));
    // A first view of a whole regency creates ~185 invitations: 20 transactions at a time.
    for (let i = 0; i < missing.length; i += 20) {
      const created = await Promise.all(
        missing.slice(i, i + 20).map((coop) => {
          return store.invitations.create({
            eventId: event.id,
            cooperativeId: coop.id,
            nonce: newSecret().slice(0, 16),
            createdAt: now,
            createdBy: user.id,
          });
        }),
      );
      for (const invitation of created) existing.set(invitation.cooperativeId, invitation);
    }
    return existing;
  }

  async function assistantsByCooperative(user: User) {
    const map = new Map<string, User>();
    const users = (await store.users.list()).filter(
      (u) =>
        u.role === 'business_assistant' &&
        u.active &&
        (user.role === 'admin' || u.organisationId === user.organisationId),
    );
    await Promise.all(
      users.map(async (assistant) => {
        for (const id of await store.users.assignedCooperatives(assistant.id)) map.set(id, assistant);
      }),
    );
    return { map, assistants: users };
  }

  /**
   * Every invited cooperative of the session with its personal link, contact, BA and state; a BA sees only
   * their cooperatives. Links are created on first view. Reading it is logged: it shows contacts.
   */
  async function overview(user: User, eventId: string, baseUrl: string, filters: OutreachFilters = {}) {
    const event = await loadEvent(user, eventId, 'read');
    const assigned =
      user.role === 'business_assistant' ? await store.users.assignedCooperatives(user.id) : [];
    const visible = registrationFilter(user, assigned);
    const cooperatives = (await invitedDirectory(event)).filter((c) => visible(c.id));
    const invitations = await ensureInvitations(user, event, cooperatives);
    const contacts = new Map((await contactsOf(event)).map((c) => [c.cooperativeId, c]));
    const registrations = await store.registrations.listByEvent(event.id);
    const status = new Map<string, string>();
    for (const r of registrations) if (r.status !== 'cancelled') status.set(r.cooperativeId, r.status);
    const { map: assistantOf, assistants } = await assistantsByCooperative(user);
    const rows: OutreachRow[] = cooperatives
      .map((cooperative) => {
        const invitation = invitations.get(cooperative.id) as Invitation;
        const link = invitationLink(baseUrl, event.id, store.invitations.code(invitation));
        const contact = contacts.get(cooperative.id);
        const registered = status.get(cooperative.id);
        const state: OutreachState =
          registered === 'confirmed'
            ? 'registered'
            : registered === 'waitlisted'
              ? 'waitlisted'
              : invitation.openedAt
                ? 'opened'
                : invitation.emailedAt || invitation.whatsappAt || invitation.letterAt
                  ? 'invited'
                  : 'not_contacted';
        const assistant = assistantOf.get(cooperative.id);
        return {
          cooperative,
          invitation,
          link,
          state,
          contact,
          assistant: assistant
            ? { id: assistant.id, name: assistant.name, email: assistant.email }
            : undefined,
          whatsAppUrl: whatsAppInvitationLink(event, cooperative.name, link, contact?.phone, contact?.name),
        };
      })
      .sort(
        (a, b) =>
          a.cooperative.districtName.localeCompare(b.cooperative.districtName) ||
          a.cooperative.villageName.localeCompare(b.cooperative.villageName),
      );
    const filtered = rows.filter(
      (row) =>
        (!filters.district || row.cooperative.districtCode === filters.district) &&
        (!filters.ba || row.assistant?.id === filters.ba) &&
        (!filters.state || row.state === filters.state),
    );
    const counts = Object.fromEntries(
      outreachStates.map((s) => [s, rows.filter((r) => r.state === s).length]),
    ) as Record<OutreachState, number>;
    await audit(store, user, clock(), {
      action: 'outreach.viewed',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: `${filtered.length} shown`,
    });
    const regency = await store.cooperatives.getRegency(event.regencyCode);
    return { event, rows: filtered, counts, districts: regency?.districts ?? [], assistants };
  }

  async function markSent(user: User, eventId: string, cooperativeId: string, channel: InvitationChannel) {
    const event = await loadEvent(user, eventId, 'read');
    if (user.role === 'business_assistant') {
      const mine = await store.users.assignedCooperatives(user.id);
      if (!mine.includes(cooperativeId)) throw new DomainError('forbidden');
    }
    const invitation = await store.invitations.get(event.id, cooperativeId);
    if (!invitation) throw new DomainError('not_found');
    const now = clock();
    await store.invitations.markSent(event.id, cooperativeId, channel, now);
    await audit(store, user, now, {
      action: `invitation.${channel}_sent`,
      targetType: 'cooperative',
      targetId: cooperativeId,
      eventId: event.id,
    });
  }

  async function setRequireInvitation(user: User, eventId: string, required: boolean) {
    const event = await loadEvent(user, eventId, 'manage');
    await store.invitations.setRequireInvitation(event.id, required);
    await audit(store, user, clock(), {
      action: required ? 'event.invitation_required' : 'event.invitation_optional',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
    });
  }

  /** The surat undangan of one cooperative, or all of them in one PDF (the rows' order), each marked as sent. */
  async function letters(
    user: User,
    eventId: string,
    baseUrl: string,
    options: { cooperativeId?: string; signerName?: string; signerTitle?: string; place?: string } = {},
  ) {
    const { event, rows } = await overview(user, eventId, baseUrl);
    const all = rows.map((row, index) => ({ row, sequence: index + 1 }));
    const chosen = options.cooperativeId
      ? all.filter(({ row }) => row.cooperative.id === options.cooperativeId)
      : all;
    if (chosen.length === 0) throw new DomainError('not_found');
    // pdf-lib and its fonts (about 400 KiB) load with the first PDF, not with every console cold start.
    const { invitationLettersPdf, letterNumber } = await import('../outreach/letter-pdf');
    const now = clock();
    const letterList: Letter[] = chosen.map(({ row, sequence }) => ({
      number: letterNumber(sequence, now, event.timeZone),
      cooperativeName: row.cooperative.name,
      villageName: row.cooperative.villageName,
      districtName: row.cooperative.districtName,
      recipientName: row.contact?.name,
      link: row.link,
    }));
    const pdf = await invitationLettersPdf(letterList, {
      event,
      date: now,
      place: options.place || 'Sampit',
      signerName: options.signerName || '( ........................................ )',
      signerTitle: options.signerTitle || `Kepala ${event.organizerName}`,
    });
    for (const { row } of chosen)
      await store.invitations.markSent(event.id, row.cooperative.id, 'letter', now);
    await audit(store, user, now, {
      action: 'invitation.letters_printed',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: `${chosen.length} letters`,
    });
    return { event, pdf, count: chosen.length };
  }

  /** The reminder to the invited cooperatives that have not registered: a campaign of the follow-up machinery. */
  async function remindUnregistered(user: User, eventId: string, daysBefore = 3) {
    const event = await loadEvent(user, eventId, 'manage');
    return createCampaignService(store, clock).create(user, event.id, {
      kind: 'invitation',
      segment: 'invited_not_registered',
      sendAt: { type: 'relative', anchor: 'start', offsetMinutes: -daysBefore * 24 * 60 },
      name: `Pengingat belum mendaftar (H-${daysBefore})`,
      materials: [],
    });
  }

  /**
   * Emails every invited, unregistered cooperative with a contact address its personal link (the 'invitation'
   * template). The emails go through the campaign machinery: one campaign, one recipient item and outbox job per
   * cooperative (written once, unsubscribes and bounces respected), so progress shows on the follow-up pages.
   * The console writes the jobs itself, each with its invitation's nonce: the worker derives the personal link
   * from it (and the unsubscribe link from the recipient), so no job holds either.
   */
  async function emailInvitations(user: User, eventId: string, baseUrl: string) {
    const event = await loadEvent(user, eventId, 'manage');
    const { rows } = await overview(user, event.id, baseUrl);
    const targets = rows.filter(
      (row) => row.contact?.email && row.state !== 'registered' && row.state !== 'waitlisted',
    );
    const campaigns = store.campaigns;
    const suppressions = store.suppressions;
    const now = clock();
    // Not due for a day and paused at once: the scheduled runner never adds generic-link emails to it.
    const campaign = await createCampaignService(store, clock).create(user, event.id, {
      kind: 'invitation',
      segment: 'invited_not_registered',
      sendAt: { type: 'absolute', at: new Date(now.getTime() + 86_400_000).toISOString() },
      name: 'Undangan email (tautan pribadi)',
      materials: [],
    });
    await campaigns.transition(campaign.id, ['scheduled'], 'paused', now);
    let queued = 0;
    let suppressed = 0;
    for (const row of targets) {
      const to = (row.contact?.email ?? '').toLowerCase();
      const recipient = {
        campaignId: campaign.id,
        recipientKey: `COOP#${row.cooperative.id}`,
        to,
        createdAt: now.toISOString(),
      };
      const bounced = await suppressions.get(to);
      const reason = bounced?.reason ?? ((await campaigns.isUnsubscribed(to)) ? 'unsubscribed' : undefined);
      if (reason) {
        await campaigns.recordSuppressed({ ...recipient, reason }, now);
        suppressed++;
        continue;
      }
      const outcome = await campaigns.enqueueRecipient(
        recipient,
        {
          kind: 'invitation',
          to,
          language: 'id',
          cooperativeId: row.cooperative.id,
          recipientName: row.contact?.name ?? row.cooperative.name,
          campaignId: campaign.id,
          recipientKey: recipient.recipientKey,
          eventId: event.id,
          invitationNonce: row.invitation.nonce,
        },
        now,
      );
      if (outcome === 'queued') {
        queued++;
        await store.invitations.markSent(event.id, row.cooperative.id, 'email', now);
      }
    }
    await campaigns.update(campaign.id, 'SET audienceSize = :n', { ':n': targets.length });
    await campaigns.transition(campaign.id, ['paused'], 'done', clock(), {
      startedAt: now.toISOString(),
      finishedAt: clock().toISOString(),
    });
    await audit(store, user, clock(), {
      action: 'invitation.emails_queued',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
      detail: `${queued} queued, ${suppressed} suppressed, campaign ${campaign.id}`,
    });
    return {
      campaignId: campaign.id,
      queued,
      suppressed,
      withoutEmail: rows.length - targets.length,
      // An API client is told, as the console page warns, that these invitations lead to the waiting list.
      sessionFull: sessionFull(event),
    };
  }

  // --- Contacts ---

  /**
   * The contacts the session's organisation keeps in the session's regency: never another organisation's, even
   * where both serve the regency. A session without an organisation (stored before they existed) has none.
   */
  async function contactsOf(event: EventRecord): Promise<CooperativeContact[]> {
    return event.organisationId ? store.contacts.listByRegency(event.organisationId, event.regencyCode) : [];
  }

  /** Contacts are changed from a session its organizer manages, in its organisation's name. */
  async function loadContactsOwner(user: User, eventId: string) {
    if (!canCreateEvents(user)) throw new DomainError('forbidden');
    const event = await loadEvent(user, eventId, 'manage');
    if (!event.organisationId) throw new DomainError('forbidden');
    return { event, organisationId: event.organisationId };
  }

  /** The contacts page: the session's regency directory and its organisation's contacts there. */
  async function contacts(user: User, eventId: string) {
    const { event } = await loadContactsOwner(user, eventId);
    const [directory, stored] = await Promise.all([
      store.cooperatives.listByRegency(event.regencyCode),
      contactsOf(event),
    ]);
    const pending = await store.contacts.getPendingReview<ReviewRow>(
      event.organisationId as string,
      event.regencyCode,
    );
    return {
      event,
      directory,
      contacts: new Map(stored.map((contact) => [contact.cooperativeId, contact])),
      pending,
    };
  }

  /** Rows kept for review are few hundred at most (a regency's villages); the item stays far below 400 KB. */
  const MAX_PENDING_REVIEW = 500;

  async function dropPendingReview(organisationId: string, regencyCode: string, line: number) {
    const pending = await store.contacts.getPendingReview<ReviewRow>(organisationId, regencyCode);
    const left = pending.filter((row) => row.line !== line);
    if (left.length !== pending.length)
      await store.contacts.putPendingReview(organisationId, regencyCode, left, clock());
  }

  /** A row held for review that the organizer sets aside (no candidate fits, or the row was wrong). */
  async function dismissReview(user: User, eventId: string, line: number) {
    const { event, organisationId } = await loadContactsOwner(user, eventId);
    await dropPendingReview(organisationId, event.regencyCode, line);
  }

  /**
   * Checks a CSV against the session's regency directory. With `apply` and no errors, the exact matches are
   * written (all at once) as the session organisation's contacts and audited; rows held for review are returned
   * for a person to resolve. Any error: nothing.
   */
  async function importCsv(
    user: User,
    eventId: string,
    csv: string | string[][],
    { apply }: { apply: boolean },
  ): Promise<ContactImport & { applied: number }> {
    const { event, organisationId } = await loadContactsOwner(user, eventId);
    const regencyCode = event.regencyCode;
    const directory = await store.cooperatives.listByRegency(regencyCode);
    if (directory.length === 0) throw new DomainError('not_found');
    const result =
      typeof csv === 'string' ? await importContacts(csv, directory) : importContactRows(csv, directory);
    if (result.errors.length > 0) return { ...result, applied: 0 };
    // Rows held for review wait for a person even if they leave the page; the latest file's replace older ones.
    await store.contacts.putPendingReview(
      organisationId,
      regencyCode,
      result.review.slice(0, MAX_PENDING_REVIEW),
      clock(),
    );
    if (!apply || result.matched.length === 0) return { ...result, applied: 0 };
    const now = clock().toISOString();
    const existing = new Map((await contactsOf(event)).map((c) => [c.cooperativeId, c]));
    await store.contacts.putMany(
      organisationId,
      result.matched.map((row) => ({
        ...existing.get(row.cooperativeId),
        cooperativeId: row.cooperativeId,
        ...row.contact,
        source: 'import' as const,
        updatedAt: now,
        updatedBy: user.id,
      })),
    );
    await audit(store, user, clock(), {
      action: 'contacts.imported',
      targetType: 'cooperative',
      targetId: regencyCode,
      eventId: event.id,
      detail: `${result.matched.length} applied, ${result.review.length} held for review (${organisationId})`,
    });
    return { ...result, applied: result.matched.length };
  }

  /**
   * A contact edited by hand from a session's pages (also how a review row is resolved), for a cooperative of
   * the session's regency, as its organisation's contact; every change is in the audit log.
   */
  async function updateContact(
    user: User,
    eventId: string,
    cooperativeId: string,
    fields: ContactFields,
    options: { reviewLine?: number } = {},
  ) {
    const { event, organisationId } = await loadContactsOwner(user, eventId);
    const cooperative = await store.cooperatives.get(cooperativeId);
    if (!cooperative || cooperative.regencyCode !== event.regencyCode) throw new DomainError('not_found');
    const issues: { path: string[]; code: string; message: string }[] = [];
    const phone = fields.phone ? normalizeIndonesianPhone(fields.phone) : undefined;
    if (fields.phone && !phone)
      issues.push({ path: ['phone'], code: 'invalid_phone', message: 'Nomor HP tidak valid.' });
    for (const key of ['email', 'baEmail'] as const) {
      const value = fields[key];
      if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
        issues.push({ path: [key], code: 'invalid_email', message: 'Alamat email tidak valid.' });
    }
    if (issues.length) throw new DomainError('validation', {}, issues);
    const before = await store.contacts.get(organisationId, cooperativeId);
    const contact: CooperativeContact = {
      cooperativeId,
      name: fields.name?.trim().slice(0, 100) || undefined,
      phone: phone ?? undefined,
      email: fields.email?.trim().toLowerCase() || undefined,
      baEmail: fields.baEmail?.trim().toLowerCase() || undefined,
      source: 'manual',
      updatedAt: clock().toISOString(),
      updatedBy: user.id,
    };
    await store.contacts.put(organisationId, contact);
    if (options.reviewLine !== undefined)
      await dropPendingReview(organisationId, event.regencyCode, options.reviewLine);
    const changed = (['name', 'phone', 'email', 'baEmail'] as const).filter(
      (k) => before?.[k] !== contact[k],
    );
    await audit(store, user, clock(), {
      action: 'contact.updated',
      targetType: 'cooperative',
      targetId: cooperativeId,
      eventId: event.id,
      detail: changed.length ? `changed: ${changed.join(', ')}` : 'no change',
    });
    return contact;
  }

  return {
    loadEvent,
    overview,
    markSent,
    setRequireInvitation,
    letters,
    remindUnregistered,
    emailInvitations,
    contacts,
    importCsv,
    updateContact,
    dismissReview,
  };
}

export type OutreachService = ReturnType<typeof createOutreachService>;
