import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { EventRecord } from '../domain/schemas';
import { formatDate, formatTime } from '../domain/time';
import { A4, drawCentered, drawTextSafe, fitLines, LINE } from '../reports/pdf-kit';

/**
 * The surat undangan (issue 11): one A4 letter per invited cooperative, with the organizer's letterhead, a
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

export const invitationQrPng = (link: string) =>
  QRCode.toBuffer(link, { type: 'png', margin: 2, width: 240, errorCorrectionLevel: 'M' });

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** "005/UND-KDKMP/X/2025": sequence, a fixed code, the month in Roman numerals and the year (WIB). */
export function letterNumber(sequence: number, date: Date, timeZone: string): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(date)
    .split('-');
  return `${String(sequence).padStart(3, '0')}/UND-KDKMP/${ROMAN[Number(month) - 1]}/${year}`;
}

/** "23 Oktober 2025" (a letter's date has no weekday). */
const letterDate = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);

function drawLetter(
  page: PDFPage,
  fonts: { regular: PDFFont; bold: PDFFont },
  letter: Letter,
  options: LetterOptions,
  qr: Awaited<ReturnType<PDFDocument['embedPng']>>,
) {
  const { regular, bold } = fonts;
  const { event } = options;
  const left = 60;
  const width = A4.width - 2 * left;
  let y = A4.height - 60;
  // Letterhead
  for (const line of fitLines(event.organizerName.toUpperCase(), bold, 13, width, 2)) {
    drawCentered(page, line, y, 13, bold);
    y -= 17;
  }
  drawCentered(page, event.address || event.venue, y, 9, regular);
  y -= 10;
  page.drawLine({ start: { x: left, y }, end: { x: A4.width - left, y }, thickness: 1.5, color: LINE });
  y -= 26;

  const text = (value: string, size = 11, font = regular, x = left) => {
    drawTextSafe(page, value, { x, y, size, font });
    y -= size + 5;
  };
  const paragraph = (value: string, size = 11) => {
    for (const line of fitLines(value, regular, size, width, 8)) text(line, size);
    y -= 4;
  };
  drawTextSafe(page, `${options.place}, ${letterDate(options.date, event.timeZone)}`, {
    x: A4.width - left - 170,
    y,
    size: 11,
    font: regular,
  });
  text(`Nomor   : ${letter.number}`);
  text('Lampiran: -');
  text(`Perihal : Undangan ${event.title}`.slice(0, 120));
  y -= 10;
  text('Yth.');
  text(`Ketua ${letter.cooperativeName}`, 11, bold);
  if (letter.recipientName) text(`(Bapak/Ibu ${letter.recipientName})`);
  text(`Desa/Kelurahan ${letter.villageName}, Kecamatan ${letter.districtName}`);
  text('di tempat');
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
    drawTextSafe(page, label, { x: left + 20, y, size: 11, font: regular });
    const lines = fitLines(value, regular, 11, width - 130, 3);
    lines.forEach((line, index) => {
      drawTextSafe(page, `${index === 0 ? ': ' : '  '}${line}`, {
        x: left + 120,
        y,
        size: 11,
        font: regular,
      });
      y -= 16;
    });
  }
  y -= 6;
  paragraph(
    'Pendaftaran peserta dilakukan melalui tautan khusus koperasi Bapak/Ibu di bawah ini atau dengan memindai kode QR. Setiap pengurus yang didaftarkan menerima tiket untuk hadir.',
  );
  const qrSize = 110;
  page.drawImage(qr, { x: left, y: y - qrSize, width: qrSize, height: qrSize });
  const linkLines = fitLines(letter.link, regular, 9, width - qrSize - 20, 4);
  let ly = y - 20;
  for (const line of linkLines) {
    drawTextSafe(page, line, { x: left + qrSize + 15, y: ly, size: 9, font: regular });
    ly -= 12;
  }
  y -= qrSize + 16;
  paragraph(
    'Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih.',
  );
  y -= 10;
  const signX = A4.width - left - 200;
  drawTextSafe(page, options.signerTitle, { x: signX, y, size: 11, font: regular });
  y -= 70;
  drawTextSafe(page, options.signerName, { x: signX, y, size: 11, font: bold });
}

export async function invitationLettersPdf(letters: Letter[], options: LetterOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Surat undangan: ${options.event.title}`);
  doc.setCreator('hadir');
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  for (const letter of letters) {
    const page = doc.addPage([A4.width, A4.height]);
    const qr = await doc.embedPng(await invitationQrPng(letter.link));
    drawLetter(page, fonts, letter, options, qr);
  }
  return doc.save();
}
