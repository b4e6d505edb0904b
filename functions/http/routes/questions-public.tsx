import type { Context } from 'hono';
import * as z from 'zod/mini';
import { DomainError } from '../../domain/errors';
import { questionInput, voteInput } from '../../domain/questions';
import { ticketCodeFrom } from '../../domain/tokens';
import type { QuestionService } from '../../services/questions';
import { QUESTIONS_SCRIPT_ROUTE, questionsScriptAsset } from '../assets';
import type { PublicEnv } from '../context';
import { describeRoute } from '../describe-route';
import { baseUrlOf, currentPath } from '../page-context';
import { publicFactory } from '../public-factory';
import { clientAddress, limit } from '../rate-limit';
import { readJson, validate } from '../request';

/**
 * Tanya jawab, public side: the JSON API phones use (ask, the board, votes), the phone's ask page
 * (/acara/:eventId/tanya, from the ticket page with the officer's code or from the projector's QR without one) and
 * the projector's presenter view (/acara/:eventId/layar). The presenter view shows only approved questions, so it
 * needs no sign-in.
 */
/** The service with its repository and rules, imported by the first question request: most requests never need it. */
async function questionService(c: Context<PublicEnv>): Promise<QuestionService> {
  const { questionServiceOf } = await import('../../services/questions');
  return questionServiceOf(c.get('services').store, c.get('services').clock);
}

const boardEntry = z.object({
  id: z.string(),
  text: z.string(),
  votes: z.number(),
  answered: z.boolean(),
  askedBy: z.optional(z.string()),
});
export const boardResponse = z.object({
  eventId: z.string(),
  version: z.number(),
  pinned: z.optional(boardEntry),
  top: z.array(boardEntry),
  approved: z.number(),
  answered: z.number(),
});
const askedResponse = z.object({
  question: z.object({ id: z.string(), status: z.enum(['pending', 'approved', 'hidden', 'merged']) }),
});
const votedResponse = z.object({ counted: z.boolean(), board: boardResponse });

const askQuestion = describeRoute({
  operationId: 'askQuestion',
  summary: 'Send a question to the speaker (kept private until a moderator approves it)',
  description:
    'The client makes the id (a UUID): a retry with the same id answers 200 with the first question instead of ' +
    'storing it twice. With a ticket code the question shows the officer’s cooperative and desa; without one it is ' +
    'anonymous. At most 500 characters; rate-limited per address, phone or ticket, and session.',
  tag: 'Questions',
  access: 'public',
  body: questionInput,
  responses: { 201: askedResponse, 200: askedResponse },
  errors: [404, 409, 429],
});
const getBoard = describeRoute({
  operationId: 'getQuestionBoard',
  summary: 'The pinned question and the top approved questions, for the projector and phones to poll',
  description:
    'Send the last ETag in `If-None-Match`: an unchanged board answers 304 without a body. Served from memory for ' +
    'up to two seconds per instance.',
  tag: 'Questions',
  access: 'public',
  responses: { 200: boardResponse, 304: null },
  errors: [404],
});
const voteQuestion = describeRoute({
  operationId: 'voteQuestion',
  summary: 'Vote for an approved question (once per ticket, or per phone without one)',
  tag: 'Questions',
  access: 'public',
  body: voteInput,
  responses: { 200: votedResponse },
  errors: [404, 409, 429],
});

export const apiQuestions = publicFactory
  .createApp()
  .post('/:eventId/questions', askQuestion, async (c) => {
    const eventId = c.req.param('eventId');
    await limit(c, 'questionAddress', clientAddress(c));
    const input = validate(questionInput, await readJson(c), c);
    await limit(c, 'questionAsker', `${eventId}:${input.ticketCode ?? input.deviceId ?? clientAddress(c)}`);
    await limit(c, 'questionSession', eventId);
    const { question, created } = await (await questionService(c)).ask(eventId, input);
    return c.json({ question: { id: question.id, status: question.status } }, created ? 201 : 200);
  })
  .get('/:eventId/questions/board', getBoard, async (c) => {
    const board = await (await questionService(c)).board(c.req.param('eventId'));
    const etag = `"q${board.version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(board);
  })
  .post('/:eventId/questions/:questionId/votes', voteQuestion, async (c) => {
    const eventId = c.req.param('eventId');
    await limit(c, 'voteAddress', clientAddress(c));
    const input = validate(voteInput, await readJson(c), c);
    await limit(c, 'voteSession', eventId);
    return c.json(await (await questionService(c)).vote(eventId, c.req.param('questionId'), input));
  });

async function publishedEvent(c: Context<PublicEnv>) {
  const event = await c.get('services').store.events.get(c.req.param('eventId') ?? '');
  if (!event?.published || event.cancelled) throw new DomainError('not_found');
  return event;
}

export const questionPages = publicFactory
  .createApp()
  .get(QUESTIONS_SCRIPT_ROUTE, (c) => {
    const asset = questionsScriptAsset();
    if (c.req.path !== asset.path) return c.notFound();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  })
  .get('/acara/:eventId/tanya', async (c) => {
    const event = await publishedEvent(c);
    const code = ticketCodeFrom(c.req.query('kode') ?? '') ?? undefined;
    const ticket = code ? await c.get('services').store.registrations.findTicket(code) : undefined;
    const mine = ticket && ticket.registration.eventId === event.id ? ticket : undefined;
    // The ticket code is in this page's address: it must not leave in a Referer.
    c.header('Referrer-Policy', 'no-referrer');
    const { AskPage } = await import('../pages/questions-pages');
    return c.render(
      <AskPage
        language={c.get('language')}
        path={currentPath(c)}
        eventId={event.id}
        eventTitle={event.title}
        ticketCode={mine ? code : undefined}
        cooperativeName={mine?.registration.cooperativeName}
      />,
    );
  })
  .get('/acara/:eventId/layar', async (c) => {
    const event = await publishedEvent(c);
    const askUrl = `${baseUrlOf(c)}/acara/${event.id}/tanya`;
    const { default: QRCode } = await import('qrcode');
    const qrSvg = await QRCode.toString(askUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    const { ScreenPage } = await import('../pages/questions-pages');
    return c.html(
      `<!DOCTYPE html>${(
        (
          <ScreenPage
            language={c.get('language')}
            eventId={event.id}
            eventTitle={event.title}
            askUrl={askUrl}
            qrSvg={qrSvg}
          />
        )
      ).toString()}`,
    );
  });
