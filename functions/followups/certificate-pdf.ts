import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { A4_LANDSCAPE, drawCentered, fitLines, INK, MUTED } from '../reports/pdf-kit';
import { toWinAnsi } from '../reports/text';

export type CertificateContent = {
  number: string;
  name: string;
  jabatan: string;
  cooperativeName: string;
  sessionTitle: string;
  /** "Kamis, 23 Oktober 2025" */
  date: string;
  place: string;
  signer: string;
  verifyUrl: string;
};

/** The QR as a PNG: what the PDF embeds, and what tests decode. */
export const certificateQrPng = (url: string) =>
  QRCode.toBuffer(url, { type: 'png', margin: 2, width: 240, errorCorrectionLevel: 'M' });

/**
 * A one-page A4 landscape certificate of attendance: number, name, jabatan, cooperative, session, date and
 * place, the signer (the session's organizer), and a QR with the short URL of the public verification page.
 * Built with pdf-lib's standard fonts, so every string goes through toWinAnsi.
 */
export async function certificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(`Sertifikat ${content.number}`));
  doc.setSubject(toWinAnsi(content.sessionTitle));
  doc.setAuthor(toWinAnsi(content.signer));
  doc.setCreator('hadir');
  const page = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
  const { width, height } = page.getSize();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: rgb(0.72, 0.11, 0.11),
    borderWidth: 3,
  });
  drawCentered(page, 'SERTIFIKAT', height - 110, 36, bold);
  drawCentered(page, `Nomor: ${content.number}`, height - 138, 12, regular);
  drawCentered(page, 'diberikan kepada', height - 180, 13, regular);
  drawCentered(page, content.name, height - 220, 28, bold);
  drawCentered(page, `${content.jabatan} · ${content.cooperativeName}`, height - 248, 13, regular);
  drawCentered(page, 'atas kehadirannya sebagai peserta', height - 285, 13, regular);
  let y = height - 315;
  for (const line of fitLines(content.sessionTitle, bold, 16, width - 200, 2)) {
    drawCentered(page, line, y, 16, bold);
    y -= 22;
  }
  drawCentered(page, `${content.date} · ${content.place}`, y - 6, 13, regular);

  // Signer, bottom right.
  const signX = width - 300;
  page.drawText(toWinAnsi(`${content.place.split(',')[0]}, ${content.date.split(', ').pop()}`), {
    x: signX,
    y: 150,
    size: 11,
    font: regular,
    color: INK,
  });
  const signerLines = fitLines(content.signer, bold, 11, 240, 3);
  signerLines.forEach((line, index) => {
    page.drawText(line, { x: signX, y: 90 - index * 14, size: 11, font: bold, color: INK });
  });

  // Verification, bottom left: QR and the short URL.
  const qr = await doc.embedPng(await certificateQrPng(content.verifyUrl));
  page.drawImage(qr, { x: 60, y: 60, width: 100, height: 100 });
  page.drawText('Periksa keaslian sertifikat:', { x: 170, y: 120, size: 9, font: regular, color: MUTED });
  page.drawText(toWinAnsi(content.verifyUrl), { x: 170, y: 106, size: 9, font: regular, color: INK });

  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
