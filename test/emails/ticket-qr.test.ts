import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPng } from '../../emails/qr-png';
import { ticketQrPng } from '../../emails/ticket-qr';
import { decodeQrPng } from '../helpers/qr';

describe('ticketQrPng', () => {
  it('encodes the ticket URL so a phone camera or the door scanner reads it back', () => {
    const url = 'https://hadir.kotimkab.go.id/t/7K3M9Q2XHT5RVB8N4WJ6CPZD1A';
    const png = ticketQrPng(url);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const image = PNG.sync.read(png);
    // Large enough to stay sharp in the 200 px email slot on a 1.5x phone screen.
    expect(image.width).toBeGreaterThanOrEqual(300);
    expect(decodeQrPng(png)).toBe(url);
  });
});

describe('qrPng', () => {
  it('draws the very pixels the qrcode package draws, in one grey channel', async () => {
    const texts = [
      'https://hadir.kotimkab.go.id/t/7K3M9Q2XHT5RVB8N4WJ6CPZD1A',
      `https://x.id/u?k=${'y'.repeat(150)}`,
    ];
    for (const text of texts)
      for (const size of [
        { margin: 2, scale: 10 },
        { margin: 2, width: 240 },
        { margin: 1, width: 100 },
      ]) {
        const theirs = PNG.sync.read(
          await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', ...size }),
        );
        const png = qrPng(text, size);
        const ours = PNG.sync.read(png);
        expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
        // Read back as RGBA: grey equals each colour channel, fully opaque.
        expect(ours.data.equals(theirs.data)).toBe(true);
        expect(png.length).toBeLessThan(PNG.sync.write(theirs).length);
      }
  });
});
