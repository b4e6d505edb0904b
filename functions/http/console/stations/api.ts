import type { Context } from 'hono';
import { stationInput } from '../../../domain/accounts';
import { baseUrlOf } from '../../page-context';
import { readJson, validate } from '../../request';
import { consoleFactory, describeConsoleRoute, me, requireSignedIn, type SignedInEnv } from '../kit';

/** The link a door phone opens once to enrol as a station: it carries the station's token. */
export const stationUrl = (c: Context<SignedInEnv>, token: string) =>
  `${baseUrlOf(c)}/checkin/enrol?token=${encodeURIComponent(token)}`;

const listStations = describeConsoleRoute({
  operationId: 'listStations',
  summary: 'The session’s check-in stations',
  responses: { 200: 'stationListResponse' },
  errors: [404],
});
const createStation = describeConsoleRoute({
  operationId: 'createStation',
  summary: 'Create a check-in station; its token is shown once',
  body: stationInput,
  responses: { 201: 'stationCreatedResponse' },
  errors: [404],
});
const revokeStation = describeConsoleRoute({
  operationId: 'revokeStation',
  summary: 'Revoke a station: its device can no longer check anyone in',
  responses: { 200: 'stationEnvelope' },
  errors: [404],
});

/** A session's door stations in the console's JSON API, mounted at /api/admin. */
export const stationsApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
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
  });
