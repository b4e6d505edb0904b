import type { Campaign } from '../domain/campaign';
import { type ChannelPolicy, contactChannels } from '../domain/channels';
import { isWhatsAppKind } from '../domain/whatsapp-templates';
import type { Recipient, SegmentData } from './segments';

/**
 * A campaign's WhatsApp recipients, beside the email ones audienceOf computes: the contact's number of every
 * registration whose contact agreed to WhatsApp. Thanks go per officer who checked in (each carries its own
 * certificate); the reminder and the materials once per registration. With `whatsapp_first` the contact's own
 * email recipient is dropped and kept as the WhatsApp message's fallback instead.
 */
export function withWhatsApp(
  emailRecipients: Recipient[],
  campaign: Pick<Campaign, 'kind' | 'segment'>,
  data: Pick<SegmentData, 'registrations' | 'checkedIn'>,
  policy: ChannelPolicy | undefined,
): Recipient[] {
  if (!isWhatsAppKind(campaign.kind)) return emailRecipients;
  const pick = (registration: SegmentData['registrations'][number], participantId: string) => {
    const confirmed = registration.status === 'confirmed';
    switch (campaign.segment) {
      case 'attended':
        return data.checkedIn.has(participantId);
      case 'absent':
        return confirmed && !data.checkedIn.has(participantId);
      case 'all_registered':
        return confirmed;
      default:
        return false;
    }
  };
  const whatsapp: Recipient[] = [];
  const replacedEmail = new Set<string>();
  for (const registration of data.registrations) {
    const channels = contactChannels(registration, policy ?? registration.messageChannels);
    if (!channels.whatsapp) continue;
    const officers = registration.participants.filter((participant) => pick(registration, participant.id));
    if (officers.length === 0) continue;
    const base = {
      to: registration.contact.phone,
      language: registration.language,
      name: registration.contact.name,
      cooperativeId: registration.cooperativeId,
      cooperativeName: registration.cooperativeName,
      registrationId: registration.id,
      channel: 'whatsapp' as const,
      ...(channels.fallbackEmail ? { fallbackEmail: true } : {}),
    };
    if (campaign.kind === 'thanks')
      for (const officer of officers)
        whatsapp.push({ ...base, key: `${registration.id}#${officer.id}#wa`, participantId: officer.id });
    else whatsapp.push({ ...base, key: `${registration.id}#wa` });
    if (!channels.email) replacedEmail.add(`${registration.id}#contact`);
  }
  return [...emailRecipients.filter((recipient) => !replacedEmail.has(recipient.key)), ...whatsapp];
}
