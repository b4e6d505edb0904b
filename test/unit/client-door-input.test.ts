import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { filterCooperatives } from '../../functions/http/client/cooperative-filter';
import { fill } from '../../functions/http/client/fill';
import { normalize, phoneMatches, searchPeople } from '../../functions/http/client/people-search';
import { CAMERA_REPEAT_MS, createRepeatFilter } from '../../functions/http/client/scan-repeat';
import { isAssetRequest, isOldAssetCache, isPageRequest } from '../../functions/http/client/sw-routes';
import { ticketCodeFrom, ticketHash, unreadableExcerpt } from '../../functions/http/client/ticket-code';

const CODE = '01HZX3K7Q8R9S0T1V2W3X4Y5Z6';

describe('what the door reads', () => {
  it('finds the ticket code in a typed code or a scanned ticket link', () => {
    expect(ticketCodeFrom(CODE.toLowerCase())).toBe(CODE);
    expect(ticketCodeFrom(` https://hadir.example/t/${CODE}?lang=en `)).toBe(CODE);
    expect(ticketCodeFrom('Budi Santoso')).toBeNull();
    expect(ticketCodeFrom(`${CODE.slice(0, 25)}U`)).toBeNull();
  });

  it("hashes a code as the server's roster does", async () => {
    const expected = createHash('sha256').update(CODE).digest('base64url').slice(0, 22);
    expect(await ticketHash(CODE)).toBe(expected);
  });

  it('takes a ticket held in front of the camera as one scan, however long it stays, never ignoring typed input', () => {
    const repeats = createRepeatFilter();
    expect(CAMERA_REPEAT_MS).toBeGreaterThanOrEqual(5000);
    expect(CAMERA_REPEAT_MS).toBeLessThanOrEqual(8000);
    expect(repeats.isRepeat(CODE, true, 0)).toBe(false);
    // Five reads a second for half a minute: the window runs from the last sighting, not the first.
    for (let at = 200; at <= 30_000; at += 200) expect(repeats.isRepeat(CODE, true, at)).toBe(true);
    // Another ticket in between is read at once.
    expect(repeats.isRepeat('OTHER', true, 30_100)).toBe(false);
    // Shown again after a pause longer than the window: a new scan (the server answers "Sudah hadir").
    expect(repeats.isRepeat(CODE, true, 30_000 + CAMERA_REPEAT_MS)).toBe(false);
    expect(repeats.isRepeat(CODE, false, 30_000 + CAMERA_REPEAT_MS + 10)).toBe(false);
    // A typed scan counts as a sighting for the camera.
    expect(repeats.isRepeat(CODE, true, 30_000 + CAMERA_REPEAT_MS + 20)).toBe(true);
  });

  it('still tells repeats among the thousands of tickets of a long door day', () => {
    const repeats = createRepeatFilter(1000);
    for (let i = 0; i < 500; i++) repeats.isRepeat(`CODE-${i}`, true, i * 1000);
    expect(repeats.isRepeat('CODE-499', true, 499_500)).toBe(true);
    expect(repeats.isRepeat('CODE-0', true, 499_600)).toBe(false);
  });

  it('says what a read that is no ticket was, on one short line', () => {
    for (const text of [
      'HELLO-123',
      'https://example.com/promo?x=1',
      'https://hadir.example/t/short',
      `${CODE}X`,
    ]) {
      expect(ticketCodeFrom(text)).toBeNull();
    }
    expect(unreadableExcerpt('  HELLO-123 \n')).toBe('HELLO-123');
    const long = unreadableExcerpt(`https://example.com/${'a'.repeat(100)}`);
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });

  it('searches names without accents and phones by their visible digits', () => {
    const people = [
      { participantId: 'a', name: 'Ané Wijaya', cooperativeName: 'KDMP Sukamaju', status: 'confirmed' },
      { participantId: 'b', name: 'Budi', phoneMasked: '+62812****5678', status: 'confirmed' },
    ];
    expect(normalize('Ané')).toBe('ane');
    expect(searchPeople(people, 'ane suka').map((p) => p.participantId)).toEqual(['a']);
    expect(searchPeople(people, '0812').map((p) => p.participantId)).toEqual(['b']);
    expect(searchPeople(people, '   ')).toEqual([]);
    expect(phoneMatches('+62812****5678', '5678')).toBe(true);
    expect(phoneMatches('+62812****5678', '56')).toBe(false);
    expect(searchPeople(Array(40).fill(people[0]), 'ane')).toHaveLength(25);
  });

  it('filters the cached cooperatives and fills copy templates', () => {
    const cooperatives = [
      { id: '1', name: 'KDMP Sukamaju', villageName: 'Sukamaju', districtName: 'Alas' },
      { id: '2', name: 'KDMP Labuhan', villageName: 'Labuhan', districtName: 'Utan' },
    ];
    expect(filterCooperatives(cooperatives, ' utan ').map((c) => c.id)).toEqual(['2']);
    expect(filterCooperatives(cooperatives, '')).toHaveLength(2);
    expect(fill('{n} scan menunggu{missing}', { n: 3 })).toBe('3 scan menunggu');
  });

  it('lets the service worker cache assets and door pages, never the enrolment link', () => {
    const url = (path: string) => new URL(path, 'https://hadir.example');
    expect(isAssetRequest(url('/assets/checkin.0123456789.js'))).toBe(true);
    expect(isPageRequest(url('/checkin/ev1'), 'navigate')).toBe(true);
    expect(isPageRequest(url('/checkin/ev1/manifest.webmanifest'), 'cors')).toBe(true);
    expect(isPageRequest(url('/checkin/enrol?token=x'), 'navigate')).toBe(false);
    expect(isPageRequest(url('/acara/ev1'), 'navigate')).toBe(false);
    expect(isOldAssetCache('hadir-checkin-assets-old', 'hadir-checkin-assets-new')).toBe(true);
    expect(isOldAssetCache('hadir-checkin-pages', 'hadir-checkin-assets-new')).toBe(false);
  });
});
