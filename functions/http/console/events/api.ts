import { eventInput } from '../../../domain/schemas';
import { adminEvent, adminRegistration } from '../../../services/admin-events';
import { readJson, validate } from '../../request';
import { consoleFactory, describeConsoleRoute, me, readJsonObject, requireSignedIn } from '../kit';

const listEvents = describeConsoleRoute({
  operationId: 'listAdminEvents',
  summary: 'Sessions the user may see, newest first, 50 a page',
  query: 'adminEventsQuery',
  responses: { 200: 'adminEventPageResponse' },
});
const createEvent = describeConsoleRoute({
  operationId: 'createEvent',
  summary: 'Create a session (organizers: in their organisation)',
  body: eventInput,
  responses: { 201: 'adminEventResponse' },
});
const getEvent = describeConsoleRoute({
  operationId: 'getAdminEvent',
  summary: 'One session',
  responses: { 200: 'adminEventResponse' },
  errors: [404],
});
const editEvent = describeConsoleRoute({
  operationId: 'updateEvent',
  summary: 'Edit, publish or unpublish a session',
  description: 'The fields sent are merged over the current ones, then validated as a whole.',
  body: 'eventChangeBody',
  responses: { 200: 'adminEventResponse' },
  errors: [404, 409],
});
const closeEvent = describeConsoleRoute({
  operationId: 'closeEventRegistration',
  summary: 'Close registration now',
  responses: { 200: 'adminEventResponse' },
  errors: [404],
});
const cancelEvent = describeConsoleRoute({
  operationId: 'cancelEvent',
  summary: 'Cancel the session and email everyone registered',
  responses: { 200: 'cancelledEventResponse' },
  errors: [404],
});
const eventRoster = describeConsoleRoute({
  operationId: 'getEventRegistrations',
  summary: 'Seats, registrations, waitlist, and invited cooperatives not registered',
  description: 'A Business Assistant sees only the cooperatives assigned to them.',
  query: 'rosterQuery',
  responses: { 200: 'rosterResponse' },
  errors: [404],
});

/**
 * Sessions in the console's JSON API, mounted at /api/admin: list, create, read, edit, close, cancel, and the
 * roster. Every call needs a signed-in user; the service checks the right to the session it touches.
 */
export const eventsApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/events', listEvents, async (c) => {
    const { adminEvents, clock } = c.get('services');
    const now = clock();
    const { events, next } = await adminEvents.listPage(me(c), c.req.query('after') || undefined);
    return c.json({ events: events.map((event) => adminEvent(event, now)), next });
  })
  .post('/events', createEvent, async (c) => {
    const input = validate(eventInput, await readJson(c), c);
    const { adminEvents, clock } = c.get('services');
    return c.json(adminEvent(await adminEvents.create(me(c), input), clock()), 201);
  })
  .get('/events/:eventId', getEvent, async (c) => {
    const { adminEvents, clock } = c.get('services');
    return c.json(adminEvent(await adminEvents.loadEvent(me(c), c.req.param('eventId'), 'read'), clock()));
  })
  .patch('/events/:eventId', editEvent, async (c) => {
    const { adminEvents, clock } = c.get('services');
    const current = await adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    const input = validate(eventInput, { ...adminEvents.editable(current), ...(await readJsonObject(c)) }, c);
    return c.json(adminEvent(await adminEvents.update(me(c), current.id, input), clock()));
  })
  .post('/events/:eventId/close', closeEvent, async (c) => {
    const { adminEvents, clock } = c.get('services');
    return c.json(adminEvent(await adminEvents.close(me(c), c.req.param('eventId')), clock()));
  })
  .post('/events/:eventId/cancel', cancelEvent, async (c) => {
    const { adminEvents, clock } = c.get('services');
    const { event, notified } = await adminEvents.cancel(me(c), c.req.param('eventId'));
    return c.json({ event: adminEvent(event, clock()), notified });
  })
  .get('/events/:eventId/registrations', eventRoster, async (c) => {
    const { adminEvents, clock } = c.get('services');
    const roster = await adminEvents.roster(me(c), c.req.param('eventId'), {
      q: c.req.query('q')?.slice(0, 100),
      district: c.req.query('district') || undefined,
      status: c.req.query('status') || undefined,
    });
    return c.json({
      event: adminEvent(roster.event, clock()),
      seats: roster.seats,
      registrations: roster.registrations.map(adminRegistration),
      waitlist: roster.waitlist.map((r) => r.id),
      notRegistered: roster.notRegistered,
    });
  });
