import type { Context } from 'hono';
import { isDomainError } from '../../domain/errors';
import { ticketCodeFrom } from '../../domain/tokens';
import type { TicketEvaluation } from '../../services/evaluations';
import type { PublicEnv } from '../context';
import { errorBody } from '../error-handler';
import type { EvaluationValues } from '../pages/evaluation-page';
import type { FieldErrors } from '../pages/register-page';
import { publicFactory } from '../public-factory';
import { readForm } from '../request';

async function page(
  c: Context<PublicEnv>,
  found: TicketEvaluation,
  extra: { values?: EvaluationValues; errors?: FieldErrors; formError?: string } = {},
) {
  // An officer opens this page once, after the session: it loads with its first request, not with the function.
  const { EvaluationPage } = await import('../pages/evaluation-page');
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.render(
    <EvaluationPage
      language={c.get('language')}
      path={`/t/${found.participant.ticketCode}/evaluasi`}
      ticketCode={found.participant.ticketCode}
      officerName={found.participant.name}
      eventTitle={found.event.title}
      timeZone={found.event.timeZone}
      form={found.form}
      state={found.state}
      closesAt={found.closesAt}
      {...extra}
    />,
  );
}

const codeOf = (c: Context<PublicEnv>) => ticketCodeFrom(c.req.param('code') ?? '') ?? '';

/**
 * The evaluation form of one ticket, at /t/<code>/evaluasi: the ticket code is the officer's key, as for the
 * ticket page. A second answer, an officer not checked in and a closed form are refused by the service; the page
 * then says why instead of showing the form.
 */
export const evaluationForm = publicFactory
  .createApp()
  .get('/t/:code/evaluasi', async (c) =>
    page(c, await (await c.get('services').evaluations()).forTicket(codeOf(c))),
  )
  .post('/t/:code/evaluasi', async (c) => {
    const form = await readForm(c);
    const code = codeOf(c);
    const service = await c.get('services').evaluations();
    try {
      const answered = await service.submit(code, form, c.get('language'));
      return page(c, answered);
    } catch (error) {
      if (!isDomainError(error) || error.code === 'not_found') throw error;
      const found = await service.forTicket(code);
      const { status, body } = errorBody(error, c.get('language'));
      c.status(status);
      const errors: FieldErrors = {};
      for (const issue of body.error.issues ?? []) errors[issue.path.join('.')] ??= issue.message;
      return page(c, found, {
        values: form as EvaluationValues,
        errors,
        formError: body.error.message,
      });
    }
  });
