import QRCode from 'qrcode';

/**
 * The PNG behind `/t/:code/qr.png`. It encodes the ticket URL (not the bare code) so any phone camera opens the
 * ticket, while the door scanner extracts the code with ticketCodeFrom(). Level M survives a cracked screen or
 * a creased print; 8 px modules keep a 26-character code URL at about 300 px, sharp on the 200 px email image
 * on high-density screens.
 */
export function ticketQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}
