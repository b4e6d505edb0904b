import { beforeAll, describe, expect, it } from 'vitest';
import { importContacts } from '../../functions/outreach/contacts-import';
import { sniffDelimiter } from '../../functions/outreach/csv-rows';
import { createRegistrationService } from '../../functions/services/registrations';
import { ORG } from '../admin/helpers';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { seedOutreachWorld } from './world';

let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
beforeAll(async () => {
  world = await seedOutreachWorld();
});

/** What a Dinas spreadsheet looks like: names repeat across kecamatan, typos, 08… phones, a formula. */
const dinasCsv = [
  'Kode Desa,Nama Desa,Kecamatan,Nama Ketua,No HP,Email,BA Email',
  '62.02.05.1001,Baamang Hilir,Baamang,Budi Santoso,0812 3456 7890,budi@example.org,ba.satu@example.go.id',
  ',Sumber Makmur,Telawang,Siti Aminah,0813-1111-2222,,',
  ',Sumber Makmur,,Rudi Hartono,081311113333,,',
  ',Baamang Tenga,Baamang,Ahmad Yani,081311114444,,',
  ',"KOPERASI DESA MERAH PUTIH TINDUK",Kec. Baamang,"=HYPERLINK(""http://evil.example"",""klik"")",+62 813 1111 5555,,',
  '6202011009,,,Rina Wati,6281311116666,rina@example.org,',
  '',
].join('\r\n');

describe('contact import (pure)', () => {
  it('applies exact matches, holds repeated names and typos for review, and neutralises formulas', async () => {
    const result = await importContacts(dinasCsv, world.directory);
    expect(result.errors).toEqual([]);
    expect(result.matched.map((r) => [r.line, r.cooperativeId])).toEqual([
      [2, '62.02.05.1001'],
      [3, '62.02.14.2003'], // Sumber Makmur in Telawang: the kecamatan decides
      [6, '62.02.05.2006'], // cooperative name with prefix, "Kec." prefix
      [7, '62.02.01.1009'], // code without dots
    ]);
    const budi = result.matched[0]?.contact;
    expect(budi).toEqual({
      name: 'Budi Santoso',
      phone: '+6281234567890',
      email: 'budi@example.org',
      baEmail: 'ba.satu@example.go.id',
    });
    expect(result.matched[1]?.contact.phone).toBe('+6281311112222');
    expect(result.matched[3]?.contact.phone).toBe('+6281311116666');
    // The formula is stored as text, and reported.
    expect(result.matched[2]?.contact.name?.startsWith("'=HYPERLINK")).toBe(true);
    expect(result.warnings.map((w) => w.line)).toEqual([6]);
    // Never guessed: the name without kecamatan (three villages) and the typo wait for a person.
    expect(result.review.map((r) => [r.line, r.reason])).toEqual([
      [4, 'ambiguous'],
      [5, 'no_match'],
    ]);
    expect(result.review[0]?.candidates.map((c) => c.id).sort()).toEqual([
      '62.02.04.2009',
      '62.02.07.2006',
      '62.02.14.2003',
    ]);
    expect(result.review[1]?.candidates.map((c) => c.id)).toContain('62.02.05.1002');
  });

  it('reports bad rows with their line numbers', async () => {
    const csv = [
      'kode desa,nama ketua,no hp,email',
      '62.02.05.1001,Budi,0812 3456 7890,',
      '62.02.99.9999,Siti,0812 3456 7891,',
      '62.02.05.1002,Rudi,12345,',
      '62.02.05.1003,Ani,0812 3456 7892,bukan-email',
      '62.02.05.1001,Budi lagi,0812 3456 7893,',
    ].join('\n');
    const result = await importContacts(csv, world.directory);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(result.errors[0]?.message).toContain('62.02.99.9999');
    expect(result.errors[1]?.message).toContain('nomor HP');
    expect(result.errors[2]?.message).toContain('email');
    expect(result.errors[3]?.message).toContain('baris 2');
  });

  it("reads Excel's semicolon CSV (Indonesian locale) and a comma CSV alike: BOM, quotes, delimiters inside quotes", async () => {
    const rows = [
      ['Kode Desa', 'Nama Ketua', 'No HP', 'Email'],
      ['62.02.05.1001', 'Santoso, Budi; S.E.', '0812 3456 7890', 'budi@example.org'],
      ['62.02.05.1002', 'Siti "Ani" Aminah', '0813-1111-2222', ''],
    ];
    const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    for (const [delimiter, newline] of [
      [';', '\r\n'],
      [',', '\n'],
    ] as const) {
      const csv = `\uFEFF${rows.map((row) => row.map(quote).join(delimiter)).join(newline)}${newline}`;
      const result = await importContacts(csv, world.directory);
      expect(result.errors, delimiter).toEqual([]);
      expect(result.matched.map((r) => [r.line, r.cooperativeId, r.contact.name, r.contact.phone])).toEqual([
        [2, '62.02.05.1001', 'Santoso, Budi; S.E.', '+6281234567890'],
        [3, '62.02.05.1002', 'Siti "Ani" Aminah', '+6281311112222'],
      ]);
    }
    expect(sniffDelimiter('Kode Desa;Nama Ketua;"No HP, WA"\r\n1;2;3')).toBe(';');
    expect(sniffDelimiter('\uFEFFKode Desa,"Nama; Ketua",No HP')).toBe(',');
    expect(sniffDelimiter('Kode Desa\tNama Ketua\tNo HP')).toBe('\t');
  });

  it('refuses a file without the columns it needs', async () => {
    const result = await importContacts('Nama Ketua,No HP\r\nBudi,0812 3456 7890\r\n', world.directory);
    expect(result.errors).toEqual([{ line: 1, message: expect.stringContaining('kode desa') }]);
    expect(
      (await importContacts('Kode Desa,Kecamatan\r\n62.02.05.1001,Baamang\r\n', world.directory)).errors[0]
        ?.line,
    ).toBe(1);
  });
});

describe('contact import (service)', () => {
  it('writes nothing while any row is wrong, then the exact matches once fixed, with an audit entry', async () => {
    const broken = `${dinasCsv}62.02.05.1003,Tanah Mas,Baamang,Ani,0812,,\r\n`;
    const refused = await world.outreach.importCsv(world.organizer, world.event.id, broken, { apply: true });
    expect(refused.applied).toBe(0);
    expect(refused.errors.map((e) => e.line)).toEqual([8]);
    expect(await world.store.contacts.listByRegency(ORG.id, '62.02')).toEqual([]);

    const applied = await world.outreach.importCsv(world.organizer, world.event.id, dinasCsv, {
      apply: true,
    });
    expect(applied.applied).toBe(4);
    const stored = await world.store.contacts.listByRegency(ORG.id, '62.02');
    expect(stored.map((c) => c.cooperativeId).sort()).toEqual([
      '62.02.01.1009',
      '62.02.05.1001',
      '62.02.05.2006',
      '62.02.14.2003',
    ]);
    const { entries } = await world.store.audit.list({});
    expect(entries.some((e) => e.action === 'contacts.imported')).toBe(true);
  });

  it('resolves a review row by hand and audits the change', async () => {
    await world.outreach.updateContact(world.organizer, world.event.id, '62.02.05.1002', {
      name: 'Ahmad Yani',
      phone: '0813 1111 4444',
    });
    expect(await world.store.contacts.get(ORG.id, '62.02.05.1002')).toMatchObject({
      name: 'Ahmad Yani',
      phone: '+6281311114444',
      source: 'manual',
    });
    const { entries } = await world.store.audit.list({});
    expect(entries.find((e) => e.action === 'contact.updated')).toMatchObject({
      targetType: 'cooperative',
      targetId: '62.02.05.1002',
    });
    await expect(
      world.outreach.updateContact(world.organizer, world.event.id, '62.02.05.1002', { phone: '12' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});

it('keeps a registration contact for later invitations only with its own, separate consent', async () => {
  const store = await createTestStore();
  await seedKotim(store);
  // The contact is kept for the organisation the consent was given to: the session's.
  const event = makeEvent({ organisationId: ORG.id });
  await store.events.put(event);
  const service = createRegistrationService(store);
  const kept = await service.register(
    event.id,
    { ...registrationBody('62.02.06.2005', 1, 801), keepContact: true },
    { language: 'id' },
  );
  await service.register(event.id, registrationBody('62.02.01.1009', 1, 802), { language: 'id' });
  const contact = await store.contacts.get(ORG.id, '62.02.06.2005');
  expect(contact).toMatchObject({
    source: 'registration',
    phone: kept.registration.contact.phone,
    name: 'Siti Aminah',
  });
  expect(await store.contacts.get(ORG.id, '62.02.01.1009')).toBeUndefined();
  const stored = await store.registrations.get(kept.registration.id);
  expect(stored?.contactConsent?.text).toMatch(/undangan kegiatan berikutnya/);
});
