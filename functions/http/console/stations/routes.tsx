import type { Context } from 'hono';
import { stationInput } from '../../../domain/accounts';
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
import { stationUrl } from './api';
import { StationsPage } from './views';

async function stationsPage(
  c: Context<SignedInEnv>,
  eventId: string,
  extra: { created?: { name: string; url: string; qrSvg: string }; errors?: FieldErrors } = {},
) {
  const { adminEvents } = c.get('services');
  const event = await adminEvents.loadEvent(me(c), eventId, 'manage');
  const stations = await adminEvents.listStations(me(c), eventId);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'same-origin'); // the station link must not leak to other sites
  return c.render(<StationsPage {...pageProps(c)} event={event} stations={stations} {...extra} />);
}

/**
 * A session's door stations, mounted at /admin: the list, a new station (its enrolment link and QR shown once)
 * and revoking one.
 */
export const stationPages = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/acara/:eventId/stasiun', (c) => stationsPage(c, c.req.param('eventId')))
  .post('/acara/:eventId/stasiun', async (c) => {
    const eventId = c.req.param('eventId');
    await c.get('services').adminEvents.loadEvent(me(c), eventId, 'manage');
    const read = await readConsoleForm(c, stationInput);
    if (!read.ok) return stationsPage(c, eventId, { errors: read.errors });
    try {
      const { station, token } = await c
        .get('services')
        .adminEvents.createStation(me(c), eventId, read.values.name);
      const url = stationUrl(c, token);
      // The QR encoder loads with the first station created, not with every console cold start.
      const { default: QRCode } = await import('qrcode');
      const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return stationsPage(c, eventId, { created: { name: station.name, url, qrSvg } });
    } catch (error) {
      return stationsPage(c, eventId, { errors: formRefusal(error, c).errors });
    }
  })
  .post('/acara/:eventId/stasiun/:stationId/cabut', async (c) => {
    await readConsoleAction(c);
    const eventId = c.req.param('eventId');
    await c.get('services').adminEvents.revokeStation(me(c), eventId, c.req.param('stationId'));
    return c.redirect(`/admin/acara/${eventId}/stasiun`, 303);
  });
