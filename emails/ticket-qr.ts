import { qrPng } from './qr-png';

/**
 * The PNG behind `/t/:code/qr.png`. It encodes the ticket URL (not the bare code) so any phone camera opens the
 * ticket, while the door scanner extracts the code with ticketCodeFrom(). Level M survives a cracked screen or
 * a creased print; whole 10 px modules (about 370 px for a ticket URL) stay sharp when shown at 200 px on
 * high-density phone screens.
 */
export function ticketQrPng(url: string): Buffer {
  return qrPng(url, { margin: 2, scale: 10 });
}
