import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  type Cell,
  csvField,
  csvStream,
  neutraliseFormula,
  parseCsv,
} from '../../functions/reports/csv';
import { embedFonts } from '../../functions/reports/pdf-fonts';
import { printable } from '../../functions/reports/pdf-kit';
import { xlsxStream } from '../../functions/reports/xlsx';

const read = async (stream: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(stream).arrayBuffer());

const awkward = [
  'Siti, S.E.',
  'Ahmad "Acong" Hidayat',
  'Baris satu\nbaris dua',
  'Carriage\r\nreturn',
  "O'Neil",
  '  spasi di depan',
  '',
];

describe('CSV writer', () => {
  it('follows RFC 4180: CRLF records, quoted fields with doubled quotes, and round-trips awkward names', async () => {
    const rows: Cell[][] = awkward.map((name, i) => [i + 1, name, 'Koperasi Desa Merah Putih']);
    const text = (await read(csvStream(['No', 'Nama', 'Koperasi'], rows))).toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Siti, S.E."');
    expect(text).toContain('"Ahmad ""Acong"" Hidayat"');
    expect(text).toContain('"Baris satu\nbaris dua"');
    // Outside quoted fields, every line break is CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.match(/\n/g)?.length).toBe(awkward.length + 1);
    expect(unquoted.match(/\r\n/g)?.length).toBe(awkward.length + 1);
    const parsed = parseCsv(text);
    expect(parsed).toHaveLength(awkward.length + 1);
    expect(parsed[0]).toEqual(['No', 'Nama', 'Koperasi']);
    expect(parsed.slice(1).map((record) => record[1])).toEqual(awkward);
    expect(parsed.every((record) => record.length === 3)).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as a formula (= + - @ tab CR), not numbers', () => {
    for (const evil of ['=HYPERLINK("http://x","klik")', '+6281234', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(evil)).toBe(`'${evil}`);
      expect(parseCsv(`${csvField(evil)}\r\n`)[0]?.[0]?.startsWith("'")).toBe(true);
    }
    expect(csvField('Budi')).toBe('Budi');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('0812-3456-7890')).toBe('0812-3456-7890');
    expect(csvField(true)).toBe('Ya');
  });

  it('streams 50,000 rows, pulling them only as the reader asks', async () => {
    let produced = 0;
    function* rows() {
      for (let i = 1; i <= 50_000; i++) {
        produced++;
        yield [i, `Pengurus ${i}`, 'Koperasi Desa Merah Putih Sumber Makmur', '2025-10-23 08:30:00'];
      }
    }
    const stream = csvStream(['No', 'Nama', 'Koperasi', 'Waktu Hadir (WIB)'], rows());
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let records = 0;
    let tail = '';
    const count = (value: Uint8Array) => {
      const text = tail + decoder.decode(value, { stream: true });
      records += text.split('\r\n').length - 1;
      tail = text.slice(text.lastIndexOf('\r\n') + 2);
    };
    const first = await reader.read();
    expect(produced).toBeLessThan(2_000); // one chunk was built, not the file
    count(first.value as Uint8Array);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count(value);
    }
    expect(produced).toBe(50_000);
    expect(records).toBe(50_001); // header + rows
    expect(tail).toBe('');
  });
});

describe('XLSX writer', () => {
  it('writes 50,000 rows that exceljs reads back, with text kept as text', async () => {
    function* rows(): Generator<Cell[]> {
      yield [1, '=HYPERLINK("http://x")', new Date('2025-10-23T08:30:00Z')];
      for (let i = 2; i <= 50_000; i++) yield [i, `Pengurus ${i}`, new Date('2025-10-23T08:31:00Z')];
    }
    const buffer = await read(
      xlsxStream(
        'Peserta',
        [
          { header: 'No', kind: 'number' },
          { header: 'Nama' },
          { header: 'Waktu Hadir (WIB)', kind: 'datetime' },
        ],
        rows(),
      ),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Peserta') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(50_001);
    expect(sheet.getRow(1).values).toEqual([undefined, 'No', 'Nama', 'Waktu Hadir (WIB)']);
    const evil = sheet.getRow(2).getCell(2);
    expect(evil?.type).toBe(ExcelJS.ValueType.String);
    expect(evil?.formula).toBeUndefined();
    expect(sheet.getRow(50_001).getCell(2).value).toBe('Pengurus 50000');
    expect((sheet.getRow(2).getCell(3).value as Date).toISOString()).toBe('2025-10-23T08:30:00.000Z');
  }, 60_000);
});

describe('PDF text', () => {
  it('prints names with the embedded font, keeping their letters; what the font lacks shows as "?"', async () => {
    const doc = await PDFDocument.create();
    const { regular } = await embedFonts(doc);
    const names = [
      'Çağrı Ṣalāḥ',
      'Nguyễn Văn Ấn',
      'Budi 🙏 Santoso',
      'ꦧꦸꦢꦶ',
      'A\u200dB',
      'Zoë – “Ibu”',
      'Łukasz',
    ];
    for (const name of names) expect(() => regular.encodeText(printable(name, regular))).not.toThrow();
    expect(printable('Çağrı Ṣalāḥ', regular)).toBe('Çağrı Ṣalāḥ');
    expect(printable('Nguyễn Văn Ấn', regular)).toBe('Nguyễn Văn Ấn');
    expect(printable('Łukasz № 2 – € ✓', regular)).toBe('Łukasz № 2 – € ✓');
    expect(printable('Budi 🙏 Santoso', regular)).toBe('Budi ? Santoso');
    expect(printable('A\u200dB', regular)).toBe('AB');
    expect(printable('ꦧꦸꦢꦶ', regular)).toBe('????');
    // A name typed with a combining accent prints as the composed letter.
    expect(printable('Zoe\u0308', regular)).toBe('Zoë');
  });
});
