import type { Context } from 'hono';
import * as z from 'zod/mini';
import { isDomainError } from '../../../domain/errors';
import {
  answerInput,
  effectiveVotes,
  moderationActions,
  moderationInput,
  questionId,
} from '../../../domain/questions';
import { type QuestionService, questionServiceOf } from '../../../services/questions';
import { readJson, validate } from '../../request';
import {
  consoleFactory,
  describeConsoleRoute,
  me,
  readConsoleForm,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { questionText } from './copy';
import { QuestionsPage } from './views';

const questions = (c: Context<SignedInEnv>): QuestionService =>
  questionServiceOf(c.get('services').store, c.get('services').clock);

const eventIdOf = (c: Context<SignedInEnv>) => c.req.param('eventId') as string;

async function page(c: Context<SignedInEnv>, extra: { notice?: string; error?: string } = {}) {
  const { event, questions: list } = await questions(c).list(me(c), eventIdOf(c));
  return c.render(
    <QuestionsPage
      language={c.get('language')}
      user={me(c)}
      csrfToken={c.get('csrfToken')}
      notice={extra.notice}
      error={extra.error}
      event={event}
      questions={list}
      totals={effectiveVotes(list)}
    />,
  );
}

/** A moderation the rules refuse (a stale page, a merge into a hidden question) shows the list again with why. */
async function orRefused(c: Context<SignedInEnv>, work: () => Promise<unknown>, anchor: string) {
  try {
    await work();
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'conflict') throw error;
    c.status(409);
    return page(c, { error: questionText(c.get('language')).conflict });
  }
  return c.redirect(`/admin/acara/${eventIdOf(c)}/tanya-jawab?ok=1#q-${anchor}`, 303);
}

const moderationForm = z.object({
  action: z.enum(moderationActions),
  targetId: z.optional(questionId),
});

/**
 * The moderator's console for one session, mounted at /admin/acara/:eventId/tanya-jawab: approve, hide, merge,
 * pin, mark answered and write answers. Rights per session are checked by the service.
 */
export const questionConsole = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', (c) => page(c, { notice: c.req.query('ok') ? questionText(c.get('language')).saved : undefined }))
  .post('/:questionId/aksi', async (c) => {
    const questionIdParam = c.req.param('questionId');
    const read = await readConsoleForm(c, moderationForm);
    if (!read.ok) return page(c, { error: read.message });
    return orRefused(
      c,
      () =>
        questions(c).moderate(me(c), eventIdOf(c), questionIdParam, read.values.action, read.values.targetId),
      questionIdParam,
    );
  })
  .post('/:questionId/jawaban', async (c) => {
    const questionIdParam = c.req.param('questionId');
    const read = await readConsoleForm(c, answerInput);
    if (!read.ok) return page(c, { error: read.message });
    return orRefused(
      c,
      () => questions(c).answer(me(c), eventIdOf(c), questionIdParam, read.values.answer),
      questionIdParam,
    );
  });

const questionSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'approved', 'hidden', 'merged']),
  source: z.enum(['ticket', 'screen']),
  askedBy: z.optional(z.object({ cooperativeName: z.string(), villageName: z.optional(z.string()) })),
  createdAt: z.string(),
  votes: z.number(),
  rev: z.number(),
  mergedInto: z.optional(z.string()),
  answeredAt: z.optional(z.string()),
  answer: z.optional(z.string()),
  pinnedAt: z.optional(z.string()),
  moderatedAt: z.optional(z.string()),
});
const questionListResponse = z.object({ questions: z.array(questionSchema) });
const questionEnvelope = z.object({ question: questionSchema });

const listQuestions = describeConsoleRoute({
  operationId: 'listQuestions',
  summary:
    'Every question of a session for the moderator: waiting first, then approved by votes, then the rest',
  tag: 'Questions',
  responses: { 200: questionListResponse },
  errors: [404],
});
const moderateQuestion = describeConsoleRoute({
  operationId: 'moderateQuestion',
  summary: 'Approve, hide, merge into another, pin, unpin, or mark a question answered or not',
  tag: 'Questions',
  body: moderationInput,
  responses: { 200: questionEnvelope },
  errors: [404, 409],
});
const answerQuestion = describeConsoleRoute({
  operationId: 'answerQuestion',
  summary: 'Write or edit the answer to an approved question (marks it answered)',
  tag: 'Questions',
  body: answerInput,
  responses: { 200: questionEnvelope },
  errors: [404, 409],
});

/** The same in JSON, mounted at /api/admin/events/:eventId/questions. */
export const questionApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', listQuestions, async (c) => {
    const { questions: list } = await questions(c).list(me(c), eventIdOf(c));
    return c.json({ questions: list });
  })
  .post('/:questionId/moderation', moderateQuestion, async (c) => {
    const input = validate(moderationInput, await readJson(c), c);
    const question = await questions(c).moderate(
      me(c),
      eventIdOf(c),
      c.req.param('questionId'),
      input.action,
      input.targetId,
    );
    return c.json({ question });
  })
  .put('/:questionId/answer', answerQuestion, async (c) => {
    const input = validate(answerInput, await readJson(c), c);
    const question = await questions(c).answer(me(c), eventIdOf(c), c.req.param('questionId'), input.answer);
    return c.json({ question });
  });
