import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handler } from 'hono';
import type { RouterRoute } from 'hono/types';
import { DomainError } from '../domain/errors';
import type { MaterialFileStore } from '../reports/material-files';
import { createDiskMaterialFiles } from '../reports/material-files-disk';
import { createAdminEventsService } from '../services/admin-events';
import { createAdminUsersService } from '../services/admin-users';
import { createAssistedRegistrationService } from '../services/assisted-registrations';
import { createAuthService } from '../services/auth-service';
import { createCampaignService } from '../services/campaigns';
import { createCertificateService } from '../services/certificates';
import { createCheckinService } from '../services/checkins';
import { createCoverageService } from '../services/coverage';
import type { EvaluationService } from '../services/evaluations';
import { createGuestService } from '../services/guests';
import { createMaterialService, type MaterialService } from '../services/materials';
import { createOutreachService } from '../services/outreach';
import type { ReportsService } from '../services/reports';
import { assignmentsApi } from './console/assignments/api';
import { assignmentPages } from './console/assignments/routes';
import { assistedRoutes } from './console/assisted/routes';
import { auditApi } from './console/audit/api';
import { auditPages } from './console/audit/routes';
import { adminCoverage, coverageViewerGate } from './console/cakupan/routes';
import { campaignApi, campaignPages, followupPublic } from './console/campaigns/routes';
import { adminEmailApi, adminEmailPages } from './console/email/routes';
import { evaluationApi, evaluationConsole } from './console/evaluation/routes';
import { eventsApi } from './console/events/api';
import { eventPages } from './console/events/routes';
import { guestRoutes } from './console/guests/routes';
import { consoleFactory } from './console/kit';
import { messageLogApi } from './console/message-log/routes';
import { outreachRoutes } from './console/outreach/routes';
import { questionApi, questionConsole } from './console/questions/routes';
import { registrationsApi } from './console/registrations/api';
import { registrationPages } from './console/registrations/routes';
import { adminReports, adminReportsApi } from './console/reports/routes';
import { stationsApi } from './console/stations/api';
import { stationPages } from './console/stations/routes';
import { meApi, organisationsApi, usersApi } from './console/users/api';
import { userPages } from './console/users/routes';
import { sameOriginOnly } from './console-login';
import type { BaseServices, ConsoleEnv, ConsoleServices } from './context';
import { describeRoute } from './describe-route';
import { defineSurface } from './http-app';
import { authRoutes } from './routes/auth';

/**
 * The OpenAPI document is generated from the app's routes with hono-openapi and zod's JSON Schema generator (with
 * zod's locales, several hundred KiB), for pages few people open: /api/openapi.json and everything under /api/docs
 * load them with their first request. The answer is copied into this request's context, so the app's middleware
 * (request id, security headers, compression) treats it as one of its own routes' answers, and a path those routes
 * do not know gets the app's own 404.
 */
const loadOpenApiRoutes = (appRoutes: () => RouterRoute[]) =>
  import('./routes/openapi').then((module) => module.createOpenApiRoutes(appRoutes));
const openApi = (appRoutes: () => RouterRoute[]): Handler<ConsoleEnv> => {
  let openApiRoutes: ReturnType<typeof loadOpenApiRoutes> | undefined;
  return async (c) => {
    openApiRoutes ??= loadOpenApiRoutes(appRoutes);
    const res = await (await openApiRoutes).request(c.req.raw);
    if (res.status === 404) return c.notFound();
    return c.body(await res.arrayBuffer(), res.status as 200, Object.fromEntries(res.headers));
  };
};

/**
 * The file store the deployment gave (S3 in AWS); otherwise a folder: `.data/materials` under `npm start`, a
 * temporary one in tests. In AWS without a bucket there is nowhere to keep files: uploads are refused.
 */
function materialFilesOf(base: BaseServices): MaterialFileStore {
  if (base.materialFiles) return base.materialFiles;
  const { runtime } = base.config;
  if (runtime === 'aws') throw new DomainError('unavailable');
  return createDiskMaterialFiles(
    runtime === 'local'
      ? join(process.env.HADIR_DATA_DIR ?? join(process.cwd(), '.data'), 'materials')
      : join(tmpdir(), `hadir-materials-${process.pid}`),
  );
}

/**
 * What Dinas staff use: sign-in, sessions, stations, reports, follow-up campaigns, plus the public certificate
 * and unsubscribe pages those produce. Its heavier dependencies (PDF, XLSX, email rendering for previews,
 * OpenAPI) stay out of the public Lambda, and out of this one's cold start: each is imported by the first request
 * that uses it.
 */
export const consoleSurface = defineSurface<ConsoleServices>({
  services: (base) => {
    let materials: MaterialService | undefined;
    let evaluations: Promise<EvaluationService> | undefined;
    let reports: Promise<ReportsService> | undefined;
    const checkins = createCheckinService(base.store, base.clock);
    return {
      ...base,
      auth: createAuthService(base.store, base.clock),
      adminEvents: createAdminEventsService(base.store, base.clock),
      adminUsers: createAdminUsersService(base.store, base.clock),
      checkins,
      outreach: createOutreachService(base.store, base.clock),
      campaigns: createCampaignService(base.store, base.clock),
      certificates: createCertificateService(base.store, base.clock),
      coverage: createCoverageService(base.store, base.clock),
      assisted: createAssistedRegistrationService(base.store, base.clock),
      guests: createGuestService(base.store, base.clock),
      materials: () => (materials ??= createMaterialService(base.store, materialFilesOf(base), base.clock)),
      evaluations: () =>
        (evaluations ??= import('../services/evaluations').then((module) =>
          module.createEvaluationService(base.store, base.clock),
        )),
      reports: () =>
        (reports ??= import('../services/reports').then((module) =>
          module.createReportsService(base.store, checkins, base.clock),
        )),
    };
  },
  routes: (appRoutes) => {
    const app = consoleFactory.createApp();
    const docs = openApi(appRoutes);
    app.get(
      '/api/openapi.json',
      describeRoute({
        operationId: 'getOpenApiDocument',
        summary: 'This document (OpenAPI 3.1), generated from the routes',
        tag: 'Service',
        access: 'public',
        responses: { 200: { type: 'application/json', schema: 'openApiDocument' } },
      }),
      docs,
    );
    app.get(
      '/api/docs',
      describeRoute({
        operationId: 'getApiDocs',
        summary: 'This document in Swagger UI',
        tag: 'Service',
        access: 'public',
        responses: { 200: { type: 'text/html' } },
      }),
      docs,
    );
    app.get('/api/docs/*', docs); // Swagger UI's own files
    app.route('/', authRoutes);
    app.use('/api/admin/*', sameOriginOnly);
    app.use('/api/admin/*', coverageViewerGate);
    app.use('/admin', coverageViewerGate);
    app.use('/admin/*', coverageViewerGate);
    app.route('/api/admin/laporan', adminReportsApi); // before meApi's guard for all of /api/admin
    app.route('/api/admin/email', adminEmailApi);
    app.route('/api/admin/events/:eventId/campaigns', campaignApi);
    app.route('/api/admin/events/:eventId/messages', messageLogApi);
    app.route('/api/admin/events/:eventId/questions', questionApi);
    app.route('/api/admin/events/:eventId/evaluation', evaluationApi);
    // The first of these guards every /api/admin path not answered above (401 rather than 404 without a sign-in).
    app.route('/api/admin', meApi);
    app.route('/api/admin', eventsApi);
    app.route('/api/admin', stationsApi);
    app.route('/api/admin', registrationsApi);
    app.route('/api/admin', usersApi);
    app.route('/api/admin', assignmentsApi);
    app.route('/api/admin', organisationsApi);
    app.route('/api/admin', auditApi);
    app.use('/admin/*', sameOriginOnly);
    app.route('/', assistedRoutes); // /admin/acara/:eventId/daftarkan and /jendela-check-in
    app.route('/', outreachRoutes); // /admin/acara/:eventId/undangan and /api/admin/events/:eventId/outreach
    app.route('/', guestRoutes); // /admin/acara/:eventId/tamu, /materi and the public /acara/:eventId/materi/:id
    app.route('/admin/cakupan', adminCoverage);
    app.route('/admin/laporan', adminReports);
    app.route('/admin/email', adminEmailPages);
    app.route('/admin/acara/:eventId/tindak-lanjut', campaignPages);
    app.route('/admin/acara/:eventId/evaluasi', evaluationConsole);
    app.route('/admin/acara/:eventId/tanya-jawab', questionConsole);
    // The first of these guards every /admin path not answered above (to the sign-in page without one).
    app.route('/admin', eventPages);
    app.route('/admin', stationPages);
    app.route('/admin', registrationPages);
    app.route('/admin', userPages);
    app.route('/admin', assignmentPages);
    app.route('/admin', auditPages);
    app.route('/', followupPublic);
    return app;
  },
});
