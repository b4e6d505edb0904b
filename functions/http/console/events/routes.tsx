import type { Context } from 'hono';
import { canManageEvent } from '../../../domain/access-policy';
import { DomainError } from '../../../domain/errors';
import { eventInput } from '../../../domain/schemas';
import { fromLocalDateTime } from '../../../domain/time';
import { consoleText } from '../../pages/admin/copy';
import { languageOf, validate } from '../../request';
import {
  consoleFactory,
  type FieldErrors,
  formRefusal,
  me,
  pageProps,
  readConsoleAction,
  readConsoleForm,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { eventsText } from './copy';
import {
  EventFormPage,
  type EventFormValues,
  EventsListPage,
  eventFormValues,
  SessionPage,
  sessionPath,
} from './views';

/** The form as it is shown again: the checked districts (one name, many values) and the published box. */
function eventFormValuesOf(form: Record<string, unknown>, fields: FormData): EventFormValues {
  return {
    ...(form as EventFormValues),
    invitedDistrictCodes: fields.getAll('invitedDistrictCodes').map(String),
    published: form.published === 'true',
  };
}

/** Form fields (datetime-local in the session's zone, checkboxes) -> the shared event schema's input. */
function eventInputOf(form: Record<string, unknown>, fields: FormData) {
  const zone = typeof form.timeZone === 'string' && form.timeZone ? form.timeZone : 'Asia/Jakarta';
  const at = (name: string) => {
    const value = form[name];
    if (typeof value !== 'string' || !value) return undefined;
    try {
      return fromLocalDateTime(value, zone);
    } catch {
      return value;
    }
  };
  const values = eventFormValuesOf(form, fields);
  return {
    ...form,
    _csrf: undefined,
    startsAt: at('startsAt'),
    endsAt: at('endsAt'),
    registrationDeadline: at('registrationDeadline'),
    timeZone: zone,
    invitedDistrictCodes: values.invitedDistrictCodes,
    published: values.published,
    organisationId: form.organisationId || undefined,
  };
}

/** The posted session form, read and validated; `values` is what the form shows again when it is refused. */
async function readEventForm(c: Context<SignedInEnv>) {
  const read = await readConsoleForm(c, eventInput, eventInputOf);
  return { read, values: eventFormValuesOf(read.form, await c.req.formData()) };
}

async function renderEventForm(
  c: Context<SignedInEnv>,
  options: { action: string; heading: string; values: EventFormValues; errors?: FieldErrors; error?: string },
) {
  const code = typeof options.values.regencyCode === 'string' ? options.values.regencyCode : '62.02';
  const regency = await c.get('services').store.cooperatives.getRegency(code);
  return c.render(
    <EventFormPage
      {...pageProps(c)}
      error={options.error}
      action={options.action}
      heading={options.heading}
      values={options.values}
      errors={options.errors ?? {}}
      districts={regency?.districts ?? []}
      regencyName={regency ? [regency.name, regency.provinceName].filter(Boolean).join(', ') : undefined}
      organisations={await c.get('services').adminUsers.listOrganisations(me(c))}
    />,
  );
}

/** The session page: seats, the registrations (filtered by the query), the invited cooperatives not registered. */
export async function renderSessionPage(c: Context<SignedInEnv>, eventId: string, notice?: string) {
  const filters = {
    q: c.req.query('q')?.slice(0, 100) || undefined,
    district: c.req.query('district') || undefined,
    status: c.req.query('status') || undefined,
  };
  const roster = await c.get('services').adminEvents.roster(me(c), eventId, filters);
  return c.render(
    <SessionPage
      {...pageProps(c, notice)}
      event={roster.event}
      seats={roster.seats}
      registrations={roster.registrations}
      waitlist={roster.waitlist}
      notRegistered={roster.notRegistered}
      districts={roster.districts}
      filters={filters}
      canManage={canManageEvent(me(c), roster.event)}
    />,
  );
}

/**
 * The sessions list, the session form (new and edit), the session page and its publish, close and cancel
 * buttons, mounted at /admin. Server-rendered, no scripts: every action is a form with the session's CSRF token,
 * and rights are checked by the same services as the JSON API.
 */
export const eventPages = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', async (c) => {
    const { events, next } = await c
      .get('services')
      .adminEvents.listPage(me(c), c.req.query('setelah') || undefined);
    return c.render(<EventsListPage {...pageProps(c)} events={events} next={next} />);
  })
  .get('/acara/baru', async (c) => {
    const user = me(c);
    if (user.role === 'business_assistant') throw new DomainError('forbidden');
    const org = (await c.get('services').adminUsers.listOrganisations(user)).find(
      (o) => o.id === user.organisationId,
    );
    return renderEventForm(c, {
      action: '/admin/acara/baru',
      heading: eventsText(languageOf(c)).newSession,
      values: {
        timeZone: 'Asia/Jakarta',
        capacity: '100',
        maxPerCooperative: '3',
        regencyCode: '62.02',
        organizerName: org?.name ?? '',
        organisationId: user.organisationId,
        published: true,
      },
    });
  })
  .post('/acara/baru', async (c) => {
    const { read, values } = await readEventForm(c);
    const action = '/admin/acara/baru';
    const heading = eventsText(languageOf(c)).newSession;
    if (!read.ok)
      return renderEventForm(c, { action, heading, values, errors: read.errors, error: read.message });
    try {
      const event = await c.get('services').adminEvents.create(me(c), read.values);
      return c.redirect(sessionPath(event.id), 303);
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      return renderEventForm(c, { action, heading, values, errors, error: message });
    }
  })
  .get('/acara/:eventId', (c) =>
    renderSessionPage(
      c,
      c.req.param('eventId'),
      c.req.query('ok') ? consoleText(languageOf(c)).saved : undefined,
    ),
  )
  .get('/acara/:eventId/ubah', async (c) => {
    const event = await c.get('services').adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    return renderEventForm(c, {
      action: `${sessionPath(event.id)}/ubah`,
      heading: eventsText(languageOf(c)).editSession,
      values: eventFormValues(event),
    });
  })
  .post('/acara/:eventId/ubah', async (c) => {
    const { adminEvents } = c.get('services');
    const current = await adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    const { read, values } = await readEventForm(c);
    const action = `${sessionPath(current.id)}/ubah`;
    const heading = eventsText(languageOf(c)).editSession;
    if (!read.ok)
      return renderEventForm(c, { action, heading, values, errors: read.errors, error: read.message });
    try {
      await adminEvents.update(me(c), current.id, read.values);
      return c.redirect(`${sessionPath(current.id)}?ok=1`, 303);
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      return renderEventForm(c, { action, heading, values, errors, error: message });
    }
  })
  .post('/acara/:eventId/terbit', async (c) => {
    const { adminEvents } = c.get('services');
    const current = await adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    await readConsoleAction(c);
    const input = validate(
      eventInput,
      { ...adminEvents.editable(current), published: !current.published },
      c,
    );
    await adminEvents.update(me(c), current.id, input);
    return c.redirect(`${sessionPath(current.id)}?ok=1`, 303);
  })
  .post('/acara/:eventId/tutup', async (c) => {
    await readConsoleAction(c);
    await c.get('services').adminEvents.close(me(c), c.req.param('eventId'));
    return c.redirect(`${sessionPath(c.req.param('eventId'))}?ok=1`, 303);
  })
  .post('/acara/:eventId/batal', async (c) => {
    const form = await readConsoleAction(c);
    // Rights before the confirmation: a caller without them gets 403/404, never a validation answer.
    await c.get('services').adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    if (form.confirm !== 'yes') throw new DomainError('validation');
    await c.get('services').adminEvents.cancel(me(c), c.req.param('eventId'));
    return c.redirect(`${sessionPath(c.req.param('eventId'))}?ok=1`, 303);
  });
