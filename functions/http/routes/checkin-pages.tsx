import type { Context } from 'hono';
import type { Actor } from '../../domain/accounts';
import { DomainError, isDomainError } from '../../domain/errors';
import { checkinScriptAsset, checkinServiceWorkerAsset } from '../assets';
import type { PublicEnv } from '../context';
import { renderPageError } from '../page-context';
import { CheckinPage, checkinIcon, checkinManifest } from '../pages/checkin-page';
import { publicFactory } from '../public-factory';
import { authorizeCheckin, enrolStation } from '../station-auth';

/** The worker's URL never changes (browsers look for updates there); its content names the asset version. */
const SERVICE_WORKER = '/checkin/sw.js';

const stationName = (actor: Actor) =>
  actor.kind === 'station' ? actor.station.name : actor.user.name || actor.user.email;

/**
 * The door: the enrolment link a station opens once, the check-in page, and what makes it a PWA.
 * Mounted at /checkin. The page itself holds no personal data; it fetches the roster from the check-in API.
 */
export const checkinPages = publicFactory
  .createApp()
  // The link (or QR) from the organizer console: remember the station in a signed cookie, then drop the token
  // from the address bar and history by redirecting.
  .get('/enrol', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const station = await enrolStation(c, c.req.query('token') ?? '');
    return c.redirect(`/checkin/${encodeURIComponent(station.eventId)}`, 303);
  })
  .get('/sw.js', async (c) => {
    c.header('Cache-Control', 'no-cache');
    c.header('Service-Worker-Allowed', '/checkin/');
    const worker = checkinServiceWorkerAsset();
    return c.body(worker.body, 200, { 'Content-Type': worker.type });
  })
  .get('/icon.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(checkinIcon, 200, { 'Content-Type': 'image/svg+xml' });
  })
  .get('/:eventId/manifest.webmanifest', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(JSON.stringify(checkinManifest(c.req.param('eventId'))), 200, {
      'Content-Type': 'application/manifest+json',
    });
  })
  .get('/:eventId', async (c: Context<PublicEnv>) => {
    const eventId = c.req.param('eventId') ?? '';
    c.header('Cache-Control', 'no-store');
    let actor: Actor;
    try {
      actor = await authorizeCheckin(c, eventId);
    } catch (error) {
      // Not enrolled (or signed out): say what to do rather than "please sign in" alone.
      if (isDomainError(error) && (error.code === 'unauthorized' || error.code === 'forbidden')) {
        const message =
          c.get('language') === 'en'
            ? 'This device is not enrolled for this session. Open the device link from the organizers, or sign in as an organizer.'
            : 'Perangkat ini belum terdaftar untuk sesi ini. Buka tautan perangkat dari panitia, atau masuk sebagai penyelenggara.';
        return renderPageError(error.code === 'unauthorized' ? 401 : 403, message, c);
      }
      throw error;
    }
    const event = await c.get('services').store.events.get(eventId);
    if (!event) throw new DomainError('not_found');
    return c.render(
      <CheckinPage
        event={event}
        station={stationName(actor)}
        language={c.get('language')}
        path={new URL(c.req.url).pathname}
        serviceWorker={SERVICE_WORKER}
        script={checkinScriptAsset().path}
      />,
    );
  });
