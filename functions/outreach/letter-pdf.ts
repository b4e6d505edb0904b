import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { PRINTED_QR, qrPng } from '../../emails/qr-png';
import type { EventRecord } from '../domain/schemas';
import { formatDate, formatTime } from '../domain/time';
import { drawLetterhead, LETTER, letterDate } from '../reports/letterhead';
import { embedFonts, type PdfFonts } from '../reports/pdf-fonts';
import { A4, wrap } from '../reports/pdf-kit';

/**
 * The surat undangan: one A4 letter per invited cooperative, with the organizer's letterhead, a
 * number, the date, "Yth. Ketua Koperasi …", the session's day, date, time and place in Bahasa Indonesia, the
 * personal link and its QR code, and the signer. Several letters make one PDF for printing.
 */
export type Letter = {
  number: string;
  cooperativeName: string;
  villageName: string;
  districtName: string;
  recipientName?: string;
  link: string;
};
export type LetterOptions = {
  event: Pick<
    EventRecord,
    'title' | 'venue' | 'address' | 'startsAt' | 'endsAt' | 'timeZone' | 'organizerName' | 'regencyCode'
  >;
  /** The letter's date, e.g. today. */
  date: Date;
  /** Where the letter is written, e.g. "Sampit". */
  place: string;
  signerName: string;
  signerTitle: string;
};

export const invitationQrPng = (link: string) => qrPng(link, PRINTED_QR);

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** "005/UND-KDKMP/X/2025": sequence, a fixed code, the month in Roman numerals and the year (WIB). */
export function letterNumber(sequence: number, date: Date, timeZone: string): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(date)
    .split('-');
  return `${String(sequence).padStart(3, '0')}/UND-KDKMP/${ROMAN[Number(month) - 1]}/${year}`;
}

const { left: LEFT, width: WIDTH, bottom: BOTTOM, signWidth: SIGN_WIDTH } = LETTER;

/**
 * One letter, top to bottom. Every text wraps within the margins (a long cooperative name, venue, signer or
 * title is printed whole), and a letter that no longer fits its page continues on the next one, so nothing is
 * cut and nothing runs off the A4 sheet.
 */
function drawLetter(
  doc: PDFDocument,
  fonts: PdfFonts,
  letter: Letter,
  options: LetterOptions,
  qr: Awaited<ReturnType<PDFDocument['embedPng']>>,
) {
  const { regular, bold } = fonts;
  const { event } = options;
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - 60;
  const ensure = (height: number) => {
    if (y - height >= BOTTOM) return;
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - 60;
  };
  type LineOptions = {
    size?: number;
    font?: PDFFont;
    x?: number;
    width?: number;
    step?: number;
    prefix?: string[];
  };
  const lines = (value: string, options: LineOptions = {}) => {
    const { size = 11, font = regular, x = LEFT, width = WIDTH, prefix = ['', ''] } = options;
    const step = options.step ?? size + 5;
    wrap(value, font, size, width - font.widthOfTextAtSize(prefix[0] ?? '', size)).forEach((line, index) => {
      ensure(step);
      page.drawText(`${index === 0 ? prefix[0] : prefix[1]}${line}`, { x, y, size, font });
      y -= step;
    });
  };
  const paragraph = (value: string) => {
    lines(value);
    y -= 4;
  };

  y = drawLetterhead(page, event, y, { regular, bold });

  // Place and date on the right, above the number.
  const dated = `${options.place}, ${letterDate(options.date, event.timeZone)}`;
  const datedLines = wrap(dated, regular, 11, SIGN_WIDTH);
  datedLines.forEach((line, index) => {
    page.drawText(line, {
      x: A4.width - LEFT - Math.max(170, regular.widthOfTextAtSize(datedLines[0] ?? '', 11)),
      y: y - index * 16,
      size: 11,
      font: regular,
    });
  });
  y -= (datedLines.length - 1) * 16;
  const labelled = (label: string, value: string) =>
    lines(value, { prefix: [`${label}: `, ' '.repeat(label.length + 2)], step: 16 });
  labelled('Nomor   ', letter.number);
  labelled('Lampiran', '-');
  labelled('Perihal ', `Undangan ${event.title}`);
  y -= 10;
  lines('Yth.', { step: 16 });
  lines(`Ketua ${letter.cooperativeName}`, { font: bold, step: 16 });
  if (letter.recipientName) lines(`(Bapak/Ibu ${letter.recipientName})`, { step: 16 });
  lines(`Desa/Kelurahan ${letter.villageName}, Kecamatan ${letter.districtName}`, { step: 16 });
  lines('di tempat', { step: 16 });
  y -= 10;
  paragraph(
    `Dengan hormat, dalam rangka ${event.title}, kami mengundang Bapak/Ibu Ketua beserta pengurus ${letter.cooperativeName} untuk hadir pada:`,
  );
  const start = formatTime(event.startsAt, event.timeZone).split(' ')[0];
  const rows: [string, string][] = [
    ['Hari, tanggal', formatDate(event.startsAt, event.timeZone)],
    ['Waktu', `${start} s.d. ${formatTime(event.endsAt, event.timeZone)}`],
    ['Tempat', event.address ? `${event.venue}, ${event.address}` : event.venue],
  ];
  for (const [label, value] of rows) {
    ensure(16);
    page.drawText(label, { x: LEFT + 20, y, size: 11, font: regular });
    lines(value, { x: LEFT + 120, width: WIDTH - 120, prefix: [': ', '  '], step: 16 });
  }
  y -= 6;
  paragraph(
    'Pendaftaran peserta dilakukan melalui tautan khusus koperasi Bapak/Ibu di bawah ini atau dengan memindai kode QR. Setiap pengurus yang didaftarkan menerima tiket untuk hadir.',
  );
  const qrSize = 110;
  const linkLines = wrap(letter.link, regular, 9, WIDTH - qrSize - 20);
  ensure(Math.max(qrSize, linkLines.length * 12 + 20) + 16);
  page.drawImage(qr, { x: LEFT, y: y - qrSize, width: qrSize, height: qrSize });
  let ly = y - 20;
  for (const line of linkLines) {
    page.drawText(line, { x: LEFT + qrSize + 15, y: ly, size: 9, font: regular });
    ly -= 12;
  }
  y = Math.min(y - qrSize, ly) - 16;
  paragraph(
    'Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih.',
  );
  y -= 10;
  // The signature block stays together: title, room to sign, name.
  const signX = A4.width - LEFT - SIGN_WIDTH;
  const titleLines = wrap(options.signerTitle, regular, 11, SIGN_WIDTH);
  const nameLines = wrap(options.signerName, bold, 11, SIGN_WIDTH);
  ensure(titleLines.length * 15 + 56 + nameLines.length * 15);
  lines(options.signerTitle, { x: signX, width: SIGN_WIDTH, step: 15 });
  y -= 56;
  lines(options.signerName, { x: signX, width: SIGN_WIDTH, font: bold, step: 15 });
}

export async function invitationLettersPdf(letters: Letter[], options: LetterOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Surat undangan: ${options.event.title}`);
  doc.setCreator('hadir');
  const fonts = await embedFonts(doc);
  for (const letter of letters) {
    const qr = await doc.embedPng(invitationQrPng(letter.link));
    drawLetter(doc, fonts, letter, options, qr);
  }
  return doc.save();
}
