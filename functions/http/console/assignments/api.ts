import { assignmentInput } from '../../../domain/accounts';
import { DomainError } from '../../../domain/errors';
import { MAX_BODY_BYTES, readJson, validate } from '../../request';
import { consoleFactory, describeConsoleRoute, me, requireSignedIn } from '../kit';

const getAssignments = describeConsoleRoute({
  operationId: 'getAssignedCooperatives',
  summary: 'A Business Assistant’s cooperatives',
  responses: { 200: 'assignmentsResponse' },
  errors: [404],
});
const setAssignments = describeConsoleRoute({
  operationId: 'setAssignedCooperatives',
  summary: 'Replace a Business Assistant’s cooperatives',
  body: assignmentInput,
  responses: { 200: 'assignmentsResponse' },
  errors: [404],
});
const importAssignments = describeConsoleRoute({
  operationId: 'importAssignments',
  summary: 'Replace Business Assistants’ cooperatives from a CSV of `email,cooperativeId` rows',
  body: 'csvBody',
  bodyType: 'text/csv',
  responses: { 200: 'assignmentImportResponse' },
});

/** Which cooperatives each Business Assistant mentors, in the console's JSON API, mounted at /api/admin. */
export const assignmentsApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
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
  });
