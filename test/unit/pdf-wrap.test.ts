import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedFonts, type PdfFonts } from '../../functions/reports/pdf-fonts';
import { textWidth, wrap } from '../../functions/reports/pdf-kit';

/**
 * wrap() adds up the widths of words and spaces instead of laying out each candidate line. Checked here against
 * pdf-lib laying out the whole line: every line fits, and no line could have taken the next word.
 */
const TEXTS = [
  'Koperasi Desa Merah Putih Pelangsian, Kecamatan Mentawa Baru Ketapang, Kabupaten Kotawaringin Timur',
  'Dr. Ir. H. Muhammad Ḥabībullāh Łukasz Nguyễn Đức Thắng, S.E., M.Si. – Wakil Ketua № 2 “Ibu Ani” fi ffl',
  'sekretariat.koperasi.desa.merah.putih.pelangsian@dinaskoperasi.kotawaringintimurkab.go.id dan lainnya',
];

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await embedFonts(await PDFDocument.create());
});

describe('wrap', () => {
  it('gives the lines a layout of each whole line gives: each fits, and none could take the next word', () => {
    let checked = 0;
    for (const font of [fonts.regular, fonts.bold])
      for (const text of TEXTS)
        for (const size of [7, 9, 10.5, 14])
          for (const width of [60, 150, 400]) {
            const lines = wrap(text, font, size, width);
            expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
            for (const line of lines) expect(font.widthOfTextAtSize(line, size)).toBeLessThanOrEqual(width);
            // Where a word is wider than the line it is split, and the split is not word by word.
            const splits = text.split(' ').some((word) => font.widthOfTextAtSize(word, size) > width);
            if (splits) continue;
            lines.slice(0, -1).forEach((line, index) => {
              const next = lines[index + 1]?.split(' ')[0];
              expect(font.widthOfTextAtSize(`${line} ${next}`, size)).toBeGreaterThan(width);
              checked++;
            });
          }
    expect(checked).toBeGreaterThan(100);
  });

  it('measures a text as pdf-lib does, at any size', () => {
    for (const text of TEXTS)
      for (const size of [6, 11, 23.5])
        expect(textWidth(fonts.regular, text, size)).toBeCloseTo(
          fonts.regular.widthOfTextAtSize(text, size),
          9,
        );
  });
});
