import { PDFDocument } from 'pdf-lib';
import { ticketQrPng } from '../../emails/ticket-qr';
import type { Language } from '../domain/schemas';
import { formatTimeRange } from '../domain/time';
import { embedFonts } from './pdf-fonts';
import { drawWrapped, fitSize, INK, LINE, MUTED, wrap } from './pdf-kit';

/** A6 portrait, the size of a printed ticket and of a phone screen's proportions. */
const A6 = { width: 297.64, height: 419.53 } as const;
const MARGIN = 20;

export type TicketPdfContent = {
  name: string;
  /** "Ketua · Koperasi Desa Merah Putih …" */
  role: string;
  cooperativeName: string;
  ticketCode: string;
  ticketUrl: string;
  event: {
    title: string;
    venue: string;
    address: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
  };
  language: Language;
};

/**
 * The ticket as a file the officer keeps on the phone: at a venue without signal, or when the mail app hides
 * remote images, the QR, name, session and time are still there. The page grows with long names and places
 * rather than cutting them.
 */
export async function ticketPdf(content: TicketPdfContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${content.language === 'id' ? 'Tiket' : 'Ticket'} ${content.name}`);
  doc.setSubject(content.event.title);
  doc.setCreator('hadir');
  const { regular, bold } = await embedFonts(doc);
  const width = A6.width - 2 * MARGIN;
  const when = formatTimeRange(
    content.event.startsAt,
    content.event.endsAt,
    content.event.timeZone,
    content.language,
  );
  const where = [content.event.venue, content.event.address].filter(Boolean).join(', ');
  const name = fitSize(content.name, bold, 16, width, 2, 11);
  const blocks = [
    { text: content.event.title, size: 9, font: bold },
    { text: `${content.role} · ${content.cooperativeName}`, size: 9, font: regular },
    { text: when, size: 9, font: regular },
    { text: where, size: 8, font: regular },
  ];
  const qrSize = 170;
  const textHeight =
    name.lines.length * name.size * 1.2 +
    blocks.reduce((sum, b) => sum + wrap(b.text, b.font, b.size, width).length * b.size * 1.3 + 4, 0);
  const height = Math.max(A6.height, MARGIN + 18 + textHeight + qrSize + 40 + MARGIN);
  const page = doc.addPage([A6.width, height]);
  page.drawRectangle({
    x: 8,
    y: 8,
    width: A6.width - 16,
    height: height - 16,
    borderColor: LINE,
    borderWidth: 0.8,
  });
  let y = height - MARGIN - 12;
  page.drawText(content.language === 'id' ? 'TIKET HADIR' : 'ATTENDANCE TICKET', {
    x: MARGIN,
    y,
    size: 10,
    font: bold,
    color: MUTED,
  });
  y -= 22;
  for (const line of name.lines) {
    page.drawText(line, { x: MARGIN, y, size: name.size, font: bold, color: INK });
    y -= name.size * 1.2;
  }
  y -= 2;
  for (const block of blocks) {
    y = drawWrapped(page, block.text, { x: MARGIN, y, width, size: block.size, font: block.font }) - 4;
  }
  const qr = await doc.embedPng(ticketQrPng(content.ticketUrl));
  const qrY = y - qrSize + 6;
  page.drawImage(qr, { x: (A6.width - qrSize) / 2, y: qrY, width: qrSize, height: qrSize });
  const code = `${content.language === 'id' ? 'Kode' : 'Code'}: ${content.ticketCode}`;
  page.drawText(code, {
    x: (A6.width - regular.widthOfTextAtSize(code, 9)) / 2,
    y: qrY - 14,
    size: 9,
    font: regular,
    color: INK,
  });
  return doc.save();
}
