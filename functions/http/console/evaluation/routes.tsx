import type { Context } from 'hono';
import { canManageEvent } from '../../../domain/access-policy';
import { evaluationFormSchema, newScaleKey } from '../../../domain/evaluation';
import { readJson } from '../../request';
import {
  consoleFactory,
  describeConsoleRoute,
  formRefusal,
  me,
  readConsoleForm,
  requireSignedIn,
  type SignedInEnv,
} from '../kit';
import { evaluationText } from './copy';
import { EvaluationFormPage, EvaluationResultsPage, type FormValues, formValuesOf } from './views';

const evaluations = (c: Context<SignedInEnv>) => c.get('services').evaluations();

const base = (c: Context<SignedInEnv>, notice?: string) => ({
  language: c.get('language'),
  user: me(c),
  csrfToken: c.get('csrfToken'),
  notice,
});

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The editor's fields as a form definition: rows ticked for removal left out, a new question (when its label is
 * filled) added with a key made from its label. Keys of kept rows come back as they were, so answers keep counting.
 */
function formInput(form: Record<string, unknown>): FormValues {
  const rows = Array.isArray(form.scales) ? (form.scales as Record<string, unknown>[]) : [];
  const scales = rows
    .filter((row) => row && row.remove !== 'true')
    .map((row) => ({
      key: text(row.key),
      label: text(row.label),
      ...(text(row.labelEn).trim() ? { labelEn: text(row.labelEn) } : {}),
    }));
  const label = text(form.newLabel).trim();
  if (label) {
    scales.push({
      key: newScaleKey(
        label,
        scales.map((s) => s.key),
      ),
      label,
      ...(text(form.newLabelEn).trim() ? { labelEn: text(form.newLabelEn) } : {}),
    });
  }
  return { scales, closesAfterDays: text(form.closesAfterDays) };
}

/**
 * The session evaluation in the console, mounted at /admin/acara/:eventId/evaluasi: the results (organizers and
 * admins see everything, a Business Assistant their own cooperatives' needs), the form editor and the exports.
 * Rights per session are checked by the service.
 */
export const evaluationConsole = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', async (c) => {
    const eventId = c.req.param('eventId') as string;
    const result = await (await evaluations(c)).results(me(c), eventId, c.get('language'));
    return c.render(
      <EvaluationResultsPage
        {...base(c, c.req.query('ok') ? evaluationText(c.get('language')).saved : undefined)}
        event={result.event}
        summary={result.summary}
        closesAt={result.closesAt}
        now={c.get('services').clock()}
        full={result.full}
        canManage={canManageEvent(me(c), result.event)}
      />,
    );
  })
  .get('/formulir', async (c) => {
    const { event, form, answers } = await (await evaluations(c)).editableForm(
      me(c),
      c.req.param('eventId') as string,
    );
    return c.render(
      <EvaluationFormPage {...base(c)} event={event} values={formValuesOf(form)} answers={answers} />,
    );
  })
  .post('/formulir', async (c) => {
    const eventId = c.req.param('eventId') as string;
    const { event, answers } = await (await evaluations(c)).editableForm(me(c), eventId);
    const read = await readConsoleForm(c, evaluationFormSchema, formInput);
    if (!read.ok) {
      return c.render(
        <EvaluationFormPage
          {...base(c)}
          error={read.message}
          event={event}
          values={formInput(read.form)}
          answers={answers}
          errors={read.errors}
        />,
      );
    }
    try {
      await (await evaluations(c)).saveForm(me(c), eventId, read.values, c.get('language'));
    } catch (error) {
      const refused = formRefusal(error, c);
      return c.render(
        <EvaluationFormPage
          {...base(c)}
          error={refused.message}
          event={event}
          values={formInput(read.form)}
          answers={answers}
          errors={refused.errors}
        />,
      );
    }
    return c.redirect(`/admin/acara/${eventId}/evaluasi?ok=1`, 303);
  })
  .get('/ekspor/:format{csv|xlsx}', async (c) => {
    const eventId = c.req.param('eventId') as string;
    const format = c.req.param('format') === 'xlsx' ? 'xlsx' : 'csv';
    const file = await (await evaluations(c)).exportAnswers(me(c), eventId, format);
    const relay = c.get('services').exportFiles;
    if (relay) return c.redirect(await relay.publish(file, eventId), 303);
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(file.body);
  });

const getEvaluation = describeConsoleRoute({
  operationId: 'getEvaluation',
  summary: 'A session’s evaluation: response rate, averages and distributions, free text and needs',
  description:
    'Organizers and admins get every answer’s figures; a Business Assistant gets the needs of their own cooperatives.',
  tag: 'Reports',
  responses: { 200: 'evaluationResponse' },
  errors: [404],
});
const putEvaluationForm = describeConsoleRoute({
  operationId: 'setEvaluationForm',
  summary: 'Replace a session’s evaluation questions and closing days',
  tag: 'Reports',
  body: evaluationFormSchema,
  responses: { 200: 'evaluationFormResponse' },
  errors: [404],
});

/** The same as JSON, mounted at /api/admin/events/:eventId/evaluation. */
export const evaluationApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/', getEvaluation, async (c) => {
    const result = await (await evaluations(c)).results(
      me(c),
      c.req.param('eventId') as string,
      c.get('language'),
    );
    return c.json({
      eventId: result.event.id,
      closesAt: result.closesAt.toISOString(),
      full: result.full,
      form: result.form,
      summary: result.summary,
    });
  })
  .put('/form', putEvaluationForm, async (c) => {
    const eventId = c.req.param('eventId') as string;
    // Rights before the body is read: a caller without them learns nothing from a validation answer.
    await (await evaluations(c)).editableForm(me(c), eventId);
    const saved = await (await evaluations(c)).saveForm(me(c), eventId, await readJson(c), c.get('language'));
    return c.json({ scales: saved.scales, closesAfterDays: saved.closesAfterDays });
  });
