import type { Language } from './schemas';

/**
 * The WhatsApp message templates hadir sends, as an operator submits them for approval (Graph API
 * `POST /{waba-id}/message_templates`, see `npm run whatsapp:templates`). Business-initiated messages may only
 * use approved templates, so the wording lives here, not in code that builds free text: the worker fills the
 * named parameters in order ({{1}}, {{2}} …) and the platform renders the approved text.
 *
 * Categories follow Meta's rules as we read them: messages about a registration the person made are UTILITY;
 * messages that invite or promote are MARKETING (priced higher, refusable with the quick reply button). Meta
 * decides the category at review and may re-categorise a template; the bench prices both.
 */
export type TemplateCategory = 'UTILITY' | 'MARKETING';
export type HeaderKind = 'IMAGE' | 'DOCUMENT';

export type TemplateText = {
  body: string;
  footer: string;
  /** A URL button whose link ends in the one variable `{{1}}`; the label is what the person taps. */
  button?: string;
  /** Marketing only: a quick reply that opts the person out. */
  stopButton?: string;
};

export type TemplateDefinition = {
  name: string;
  category: TemplateCategory;
  /** Named parameters of the body, in the order of {{1}}, {{2}} … */
  params: readonly string[];
  header?: HeaderKind;
  /** The button's fixed part, after the public origin; the variable suffix completes it. */
  buttonPath?: string;
  text: Record<Language, TemplateText>;
  /** Sample values Meta's reviewers see (body parameters, then the button suffix). */
  example: { params: readonly string[]; buttonSuffix?: string; header?: string };
};

const FOOTER = { id: 'hadir · Balas BERHENTI untuk berhenti', en: 'hadir · Reply BERHENTI to stop' } as const;
const sample = {
  nama: 'Siti Aminah',
  koperasi: 'Koperasi Desa Merah Putih Pelantaran',
  kegiatan: 'Sosialisasi Koperasi Desa dan Kelurahan Merah Putih',
  waktu: 'Kamis, 23 Oktober 2025 pukul 08.30 WIB',
  tempat: 'Gedung Serbaguna Sampit',
};

const notice = (name: string, id: string, en: string): TemplateDefinition => ({
  name,
  category: 'UTILITY',
  params: ['nama', 'koperasi', 'kegiatan', 'waktu', 'tempat'],
  buttonPath: '/kelola/',
  text: {
    id: { body: id, footer: FOOTER.id, button: 'Kelola pendaftaran' },
    en: { body: en, footer: FOOTER.en, button: 'Manage registration' },
  },
  example: {
    params: [sample.nama, sample.koperasi, sample.kegiatan, sample.waktu, sample.tempat],
    buttonSuffix: '01JB7Y3ZQ8?token=contoh',
  },
});

export const whatsappTemplates = {
  registration_received: notice(
    'hadir_pendaftaran_diterima',
    'Yth. Bapak/Ibu {{1}}, pendaftaran {{2}} untuk {{3}} pada {{4}} di {{5}} telah kami terima. Tiket setiap ' +
      'pengurus kami kirim dalam pesan tersendiri. Ubah atau batalkan pendaftaran melalui tombol di bawah.',
    'Dear {{1}}, we have received the registration of {{2}} for {{3}} on {{4}} at {{5}}. Each officer’s ticket ' +
      'follows in its own message. Change or cancel the registration with the button below.',
  ),
  waitlisted: notice(
    'hadir_daftar_tunggu',
    'Yth. Bapak/Ibu {{1}}, kursi {{3}} pada {{4}} di {{5}} sudah penuh. {{2}} masuk daftar tunggu; kami kabari ' +
      'segera bila ada kursi kosong.',
    'Dear {{1}}, {{3}} on {{4}} at {{5}} is full. {{2}} is on the waiting list; we will tell you as soon as a ' +
      'seat becomes free.',
  ),
  promoted: notice(
    'hadir_dari_daftar_tunggu',
    'Yth. Bapak/Ibu {{1}}, kabar baik: kursi untuk {{2}} pada {{3}}, {{4}} di {{5}} kini tersedia. Tiket ' +
      'setiap pengurus menyusul dalam pesan tersendiri.',
    'Dear {{1}}, good news: seats for {{2}} at {{3}}, {{4}} at {{5}} are now confirmed. Each officer’s ticket ' +
      'follows in its own message.',
  ),
  changed: notice(
    'hadir_pendaftaran_diubah',
    'Yth. Bapak/Ibu {{1}}, pendaftaran {{2}} untuk {{3}} pada {{4}} di {{5}} telah diubah. Tiket pengurus baru ' +
      'menyusul dalam pesan tersendiri.',
    'Dear {{1}}, the registration of {{2}} for {{3}} on {{4}} at {{5}} was changed. Tickets of new officers ' +
      'follow in their own messages.',
  ),
  cancelled: notice(
    'hadir_pendaftaran_dibatalkan',
    'Yth. Bapak/Ibu {{1}}, pendaftaran {{2}} untuk {{3}} pada {{4}} di {{5}} telah dibatalkan dan tiketnya tidak ' +
      'berlaku lagi.',
    'Dear {{1}}, the registration of {{2}} for {{3}} on {{4}} at {{5}} was cancelled; its tickets are no ' +
      'longer valid.',
  ),
  ticket: {
    name: 'hadir_tiket',
    category: 'UTILITY',
    params: ['pengurus', 'jabatan', 'koperasi', 'kegiatan', 'waktu', 'tempat', 'kode'],
    header: 'IMAGE',
    buttonPath: '/t/',
    text: {
      id: {
        body:
          'Tiket {{1}} ({{2}}, {{3}}) untuk {{4}} pada {{5}} di {{6}}. Tunjukkan kode QR di atas kepada petugas ' +
          'di pintu. Kode tiket: {{7}}.',
        footer: FOOTER.id,
        button: 'Buka tiket',
      },
      en: {
        body:
          'Ticket of {{1}} ({{2}}, {{3}}) for {{4}} on {{5}} at {{6}}. Show the QR code above at the door. ' +
          'Ticket code: {{7}}.',
        footer: FOOTER.en,
        button: 'Open ticket',
      },
    },
    example: {
      params: [
        'Rahmat Hidayat',
        'Ketua',
        sample.koperasi,
        sample.kegiatan,
        sample.waktu,
        sample.tempat,
        'K7Q2-M9XA',
      ],
      buttonSuffix: 'K7Q2M9XA',
      header: 'https://hadir.example.go.id/t/K7Q2M9XA/qr.png',
    },
  },
  reminder: notice(
    'hadir_pengingat',
    'Yth. Bapak/Ibu {{1}}, pengingat: pengurus {{2}} terdaftar untuk {{3}} pada {{4}} di {{5}}. Mohon datang ' +
      'tepat waktu dan tunjukkan tiket di pintu; tiket ada di halaman kelola pendaftaran.',
    'Dear {{1}}, a reminder: officers of {{2}} are registered for {{3}} on {{4}} at {{5}}. Please arrive on ' +
      'time and show the tickets at the door; they are on the registration’s manage page.',
  ),
  thanks: {
    name: 'hadir_terima_kasih_sertifikat',
    category: 'UTILITY',
    params: ['pengurus', 'koperasi', 'kegiatan', 'waktu'],
    header: 'DOCUMENT',
    buttonPath: '/t/',
    text: {
      id: {
        body:
          'Terima kasih, Bapak/Ibu {{1}} ({{2}}), telah menghadiri {{3}} pada {{4}}. Sertifikat kehadiran ' +
          'terlampir dan dapat diunduh kembali melalui tombol di bawah.',
        footer: FOOTER.id,
        button: 'Unduh sertifikat',
      },
      en: {
        body:
          'Thank you, {{1}} ({{2}}), for attending {{3}} on {{4}}. Your certificate of attendance is attached and ' +
          'can be downloaded again with the button below.',
        footer: FOOTER.en,
        button: 'Download certificate',
      },
    },
    example: {
      params: ['Rahmat Hidayat', sample.koperasi, sample.kegiatan, sample.waktu],
      buttonSuffix: 'K7Q2M9XA/sertifikat.pdf',
      header: 'https://hadir.example.go.id/t/K7Q2M9XA/sertifikat.pdf',
    },
  },
  absentee_materials: {
    name: 'hadir_materi_kegiatan',
    category: 'UTILITY',
    params: ['nama', 'koperasi', 'kegiatan', 'waktu', 'materi'],
    buttonPath: '/kelola/',
    text: {
      id: {
        body: 'Yth. Bapak/Ibu {{1}}, pengurus {{2}} berhalangan hadir pada {{3}}, {{4}}. Materi kegiatan: {{5}}.',
        footer: FOOTER.id,
        button: 'Kelola pendaftaran',
      },
      en: {
        body: 'Dear {{1}}, officers of {{2}} could not attend {{3}}, {{4}}. The session’s materials: {{5}}.',
        footer: FOOTER.en,
        button: 'Manage registration',
      },
    },
    example: {
      params: [
        sample.nama,
        sample.koperasi,
        sample.kegiatan,
        sample.waktu,
        'https://hadir.example.go.id/materi.pdf',
      ],
      buttonSuffix: '01JB7Y3ZQ8?token=contoh',
    },
  },
} as const satisfies Record<string, TemplateDefinition>;

export type WhatsAppKind = keyof typeof whatsappTemplates;
export const isWhatsAppKind = (kind: string): kind is WhatsAppKind => kind in whatsappTemplates;

/** What the worker sends: the Cloud API's `template` object, plus the text a person reads (local preview, logs). */
export type TemplateMessage = {
  name: string;
  language: 'id' | 'en_US';
  components: TemplateComponent[];
};
export type TemplateComponent =
  | { type: 'header'; parameters: [HeaderParameter] }
  | { type: 'body'; parameters: { type: 'text'; text: string }[] }
  | { type: 'button'; sub_type: 'url'; index: '0'; parameters: [{ type: 'text'; text: string }] };
type HeaderParameter =
  | { type: 'image'; image: { link: string } }
  | { type: 'document'; document: { link: string; filename: string } };

export type FilledTemplate = {
  kind: WhatsAppKind;
  category: TemplateCategory;
  template: TemplateMessage;
  /** The message as the person will read it (the approved text with the parameters in place). */
  preview: {
    header?: { kind: HeaderKind; link: string };
    body: string;
    footer: string;
    button?: { label: string; url: string };
  };
};

export const templateLanguage = (language: Language) => (language === 'en' ? 'en_US' : 'id');

/**
 * The platform refuses parameters with line breaks, tabs or more than four spaces in a row, and long ones are
 * cut (1024 characters for the whole body): names and titles are flattened and bounded here.
 */
export const parameterText = (value: string, max = 200) => {
  const flat = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat || '-';
};

const origin = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

export function fillTemplate(
  kind: WhatsAppKind,
  language: Language,
  values: Record<string, string>,
  options: { baseUrl: string; buttonSuffix?: string; header?: { link: string; filename?: string } },
): FilledTemplate {
  const definition: TemplateDefinition = whatsappTemplates[kind];
  const text = definition.text[language];
  const params = definition.params.map((name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template ${definition.name} needs ${name}`);
    return parameterText(value);
  });
  const components: TemplateComponent[] = [];
  let header: FilledTemplate['preview']['header'];
  if (definition.header) {
    if (!options.header) throw new Error(`template ${definition.name} needs a header`);
    header = { kind: definition.header, link: options.header.link };
    components.push({
      type: 'header',
      parameters: [
        definition.header === 'IMAGE'
          ? { type: 'image', image: { link: options.header.link } }
          : {
              type: 'document',
              document: { link: options.header.link, filename: options.header.filename ?? 'sertifikat.pdf' },
            },
      ],
    });
  }
  components.push({ type: 'body', parameters: params.map((value) => ({ type: 'text', text: value })) });
  let button: FilledTemplate['preview']['button'];
  if (definition.buttonPath && text.button) {
    if (options.buttonSuffix === undefined) throw new Error(`template ${definition.name} needs its button`);
    button = {
      label: text.button,
      url: `${origin(options.baseUrl)}${definition.buttonPath}${options.buttonSuffix}`,
    };
    components.push({
      type: 'button',
      sub_type: 'url',
      index: '0',
      parameters: [{ type: 'text', text: options.buttonSuffix }],
    });
  }
  const body = text.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => params[Number(n) - 1] ?? '');
  return {
    kind,
    category: definition.category,
    template: { name: definition.name, language: templateLanguage(language), components },
    preview: { header, body, footer: text.footer, button },
  };
}

/**
 * The templates as an operator submits them to Meta (one request per template and language), with the public
 * origin the buttons open. Reviewers need examples for every variable.
 */
export function templateSubmissions(baseUrl: string) {
  return Object.values(whatsappTemplates as Record<string, TemplateDefinition>).flatMap((definition) =>
    (['id', 'en'] as const).map((language) => {
      const text = definition.text[language];
      const components: Record<string, unknown>[] = [];
      if (definition.header)
        components.push({
          type: 'HEADER',
          format: definition.header,
          example: { header_handle: [definition.example.header ?? ''] },
        });
      components.push({ type: 'BODY', text: text.body, example: { body_text: [definition.example.params] } });
      components.push({ type: 'FOOTER', text: text.footer });
      const buttons: Record<string, unknown>[] = [];
      if (definition.buttonPath && text.button)
        buttons.push({
          type: 'URL',
          text: text.button,
          url: `${origin(baseUrl)}${definition.buttonPath}{{1}}`,
          example: [`${origin(baseUrl)}${definition.buttonPath}${definition.example.buttonSuffix ?? ''}`],
        });
      if (definition.category === 'MARKETING')
        buttons.push({ type: 'QUICK_REPLY', text: language === 'id' ? 'BERHENTI' : 'Stop' });
      if (buttons.length) components.push({ type: 'BUTTONS', buttons });
      return {
        name: definition.name,
        language: templateLanguage(language),
        category: definition.category,
        parameter_format: 'POSITIONAL',
        components,
      };
    }),
  );
}
