import type { Context } from 'hono';
import { isDomainError } from '../../../domain/errors';
import { errorBody } from '../../error-handler';
import { consoleText } from '../../pages/admin/copy';
import { languageOf } from '../../request';
import {
  consoleFactory,
  me,
  pageProps,
  readConsoleAction,
  requireRole,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { assignmentsText } from './copy';
import { AssignmentsPage } from './views';

async function assignmentsPage(
  c: Context<SignedInEnv>,
  selectedId?: string,
  extra: { notice?: string; errors?: string[] } = {},
) {
  const { adminUsers, store } = c.get('services');
  const assistants = (await adminUsers.list(me(c))).filter((u) => u.role === 'business_assistant');
  const selected = assistants.find((a) => a.id === selectedId) ?? assistants[0];
  const assigned = selected ? await adminUsers.getAssignments(me(c), selected.id) : [];
  const regencies = await store.cooperatives.listRegencies();
  const cooperatives = (await Promise.all(regencies.map((r) => store.cooperatives.listByRegency(r.code))))
    .flat()
    .sort((a, b) => a.districtName.localeCompare(b.districtName) || a.name.localeCompare(b.name));
  return c.render(
    <AssignmentsPage
      {...pageProps(c, extra.notice)}
      assistants={assistants}
      selected={selected}
      assigned={assigned}
      cooperatives={cooperatives}
      errors={extra.errors}
    />,
  );
}

const organizers = requireRole('admin', 'organizer');

/**
 * Which cooperatives each Business Assistant mentors, mounted at /admin: chosen per assistant, or replaced for
 * several at once from a CSV. Whose assistants a user may change is the service's to check.
 */
export const assignmentPages = consoleFactory
  .createApp()
  .get('/pendamping', organizers, (c) => assignmentsPage(c, c.req.query('ba')))
  .post('/pendamping/impor', organizers, async (c) => {
    await readConsoleAction(c);
    const file = (await c.req.formData()).get('csv');
    const csv = typeof file === 'string' ? file : file ? await file.text() : '';
    try {
      const result = await c.get('services').adminUsers.importAssignments(me(c), csv);
      return assignmentsPage(c, undefined, {
        notice: assignmentsText(languageOf(c)).imported(result.rows, result.assistants),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      // Every refused row, by line and column: a file can be wrong in many places at once.
      const { body } = errorBody(error, languageOf(c));
      c.status(400);
      const errors = (body.error.issues ?? []).map((issue) => `${issue.path.join(' ')}: ${issue.message}`);
      return assignmentsPage(c, undefined, { errors });
    }
  })
  .post('/pendamping/:userId', requireSignedIn, async (c) => {
    await readConsoleAction(c);
    const ids = (await c.req.formData()).getAll('cooperativeIds').map(String);
    await c.get('services').adminUsers.setAssignments(me(c), c.req.param('userId'), ids);
    return assignmentsPage(c, c.req.param('userId'), { notice: consoleText(languageOf(c)).saved });
  });
