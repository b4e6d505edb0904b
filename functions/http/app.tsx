import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { jsxRenderer } from 'hono/jsx-renderer';
import { languageDetector } from 'hono/language';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { loadUser, sameOriginOnly } from '../auth/session';
import { lazySecret, loadSessionSecret } from '../auth/session-secret';
import { DomainError } from '../domain/errors';
import type { Language } from '../domain/schemas';
import { createAdminEventsService } from '../services/admin-events';
import { createAdminUsersService } from '../services/admin-users';
import { createAuthService } from '../services/auth-service';
import { createCheckinService } from '../services/checkins';
import { createRegistrationService } from '../services/registrations';
import { assets } from './assets';
import type { AppDeps, AppEnv } from './context';
import { errorBody, onError } from './error-handler';
import { consoleCss } from './pages/admin/console-styles';
import { MAX_BODY_BYTES } from './request';
import { adminApi } from './routes/admin-api';
import { adminPages } from './routes/admin-pages';
import { adminReports, adminReportsApi } from './routes/admin-reports';
import { apiCheckins } from './routes/api-checkins';
import { apiCooperatives } from './routes/api-cooperatives';
import { apiEvents } from './routes/api-events';
import { apiPrivacy } from './routes/api-privacy';
import { apiRegistrations } from './routes/api-registrations';
import { authRoutes } from './routes/auth';
import { campaignApi, campaignPages, followupPublic } from './routes/campaigns';
import { checkinPages } from './routes/checkin-pages';
import { openApiRoutes } from './routes/openapi';
import { pages, renderPageError } from './routes/pages';

const isApi = (c: Context) => c.req.path.startsWith('/api/') || c.req.path.startsWith('/dev/');

/**
 * Builds the whole HTTP app from its dependencies, so the Lambda entry, the local server and tests all run
 * the same code against whichever DynamoDB they were given.
 */
export function createApp(deps: AppDeps & { devRoutes?: Hono<AppEnv> }) {
  const clock = deps.clock ?? (() => new Date());
  const services = {
    store: deps.store,
    config: deps.config,
    clock,
    registrations: createRegistrationService(deps.store, clock),
    checkins: createCheckinService(deps.store, clock),
    rateLimiter: deps.rateLimiter,
    // Organizer console (issue 4)
    sessionSecret: lazySecret(() => deps.config.sessionSecret ?? loadSessionSecret(deps.config.runtime)),
    auth: createAuthService(deps.store, clock),
    adminEvents: createAdminEventsService(deps.store, clock),
    adminUsers: createAdminUsersService(deps.store, clock),
  };

  const app = new Hono<AppEnv>();
  app.use(requestId());
  // Cheap phones on slow networks: gzip every text response (API Gateway HTTP APIs do not compress).
  app.use(compress());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.runtime === 'aws' ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
      // A route that needs a different policy (the local outbox's email preview) sets its own header.
      overwrite: false,
    }),
  );
  // Pages are Bahasa Indonesia unless the visitor switches (an Indonesian office's phone may well be set to
  // English); API clients choose with Accept-Language.
  const detectLanguage = (order: ('querystring' | 'cookie' | 'header')[], remember: boolean) =>
    languageDetector({
      supportedLanguages: ['id', 'en'],
      fallbackLanguage: 'id',
      order,
      lookupQueryString: 'lang',
      lookupCookie: 'lang',
      caches: remember ? ['cookie'] : false,
      cookieOptions: { sameSite: 'Lax', httpOnly: true, secure: deps.config.runtime === 'aws', path: '/' },
    });
  const apiLanguage = detectLanguage(['querystring', 'header', 'cookie'], false);
  const pageLanguage = detectLanguage(['querystring', 'cookie'], true);
  app.use((c, next) => (isApi(c) ? apiLanguage(c, next) : pageLanguage(c, next)));
  app.use(async (c, next) => {
    c.set('language', (c.get('language') as Language) === 'en' ? 'en' : 'id');
    c.set('services', services);
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new DomainError('payload_too_large');
      },
    }),
  );
  // The console's user, when a valid session cookie came along (also what check-in's authorizeCheckin reads).
  app.use(loadUser);
  app.use(jsxRenderer(({ children }) => <>{children}</>, { docType: true }));

  for (const asset of Object.values(assets)) {
    app.get(asset.path, (c) => {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(asset.body, 200, { 'Content-Type': asset.type });
    });
  }

  app.get(consoleCss.path, (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(consoleCss.body, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/', openApiRoutes);
  app.route('/', authRoutes);
  app.use('/api/admin/*', sameOriginOnly);
  app.route('/api/admin/laporan', adminReportsApi); // reports (issue 7): before adminApi's catch-all
  app.route('/api/admin/events/:eventId/campaigns', campaignApi); // follow-ups (issue 6)
  app.route('/api/admin', adminApi);
  app.use('/admin/*', sameOriginOnly);
  app.route('/admin/laporan', adminReports); // reports (issue 7)
  app.route('/admin/acara/:eventId/tindak-lanjut', campaignPages); // follow-ups (issue 6)
  app.route('/admin', adminPages);
  app.route('/api/events', apiEvents);
  app.route('/api/events', apiCheckins);
  app.route('/api/cooperatives', apiCooperatives);
  app.route('/api/registrations', apiRegistrations);
  app.route('/api/registrations', apiPrivacy);
  app.route('/checkin', checkinPages);
  if (deps.devRoutes) app.route('/dev', deps.devRoutes);
  app.route('/', followupPublic); // certificates and unsubscribe (issue 6)
  app.route('/', pages);

  app.notFound((c) => {
    if (isApi(c)) return onError(new DomainError('not_found'), c);
    return renderPageError(404, '', c);
  });
  app.onError((error, c) => {
    if (isApi(c)) return onError(error, c);
    const { status, body } = errorBody(error, c.get('language') ?? 'id');
    if (status >= 500) onError(error, c); // logs it
    return renderPageError(status, body.error.message, c);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
