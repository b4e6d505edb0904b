import jsQR from 'jsqr';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';

/** Decodes a QR code PNG with a real decoder, as a phone camera would. */
export function decodeQrPng(png: Buffer | Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** The QR images a page draws, decoded from the PDF's own image streams (RGB, 8 bits, as pdf-lib embeds PNGs). */
export async function qrCodesInPdf(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const found: string[] = [];
  for (const page of doc.getPages()) {
    const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    for (const ref of xObjects?.values() ?? []) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const width = (stream.dict.lookup(PDFName.of('Width'), PDFNumber) as PDFNumber).asNumber();
      const height = (stream.dict.lookup(PDFName.of('Height'), PDFNumber) as PDFNumber).asNumber();
      const rgb = decodePDFRawStream(stream).decode();
      const channels = rgb.length / (width * height);
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < width * height; i++) {
        for (let k = 0; k < 3; k++) rgba[i * 4 + k] = rgb[i * channels + (channels === 1 ? 0 : k)] as number;
        rgba[i * 4 + 3] = 255;
      }
      const decoded = jsQR(rgba, width, height)?.data;
      if (decoded) found.push(decoded);
    }
  }
  return found;
}
