import type { Segment } from '../domain/campaign';
import type { Cooperative, EventRecord, Language, Registration } from '../domain/schemas';

/**
 * Who a campaign reaches, as a pure function of the session's data. Each recipient has a key that is the same
 * however often the audience is computed (the registration and officer, or the cooperative): the runner writes
 * one item per key with a conditional put, which is what makes a recipient get one email only.
 */
export type Recipient = {
  key: string;
  to: string;
  language: Language;
  name: string;
  cooperativeId: string;
  cooperativeName: string;
  registrationId?: string;
  /** Set when the email is about one officer (their own address); absent when it goes to the contact. */
  participantId?: string;
  /** A WhatsApp message to the number in `to` (whatsapp-audience.ts); absent: an email. */
  channel?: 'whatsapp';
  fallbackEmail?: boolean;
};

export type SegmentData = {
  event: Pick<EventRecord, 'invitedDistrictCodes'>;
  /** This session's registrations, every status. */
  registrations: Registration[];
  /** Officers (participant ids) checked in at this session. */
  checkedIn: Set<string>;
  /** The regency's cooperatives (for the invited-not-registered segment). */
  directory: Cooperative[];
  /** Contacts known from other sessions' registrations, newest last, by cooperative. */
  knownContacts: Map<string, { name: string; email?: string; language: Language }>;
  /** Cooperatives of the chosen Business Assistant (ba_cooperatives). */
  assigned?: string[];
};

const normal = (email: string) => email.trim().toLowerCase();

/**
 * Officers of `registration` selected by `pick`, one recipient per address: an officer with their own address
 * gets their own email, the ones without are covered by one email to the contact.
 */
function officerRecipients(
  registration: Registration,
  pick: (participantId: string) => boolean,
): Recipient[] {
  const chosen = registration.participants.filter((p) => pick(p.id));
  if (chosen.length === 0) return [];
  const contactEmail = registration.contact.email ? normal(registration.contact.email) : undefined;
  const base = {
    language: registration.language,
    cooperativeId: registration.cooperativeId,
    cooperativeName: registration.cooperativeName,
    registrationId: registration.id,
  };
  const out: Recipient[] = [];
  let contactNeeded = false;
  for (const participant of chosen) {
    const own = participant.email ? normal(participant.email) : undefined;
    if (own && own !== contactEmail) {
      out.push({
        ...base,
        key: `${registration.id}#${participant.id}`,
        to: own,
        name: participant.name,
        participantId: participant.id,
      });
    } else contactNeeded = true;
  }
  if (contactNeeded && contactEmail) {
    out.push({
      ...base,
      key: `${registration.id}#contact`,
      to: contactEmail,
      name: registration.contact.name,
    });
  }
  return out;
}

export function audienceOf(segment: Segment, data: SegmentData): Recipient[] {
  const confirmed = data.registrations.filter((r) => r.status === 'confirmed');
  switch (segment) {
    case 'attended':
      // Whoever checked in, also on a registration cancelled afterwards (they were there).
      return data.registrations.flatMap((r) => officerRecipients(r, (id) => data.checkedIn.has(id)));
    case 'absent':
      return confirmed.flatMap((r) => officerRecipients(r, (id) => !data.checkedIn.has(id)));
    case 'all_registered':
      return confirmed.flatMap((r) => officerRecipients(r, () => true));
    case 'invited_not_registered': {
      const active = new Set(
        data.registrations.filter((r) => r.status !== 'cancelled').map((r) => r.cooperativeId),
      );
      const cancelledContact = new Map<string, Registration>();
      for (const r of data.registrations)
        if (r.status === 'cancelled') cancelledContact.set(r.cooperativeId, r);
      const invited = data.directory.filter(
        (coop) =>
          (data.event.invitedDistrictCodes.length === 0 ||
            data.event.invitedDistrictCodes.includes(coop.districtCode)) &&
          !active.has(coop.id),
      );
      return invited.flatMap((coop) => {
        const fromHere = cancelledContact.get(coop.id);
        const contact = fromHere?.contact.email
          ? { name: fromHere.contact.name, email: fromHere.contact.email, language: fromHere.language }
          : data.knownContacts.get(coop.id);
        if (!contact?.email) return [];
        return [
          {
            key: `COOP#${coop.id}`,
            to: normal(contact.email),
            language: contact.language,
            name: contact.name,
            cooperativeId: coop.id,
            cooperativeName: coop.name,
          },
        ];
      });
    }
    case 'ba_cooperatives': {
      const mine = new Set(data.assigned ?? []);
      const byCoop = new Map<string, Registration>();
      // The active registration wins over a cancelled one of the same cooperative.
      for (const r of data.registrations) {
        if (!mine.has(r.cooperativeId)) continue;
        const current = byCoop.get(r.cooperativeId);
        if (!current || current.status === 'cancelled') byCoop.set(r.cooperativeId, r);
      }
      return [...byCoop.values()].flatMap((r) =>
        r.contact.email
          ? [
              {
                key: `COOP#${r.cooperativeId}`,
                to: normal(r.contact.email),
                language: r.language,
                name: r.contact.name,
                cooperativeId: r.cooperativeId,
                cooperativeName: r.cooperativeName,
                registrationId: r.id,
              },
            ]
          : [],
      );
    }
  }
}
