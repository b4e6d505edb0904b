import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { html, raw } from 'hono/html';
import { languageDetector } from 'hono/language';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { RouterRoute } from 'hono/types';
import { lazySecret, loadSessionSecret } from '../auth/session-secret';
import { DomainError } from '../domain/errors';
import type { Language } from '../domain/schemas';
import {
  type Asset,
  assets,
  CHECKIN_SCRIPT_ROUTE,
  checkinScriptAsset,
  REGISTER_SCRIPT_ROUTE,
  registerScriptAsset,
} from './assets';
import { JSQR_ROUTE, jsQrAsset } from './assets/checkin-jsqr';
import { faviconIco } from './assets/favicon';
import { loadUser } from './console-login';
import type { AppDeps, BaseEnv, BaseServices, EnvWith } from './context';
import { describeRoute } from './describe-route';
import { errorBody, onError } from './error-handler';
import { noStoreForPrivate } from './no-store';
import { renderPageError } from './page-context';
import { consoleCss } from './pages/admin/console-styles';
import { MAX_BODY_BYTES } from './request';

const MATERIAL_UPLOAD_PATH = /^\/admin\/acara\/[^/]+\/materi$/;
const MATERIAL_DIRECT_UPLOAD_PAGE = /^\/admin\/acara\/[^/]+\/materi\/unggah$/;
const isApi = (c: Context) => c.req.path.startsWith('/api/') || c.req.path.startsWith('/dev/');

const health = describeRoute({
  operationId: 'getHealth',
  summary: 'Liveness',
  tag: 'Service',
  access: 'public',
  responses: { 200: 'okResponse' },
});

/**
 * What a surface adds to the shared shell: the services its routes use, built whole from the shell's before any
 * route is mounted, and its routes, made with its own factory (`publicFactory`, `consoleFactory`) on an app typed
 * with its own environment.
 */
export type Surface = {
  services: (base: BaseServices) => BaseServices;
  /** Mounts the surface's routes on the shell. */
  mount: (shell: Hono<BaseEnv>) => void;
  /** The surface's routes alone (the console's OpenAPI document reads the public surface's this way). */
  routes: () => RouterRoute[];
};

/**
 * A surface whose routes see exactly the services it builds. `routes` gets the whole app's routes once mounted
 * (the console's OpenAPI document reads them).
 */
export function defineSurface<S extends BaseServices>(surface: {
  services: (base: BaseServices) => S;
  routes: (appRoutes: () => RouterRoute[]) => Hono<EnvWith<S>>;
}): Surface {
  return {
    services: surface.services,
    mount: (shell) => {
      shell.route(
        '/',
        surface.routes(() => shell.routes),
      );
    },
    routes: () => surface.routes(() => []).routes,
  };
}

/**
 * The middleware, error handling and assets every surface shares. The public Lambda (registration, tickets,
 * check-in) and the console Lambda (organizers, reports, campaigns) each mount only their own routes, so
 * neither bundles the other's dependencies; `npm start` and most tests mount both (functions/http/app.tsx).
 */
export function createHttpApp(deps: AppDeps & { devRoutes?: Hono<BaseEnv> }, surfaces: Surface[]) {
  const clock = deps.clock ?? (() => new Date());
  const base: BaseServices = {
    store: deps.store,
    config: deps.config,
    clock,
    rateLimiter: deps.rateLimiter,
    exportFiles: deps.exportFiles,
    materialFiles: deps.materialFiles,
    sessionSecret: lazySecret(
      async () =>
        deps.config.sessionSecret ??
        (await deps.config.loadSessionSecret?.()) ??
        loadSessionSecret(deps.config.runtime),
    ),
  };
  // Every surface's services exist before any request: a route reads exactly what its surface's env declares.
  const services: BaseServices = { ...base };
  for (const surface of surfaces) Object.assign(services, surface.services(base));

  const app = new Hono<BaseEnv>();
  app.use(requestId());
  // Cheap phones on slow networks: gzip what is read (pages, assets, rosters, exports), as API Gateway HTTP APIs do
  // not compress. Answers to writes are a few hundred bytes (a scan's is 230), which gzip would not shrink; hono
  // cannot see their length, so it would compress them all.
  const gzip = compress();
  app.use((c, next) => (c.req.method === 'GET' ? gzip(c, next) : next()));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // The material upload page in AWS posts its file straight to S3 (console/guests/routes.tsx): that page
        // alone may send a form to the bucket.
        formAction: [
          "'self'",
          (c) =>
            MATERIAL_DIRECT_UPLOAD_PAGE.test(c.req.path) ? (deps.materialFiles?.uploadOrigin ?? '') : '',
        ],
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
  app.use(noStoreForPrivate);
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
  const smallBodies = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new DomainError('payload_too_large');
    },
  });
  // A speaker's slides are uploaded through the app (up to 25 MB): that one route sets its own, larger limit.
  app.use((c, next) =>
    c.req.method === 'POST' && MATERIAL_UPLOAD_PATH.test(c.req.path) ? next() : smallBodies(c, next),
  );
  // The console's user, when a valid session cookie came along (also what check-in's authorizeCheckin reads).
  app.use(loadUser);
  // Every page is a whole document. (hono/jsx-renderer does the same but loads JSX hooks and the DOM renderer
  // along: 20 KiB of the public function's cold start.)
  app.use((c, next) => {
    c.setRenderer((content) => c.html(html`${raw('<!DOCTYPE html>')}${content}`));
    return next();
  });

  // Fingerprinted assets never change under their name; a route pattern that matches any fingerprint serves only
  // the current one (the browser scripts and jsQR decoder, read on first use).
  const immutable = (c: Context, asset: Asset) => {
    if (!asset.path || c.req.path !== asset.path) return c.notFound();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  };
  for (const asset of Object.values(assets)) app.get(asset.path, (c) => immutable(c, asset));
  app.get(REGISTER_SCRIPT_ROUTE, (c) => immutable(c, registerScriptAsset()));
  app.get(CHECKIN_SCRIPT_ROUTE, (c) => immutable(c, checkinScriptAsset()));
  app.get(JSQR_ROUTE, (c) => immutable(c, jsQrAsset()));
  app.get(consoleCss.path, (c) => immutable(c, { ...consoleCss, type: 'text/css; charset=utf-8' }));
  // Not fingerprinted, so cached for a month rather than forever: a new icon reaches everyone within weeks.
  app.get('/favicon.ico', (c) =>
    c.body(new Uint8Array(faviconIco), 200, {
      'Content-Type': 'image/x-icon',
      'Cache-Control': 'public, max-age=2592000',
    }),
  );

  app.get('/api/health', health, (c) => c.json({ ok: true }));
  if (deps.devRoutes) app.route('/dev', deps.devRoutes);
  for (const surface of surfaces) surface.mount(app);

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
