import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Decodes a QR code PNG with a real decoder, as a phone camera would. */
export function decodeQrPng(png: Buffer | Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
