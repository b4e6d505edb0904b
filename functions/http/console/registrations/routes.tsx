import { DomainError } from '../../../domain/errors';
import { registrationChangeInput } from '../../../domain/schemas';
import { createMessageLogService } from '../../../services/message-log';
import type { FormValues } from '../../pages/register-page';
import { languageOf } from '../../request';
import { renderSessionPage } from '../events/routes';
import { sessionPath } from '../events/views';
import {
  consoleFactory,
  formRefusal,
  me,
  pageProps,
  readConsoleAction,
  readConsoleForm,
  requireSignedIn,
} from '../kit';
import { registrationsText } from './copy';
import { RegistrationEditPage } from './views';

/** The officer rows the form posts, without the empty ones it always shows. */
const filledRows = (form: Record<string, unknown>) =>
  (Array.isArray(form.participants) ? form.participants : []).filter(
    (row: Record<string, string> | undefined) =>
      [row?.name, row?.phone, row?.email].some((value) => value?.trim()),
  );

/**
 * One registration, mounted at /admin: changed, cancelled, moved from the waitlist or its tickets sent again on
 * the cooperative's behalf, by whoever manages its session.
 */
export const registrationPages = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/pendaftaran/:registrationId', async (c) => {
    const { adminEvents, store } = c.get('services');
    const id = c.req.param('registrationId');
    const { event } = await adminEvents.loadRegistration(me(c), id, 'manage');
    const registration = await adminEvents.getRegistration(me(c), id);
    const addresses = [registration.contact.email, ...registration.participants.map((p) => p.email)];
    const undeliverable: string[] = [];
    for (const address of new Set(addresses.filter((a): a is string => Boolean(a)))) {
      if (await store.suppressions.get(address)) undeliverable.push(address);
    }
    // Rights were checked above (the session's, to manage it): the log is read by the registration's id.
    const messages = await createMessageLogService(store).ofRegistration(registration.id);
    return c.render(
      <RegistrationEditPage
        {...pageProps(c)}
        registration={registration}
        event={event}
        undeliverable={undeliverable}
        messages={messages}
      />,
    );
  })
  .post('/pendaftaran/:registrationId', async (c) => {
    const { adminEvents } = c.get('services');
    const id = c.req.param('registrationId');
    const { registration, event } = await adminEvents.loadRegistration(me(c), id, 'manage');
    const read = await readConsoleForm(c, registrationChangeInput, (form) => ({
      contact: form.contact,
      participants: filledRows(form),
    }));
    const refused = (errors: Record<string, string>, message: string) =>
      c.render(
        <RegistrationEditPage
          {...pageProps(c)}
          error={message}
          registration={registration}
          event={event}
          values={{
            ...(read.form as FormValues),
            participants: filledRows(read.form) as FormValues['participants'],
          }}
          errors={errors}
        />,
      );
    if (!read.ok) return refused(read.errors, read.message);
    try {
      await adminEvents.editRegistration(me(c), id, read.values, languageOf(c));
      return c.redirect(`${sessionPath(event.id)}?ok=1`, 303);
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      return refused(errors, message);
    }
  })
  .post('/pendaftaran/:registrationId/naikkan', async (c) => {
    await readConsoleAction(c);
    const registration = await c.get('services').adminEvents.promote(me(c), c.req.param('registrationId'));
    return c.redirect(`${sessionPath(registration.eventId)}?ok=1`, 303);
  })
  .post('/pendaftaran/:registrationId/kirim-ulang', async (c) => {
    await readConsoleAction(c);
    const { adminEvents } = c.get('services');
    const id = c.req.param('registrationId');
    const queued = await adminEvents.resendTickets(me(c), id);
    const { event } = await adminEvents.loadRegistration(me(c), id, 'manage');
    const text = registrationsText(languageOf(c));
    return renderSessionPage(c, event.id, queued ? text.queued(queued) : text.noEmailSent);
  })
  .post('/pendaftaran/:registrationId/batal', async (c) => {
    const form = await readConsoleAction(c);
    const { adminEvents } = c.get('services');
    await adminEvents.loadRegistration(me(c), c.req.param('registrationId'), 'manage');
    if (form.confirm !== 'yes') throw new DomainError('validation');
    const registration = await adminEvents.cancelRegistration(me(c), c.req.param('registrationId'));
    return c.redirect(`${sessionPath(registration.eventId)}?ok=1`, 303);
  });
