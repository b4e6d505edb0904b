import type { Context } from 'hono';
import { type InvitationChannel, invitationChannels } from '../../db/invitations-repo';
import type { User } from '../../domain/accounts';
import { DomainError } from '../../domain/errors';
import { formatPhoneLocal } from '../../domain/phone';
import { sessionFull } from '../../domain/seats';
import { cooperativeStatusLabel } from '../../domain/statuses';
import { formatDateTime } from '../../domain/time';
import type { ContactImport, ReviewRow } from '../../outreach/contacts-import';
import { isXlsx, xlsxRows } from '../../outreach/xlsx-rows';
import {
  createOutreachService,
  type OutreachRow,
  type OutreachService,
  type OutreachState,
  outreachStates,
} from '../../services/outreach';
import { consoleFactory } from '../console/kit';
import { assertFormToken, requireUser } from '../console-login';
import type { ConsoleEnv, ConsoleServices } from '../context';
import { describeRoute } from '../describe-route';

import { baseUrlOf } from '../page-context';
import { ConsoleLayout, Csrf } from '../pages/admin/layout';
import { readForm, readJson } from '../request';

/**
 * Outreach before a session: the console's invitation pages under /admin/acara/:eventId/undangan and
 * their JSON API under /api/admin/events/:eventId/outreach. One Hono with full paths, mounted once.
 */
const built = new WeakMap<ConsoleServices, OutreachService>();
function outreach(c: Context<ConsoleEnv>): OutreachService {
  const app = c.get('services');
  let found = built.get(app);
  if (!found) {
    found = createOutreachService(app.store, app.clock);
    built.set(app, found);
  }
  return found;
}
const me = (c: Context<ConsoleEnv>) => c.get('user') as User;
const eventIdOf = (c: Context<ConsoleEnv>) => c.req.param('eventId') ?? '';
const base = (c: Context<ConsoleEnv>) => `/admin/acara/${eventIdOf(c)}/undangan`;

const stateLabels = Object.fromEntries(
  outreachStates.map((state) => [state, cooperativeStatusLabel(state)]),
) as Record<OutreachState, string>;
const channelLabels: Record<InvitationChannel, string> = {
  email: 'Email',
  whatsapp: 'WhatsApp',
  letter: 'Surat',
};

const signedIn = async (c: Context<ConsoleEnv>, next: () => Promise<void>) => {
  if (!c.get('user')) {
    if (c.req.method === 'GET') return c.redirect('/masuk', 303);
    throw new DomainError('unauthorized');
  }
  c.header('Cache-Control', 'no-store');
  await next();
};

async function postedForm(c: Context<ConsoleEnv>) {
  const form = await readForm(c);
  assertFormToken(c, form);
  return form;
}

const str = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === 'string' ? (form[name] as string) : '';

function pdfResponse(c: Context<ConsoleEnv>, pdf: Uint8Array, filename: string) {
  c.header('Content-Disposition', `inline; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
}

function Sent({ row }: { row: OutreachRow }) {
  const sent = invitationChannels.filter(
    (channel) =>
      row.invitation[({ email: 'emailedAt', whatsapp: 'whatsappAt', letter: 'letterAt' } as const)[channel]],
  );
  return <span class="muted">{sent.map((channel) => channelLabels[channel]).join(', ')}</span>;
}

async function listPage(c: Context<ConsoleEnv>, notice?: string, error?: string) {
  const filters = {
    district: c.req.query('district') || undefined,
    ba: c.req.query('ba') || undefined,
    state: c.req.query('state') || undefined,
  };
  const data = await outreach(c).overview(me(c), eventIdOf(c), baseUrlOf(c), filters);
  const { event, rows, counts, districts, assistants } = data;
  const csrf = c.get('csrfToken');
  const href = base(c);
  const organizer = me(c).role !== 'business_assistant';
  return c.render(
    <ConsoleLayout
      title={`Undangan: ${event.title}`}
      language={c.get('language')}
      user={me(c)}
      csrfToken={csrf}
      notice={notice ?? (c.req.query('ok') ? 'Tersimpan.' : undefined)}
      error={error}
    >
      <p>
        <a href={`/admin/acara/${event.id}`}>Kembali ke sesi</a>
      </p>
      <h1>{`Undangan: ${event.title}`}</h1>
      <p class="muted">{formatDateTime(event.startsAt, event.timeZone)}</p>
      {sessionFull(event) ? (
        <div class="alert warn" role="status" data-full>
          {`Sesi ini sudah penuh: ${event.capacity} kursi terisi. Koperasi yang mendaftar dari undangan sekarang masuk daftar tunggu. Tambah kapasitas atau buka sesi lain sebelum mengundang lagi.`}
        </div>
      ) : null}
      <p data-counts>
        {outreachStates.map((state) => (
          <span>{`${stateLabels[state]}: ${counts[state]} · `}</span>
        ))}
      </p>
      {organizer ? (
        <div class="actions">
          <a href={`${href}/surat.pdf`}>Cetak semua surat undangan (PDF)</a>
          {' · '}
          <a href={`${href}/kontak`}>Kontak koperasi (impor CSV)</a>
          <form method="post" action={`${href}/wajib`}>
            <Csrf token={csrf} />
            <input type="hidden" name="required" value={event.requireInvitation ? '0' : '1'} />
            <button type="submit" class="secondary">
              {event.requireInvitation
                ? 'Izinkan pendaftaran tanpa tautan undangan'
                : 'Wajibkan tautan undangan pribadi untuk mendaftar'}
            </button>
          </form>
          <form method="post" action={`${href}/email`}>
            <Csrf token={csrf} />
            {sessionFull(event) ? (
              <label>
                <input type="checkbox" name="confirmFull" value="1" required />
                {' Saya mengerti sesi ini penuh: yang mendaftar masuk daftar tunggu'}
              </label>
            ) : null}
            <button type="submit" class="secondary">
              {sessionFull(event)
                ? 'Tetap kirim email undangan (sesi penuh)'
                : 'Kirim email undangan dengan tautan pribadi'}
            </button>
          </form>
          <form method="post" action={`${href}/pengingat`}>
            <Csrf token={csrf} />
            <button type="submit" class="secondary">
              Jadwalkan pengingat email untuk yang belum mendaftar (H-3)
            </button>
          </form>
        </div>
      ) : null}
      <form method="get" action={href} class="row">
        <select name="district" aria-label="Kecamatan">
          <option value="">Semua kecamatan</option>
          {districts.map((d) => (
            <option value={d.code} selected={d.code === filters.district}>
              {d.name}
            </option>
          ))}
        </select>
        <select name="ba" aria-label="Business Assistant">
          <option value="">Semua BA</option>
          {assistants.map((a) => (
            <option value={a.id} selected={a.id === filters.ba}>
              {a.name}
            </option>
          ))}
        </select>
        <select name="state" aria-label="Status">
          <option value="">Semua status</option>
          {outreachStates.map((s) => (
            <option value={s} selected={s === filters.state}>
              {stateLabels[s]}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Saring
        </button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Koperasi</th>
            <th>Kecamatan</th>
            <th>Kontak</th>
            <th>BA</th>
            <th>Status</th>
            <th>Undangan</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr data-cooperative={row.cooperative.id}>
              <td>{row.cooperative.name}</td>
              <td>{row.cooperative.districtName}</td>
              <td>
                {row.contact?.name ?? ''}
                {row.contact?.phone ? <div class="muted">{formatPhoneLocal(row.contact.phone)}</div> : null}
              </td>
              <td>{row.assistant?.name ?? ''}</td>
              <td>
                {stateLabels[row.state]}
                <div>
                  <Sent row={row} />
                </div>
              </td>
              <td>
                <a class="button" href={row.whatsAppUrl} target="_blank" rel="noopener noreferrer">
                  {row.contact?.phone ? 'Kirim WhatsApp' : 'Kirim WhatsApp (pilih kontak)'}
                </a>
                <form method="post" action={`${href}/${row.cooperative.id}/terkirim`}>
                  <Csrf token={csrf} />
                  <input type="hidden" name="channel" value="whatsapp" />
                  <button type="submit" class="secondary">
                    Tandai WhatsApp terkirim
                  </button>
                </form>
                <a href={`${href}/${row.cooperative.id}/surat.pdf`}>Surat (PDF)</a>
                <details>
                  <summary>Tautan pribadi</summary>
                  <input readonly value={row.link} aria-label="Tautan pribadi" />
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>,
  );
}

/**
 * Rows an import could not match on its own: pick the cooperative (its contact is saved and the row leaves the
 * list) or set the row aside. They are kept until then, so leaving the page loses nothing.
 */
function ReviewTable({
  rows,
  csrf,
  href,
  earlier,
}: {
  rows: ReviewRow[];
  csrf?: string;
  href: string;
  earlier?: boolean;
}) {
  if (rows.length === 0) return null;
  return (
    <section data-review>
      <h2>{`Perlu diperiksa (${rows.length})`}</h2>
      {earlier ? (
        <p class="muted">
          Baris dari impor terakhir yang belum dicocokkan. Daftar ini tersimpan sampai setiap baris dipilihkan
          koperasinya atau dilewati.
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Baris</th>
            <th>Desa / kecamatan di berkas</th>
            <th>Kontak</th>
            <th>Pilih koperasi</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr data-review-line={row.line}>
              <td>{row.line}</td>
              <td>{`${row.village} / ${row.district || '(kecamatan kosong)'}`}</td>
              <td>
                {[
                  row.contact.name,
                  row.contact.phone ? formatPhoneLocal(row.contact.phone) : '',
                  row.contact.email,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>
                {row.candidates.length === 0 ? <span class="muted">Tidak ada yang mirip</span> : null}
                {row.candidates.map((candidate) => (
                  <form method="post" action={`${href}/kontak/${candidate.id}`}>
                    <Csrf token={csrf} />
                    <input type="hidden" name="reviewLine" value={String(row.line)} />
                    <input type="hidden" name="name" value={row.contact.name ?? ''} />
                    <input type="hidden" name="phone" value={row.contact.phone ?? ''} />
                    <input type="hidden" name="email" value={row.contact.email ?? ''} />
                    <input type="hidden" name="baEmail" value={row.contact.baEmail ?? ''} />
                    <button type="submit" class="secondary">
                      {`${candidate.name} (Kec. ${candidate.districtName})`}
                    </button>
                  </form>
                ))}
                <form method="post" action={`${href}/kontak/periksa/${row.line}/lewati`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="secondary">
                    Lewati baris ini
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ImportReport({
  result,
  csrf,
  href,
}: {
  result: ContactImport & { applied: number };
  csrf?: string;
  href: string;
}) {
  return (
    <section data-import-result>
      <p>
        {`${result.rows} baris: ${result.matched.length} cocok, ${result.review.length} perlu diperiksa, ${result.errors.length} salah. `}
        {result.applied ? `${result.applied} kontak disimpan.` : 'Belum ada yang disimpan.'}
      </p>
      {result.errors.length ? (
        <div class="alert" role="alert">
          <p>Perbaiki baris berikut lalu unggah ulang; tidak ada yang disimpan selama masih ada kesalahan.</p>
          <ul>
            {result.errors.map((e) => (
              <li>{`Baris ${e.line}: ${e.message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.warnings.length ? (
        <ul>
          {result.warnings.map((w) => (
            <li>{`Baris ${w.line}: ${w.message}`}</li>
          ))}
        </ul>
      ) : null}
      <ReviewTable rows={result.review} csrf={csrf} href={href} />
    </section>
  );
}

async function contactsPage(c: Context<ConsoleEnv>, result?: ContactImport & { applied: number }, csv = '') {
  const { directory, contacts, pending } = await outreach(c).contacts(me(c), eventIdOf(c));
  const csrf = c.get('csrfToken');
  const href = base(c);
  return c.render(
    <ConsoleLayout
      title="Kontak koperasi"
      language={c.get('language')}
      user={me(c)}
      csrfToken={csrf}
      notice={c.req.query('ok') ? 'Kontak disimpan.' : undefined}
    >
      <p>
        <a href={href}>Kembali ke undangan</a>
      </p>
      <h1>Kontak koperasi</h1>
      <p class="muted">
        Kolom yang dikenali: kode desa (atau nama desa dan kecamatan), nama ketua/kontak, no HP, email, email
        BA. Baris yang cocok persis disimpan; nama desa yang kembar atau salah ketik ditahan untuk diperiksa.
      </p>
      {result ? (
        <ImportReport result={result} csrf={csrf} href={href} />
      ) : (
        <ReviewTable rows={pending} csrf={csrf} href={href} earlier />
      )}
      <form method="post" action={`${href}/kontak`} enctype="multipart/form-data">
        <Csrf token={csrf} />
        <label for="file">Berkas CSV atau XLSX</label>
        <input
          id="file"
          type="file"
          name="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <label for="csv">atau tempel isi CSV</label>
        <textarea id="csv" name="csv" rows={8}>
          {csv}
        </textarea>
        <label>
          <input type="checkbox" name="apply" value="1" /> Simpan yang cocok (tanpa centang: periksa saja)
        </label>
        <button type="submit">Periksa / simpan</button>
      </form>
      <h2>Ubah kontak satu koperasi</h2>
      <form method="post" action={`${href}/kontak/ubah`} data-contact-edit>
        <Csrf token={csrf} />
        <label for="cooperativeId">Koperasi</label>
        <select id="cooperativeId" name="cooperativeId" required>
          {directory.map((coop) => (
            <option value={coop.id}>{`${coop.name} — Kec. ${coop.districtName}`}</option>
          ))}
        </select>
        <div class="row">
          <input name="name" aria-label="Nama ketua/kontak" placeholder="Nama ketua/kontak" maxlength={100} />
          <input name="phone" aria-label="No HP/WhatsApp" placeholder="0812…" type="tel" maxlength={32} />
          <input name="email" aria-label="Email" type="email" maxlength={254} />
          <input name="baEmail" aria-label="Email BA" type="email" maxlength={254} />
        </div>
        <button type="submit">Simpan kontak</button>
      </form>
      <h2>{`Kontak tersimpan (${contacts.size})`}</h2>
      <table>
        <thead>
          <tr>
            <th>Koperasi</th>
            <th>Kecamatan</th>
            <th>Kontak</th>
            <th>No HP</th>
            <th>Email</th>
            <th>BA</th>
          </tr>
        </thead>
        <tbody>
          {directory
            .filter((coop) => contacts.has(coop.id))
            .map((coop) => {
              const contact = contacts.get(coop.id);
              return (
                <tr>
                  <td>{coop.name}</td>
                  <td>{coop.districtName}</td>
                  <td>{contact?.name ?? ''}</td>
                  <td>{contact?.phone ? formatPhoneLocal(contact.phone) : ''}</td>
                  <td>{contact?.email ?? ''}</td>
                  <td>{contact?.baEmail ?? ''}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </ConsoleLayout>,
  );
}

const CSV_LIMIT = 1024 * 1024;

async function csvFrom(c: Context<ConsoleEnv>) {
  const data = await c.req.formData();
  const sent = data.get('_csrf');
  assertFormToken(c, { _csrf: typeof sent === 'string' ? sent : '' });
  const file = data.get('file');
  let csv: string | string[][] = typeof data.get('csv') === 'string' ? (data.get('csv') as string) : '';
  if (file && typeof file !== 'string' && file.size > 0) {
    if (file.size > CSV_LIMIT) throw new DomainError('payload_too_large');
    const bytes = new Uint8Array(await file.arrayBuffer());
    csv = isXlsx(bytes) ? await xlsxRows(bytes) : new TextDecoder().decode(bytes);
  }
  return { csv, apply: data.get('apply') === '1' };
}

const tag = 'Outreach';
const overviewDoc = describeRoute({
  operationId: 'getOutreach',
  summary:
    'Every invited cooperative with its personal link, contact, Business Assistant and invitation state',
  description: 'A Business Assistant sees only their cooperatives. Reading it is logged: it shows contacts.',
  tag,
  access: 'session',
  query: 'outreachOverviewQuery',
  responses: { 200: 'outreachOverviewResponse' },
  errors: [404],
});
const lettersDoc = describeRoute({
  operationId: 'getInvitationLetters',
  summary: 'The invitation letters as one PDF',
  tag,
  access: 'session',
  query: 'outreachLettersQuery',
  responses: { 200: { type: 'application/pdf', description: 'A download' } },
  errors: [404],
});
const importContactsDoc = describeRoute({
  operationId: 'importOutreachContacts',
  summary: 'Check a CSV of contacts against the directory, and with `apply` write the exact matches',
  tag,
  access: 'session',
  body: 'contactImportBody',
  responses: { 200: 'contactImportResponse', 400: 'contactImportRefused' },
  errors: [404],
});
const contactDoc = describeRoute({
  operationId: 'updateOutreachContact',
  summary: 'Set a cooperative’s contact and Business Assistant',
  tag,
  access: 'session',
  body: 'contactBody',
  responses: { 200: 'contactResponse' },
  errors: [404],
});
const requireInvitationDoc = describeRoute({
  operationId: 'setRequireInvitation',
  summary: 'Whether only a cooperative’s personal invitation link may register it',
  tag,
  access: 'session',
  body: 'requireInvitationBody',
  responses: { 200: 'requireInvitationResponse' },
  errors: [404],
});
const emailInvitationsDoc = describeRoute({
  operationId: 'emailInvitations',
  summary: 'Email the invitation to every invited cooperative with a contact address not yet emailed',
  tag,
  access: 'session',
  responses: { 202: 'invitationsEmailedResponse' },
  errors: [404],
});
const reminderDoc = describeRoute({
  operationId: 'remindUnregistered',
  summary: 'Schedule a reminder campaign to the invited cooperatives that have not registered',
  tag,
  access: 'session',
  responses: { 201: 'campaignResponse' },
  errors: [404],
});
const markSentDoc = describeRoute({
  operationId: 'markInvitationSent',
  summary: 'Record that a cooperative’s invitation went out by WhatsApp, letter or email by hand',
  tag,
  access: 'session',
  body: 'invitationSentBody',
  responses: { 204: null },
  errors: [404],
});

export const outreachRoutes = consoleFactory
  .createApp()
  // --- Console pages ---
  .use('/admin/acara/:eventId/undangan/*', signedIn)
  .use('/admin/acara/:eventId/undangan', signedIn)
  .get('/admin/acara/:eventId/undangan', (c) => listPage(c))
  .get('/admin/acara/:eventId/undangan/surat.pdf', async (c) => {
    const { pdf } = await outreach(c).letters(me(c), eventIdOf(c), baseUrlOf(c), {
      signerName: c.req.query('signer'),
      signerTitle: c.req.query('jabatan'),
      place: c.req.query('tempat'),
    });
    return pdfResponse(c, pdf, 'surat-undangan.pdf');
  })
  .get('/admin/acara/:eventId/undangan/kontak', (c) => contactsPage(c))
  .post('/admin/acara/:eventId/undangan/kontak', async (c) => {
    const { csv, apply } = await csvFrom(c);
    const result = await outreach(c).importCsv(me(c), eventIdOf(c), csv, { apply });
    if (result.errors.length) c.status(400);
    return contactsPage(c, result, typeof csv === 'string' && csv.length <= 64 * 1024 ? csv : '');
  })
  .post('/admin/acara/:eventId/undangan/kontak/:cooperativeId', async (c) => {
    const form = await postedForm(c);
    const chosen =
      c.req.param('cooperativeId') === 'ubah' ? str(form, 'cooperativeId') : c.req.param('cooperativeId');
    const reviewLine = Number.parseInt(str(form, 'reviewLine'), 10);
    await outreach(c).updateContact(
      me(c),
      eventIdOf(c),
      chosen,
      {
        name: str(form, 'name'),
        phone: str(form, 'phone'),
        email: str(form, 'email'),
        baEmail: str(form, 'baEmail'),
      },
      { reviewLine: Number.isInteger(reviewLine) ? reviewLine : undefined },
    );
    return c.redirect(`${base(c)}/kontak?ok=1`, 303);
  })
  .post('/admin/acara/:eventId/undangan/kontak/periksa/:line/lewati', async (c) => {
    await postedForm(c);
    const line = Number.parseInt(c.req.param('line'), 10);
    if (!Number.isInteger(line)) throw new DomainError('validation');
    await outreach(c).dismissReview(me(c), eventIdOf(c), line);
    return c.redirect(`${base(c)}/kontak`, 303);
  })
  .post('/admin/acara/:eventId/undangan/wajib', async (c) => {
    const form = await postedForm(c);
    await outreach(c).setRequireInvitation(me(c), eventIdOf(c), str(form, 'required') === '1');
    return c.redirect(`${base(c)}?ok=1`, 303);
  })
  .post('/admin/acara/:eventId/undangan/email', async (c) => {
    const form = await postedForm(c);
    const event = await outreach(c).loadEvent(me(c), eventIdOf(c), 'manage');
    // Invitations to a full session only fill the waiting list: sent only once the organizer says so.
    if (sessionFull(event) && str(form, 'confirmFull') !== '1') {
      c.status(409);
      return listPage(
        c,
        undefined,
        'Sesi ini sudah penuh. Centang konfirmasi bila undangan tetap dikirim; yang mendaftar akan masuk daftar tunggu.',
      );
    }
    const sent = await outreach(c).emailInvitations(me(c), eventIdOf(c), baseUrlOf(c));
    return listPage(
      c,
      `${sent.queued} email undangan diantrekan, ${sent.suppressed} ditahan (berhenti berlangganan/terpental), ${sent.withoutEmail} tanpa email atau sudah mendaftar.`,
    );
  })
  .post('/admin/acara/:eventId/undangan/pengingat', async (c) => {
    await postedForm(c);
    await outreach(c).remindUnregistered(me(c), eventIdOf(c));
    return c.redirect(`/admin/acara/${eventIdOf(c)}/tindak-lanjut`, 303);
  })
  .get('/admin/acara/:eventId/undangan/:cooperativeId/surat.pdf', async (c) => {
    const { pdf } = await outreach(c).letters(me(c), eventIdOf(c), baseUrlOf(c), {
      cooperativeId: c.req.param('cooperativeId'),
      signerName: c.req.query('signer'),
      signerTitle: c.req.query('jabatan'),
      place: c.req.query('tempat'),
    });
    return pdfResponse(c, pdf, `surat-undangan-${c.req.param('cooperativeId')}.pdf`);
  })
  .post('/admin/acara/:eventId/undangan/:cooperativeId/terkirim', async (c) => {
    const form = await postedForm(c);
    const channel = str(form, 'channel') as InvitationChannel;
    if (!invitationChannels.includes(channel)) throw new DomainError('validation');
    await outreach(c).markSent(me(c), eventIdOf(c), c.req.param('cooperativeId'), channel);
    return c.redirect(`${base(c)}?ok=1`, 303);
  })

  // --- JSON API ---
  .use('/api/admin/events/:eventId/outreach/*', async (c, next) => {
    await requireUser(c);
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .use('/api/admin/events/:eventId/outreach', async (c, next) => {
    await requireUser(c);
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .get('/api/admin/events/:eventId/outreach', overviewDoc, async (c) => {
    const { rows, counts } = await outreach(c).overview(me(c), eventIdOf(c), baseUrlOf(c), {
      district: c.req.query('district') || undefined,
      ba: c.req.query('ba') || undefined,
      state: c.req.query('state') || undefined,
    });
    return c.json({
      counts,
      cooperatives: rows.map((row) => ({
        cooperativeId: row.cooperative.id,
        name: row.cooperative.name,
        districtCode: row.cooperative.districtCode,
        districtName: row.cooperative.districtName,
        state: row.state,
        link: row.link,
        whatsAppUrl: row.whatsAppUrl,
        contact: row.contact ?? null,
        assistant: row.assistant ?? null,
        sent: {
          email: row.invitation.emailedAt ?? null,
          whatsapp: row.invitation.whatsappAt ?? null,
          letter: row.invitation.letterAt ?? null,
        },
        openedAt: row.invitation.openedAt ?? null,
      })),
    });
  })
  .get('/api/admin/events/:eventId/outreach/letters.pdf', lettersDoc, async (c) => {
    const { pdf } = await outreach(c).letters(me(c), eventIdOf(c), baseUrlOf(c), {
      cooperativeId: c.req.query('cooperativeId') || undefined,
      signerName: c.req.query('signer'),
      signerTitle: c.req.query('jabatan'),
      place: c.req.query('tempat'),
    });
    return pdfResponse(c, pdf, 'surat-undangan.pdf');
  })
  .post('/api/admin/events/:eventId/outreach/contacts/import', importContactsDoc, async (c) => {
    const body = (await readJson(c)) as { csv?: unknown; apply?: unknown };
    if (typeof body?.csv !== 'string') throw new DomainError('validation');
    const result = await outreach(c).importCsv(me(c), eventIdOf(c), body.csv, {
      apply: body.apply === true,
    });
    return c.json(result, result.errors.length ? 400 : 200);
  })
  .put('/api/admin/events/:eventId/outreach/contacts/:cooperativeId', contactDoc, async (c) => {
    const body = ((await readJson(c)) ?? {}) as Record<string, unknown>;
    const contact = await outreach(c).updateContact(me(c), eventIdOf(c), c.req.param('cooperativeId'), {
      name: str(body, 'name'),
      phone: str(body, 'phone'),
      email: str(body, 'email'),
      baEmail: str(body, 'baEmail'),
    });
    return c.json(contact);
  })
  .put('/api/admin/events/:eventId/outreach/require-invitation', requireInvitationDoc, async (c) => {
    const body = (await readJson(c)) as { required?: unknown };
    if (typeof body?.required !== 'boolean') throw new DomainError('validation');
    await outreach(c).setRequireInvitation(me(c), eventIdOf(c), body.required);
    return c.json({ requireInvitation: body.required });
  })
  .post('/api/admin/events/:eventId/outreach/email', emailInvitationsDoc, async (c) =>
    c.json(await outreach(c).emailInvitations(me(c), eventIdOf(c), baseUrlOf(c)), 202),
  )
  .post('/api/admin/events/:eventId/outreach/reminder', reminderDoc, async (c) =>
    c.json(await outreach(c).remindUnregistered(me(c), eventIdOf(c)), 201),
  )
  .post('/api/admin/events/:eventId/outreach/:cooperativeId/sent', markSentDoc, async (c) => {
    const body = (await readJson(c)) as { channel?: unknown };
    const channel = body?.channel as InvitationChannel;
    if (!invitationChannels.includes(channel)) throw new DomainError('validation');
    await outreach(c).markSent(me(c), eventIdOf(c), c.req.param('cooperativeId'), channel);
    return c.body(null, 204);
  });
