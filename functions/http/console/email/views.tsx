import type { User } from '../../../domain/accounts';
import type { Language } from '../../../domain/schemas';
import type { createEmailProblemsService } from '../../../services/email-problems';
import { ConsoleLayout, Csrf } from '../../pages/admin/layout';
import { emailProblemsText } from './copy';

type Problem = Awaited<ReturnType<ReturnType<typeof createEmailProblemsService>['list']>>[number];

/** Failed and uncertain emails of the user's sessions, each with a "send again" button. */
export function EmailProblemsPage(props: {
  language: Language;
  user: User;
  csrfToken?: string;
  notice?: string;
  problems: Problem[];
}) {
  const text = emailProblemsText(props.language);
  return (
    <ConsoleLayout
      title={text.title}
      language={props.language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
    >
      <h1>{text.title}</h1>
      {props.problems.length === 0 ? <p>{text.none}</p> : null}
      {props.problems.map((problem) => (
        <article class="card">
          <strong>{`${problem.kind} → ${problem.to}`}</strong>
          <p class="muted">{`${problem.status === 'failed' ? text.failed : text.uncertain} · ${problem.attempts}× · ${problem.lastError ?? ''}`}</p>
          <form method="post" action={`/admin/email/${problem.id}/kirim-ulang`}>
            <Csrf token={props.csrfToken} />
            <button type="submit">{text.retry}</button>
          </form>
        </article>
      ))}
    </ConsoleLayout>
  );
}
