import type { Channel } from './channels';

/** What the console shows of a registration's or a campaign's messages: per channel, how far they got. */
export type DeliveryLine = {
  channel: Channel;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  kind: string;
};
export type DeliverySummary = Record<
  Channel,
  { sent: number; delivered: number; read: number; failed: number }
>;

/**
 * Counts are cumulative: a read message was also delivered and sent. Email has no read receipts (hadir sets no
 * tracking pixel), so its messages stay `sent` unless a bounce marks them.
 */
export function summarizeDeliveries(lines: DeliveryLine[]): DeliverySummary {
  const empty = () => ({ sent: 0, delivered: 0, read: 0, failed: 0 });
  const summary: DeliverySummary = { email: empty(), whatsapp: empty() };
  for (const line of lines) {
    const counts = summary[line.channel];
    if (line.status === 'failed') {
      counts.failed++;
      continue;
    }
    counts.sent++;
    if (line.status === 'delivered' || line.status === 'read') counts.delivered++;
    if (line.status === 'read') counts.read++;
  }
  return summary;
}
