import { whatsAppLink } from '../domain/phone';
import type { EventRecord } from '../domain/schemas';
import { formatDate, formatTime } from '../domain/time';

/**
 * The WhatsApp invitation an organizer sends from their own phone: formal Bahasa Indonesia with the day, date,
 * time and place and the personal link. The text goes through encodeURIComponent (whatsAppLink), so `&`, `#`,
 * `+`, line breaks and emoji in names arrive as written.
 */
export function whatsAppInvitationText(
  event: Pick<
    EventRecord,
    'title' | 'venue' | 'address' | 'startsAt' | 'endsAt' | 'timeZone' | 'organizerName'
  >,
  cooperativeName: string,
  link: string,
  recipientName?: string,
): string {
  const greeting = recipientName ? `Yth. Bapak/Ibu ${recipientName},` : 'Yth. Bapak/Ibu Pengurus,';
  const place = event.address ? `${event.venue}, ${event.address}` : event.venue;
  const end = formatTime(event.endsAt, event.timeZone);
  return [
    greeting,
    '',
    `Dengan hormat, ${cooperativeName} diundang mengikuti ${event.title}.`,
    '',
    `Hari/tanggal: ${formatDate(event.startsAt, event.timeZone)}`,
    `Waktu: ${formatTime(event.startsAt, event.timeZone).split(' ')[0]} s.d. ${end}`,
    `Tempat: ${place}`,
    '',
    'Mohon daftarkan pengurus yang akan hadir melalui tautan khusus koperasi Anda berikut:',
    link,
    '',
    `Hormat kami,\n${event.organizerName}`,
  ].join('\n');
}

export function whatsAppInvitationLink(
  event: Parameters<typeof whatsAppInvitationText>[0],
  cooperativeName: string,
  link: string,
  phone: string | undefined,
  recipientName?: string,
): string {
  return whatsAppLink(whatsAppInvitationText(event, cooperativeName, link, recipientName), phone);
}
