import type { Context } from 'hono';
import { checkinWindow as windowOf } from '../../../domain/checkin-window';
import { DomainError } from '../../../domain/errors';
import { assistedRegistrationInput, checkinWindowInput } from '../../../domain/schemas';
import { baseUrlOf } from '../../page-context';
import type { FieldErrors, FormValues } from '../../pages/register-page';
import { validate } from '../../request';
import {
  consoleFactory,
  formRefusal,
  me,
  pageProps,
  readConsoleAction,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { assistedCopy } from './copy';
import { AssistedDonePage, AssistedRegistrationPage, CheckinWindowPage } from './views';

/**
 * The console's pages for the day itself: registering a cooperative on its behalf (organizers, and Business
 * Assistants for their own cooperatives) and the door's check-in window. Full paths, mounted once.
 */
const service = (c: Context<SignedInEnv>) => c.var.services.assisted;

/** Officer rows the organizer left completely empty are not officers. */
function filledRows(form: Record<string, unknown>) {
  const rows = Array.isArray(form.participants) ? form.participants : [];
  return rows.filter(
    (row: Record<string, string> | undefined) =>
      row && [row.name, row.phone, row.email].some((value) => value?.trim()),
  );
}

async function windowPage(
  c: Context<SignedInEnv>,
  notice?: string,
  errors: FieldErrors = {},
  error?: string,
) {
  const { event, opensMinutesBefore, anyTime } = await service(c).checkinWindow(
    me(c),
    c.req.param('eventId') ?? '',
  );
  return c.render(
    <CheckinWindowPage
      {...pageProps(c, notice)}
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
  .use('/admin/acara/:eventId/daftarkan', requireSignedIn)
  .use('/admin/acara/:eventId/jendela-check-in', requireSignedIn)
  .get('/admin/acara/:eventId/daftarkan', async (c) => {
    const { event, cooperatives } = await service(c).scope(me(c), c.req.param('eventId'));
    return c.render(
      <AssistedRegistrationPage
        {...pageProps(c)}
        event={event}
        cooperatives={cooperatives}
        values={{ cooperativeId: c.req.query('koperasi') }}
        errors={{}}
      />,
    );
  })
  .post('/admin/acara/:eventId/daftarkan', async (c) => {
    const form = await readConsoleAction(c);
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
        <AssistedDonePage {...pageProps(c)} event={event} registration={stored} manageUrl={manageUrl} />,
      );
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      const { event, cooperatives } = await service(c).scope(me(c), eventId);
      return c.render(
        <AssistedRegistrationPage
          {...pageProps(c)}
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
    const form = await readConsoleAction(c);
    try {
      const settings = validate(
        checkinWindowInput,
        { ...form, checkinAnyTime: form.checkinAnyTime === 'true' },
        c,
      );
      await service(c).setCheckinWindow(me(c), c.req.param('eventId'), settings);
      return windowPage(c, assistedCopy[c.var.language].saved);
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      return windowPage(c, undefined, errors, message);
    }
  });
