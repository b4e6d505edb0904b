import type { Context } from 'hono';
import {
  assignmentInput,
  organisationInput,
  organisationRegenciesInput,
  stationInput,
  type User,
  userChangeInput,
  userInput,
} from '../../domain/accounts';
import { DomainError } from '../../domain/errors';
import { eventInput, registrationChangeInput } from '../../domain/schemas';
import { adminEvent, adminRegistration } from '../../services/admin-events';
import { publicUser } from '../../services/admin-users';
import { consoleFactory, requireSignedIn, type SignedInEnv } from '../console/kit';
import { describeRoute } from '../describe-route';
import { baseUrlOf } from '../page-context';
import { MAX_BODY_BYTES, readJson, validate } from '../request';

/** The signed-in user; the router's middleware has already refused everyone else. */
const me = (c: Context<SignedInEnv>) => c.get('user') as User;

export const stationUrl = (c: Context<SignedInEnv>, token: string) =>
  `${baseUrlOf(c)}/checkin/enrol?token=${encodeURIComponent(token)}`;

/** Reads a JSON object body (an empty body is `{}`), for merging over current values. */
async function readObject(c: Context<SignedInEnv>): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new DomainError('validation', {}, [{ path: [], code: 'required', message: 'required' }]);
  }
  return body as Record<string, unknown>;
}

const session = 'session' as const;
const tag = 'Console';

const getMe = describeRoute({
  operationId: 'getMe',
  summary: 'The signed-in user',
  tag,
  access: session,
  responses: { 200: 'meResponse' },
});
const listEvents = describeRoute({
  operationId: 'listAdminEvents',
  summary: 'Sessions the user may see, newest first, 50 a page',
  tag,
  access: session,
  query: 'adminEventsQuery',
  responses: { 200: 'adminEventPageResponse' },
});
const createEvent = describeRoute({
  operationId: 'createEvent',
  summary: 'Create a session (organizers: in their organisation)',
  tag,
  access: session,
  body: eventInput,
  responses: { 201: 'adminEventResponse' },
});
const getEvent = describeRoute({
  operationId: 'getAdminEvent',
  summary: 'One session',
  tag,
  access: session,
  responses: { 200: 'adminEventResponse' },
  errors: [404],
});
const editEvent = describeRoute({
  operationId: 'updateEvent',
  summary: 'Edit, publish or unpublish a session',
  description: 'The fields sent are merged over the current ones, then validated as a whole.',
  tag,
  access: session,
  body: 'eventChangeBody',
  responses: { 200: 'adminEventResponse' },
  errors: [404, 409],
});
const closeEvent = describeRoute({
  operationId: 'closeEventRegistration',
  summary: 'Close registration now',
  tag,
  access: session,
  responses: { 200: 'adminEventResponse' },
  errors: [404],
});
const cancelEvent = describeRoute({
  operationId: 'cancelEvent',
  summary: 'Cancel the session and email everyone registered',
  tag,
  access: session,
  responses: { 200: 'cancelledEventResponse' },
  errors: [404],
});
const eventRoster = describeRoute({
  operationId: 'getEventRegistrations',
  summary: 'Seats, registrations, waitlist, and invited cooperatives not registered',
  description: 'A Business Assistant sees only the cooperatives assigned to them.',
  tag,
  access: session,
  query: 'rosterQuery',
  responses: { 200: 'rosterResponse' },
  errors: [404],
});
const listStations = describeRoute({
  operationId: 'listStations',
  summary: 'The session’s check-in stations',
  tag,
  access: session,
  responses: { 200: 'stationListResponse' },
  errors: [404],
});
const createStation = describeRoute({
  operationId: 'createStation',
  summary: 'Create a check-in station; its token is shown once',
  tag,
  access: session,
  body: stationInput,
  responses: { 201: 'stationCreatedResponse' },
  errors: [404],
});
const revokeStation = describeRoute({
  operationId: 'revokeStation',
  summary: 'Revoke a station: its device can no longer check anyone in',
  tag,
  access: session,
  responses: { 200: 'stationEnvelope' },
  errors: [404],
});
const getRegistration = describeRoute({
  operationId: 'getAdminRegistration',
  summary: 'One registration',
  tag,
  access: session,
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404],
});
const editRegistration = describeRoute({
  operationId: 'updateAdminRegistration',
  summary: 'Change a registration on the cooperative’s behalf',
  tag,
  access: session,
  body: registrationChangeInput,
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404, 409],
});
const cancelRegistration = describeRoute({
  operationId: 'cancelAdminRegistration',
  summary: 'Cancel a registration on the cooperative’s behalf',
  tag,
  access: session,
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404, 409],
});
const promote = describeRoute({
  operationId: 'promoteRegistration',
  summary: 'Move a registration from the waitlist (needs free seats)',
  tag,
  access: session,
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404, 409],
});
const resend = describeRoute({
  operationId: 'resendTickets',
  summary: 'Email the tickets again',
  description: 'The body is optional.',
  tag,
  access: session,
  body: 'resendBody',
  responses: { 202: 'resendResponse' },
  errors: [404, 409],
});
const listUsers = describeRoute({
  operationId: 'listUsers',
  summary: 'Users (organizers: their Business Assistants)',
  tag,
  access: session,
  responses: { 200: 'userListResponse' },
});
const createUser = describeRoute({
  operationId: 'createUser',
  summary: 'Add a user (admins)',
  tag,
  access: session,
  body: userInput,
  responses: { 201: 'userEnvelope' },
  errors: [409],
});
const editUser = describeRoute({
  operationId: 'updateUser',
  summary: 'Change a user’s role or organisation, or deactivate them (admins)',
  tag,
  access: session,
  body: userChangeInput,
  responses: { 200: 'userEnvelope' },
  errors: [404],
});
const getAssignments = describeRoute({
  operationId: 'getAssignedCooperatives',
  summary: 'A Business Assistant’s cooperatives',
  tag,
  access: session,
  responses: { 200: 'assignmentsResponse' },
  errors: [404],
});
const setAssignments = describeRoute({
  operationId: 'setAssignedCooperatives',
  summary: 'Replace a Business Assistant’s cooperatives',
  tag,
  access: session,
  body: assignmentInput,
  responses: { 200: 'assignmentsResponse' },
  errors: [404],
});
const importAssignments = describeRoute({
  operationId: 'importAssignments',
  summary: 'Replace Business Assistants’ cooperatives from a CSV of `email,cooperativeId` rows',
  tag,
  access: session,
  body: 'csvBody',
  bodyType: 'text/csv',
  responses: { 200: 'assignmentImportResponse' },
});
const listOrganisations = describeRoute({
  operationId: 'listOrganisations',
  summary: 'Organisations',
  tag,
  access: session,
  responses: { 200: 'organisationListResponse' },
});
const createOrganisation = describeRoute({
  operationId: 'createOrganisation',
  summary: 'Add an organisation (admins)',
  tag,
  access: session,
  body: organisationInput,
  responses: { 201: 'organisationEnvelope' },
  errors: [409],
});
const setRegencies = describeRoute({
  operationId: 'setOrganisationRegencies',
  summary: 'Bind an organisation to the regencies it serves (admins)',
  tag,
  access: session,
  body: organisationRegenciesInput,
  responses: { 200: 'organisationEnvelope' },
  errors: [404],
});
const auditLog = describeRoute({
  operationId: 'listAuditEntries',
  summary: 'The audit log, newest first (admins)',
  tag,
  access: session,
  query: 'auditQuery',
  responses: { 200: 'auditPageResponse' },
});

/**
 * The organizer console's JSON API. Every route needs a signed-in user (401 without, 403 for a station
 * token) and each service call checks the user's right to the session, registration or user it touches.
 */
export const adminApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/me', getMe, (c) => c.json({ user: publicUser(me(c)) }))
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
    const input = validate(eventInput, { ...adminEvents.editable(current), ...(await readObject(c)) }, c);
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
  })
  .get('/events/:eventId/stations', listStations, async (c) => {
    const stations = await c.get('services').adminEvents.listStations(me(c), c.req.param('eventId'));
    return c.json({ stations });
  })
  .post('/events/:eventId/stations', createStation, async (c) => {
    const { adminEvents } = c.get('services');
    await adminEvents.loadEvent(me(c), c.req.param('eventId'), 'manage');
    const { name } = validate(stationInput, await readJson(c), c);
    const { station, token } = await adminEvents.createStation(me(c), c.req.param('eventId'), name);
    return c.json({ station: { id: station.id, name: station.name }, token, url: stationUrl(c, token) }, 201);
  })
  .delete('/events/:eventId/stations/:stationId', revokeStation, async (c) => {
    const station = await c
      .get('services')
      .adminEvents.revokeStation(me(c), c.req.param('eventId'), c.req.param('stationId'));
    return c.json({ station });
  })
  .get('/registrations/:registrationId', getRegistration, async (c) => {
    const registration = await c
      .get('services')
      .adminEvents.getRegistration(me(c), c.req.param('registrationId'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .patch('/registrations/:registrationId', editRegistration, async (c) => {
    const { adminEvents } = c.get('services');
    const id = c.req.param('registrationId');
    await adminEvents.loadRegistration(me(c), id, 'manage'); // rights before the body is even read
    const input = validate(registrationChangeInput, await readJson(c), c);
    const registration = await adminEvents.editRegistration(me(c), id, input, c.get('language'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .delete('/registrations/:registrationId', cancelRegistration, async (c) => {
    const registration = await c
      .get('services')
      .adminEvents.cancelRegistration(me(c), c.req.param('registrationId'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .post('/registrations/:registrationId/promote', promote, async (c) => {
    const registration = await c.get('services').adminEvents.promote(me(c), c.req.param('registrationId'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .post('/registrations/:registrationId/resend', resend, async (c) => {
    const type = c.req.header('content-type') ?? '';
    const body = type ? await readObject(c) : {};
    const participantId = typeof body.participantId === 'string' ? body.participantId : undefined;
    const queued = await c
      .get('services')
      .adminEvents.resendTickets(me(c), c.req.param('registrationId'), participantId);
    return c.json({ queued }, 202);
  })
  .get('/users', listUsers, async (c) => {
    const users = await c.get('services').adminUsers.list(me(c));
    return c.json({ users: users.map(publicUser) });
  })
  .post('/users', createUser, async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    const input = validate(userInput, await readJson(c), c);
    return c.json({ user: publicUser(await c.get('services').adminUsers.create(me(c), input)) }, 201);
  })
  .patch('/users/:userId', editUser, async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    const input = validate(userChangeInput, await readJson(c), c);
    const user = await c.get('services').adminUsers.update(me(c), c.req.param('userId'), input);
    return c.json({ user: publicUser(user) });
  })
  .get('/users/:userId/cooperatives', getAssignments, async (c) => {
    const cooperativeIds = await c.get('services').adminUsers.getAssignments(me(c), c.req.param('userId'));
    return c.json({ cooperativeIds });
  })
  .put('/users/:userId/cooperatives', setAssignments, async (c) => {
    const { adminUsers } = c.get('services');
    await adminUsers.getAssignments(me(c), c.req.param('userId'));
    const { cooperativeIds } = validate(assignmentInput, await readJson(c), c);
    const saved = await adminUsers.setAssignments(me(c), c.req.param('userId'), cooperativeIds);
    return c.json({ cooperativeIds: saved });
  })
  .post('/assignments/import', importAssignments, async (c) => {
    const user = me(c);
    if (user.role !== 'admin' && user.role !== 'organizer') throw new DomainError('forbidden');
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/(csv|plain)\b/i.test(type)) throw new DomainError('unsupported_media_type');
    const csv = await c.req.text();
    if (csv.length > MAX_BODY_BYTES) throw new DomainError('payload_too_large');
    return c.json(await c.get('services').adminUsers.importAssignments(user, csv));
  })
  .get('/organisations', listOrganisations, async (c) => {
    return c.json({ organisations: await c.get('services').adminUsers.listOrganisations(me(c)) });
  })
  .post('/organisations', createOrganisation, async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    const input = validate(organisationInput, await readJson(c), c);
    return c.json({ organisation: await c.get('services').adminUsers.createOrganisation(me(c), input) }, 201);
  })
  .put('/organisations/:organisationId/regencies', setRegencies, async (c) => {
    if (me(c).role !== 'admin') throw new DomainError('forbidden');
    const { regencyCodes } = validate(organisationRegenciesInput, await readJson(c), c);
    const organisation = await c
      .get('services')
      .adminUsers.setOrganisationRegencies(me(c), c.req.param('organisationId'), regencyCodes);
    return c.json({ organisation });
  })
  .get('/audit', auditLog, async (c) => {
    const limit = Math.min(200, Math.max(1, Number(c.req.query('limit')) || 50));
    const page = await c.get('services').adminUsers.auditLog(me(c), { cursor: c.req.query('cursor'), limit });
    return c.json({ entries: page.entries, cursor: page.cursor ?? null });
  });
