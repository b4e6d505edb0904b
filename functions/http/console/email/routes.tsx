import type { Context } from 'hono';
import { createEmailProblemsService } from '../../../services/email-problems';
import {
  consoleFactory,
  describeConsoleRoute,
  me,
  readConsoleAction,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { emailProblemsText } from './copy';
import { EmailProblemsPage } from './views';

const service = (c: Context<SignedInEnv>) =>
  createEmailProblemsService(c.var.services.store, c.var.services.clock);

const listProblems = describeConsoleRoute({
  operationId: 'listEmailProblems',
  summary: 'Emails that failed, or whose delivery is unknown, of the sessions the user manages',
  tag: 'Messages',
  responses: { 200: 'emailProblemsResponse' },
});
const retry = describeConsoleRoute({
  operationId: 'retryEmail',
  summary: 'Put a failed or uncertain email back in the queue',
  tag: 'Messages',
  responses: { 202: 'okResponse' },
  errors: [404, 409],
});

/** Failed and uncertain emails of the organizer's sessions, with a manual "send again". Mounted at /api/admin/email. */
export const adminEmailApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', listProblems, async (c) => c.json({ problems: await service(c).list(me(c)) }))
  .post('/:jobId/retry', retry, async (c) => {
    await service(c).retry(me(c), c.req.param('jobId'));
    return c.json({ ok: true }, 202);
  });

/** The same as a console page. Mounted at /admin/email. */
export const adminEmailPages = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', async (c) => {
    const notice = c.req.query('ok') ? emailProblemsText(c.var.language).resent : undefined;
    return c.render(
      <EmailProblemsPage
        language={c.var.language}
        user={me(c)}
        csrfToken={c.var.csrfToken}
        notice={notice}
        problems={await service(c).list(me(c))}
      />,
    );
  })
  .post('/:jobId/kirim-ulang', async (c) => {
    await readConsoleAction(c);
    await service(c).retry(me(c), c.req.param('jobId'));
    return c.redirect('/admin/email?ok=1', 303);
  });
