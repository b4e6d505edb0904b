import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, isDomainError } from '../../../domain/errors';
import { guestInput } from '../../../domain/guests';
import { MAX_MATERIAL_BYTES, materialInput } from '../../../domain/materials';
import { newId } from '../../../domain/tokens';
import { guestIdOfCode } from '../../../services/guests';
import { assertFormToken } from '../../console-login';
import type { ConsoleServices } from '../../context';
import { baseUrlOf } from '../../page-context';
import { languageOf } from '../../request';
import {
  consoleFactory,
  formRefusal,
  me,
  readConsoleAction,
  readConsoleForm,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { guestsText } from './copy';
import {
  DirectUploadPage,
  GuestCheckInPage,
  GuestEditPage,
  GuestsPage,
  guestsBase,
  MaterialsPage,
  materialsBase,
} from './views';

/**
 * The console's guest, speaker and material pages under /admin/acara/:eventId/tamu and /materi, and the public
 * material download /acara/:eventId/materi/:materialId (served by the console function, which holds the file
 * store's rights; the public function never needs them).
 */
const servicesOf = (c: Context) => c.get('services') as ConsoleServices;
const guestsOf = (c: Context) => servicesOf(c).guests;
const materialsOf = (c: Context) => servicesOf(c).materials();

const str = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === 'string' ? form[name] : '';
const stringsOf = (form: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

function pdfResponse(c: Context, pdf: Uint8Array, filename: string) {
  c.header('Content-Disposition', `inline; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
}

export const guestRoutes = consoleFactory.createApp();
const page = '/admin/acara/:eventId/tamu';

async function listPage(
  c: Context<SignedInEnv>,
  extra: {
    notice?: string;
    error?: string;
    values?: Record<string, string>;
    errors?: Record<string, string>;
  } = {},
) {
  const eventId = c.req.param('eventId') ?? '';
  const { event, guests, canManage } = await guestsOf(c).overview(me(c), eventId);
  const language = languageOf(c);
  const text = guestsText(language);
  const ok = c.req.query('ok');
  return c.render(
    <GuestsPage
      language={language}
      user={me(c)}
      csrf={c.get('csrfToken')}
      notice={extra.notice ?? (ok === 'removed' ? text.removed : ok ? text.saved : undefined)}
      error={extra.error}
      event={event}
      guests={guests}
      canManage={canManage}
      query={c.req.query('q') ?? ''}
      newId={extra.values?.id || newId()}
      values={extra.values}
      errors={extra.errors}
    />,
  );
}

guestRoutes.get(page, requireSignedIn, (c) => listPage(c));

guestRoutes.post(page, requireSignedIn, async (c) => {
  const eventId = c.req.param('eventId');
  const read = await readConsoleForm(c, guestInput);
  const values = stringsOf(read.form);
  if (!read.ok) return listPage(c, { error: read.message, errors: read.errors, values });
  const id = str(read.form, 'id');
  if (!/^[a-z0-9]{8,40}$/.test(id)) throw new DomainError('validation');
  try {
    await guestsOf(c).add(me(c), eventId, id, read.values);
  } catch (error) {
    const refusal = formRefusal(error, c);
    return listPage(c, { error: refusal.message, errors: refusal.errors, values });
  }
  return c.redirect(`${guestsBase(eventId)}?ok=1`, 303);
});

guestRoutes.get(`${page}/surat.pdf`, requireSignedIn, async (c) => {
  const { pdf } = await guestsOf(c).letters(me(c), c.req.param('eventId'), baseUrlOf(c));
  return pdfResponse(c, pdf, 'surat-undangan-tamu.pdf');
});

guestRoutes.get(`${page}/:guestId/surat.pdf`, requireSignedIn, async (c) => {
  const { pdf } = await guestsOf(c).letters(me(c), c.req.param('eventId'), baseUrlOf(c), {
    guestId: c.req.param('guestId'),
  });
  return pdfResponse(c, pdf, 'surat-undangan-tamu.pdf');
});

async function editPage(
  c: Context<SignedInEnv>,
  extra: { error?: string; values?: Record<string, string>; errors?: Record<string, string> } = {},
) {
  const { event, guest, canManage } = await guestsOf(c).one(
    me(c),
    c.req.param('eventId') ?? '',
    c.req.param('guestId') ?? '',
  );
  if (!canManage) throw new DomainError('forbidden');
  return c.render(
    <GuestEditPage
      language={languageOf(c)}
      user={me(c)}
      csrf={c.get('csrfToken')}
      event={event}
      guest={guest}
      {...extra}
    />,
  );
}

guestRoutes.get(`${page}/:guestId/ubah`, requireSignedIn, (c) => editPage(c));

guestRoutes.post(`${page}/:guestId/ubah`, requireSignedIn, async (c) => {
  const { eventId, guestId } = c.req.param();
  const read = await readConsoleForm(c, guestInput);
  const values = stringsOf(read.form);
  if (!read.ok) return editPage(c, { error: read.message, errors: read.errors, values });
  await guestsOf(c).update(me(c), eventId, guestId, read.values);
  return c.redirect(`${guestsBase(eventId)}?ok=1`, 303);
});

guestRoutes.post(`${page}/:guestId/hapus`, requireSignedIn, async (c) => {
  const { eventId, guestId } = c.req.param();
  await readConsoleAction(c);
  await guestsOf(c).remove(me(c), eventId, guestId);
  return c.redirect(`${guestsBase(eventId)}?ok=removed`, 303);
});

guestRoutes.post(`${page}/:guestId/pindah`, requireSignedIn, async (c) => {
  const { eventId, guestId } = c.req.param();
  const form = await readConsoleAction(c);
  const direction = form.direction === 'up' ? 'up' : form.direction === 'down' ? 'down' : undefined;
  if (!direction) throw new DomainError('validation');
  await guestsOf(c).move(me(c), eventId, guestId, direction);
  return c.redirect(`${guestsBase(eventId)}#guest-${guestId}`, 303);
});

/** The page the QR on a guest's letter opens. A code typed in the search box leads here too. */
guestRoutes.get(`${page}/:guestId/hadir`, requireSignedIn, async (c) => {
  const { event, guest } = await guestsOf(c).one(
    me(c),
    c.req.param('eventId'),
    guestIdOfCode(c.req.param('guestId')),
  );
  const text = guestsText(languageOf(c));
  return c.render(
    <GuestCheckInPage
      language={languageOf(c)}
      user={me(c)}
      csrf={c.get('csrfToken')}
      event={event}
      guest={guest}
      notice={c.req.query('ok') && guest.checkedInAt ? text.checkedIn(guest.name) : undefined}
    />,
  );
});

guestRoutes.post(`${page}/:guestId/hadir`, requireSignedIn, async (c) => {
  const { eventId, guestId } = c.req.param();
  const form = await readConsoleAction(c);
  if (form.undo === '1') await guestsOf(c).undoCheckIn(me(c), eventId, guestId);
  else await guestsOf(c).checkIn(me(c), eventId, guestId);
  // Back where the tap came from: the single guest's page (QR) or the list.
  const from = c.req.header('referer') ?? '';
  const single = from.includes(`/tamu/${guestId}/hadir`);
  return c.redirect(
    single ? `${guestsBase(eventId)}/${guestId}/hadir?ok=1` : `${guestsBase(eventId)}?ok=1`,
    303,
  );
});

async function materialsPage(c: Context<SignedInEnv>, extra: { notice?: string; error?: string } = {}) {
  const eventId = c.req.param('eventId') ?? '';
  const { event, materials, canManage, open } = await materialsOf(c).overview(me(c), eventId);
  const guests = await guestsOf(c).list(eventId);
  const language = languageOf(c);
  return c.render(
    <MaterialsPage
      language={language}
      user={me(c)}
      csrf={c.get('csrfToken')}
      notice={extra.notice ?? (c.req.query('ok') ? guestsText(language).uploaded : undefined)}
      error={extra.error}
      event={event}
      materials={materials}
      guests={guests.filter((guest) => guest.role !== 'tamu_undangan')}
      canManage={canManage}
      open={open}
      newId={newId()}
      direct={materialsOf(c).direct}
    />,
  );
}

/** A file the materials store refused (too large, a type it does not serve), shown on the materials page again. */
function refusedFile(c: Context<SignedInEnv>, error: unknown) {
  if (
    !isDomainError(error) ||
    (error.code !== 'payload_too_large' && error.code !== 'unsupported_media_type')
  )
    throw error;
  const text = guestsText(languageOf(c));
  c.status(error.code === 'payload_too_large' ? 413 : 415);
  return materialsPage(c, {
    error:
      error.code === 'payload_too_large' ? text.tooLarge(MAX_MATERIAL_BYTES / 1024 / 1024) : text.wrongType,
  });
}

guestRoutes.get('/admin/acara/:eventId/materi', requireSignedIn, (c) => materialsPage(c));

/**
 * The direct upload (multipart). The app's body limit for every other request is 64 KiB; this path alone takes
 * up to the material limit (http-app.tsx lets it through), and a larger body is cut off here before it is read.
 */
guestRoutes.post(
  '/admin/acara/:eventId/materi',
  requireSignedIn,
  bodyLimit({
    maxSize: MAX_MATERIAL_BYTES + 64 * 1024,
    onError: () => {
      throw new DomainError('payload_too_large');
    },
  }),
  async (c) => {
    const eventId = c.req.param('eventId');
    const text = guestsText(languageOf(c));
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (error) {
      if (isDomainError(error)) throw error;
      throw new DomainError('unsupported_media_type');
    }
    const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
    assertFormToken(c, fields);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      c.status(400);
      return materialsPage(c, { error: text.noFile });
    }
    const read = await readConsoleForm(c, materialInput, () => fields).catch(() => undefined);
    const parsed = read?.ok ? read.values : undefined;
    const id = typeof fields.id === 'string' ? fields.id : '';
    if (!parsed || !/^[a-z0-9]{8,40}$/.test(id)) {
      c.status(400);
      return materialsPage(c, { error: read && !read.ok ? read.message : text.noFile });
    }
    try {
      await materialsOf(c).upload(me(c), eventId, {
        id,
        title: parsed.title,
        guestId: parsed.guestId,
        fileName: file.name,
        body: new Uint8Array(await file.arrayBuffer()),
      });
    } catch (error) {
      return refusedFile(c, error);
    }
    return c.redirect(`${materialsBase(eventId)}?ok=1`, 303);
  },
);

/** AWS, step two: the presigned form that sends the file to S3, for the title and speaker chosen in step one. */
guestRoutes.get('/admin/acara/:eventId/materi/unggah', requireSignedIn, async (c) => {
  const eventId = c.req.param('eventId');
  // Whose session it is comes first: another Dinas learns nothing, not even which query it got wrong.
  const { event } = await materialsOf(c).overview(me(c), eventId);
  const title = (c.req.query('title') ?? '').trim();
  const guestId = c.req.query('guestId') || undefined;
  const id = c.req.query('id') ?? '';
  if (!/^[a-z0-9]{8,40}$/.test(id) || title.length < 2 || title.length > 150)
    throw new DomainError('validation');
  const back = new URL(`${baseUrlOf(c)}${materialsBase(eventId)}/${id}/selesai`);
  back.searchParams.set('title', title);
  if (guestId) back.searchParams.set('guestId', guestId);
  const { url, fields } = await materialsOf(c).startUpload(me(c), eventId, id, back.toString());
  return c.render(
    <DirectUploadPage
      language={languageOf(c)}
      user={me(c)}
      csrf={c.get('csrfToken')}
      event={event}
      title={title}
      url={url}
      fields={fields}
    />,
  );
});

/** AWS, step three: S3 sends the browser here with the stored object's key; the material is recorded. */

guestRoutes.get('/admin/acara/:eventId/materi/:materialId/selesai', requireSignedIn, async (c) => {
  const { eventId, materialId } = c.req.param();
  try {
    await materialsOf(c).completeUpload(me(c), eventId, {
      id: materialId,
      title: (c.req.query('title') ?? '').trim().slice(0, 150) || materialId,
      guestId: c.req.query('guestId') || undefined,
      key: c.req.query('key') ?? '',
    });
  } catch (error) {
    return refusedFile(c, error);
  }
  return c.redirect(`${materialsBase(eventId)}?ok=1`, 303);
});

guestRoutes.post('/admin/acara/:eventId/materi/:materialId/hapus', requireSignedIn, async (c) => {
  const { eventId, materialId } = c.req.param();
  await readConsoleAction(c);
  await materialsOf(c).remove(me(c), eventId, materialId);
  return c.redirect(materialsBase(eventId), 303);
});

/**
 * The public download, linked from the emails and the ticket page: after the session has ended for everyone,
 * before it only for signed-in staff of the session. Served as a download of the type its extension allows,
 * never rendered inline.
 */
guestRoutes.get('/acara/:eventId/materi/:materialId', async (c) => {
  const { eventId, materialId } = c.req.param();
  const { material, file } = await materialsOf(c).download(eventId, materialId, c.get('user'));
  c.header('Cache-Control', 'private, max-age=300');
  if ('redirect' in file) return c.redirect(file.redirect, 302);
  c.header('Content-Disposition', `attachment; filename="${material.fileName}"`);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(new Uint8Array(file.body), 200, { 'Content-Type': material.contentType });
});
