import type { Context } from 'hono';
import type { User } from '../../domain/accounts';
import { checkinWindow as windowOf } from '../../domain/checkin-window';
import { DomainError, isDomainError } from '../../domain/errors';
import { assistedRegistrationInput, checkinWindowInput } from '../../domain/schemas';
import {
  type AssistedRegistrationService,
  createAssistedRegistrationService,
} from '../../services/assisted-registrations';
import { consoleFactory } from '../console/kit';
import { assertFormToken } from '../console-login';
import type { ConsoleEnv, ConsoleServices } from '../context';
import { errorBody } from '../error-handler';
import { baseUrlOf } from '../page-context';
import { AssistedDonePage, AssistedRegistrationPage, CheckinWindowPage } from '../pages/admin/assisted-pages';
import type { FieldErrors, FormValues } from '../pages/register-page';
import { readForm, validate } from '../request';

/**
 * The console's pages for the day itself: registering a cooperative on its behalf (organizers, and Business
 * Assistants for their own cooperatives) and the door's check-in window. Full paths, mounted once.
 */
const built = new WeakMap<ConsoleServices, AssistedRegistrationService>();
function service(c: Context<ConsoleEnv>): AssistedRegistrationService {
  const app = c.get('services');
  let found = built.get(app);
  if (!found) {
    found = createAssistedRegistrationService(app.store, app.clock);
    built.set(app, found);
  }
  return found;
}
const me = (c: Context<ConsoleEnv>) => c.get('user') as User;
const frame = (c: Context<ConsoleEnv>, notice?: string) => ({
  language: c.get('language'),
  user: me(c),
  csrfToken: c.get('csrfToken'),
  notice,
});

const signedIn = async (c: Context<ConsoleEnv>, next: () => Promise<void>) => {
  if (!c.get('user')) {
    if (c.req.method === 'GET') return c.redirect('/masuk', 303);
    throw new DomainError('unauthorized');
  }
  c.header('Cache-Control', 'no-store');
  await next();
};

function refused(error: unknown, c: Context<ConsoleEnv>): { errors: FieldErrors; message: string } {
  if (!isDomainError(error) || ['not_found', 'forbidden', 'unauthorized'].includes(error.code)) throw error;
  const { status, body } = errorBody(error, c.get('language'));
  const errors: FieldErrors = {};
  for (const issue of body.error.issues ?? []) errors[issue.path.join('.')] ??= issue.message;
  c.status(status);
  return { errors, message: body.error.message };
}

/** Officer rows the organizer left completely empty are not officers. */
function filledRows(form: Record<string, unknown>) {
  const rows = Array.isArray(form.participants) ? form.participants : [];
  return rows.filter(
    (row: Record<string, string> | undefined) =>
      row && [row.name, row.phone, row.email].some((value) => value?.trim()),
  );
}

async function windowPage(c: Context<ConsoleEnv>, notice?: string, errors: FieldErrors = {}, error?: string) {
  const { event, opensMinutesBefore, anyTime } = await service(c).checkinWindow(
    me(c),
    c.req.param('eventId') ?? '',
  );
  return c.render(
    <CheckinWindowPage
      {...frame(c, notice)}
      event={event}
      opensMinutesBefore={opensMinutesBefore}
      anyTime={anyTime}
      window={windowOf(event)}
      errors={errors}
      error={error}
    />,
  );
}

export const assistedRoutes = consoleFactory
  .createApp()
  .use('/admin/acara/:eventId/daftarkan', signedIn)
  .use('/admin/acara/:eventId/jendela-check-in', signedIn)
  .get('/admin/acara/:eventId/daftarkan', async (c) => {
    const { event, cooperatives } = await service(c).scope(me(c), c.req.param('eventId'));
    return c.render(
      <AssistedRegistrationPage
        {...frame(c)}
        event={event}
        cooperatives={cooperatives}
        values={{ cooperativeId: c.req.query('koperasi') }}
        errors={{}}
      />,
    );
  })
  .post('/admin/acara/:eventId/daftarkan', async (c) => {
    const form = await readForm(c);
    assertFormToken(c, form);
    const eventId = c.req.param('eventId');
    const language = c.get('language');
    try {
      const input = validate(assistedRegistrationInput, { ...form, participants: filledRows(form) }, c);
      const { registration, manageToken } = await service(c).register(me(c), eventId, input, language);
      const event = (await service(c).scope(me(c), eventId)).event;
      const stored = await c.get('services').store.registrations.get(registration.id);
      if (!stored) throw new DomainError('conflict');
      const manageUrl = `${baseUrlOf(c)}/kelola/${registration.id}?token=${encodeURIComponent(manageToken)}`;
      c.header('Referrer-Policy', 'no-referrer');
      c.status(201);
      return c.render(
        <AssistedDonePage {...frame(c)} event={event} registration={stored} manageUrl={manageUrl} />,
      );
    } catch (error) {
      const { errors, message } = refused(error, c);
      const { event, cooperatives } = await service(c).scope(me(c), eventId);
      return c.render(
        <AssistedRegistrationPage
          {...frame(c)}
          event={event}
          cooperatives={cooperatives}
          values={form as FormValues}
          errors={errors}
          error={message}
        />,
      );
    }
  })
  .get('/admin/acara/:eventId/jendela-check-in', (c) => windowPage(c))
  .post('/admin/acara/:eventId/jendela-check-in', async (c) => {
    const form = await readForm(c);
    assertFormToken(c, form);
    try {
      const settings = validate(
        checkinWindowInput,
        { ...form, checkinAnyTime: form.checkinAnyTime === 'true' },
        c,
      );
      await service(c).setCheckinWindow(me(c), c.req.param('eventId'), settings);
      return windowPage(c, c.get('language') === 'id' ? 'Tersimpan.' : 'Saved.');
    } catch (error) {
      const { errors, message } = refused(error, c);
      return windowPage(c, undefined, errors, message);
    }
  });
