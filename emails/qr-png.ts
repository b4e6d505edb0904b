import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/** Modules of the QR code, or pixels across the whole image; `margin` modules of quiet zone around it. */
export type QrSize = { margin: number } & ({ scale: number } | { width: number });

/** The QR of a printed letter or certificate: 240 px, printed 100-110 pt wide (3.5-4 cm). */
export const PRINTED_QR: QrSize = { margin: 2, width: 240 };

/**
 * A QR code (error correction level M) as a black-on-white PNG, laid out as the qrcode package lays it out. It is
 * written as one grey channel with the "up" filter: qrcode's own PNG writer writes four channels and tries all five
 * filters on every row, which took most of the time of a batch of 185 invitation letters and made each ticket email
 * carry a larger image over a village phone's data plan.
 */
export function qrPng(text: string, size: QrSize): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const across = modules.size + size.margin * 2;
  const pixelsPerModule =
    'width' in size && size.width >= across ? size.width / across : 'scale' in size ? size.scale : 4;
  const side = Math.floor(across * pixelsPerModule);
  const quiet = size.margin * pixelsPerModule;
  const data = Buffer.alloc(side * side, 0xff);
  for (let y = 0; y < side; y++) {
    if (y < quiet || y >= side - quiet) continue;
    const row = Math.floor((y - quiet) / pixelsPerModule) * modules.size;
    for (let x = 0; x < side; x++) {
      if (x < quiet || x >= side - quiet) continue;
      if (modules.data[row + Math.floor((x - quiet) / pixelsPerModule)]) data[y * side + x] = 0;
    }
  }
  const image = Object.assign(new PNG(), { width: side, height: side, data });
  return PNG.sync.write(image, { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 2 });
}
