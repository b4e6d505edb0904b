import { describe, expect, it } from 'vitest';
import { channelsFor, isStartReply, isStopReply } from '../../functions/domain/channels';
import {
  fillTemplate,
  parameterText,
  templateSubmissions,
  whatsappTemplates,
} from '../../functions/domain/whatsapp-templates';

describe('WhatsApp templates', () => {
  it('every template uses exactly its named parameters, in both languages, within the platform limits', () => {
    for (const template of Object.values(whatsappTemplates)) {
      for (const language of ['id', 'en'] as const) {
        const text = template.text[language];
        const used = new Set([...text.body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));
        expect([...used].sort((a, b) => a - b)).toEqual(template.params.map((_, i) => i + 1));
        expect(text.body.length).toBeLessThanOrEqual(1024);
        expect(text.footer.length).toBeLessThanOrEqual(60);
        if (text.button) expect(text.button.length).toBeLessThanOrEqual(25);
      }
      expect(template.example.params).toHaveLength(template.params.length);
      expect(template.name).toMatch(/^[a-z0-9_]{1,512}$/);
    }
  });

  it('the submissions are what the Graph API takes, one per template and language', () => {
    const all = templateSubmissions('https://hadir.kotimkab.go.id/');
    expect(all).toHaveLength(Object.keys(whatsappTemplates).length * 2);
    const ticket = all.find((t) => t.name === 'hadir_tiket' && t.language === 'id');
    expect(ticket).toMatchObject({ category: 'UTILITY', parameter_format: 'POSITIONAL' });
    expect(JSON.stringify(ticket?.components)).toContain('https://hadir.kotimkab.go.id/t/{{1}}');
    expect(ticket?.components[0]).toMatchObject({ type: 'HEADER', format: 'IMAGE' });
  });

  it('fills parameters flat: no line breaks, tabs or runs of spaces, bounded length', () => {
    expect(parameterText('Koperasi\n\tDesa    Merah  Putih')).toBe('Koperasi Desa Merah Putih');
    expect(parameterText('x'.repeat(300))).toHaveLength(200);
    const filled = fillTemplate(
      'cancelled',
      'en',
      { nama: 'Siti', koperasi: 'KDMP', kegiatan: 'Sosialisasi', waktu: 'Thursday', tempat: 'Sampit' },
      { baseUrl: 'https://hadir.test/', buttonSuffix: 'r1?token=t' },
    );
    expect(filled.template.language).toBe('en_US');
    expect(filled.preview.body).toContain('Dear Siti, the registration of KDMP');
    expect(filled.preview.button?.url).toBe('https://hadir.test/kelola/r1?token=t');
  });
});

describe('channel choice', () => {
  it('WhatsApp needs the consent and a number; email follows the address and the organizer setting', () => {
    const both = { phone: '+6281', email: 'a@b.id', whatsappConsent: {} };
    expect(channelsFor(both)).toEqual({ whatsapp: true, email: true, fallbackEmail: false });
    expect(channelsFor(both, 'whatsapp_first')).toEqual({
      whatsapp: true,
      email: false,
      fallbackEmail: true,
    });
    expect(channelsFor({ phone: '+6281', email: 'a@b.id' })).toEqual({
      whatsapp: false,
      email: true,
      fallbackEmail: false,
    });
    expect(channelsFor({ phone: '+6281', whatsappConsent: {} }, 'whatsapp_first')).toEqual({
      whatsapp: true,
      email: false,
      fallbackEmail: false,
    });
  });

  it('reads BERHENTI and its variants as a stop, MULAI as a restart, and nothing else', () => {
    for (const text of ['BERHENTI', 'berhenti', ' Berhenti! ', 'STOP', 'stop.'])
      expect(isStopReply(text)).toBe(true);
    for (const text of ['Terima kasih', 'berhenti dulu ya pak, besok lanjut', ''])
      expect(isStopReply(text)).toBe(false);
    expect(isStartReply('Mulai')).toBe(true);
  });
});
