import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatTimeRange,
  fromLocalDateTime,
  toZonedIso,
  zoneChoiceLabel,
} from '../../functions/domain/time';
import { nextThursdayAtLeastAWeekAhead } from '../../functions/local/seed';

it('formats the Kotim briefing the way a Dinas letter does', () => {
  expect(formatDateTime('2025-10-23T08:30:00+07:00', 'Asia/Pontianak')).toBe(
    'Kamis, 23 Oktober 2025 pukul 08.30 WIB',
  );
  expect(formatDateTime('2025-10-23T01:30:00Z', 'Asia/Jakarta', 'en')).toBe(
    'Thursday, 23 October 2025 at 08:30 WIB',
  );
  expect(formatTimeRange('2025-10-23T08:30:00+07:00', '2025-10-23T12:00:00+07:00', 'Asia/Jakarta')).toBe(
    'Kamis, 23 Oktober 2025, 08.30–12.00 WIB',
  );
});

it('names the other Indonesian zones', () => {
  expect(formatDateTime('2025-10-23T08:30:00+08:00', 'Asia/Makassar')).toMatch(/08\.30 WITA$/);
  expect(formatDateTime('2025-10-23T08:30:00+09:00', 'Asia/Jayapura')).toMatch(/08\.30 WIT$/);
});

it('converts wall time in any IANA zone to ISO with offset and back', () => {
  expect(fromLocalDateTime('2025-10-23T08:30', 'Asia/Pontianak')).toBe('2025-10-23T08:30:00+07:00');
  expect(fromLocalDateTime('2025-07-01T09:00', 'Europe/Berlin')).toBe('2025-07-01T09:00:00+02:00');
  expect(toZonedIso(new Date('2025-10-23T01:30:00Z'), 'Asia/Jakarta')).toBe('2025-10-23T08:30:00+07:00');
});

it('seeds the session on the Thursday at least a week ahead', () => {
  expect(nextThursdayAtLeastAWeekAhead(new Date('2025-10-16T03:00:00Z'))).toBe('2025-10-23'); // a Thursday
  expect(nextThursdayAtLeastAWeekAhead(new Date('2025-10-17T03:00:00Z'))).toBe('2025-10-30');
  // Late Wednesday evening UTC is already Thursday morning in WIB.
  expect(nextThursdayAtLeastAWeekAhead(new Date('2025-10-15T18:00:00Z'))).toBe('2025-10-23');
});

describe('zone names in forms', () => {
  it('shows WIB, WITA and WIT with the city, never the IANA name', () => {
    expect(zoneChoiceLabel('Asia/Pontianak')).toBe('WIB (Pontianak)');
    expect(zoneChoiceLabel('Asia/Jakarta')).toBe('WIB (Jakarta)');
    expect(zoneChoiceLabel('Asia/Makassar')).toBe('WITA (Makassar)');
    expect(zoneChoiceLabel('Asia/Jayapura')).toBe('WIT (Jayapura)');
    expect(zoneChoiceLabel('Asia/Makassar', 'en')).toBe('WITA (Makassar, Central Indonesia Time)');
  });
});
