import type { DeliverySummary } from '../../../domain/deliveries';
import type { Language } from '../../../domain/schemas';

/** What went out on which channel, on a registration's console page and on a campaign's. */
const copy = {
  id: {
    title: 'Pesan terkirim',
    channelsTitle: 'Pesan per saluran',
    none: 'Belum ada pesan yang terkirim untuk pendaftaran ini.',
    noneCampaign: 'Kampanye ini belum mengirim pesan.',
    message: 'Pesan',
    channel: 'Saluran',
    status: 'Status',
    times: 'Waktu',
    contact: 'narahubung',
    to: (name: string) => `untuk ${name}`,
    statuses: { sent: 'Terkirim', delivered: 'Diterima', read: 'Dibaca', failed: 'Gagal' },
    fellBack: 'Dikirim ulang lewat email',
    insteadOf: 'Pengganti pesan WhatsApp yang gagal',
    notTracked: 'tidak dilacak',
    emailNote:
      'Email hanya tercatat terkirim: hadir tidak memasang pelacak, jadi tidak tahu apakah email diterima atau dibaca. WhatsApp melaporkan diterima dan dibaca bila penerima mengizinkan tanda baca.',
    cumulative: 'Pesan yang dibaca juga dihitung diterima dan terkirim.',
    summary: (channel: string, c: DeliverySummary['whatsapp'], email: boolean) =>
      email
        ? `${channel}: ${c.sent} terkirim, ${c.failed} gagal`
        : `${channel}: ${c.sent} terkirim, ${c.delivered} diterima, ${c.read} dibaca, ${c.failed} gagal`,
    kinds: {
      registration_received: 'Pendaftaran diterima + tautan kelola',
      ticket: 'Tiket',
      waitlisted: 'Masuk daftar tunggu',
      promoted: 'Naik dari daftar tunggu',
      changed: 'Pendaftaran diubah',
      cancelled: 'Pendaftaran dibatalkan',
      reminder: 'Pengingat H-1',
      manage_link: 'Tautan kelola dikirim ulang',
      thanks: 'Terima kasih + sertifikat',
      absentee_materials: 'Materi untuk yang tidak hadir',
      invitation: 'Undangan mendaftar',
      cooperative_followup: 'Tindak lanjut per koperasi',
    } as Record<string, string>,
  },
  en: {
    title: 'Messages sent',
    channelsTitle: 'Messages per channel',
    none: 'No message has been sent for this registration yet.',
    noneCampaign: 'This campaign has not sent any message yet.',
    message: 'Message',
    channel: 'Channel',
    status: 'Status',
    times: 'Times',
    contact: 'the contact',
    to: (name: string) => `to ${name}`,
    statuses: { sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed' },
    fellBack: 'Sent again by email',
    insteadOf: 'In place of a WhatsApp message that failed',
    notTracked: 'not tracked',
    emailNote:
      'Email is only recorded as sent: hadir adds no tracking, so it cannot tell whether an email arrived or was read. WhatsApp reports delivered and read where the recipient allows read receipts.',
    cumulative: 'A read message also counts as delivered and sent.',
    summary: (channel: string, c: DeliverySummary['whatsapp'], email: boolean) =>
      email
        ? `${channel}: ${c.sent} sent, ${c.failed} failed`
        : `${channel}: ${c.sent} sent, ${c.delivered} delivered, ${c.read} read, ${c.failed} failed`,
    kinds: {
      registration_received: 'Registration received + manage link',
      ticket: 'Ticket',
      waitlisted: 'On the waiting list',
      promoted: 'Moved from the waiting list',
      changed: 'Registration changed',
      cancelled: 'Registration cancelled',
      reminder: 'Day-before reminder',
      manage_link: 'Manage link sent again',
      thanks: 'Thanks + certificate',
      absentee_materials: 'Materials for absentees',
      invitation: 'Invitation to register',
      cooperative_followup: 'Per-cooperative follow-up',
    } as Record<string, string>,
  },
} satisfies Record<Language, unknown>;

export type MessageLogCopy = (typeof copy)['id'];
export const messageLogText = (language: Language): MessageLogCopy => copy[language];
