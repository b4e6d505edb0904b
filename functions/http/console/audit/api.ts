import { consoleFactory, describeConsoleRoute, me, requireSignedIn } from '../kit';

const auditLog = describeConsoleRoute({
  operationId: 'listAuditEntries',
  summary: 'The audit log, newest first (admins)',
  query: 'auditQuery',
  responses: { 200: 'auditPageResponse' },
});

/** The audit log in the console's JSON API, mounted at /api/admin; the service lets only admins read it. */
export const auditApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/audit', auditLog, async (c) => {
    const limit = Math.min(200, Math.max(1, Number(c.req.query('limit')) || 50));
    const page = await c.get('services').adminUsers.auditLog(me(c), { cursor: c.req.query('cursor'), limit });
    return c.json({ entries: page.entries, cursor: page.cursor ?? null });
  });
