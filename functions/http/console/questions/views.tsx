import type { User } from '../../../domain/accounts';
import { ANSWER_MAX_LENGTH, askedByLine, type Question } from '../../../domain/questions';
import type { EventRecord, Language } from '../../../domain/schemas';
import { formatDateTime } from '../../../domain/time';
import { ConsoleLayout, Csrf } from '../../pages/admin/layout';
import { questionText } from './copy';

type PageProps = {
  language: Language;
  user: User;
  csrfToken?: string;
  notice?: string;
  error?: string;
  event: EventRecord;
  questions: Question[];
};

function Action(props: { base: string; question: Question; action: string; label: string; csrf?: string }) {
  return (
    <form method="post" action={`${props.base}/${props.question.id}/aksi`}>
      <Csrf token={props.csrf} />
      <input type="hidden" name="action" value={props.action} />
      <button type="submit" class="secondary">
        {props.label}
      </button>
    </form>
  );
}

function QuestionCard(props: PageProps & { question: Question; totals: Map<string, number>; base: string }) {
  const { question: q, language, base, csrfToken } = props;
  const t = questionText(language);
  const targets = props.questions.filter(
    (other) => other.id !== q.id && (other.status === 'approved' || other.status === 'pending'),
  );
  const act = (action: string, label: string) => (
    <Action base={base} question={q} action={action} label={label} csrf={csrfToken} />
  );
  return (
    <li class="q-item" id={`q-${q.id}`} data-question={q.id} data-status={q.status}>
      <p class="q-text">{q.text}</p>
      <p class="muted q-by">
        {`${askedByLine(q.askedBy) ?? t.anonymous} · ${formatDateTime(q.createdAt, props.event.timeZone, language)} · ${t.votes(props.totals.get(q.id) ?? q.votes)}`}
      </p>
      <p>
        {q.pinnedAt && q.status === 'approved' ? <span class="badge">{t.pinned}</span> : null}
        {q.answeredAt ? <span class="badge">{t.answered}</span> : null}
        {q.status === 'hidden' ? <span class="badge">{t.hidden}</span> : null}
        {q.status === 'merged' ? <span class="badge">{t.mergedInto}</span> : null}
      </p>
      {q.status === 'merged' ? null : (
        <div class="q-mod">
          {q.status !== 'approved' ? act('approve', t.approve) : null}
          {q.status !== 'hidden' ? act('hide', t.hide) : null}
          {q.status === 'approved' ? (q.pinnedAt ? act('unpin', t.unpin) : act('pin', t.pin)) : null}
          {q.status === 'approved'
            ? q.answeredAt
              ? act('unanswered', t.markUnanswered)
              : act('answered', t.markAnswered)
            : null}
          {targets.length ? (
            <form method="post" action={`${base}/${q.id}/aksi`}>
              <Csrf token={csrfToken} />
              <input type="hidden" name="action" value="merge" />
              <label for={`merge-${q.id}`}>{t.mergeLabel}</label>
              <select id={`merge-${q.id}`} name="targetId">
                {targets.map((target) => (
                  <option value={target.id}>{target.text.slice(0, 80)}</option>
                ))}
              </select>
              <button type="submit" class="secondary">
                {t.merge}
              </button>
            </form>
          ) : null}
        </div>
      )}
      {q.status === 'approved' ? (
        <form method="post" action={`${base}/${q.id}/jawaban`}>
          <Csrf token={csrfToken} />
          <label for={`answer-${q.id}`}>{t.answerLabel}</label>
          <textarea id={`answer-${q.id}`} name="answer" rows={3} maxlength={ANSWER_MAX_LENGTH}>
            {q.answer ?? ''}
          </textarea>
          <button type="submit">{t.saveAnswer}</button>
        </form>
      ) : null}
    </li>
  );
}

/** The moderator's console: waiting questions first, then approved by votes, then hidden and merged. */
export function QuestionsPage(props: PageProps & { totals: Map<string, number> }) {
  const { event, language } = props;
  const t = questionText(language);
  const base = `/admin/acara/${event.id}/tanya-jawab`;
  const groups: [string, string, Question[]][] = [
    ['pending', t.pending, props.questions.filter((q) => q.status === 'pending')],
    ['approved', t.approved, props.questions.filter((q) => q.status === 'approved')],
    ['others', t.others, props.questions.filter((q) => q.status === 'hidden' || q.status === 'merged')],
  ];
  return (
    <ConsoleLayout
      title={`${t.title} · ${event.title}`}
      language={language}
      user={props.user}
      csrfToken={props.csrfToken}
      notice={props.notice}
      error={props.error}
    >
      <p>
        <a href={`/admin/acara/${event.id}`}>{`← ${t.back}`}</a>
      </p>
      <h1>{`${t.title}: ${event.title}`}</h1>
      <p class="actions">
        <a class="button" href={`/acara/${event.id}/layar`} target="_blank" rel="noopener">
          {t.screen}
        </a>
        <a href={`/acara/${event.id}/tanya`}>{t.askPage}</a>
        <a href={base}>{t.reload}</a>
      </p>
      {groups.map(([key, title, list]) => (
        <section id={`group-${key}`}>
          <h2>{`${title} (${list.length})`}</h2>
          {list.length === 0 ? (
            <p class="muted">{t.none}</p>
          ) : (
            <ol class="q-list">
              {list.map((question) => (
                <QuestionCard {...props} question={question} base={base} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </ConsoleLayout>
  );
}
