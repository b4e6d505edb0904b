import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ticketQrPng } from '../../emails/ticket-qr';
import { decodeQrPng } from '../helpers/qr';

describe('ticketQrPng', () => {
  it('encodes the ticket URL so a phone camera or the door scanner reads it back', async () => {
    const url = 'https://hadir.kotimkab.go.id/t/7K3M9Q2XHT5RVB8N4WJ6CPZD1A';
    const png = await ticketQrPng(url);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const image = PNG.sync.read(png);
    // Large enough to stay sharp in the 200 px email slot on a 1.5x phone screen.
    expect(image.width).toBeGreaterThanOrEqual(300);
    expect(decodeQrPng(png)).toBe(url);
  });
});
