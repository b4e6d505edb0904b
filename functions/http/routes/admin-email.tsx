import type { Context } from 'hono';
import type { User } from '../../domain/accounts';
import { createEmailProblemsService } from '../../services/email-problems';
import { consoleFactory } from '../console/kit';
import { assertFormToken, requireUser } from '../console-login';
import type { ConsoleEnv } from '../context';
import { describeRoute } from '../describe-route';
import { ConsoleLayout, Csrf } from '../pages/admin/layout';
import { readForm } from '../request';

const service = (c: Context<ConsoleEnv>) =>
  createEmailProblemsService(c.get('services').store, c.get('services').clock);

const copy = {
  id: {
    title: 'Email bermasalah',
    none: 'Tidak ada email yang gagal atau belum pasti terkirim.',
    failed: 'Gagal',
    uncertain: 'Belum pasti (periksa dengan penerima sebelum mengirim ulang)',
    retry: 'Kirim ulang',
    resent: 'Email dimasukkan kembali ke antrean.',
  },
  en: {
    title: 'Email problems',
    none: 'No email has failed or is of unknown delivery.',
    failed: 'Failed',
    uncertain: 'Unknown (check with the recipient before resending)',
    retry: 'Send again',
    resent: 'The email is back in the queue.',
  },
};

const listProblems = describeRoute({
  operationId: 'listEmailProblems',
  summary: 'Emails that failed, or whose delivery is unknown, of the sessions the user manages',
  tag: 'Messages',
  access: 'session',
  responses: { 200: 'emailProblemsResponse' },
});
const retry = describeRoute({
  operationId: 'retryEmail',
  summary: 'Put a failed or uncertain email back in the queue',
  tag: 'Messages',
  access: 'session',
  responses: { 202: 'okResponse' },
  errors: [404, 409],
});

/** Failed and uncertain emails of the organizer's sessions, with a manual "send again". */
export const adminEmailApi = consoleFactory
  .createApp()
  .get('/', listProblems, async (c) => c.json({ problems: await service(c).list(await requireUser(c)) }))
  .post('/:jobId/retry', retry, async (c) => {
    await service(c).retry(await requireUser(c), c.req.param('jobId'));
    return c.json({ ok: true }, 202);
  });

export const adminEmailPages = consoleFactory
  .createApp()
  .get('/', async (c) => {
    const user = await requireUser(c);
    const language = c.get('language');
    const text = copy[language];
    const problems = await service(c).list(user);
    return c.render(
      <ConsoleLayout
        title={text.title}
        language={language}
        user={user as User}
        csrfToken={c.get('csrfToken')}
        notice={c.req.query('ok') ? text.resent : undefined}
      >
        <h1>{text.title}</h1>
        {problems.length === 0 ? <p>{text.none}</p> : null}
        {problems.map((problem) => (
          <article class="card">
            <strong>{`${problem.kind} → ${problem.to}`}</strong>
            <p class="muted">{`${problem.status === 'failed' ? text.failed : text.uncertain} · ${problem.attempts}× · ${problem.lastError ?? ''}`}</p>
            <form method="post" action={`/admin/email/${problem.id}/kirim-ulang`}>
              <Csrf token={c.get('csrfToken')} />
              <button type="submit">{text.retry}</button>
            </form>
          </article>
        ))}
      </ConsoleLayout>,
    );
  })
  .post('/:jobId/kirim-ulang', async (c) => {
    const user = await requireUser(c);
    assertFormToken(c, await readForm(c));
    await service(c).retry(user, c.req.param('jobId'));
    return c.redirect('/admin/email?ok=1', 303);
  });
