import { describe, expect, it } from 'vitest';
import { maskPhone, normalizeIndonesianPhone, whatsAppLink } from '../../functions/domain/phone';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['(0812) 3456 789', '+628123456789'],
  ])('stores %s as %s', (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each(['12345', '0212345678', '+1 202 555 0100', '0812', '08123456789012345', 'abc', ''])(
    'refuses %s',
    (input) => {
      expect(normalizeIndonesianPhone(input)).toBeNull();
    },
  );
});

it('masks a phone for scanner lists', () => {
  expect(maskPhone('+6281234567789')).toBe('+62 812-****-789');
});

it('builds wa.me links with the text URL-encoded', () => {
  expect(whatsAppLink('Tiket & info #1 😀', '+6281234567890')).toBe(
    'https://wa.me/6281234567890?text=Tiket%20%26%20info%20%231%20%F0%9F%98%80',
  );
});
