import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { addressee, guestInput, inProtocolOrder, moveGuest, nextOrder } from '../../functions/domain/guests';
import {
  checkMaterialFile,
  MAX_MATERIAL_BYTES,
  materialsOpen,
  safeFileName,
} from '../../functions/domain/materials';

const guest = (id: string, order: number, name = id) => ({ id, order, name });

describe('guests: protocol order', () => {
  it('lists by order, whatever order they were read in', () => {
    const read = [guest('c', 3), guest('a', 1), guest('b', 2)];
    expect(inProtocolOrder(read).map((g) => g.id)).toEqual(['a', 'b', 'c']);
    expect(nextOrder(read)).toBe(4);
    expect(nextOrder([])).toBe(1);
  });

  it('moving swaps with the neighbour only, and does nothing at either end', () => {
    const all = [guest('a', 1), guest('b', 2), guest('c', 5)];
    const moves = moveGuest(all, 'c', 'up');
    expect(moves?.map((m) => [m.guest.id, m.to])).toEqual([
      ['c', 2],
      ['b', 5],
    ]);
    expect(moveGuest(all, 'a', 'up')).toEqual([]);
    expect(moveGuest(all, 'c', 'down')).toEqual([]);
    expect(moveGuest(all, 'x', 'down')).toBeNull();
  });
});

describe('guests: validation', () => {
  it('accepts a full guest and refuses blanks and unknown roles', () => {
    const ok = z.safeParse(guestInput, {
      name: '  Dr. Hj. Siti Aminah, M.Si. ',
      position: 'Kepala Dinas',
      institution: 'Dinas Koperasi dan UKM Kabupaten Kotawaringin Timur',
      role: 'narasumber',
    });
    expect(ok.success && ok.data.name).toBe('Dr. Hj. Siti Aminah, M.Si.');
    expect(z.safeParse(guestInput, { name: 'A', position: '', institution: 'x', role: 'raja' }).success).toBe(
      false,
    );
  });

  it('addresses the letter by position and institution without repeating the institution', () => {
    expect(addressee({ position: 'Camat', institution: 'Kecamatan Baamang' })).toBe(
      'Camat Kecamatan Baamang',
    );
    expect(addressee({ position: 'Kepala Dinas Koperasi', institution: 'Dinas Koperasi' })).toBe(
      'Kepala Dinas Koperasi',
    );
  });
});

describe('materials: what may be uploaded', () => {
  it('allows documents and images by extension, up to the size limit', () => {
    expect(checkMaterialFile('Paparan Dinas.PPTX', 1000)).toMatchObject({
      ok: true,
      fileName: 'Paparan_Dinas.PPTX',
    });
    expect(checkMaterialFile('foto.jpg', MAX_MATERIAL_BYTES)).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
    });
    expect(checkMaterialFile('besar.pdf', MAX_MATERIAL_BYTES + 1)).toEqual({
      ok: false,
      code: 'payload_too_large',
    });
    expect(checkMaterialFile('halaman.html', 10)).toEqual({ ok: false, code: 'unsupported_media_type' });
    expect(checkMaterialFile('program.exe', 10)).toEqual({ ok: false, code: 'unsupported_media_type' });
    expect(checkMaterialFile('kosong.pdf', 0)).toEqual({ ok: false, code: 'validation' });
  });

  it('keeps file names safe for headers and disks', () => {
    expect(safeFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeFileName('Materi "Rapat" \r\n.pdf')).toBe('Materi_Rapat_.pdf');
    expect(safeFileName('...')).toBe('materi');
  });

  it('opens materials when the session has ended', () => {
    const event = { endsAt: '2025-10-23T05:00:00.000Z' };
    expect(materialsOpen(event, new Date('2025-10-23T04:59:59Z'))).toBe(false);
    expect(materialsOpen(event, new Date('2025-10-23T05:00:00Z'))).toBe(true);
  });
});
