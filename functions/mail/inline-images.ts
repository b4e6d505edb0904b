import { ticketQrCid, ticketUrl } from '../../emails/props';
import type { OutgoingMessage } from '../domain/mail-message';

const QR_REFERENCE = /cid:qr-([A-Za-z0-9-]+)@hadir/g;

/**
 * Attaches every ticket QR the HTML refers to (`cid:qr-<code>@hadir`) as an inline PNG. A QR served from hadir's
 * own origin was blocked by webmail (Cross-Origin-Resource-Policy), hidden by mail apps that block remote images,
 * and missing at a venue without signal; inside the email it is always there. The images follow the HTML, so a
 * template that shows a ticket needs nothing more than the `cid:` source.
 */
export async function withInlineTicketQrs(
  message: OutgoingMessage,
  baseUrl: string,
): Promise<OutgoingMessage> {
  const codes = [...new Set([...message.html.matchAll(QR_REFERENCE)].map((match) => match[1] as string))];
  if (codes.length === 0) return message;
  // The QR encoder loads with the first email that shows a ticket, not with every email worker's cold start.
  const { ticketQrPng } = await import('../../emails/ticket-qr');
  const images = codes.map((code) => ({
    filename: `tiket-${code}.png`,
    contentType: 'image/png',
    content: ticketQrPng(ticketUrl(baseUrl, code)).toString('base64'),
    encoding: 'base64' as const,
    contentId: ticketQrCid(code),
  }));
  return { ...message, attachments: [...images, ...message.attachments] };
}
