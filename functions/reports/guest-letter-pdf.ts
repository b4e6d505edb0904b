import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { PRINTED_QR, qrPng } from '../../emails/qr-png';
import { addressee, type Guest, guestRoleLabels } from '../domain/guests';
import type { EventRecord } from '../domain/schemas';
import { formatDate, formatTime } from '../domain/time';
import { drawLetterhead, LETTER, letterDate } from './letterhead';
import { embedFonts } from './pdf-fonts';
import { A4, wrap } from './pdf-kit';

/**
 * The surat undangan resmi of one official or speaker: the Dinas letterhead, the letter's number, "Yth. <jabatan>
 * <instansi>", the role they are asked to take, the session's day, date, time and place in WIB, a QR code the
 * protocol staff scan at the door to mark them present, and the signature block. Bahasa Indonesia only, like every
 * letter the Dinas sends.
 */
export type GuestLetterOptions = {
  event: Pick<
    EventRecord,
    'title' | 'venue' | 'address' | 'startsAt' | 'endsAt' | 'timeZone' | 'organizerName'
  >;
  date: Date;
  place: string;
  signerName: string;
  signerTitle: string;
};
export type GuestLetter = {
  guest: Pick<Guest, 'name' | 'position' | 'institution' | 'role' | 'letterNumber'>;
  /** What the QR code opens: the guest's check-in page for protocol staff. */
  checkInUrl: string;
  /** The short code printed under the QR, for typing when a camera fails. */
  code: string;
};

const { left: LEFT, width: WIDTH, bottom: BOTTOM, signWidth: SIGN_WIDTH } = LETTER;

const roleText: Record<Guest['role'], string> = {
  pembuka: 'membuka acara dan memberikan sambutan',
  narasumber: 'narasumber',
  moderator: 'moderator',
  tamu_undangan: 'tamu undangan',
};

async function drawLetter(
  doc: PDFDocument,
  regular: PDFFont,
  bold: PDFFont,
  letter: GuestLetter,
  options: GuestLetterOptions,
) {
  const { event } = options;
  const { guest } = letter;
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - 60;
  const ensure = (height: number) => {
    if (y - height >= BOTTOM) return;
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - 60;
  };
  const lines = (value: string, { size = 11, font = regular, x = LEFT, width = WIDTH, step = 16 } = {}) => {
    for (const line of wrap(value, font, size, width)) {
      ensure(step);
      page.drawText(line, { x, y, size, font });
      y -= step;
    }
  };

  y = drawLetterhead(page, event, y, { regular, bold });

  lines(`${options.place}, ${letterDate(options.date, event.timeZone)}`, {
    x: A4.width - LEFT - SIGN_WIDTH,
    width: SIGN_WIDTH,
  });
  const labelled = (label: string, value: string, x: number, valueX: number) => {
    ensure(16);
    page.drawText(label, { x, y, size: 11, font: regular });
    page.drawText(':', { x: valueX - 10, y, size: 11, font: regular });
    lines(value, { x: valueX, width: A4.width - LEFT - valueX });
  };
  labelled('Nomor', guest.letterNumber || '........................................', LEFT, LEFT + 70);
  labelled('Lampiran', '-', LEFT, LEFT + 70);
  labelled('Perihal', `Undangan ${event.title}`, LEFT, LEFT + 70);
  y -= 10;
  lines('Yth.');
  lines(addressee(guest), { font: bold });
  lines(`(Bapak/Ibu ${guest.name})`);
  lines('di tempat');
  y -= 10;
  lines(
    `Dengan hormat, dalam rangka ${event.title}, kami mengharapkan kehadiran Bapak/Ibu sebagai ${roleText[guest.role]} pada:`,
  );
  y -= 4;
  const start = formatTime(event.startsAt, event.timeZone).split(' ')[0];
  const rows: [string, string][] = [
    ['Hari, tanggal', formatDate(event.startsAt, event.timeZone)],
    ['Waktu', `${start} s.d. ${formatTime(event.endsAt, event.timeZone)}`],
    ['Tempat', event.address ? `${event.venue}, ${event.address}` : event.venue],
    ['Peran', guestRoleLabels.id[guest.role]],
  ];
  for (const [label, value] of rows) labelled(label, value, LEFT + 20, LEFT + 125);
  y -= 8;
  lines(
    'Mohon tunjukkan kode QR di bawah ini kepada petugas protokol saat tiba, agar kehadiran Bapak/Ibu tercatat dalam daftar hadir.',
  );
  const qrSize = 100;
  ensure(qrSize + 20);
  const qr = await doc.embedPng(qrPng(letter.checkInUrl, PRINTED_QR));
  page.drawImage(qr, { x: LEFT, y: y - qrSize, width: qrSize, height: qrSize });
  page.drawText('Kode tamu', { x: LEFT + qrSize + 15, y: y - 30, size: 9, font: regular });
  page.drawText(letter.code, { x: LEFT + qrSize + 15, y: y - 48, size: 14, font: bold });
  y -= qrSize + 16;
  lines(
    'Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih.',
  );
  y -= 10;
  const signX = A4.width - LEFT - SIGN_WIDTH;
  const titleLines = wrap(options.signerTitle, regular, 11, SIGN_WIDTH);
  const nameLines = wrap(options.signerName, bold, 11, SIGN_WIDTH);
  ensure(titleLines.length * 15 + 56 + nameLines.length * 15);
  lines(options.signerTitle, { x: signX, width: SIGN_WIDTH, step: 15 });
  y -= 56;
  lines(options.signerName, { x: signX, width: SIGN_WIDTH, font: bold, step: 15 });
}

/** One letter per guest, in the order given (the protocol order), in one PDF for printing. */
export async function guestLettersPdf(
  letters: GuestLetter[],
  options: GuestLetterOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Surat undangan tamu: ${options.event.title}`);
  doc.setCreator('hadir');
  const { regular, bold } = await embedFonts(doc);
  for (const letter of letters) await drawLetter(doc, regular, bold, letter, options);
  return doc.save();
}
