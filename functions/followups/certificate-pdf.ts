import { PDFDocument, rgb } from 'pdf-lib';
import { PRINTED_QR, qrPng } from '../../emails/qr-png';
import { embedFonts } from '../reports/pdf-fonts';
import { A4_LANDSCAPE, drawWrapped, fitSize, INK, MUTED, wrap } from '../reports/pdf-kit';

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
export const certificateQrPng = (url: string) => qrPng(url, PRINTED_QR);

/**
 * A one-page A4 landscape certificate of attendance: number, name, jabatan, cooperative, session, date and
 * place, the signer (the session's organizer), and a QR with the short URL of the public verification page.
 * Every line wraps inside the border; the name shrinks before it takes a third line, and the body is laid out
 * from the top so long texts push each other down instead of overlapping, above the signature and QR band.
 */
export async function certificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Sertifikat ${content.number}`);
  doc.setSubject(content.sessionTitle);
  doc.setAuthor(content.signer);
  doc.setCreator('hadir');
  const page = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
  const { width, height } = page.getSize();
  const { regular, bold } = await embedFonts(doc);
  const textWidth = width - 200;

  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: rgb(0.72, 0.11, 0.11),
    borderWidth: 3,
  });
  // The body is laid out before it is drawn: if long names and places would reach the signature and QR band,
  // everything shrinks a little until it fits above it.
  type Line = { text: string; size: number; font: typeof regular; y: number };
  const layout = (scale: number) => {
    const lines: Line[] = [];
    let y = height - 100;
    const block = (text: string, size: number, font = regular, gapAfter = 0, maxLines = Infinity) => {
      const fitted = fitSize(text, font, size * scale, textWidth, maxLines, size * scale * 0.6);
      for (const line of fitted.lines) {
        lines.push({ text: line, size: fitted.size, font, y });
        y -= fitted.size * 1.25;
      }
      y -= gapAfter * scale;
    };
    block('SERTIFIKAT', 36, bold, 4);
    block(`Nomor: ${content.number}`, 12, regular, 14);
    block('diberikan kepada', 13, regular, 14);
    block(content.name, 28, bold, 4, 2);
    block(`${content.jabatan} · ${content.cooperativeName}`, 13, regular, 8);
    block('atas kehadirannya sebagai peserta', 13, regular, 6);
    block(content.sessionTitle, 16, bold, 6, 3);
    block(`${content.date} · ${content.place}`, 12);
    return { lines, bottom: y + 12 * scale * 1.25 };
  };
  let body = layout(1);
  for (let scale = 0.95; body.bottom < 180 && scale > 0.5; scale -= 0.05) body = layout(scale);
  for (const line of body.lines) {
    page.drawText(line.text, {
      x: (width - line.font.widthOfTextAtSize(line.text, line.size)) / 2,
      y: line.y,
      size: line.size,
      font: line.font,
      color: INK,
    });
  }

  // Signer, bottom right: place and date, room to sign, the name wrapped inside the border.
  const signX = width - 300;
  const signWidth = width - 40 - signX;
  const dated = `${content.place.split(',')[0]}, ${content.date.split(', ').pop()}`;
  const datedFit = fitSize(dated, regular, 11, signWidth, 3, 8);
  drawWrapped(page, dated, { x: signX, y: 150, width: signWidth, size: datedFit.size, font: regular });
  const signer = fitSize(content.signer, bold, 11, signWidth, 3, 8);
  drawWrapped(page, content.signer, { x: signX, y: 90, width: signWidth, size: signer.size, font: bold });

  // Verification, bottom left: QR and the short URL.
  const qr = await doc.embedPng(certificateQrPng(content.verifyUrl));
  page.drawImage(qr, { x: 60, y: 60, width: 100, height: 100 });
  page.drawText('Periksa keaslian sertifikat:', { x: 170, y: 120, size: 9, font: regular, color: MUTED });
  wrap(content.verifyUrl, regular, 9, signX - 190).forEach((line, index) => {
    page.drawText(line, { x: 170, y: 106 - index * 11, size: 9, font: regular, color: INK });
  });

  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
