import type { Context } from 'hono';
import { raw } from 'hono/html';
import * as z from 'zod/mini';
import { DomainError } from '../../domain/errors';
import { QUESTION_MAX_LENGTH, questionInput, voteInput } from '../../domain/questions';
import type { Language } from '../../domain/schemas';
import { ticketCodeFrom } from '../../domain/tokens';
import { type QuestionService, questionServiceOf } from '../../services/questions';
import { assets, QUESTIONS_SCRIPT_ROUTE, questionsScriptAsset } from '../assets';
import type { PublicEnv } from '../context';
import { describeRoute } from '../describe-route';
import { baseUrlOf, currentPath } from '../page-context';
import { Layout } from '../pages/layout';
import { publicFactory } from '../public-factory';
import { clientAddress, limit } from '../rate-limit';
import { readJson, validate } from '../request';

/**
 * Tanya jawab, public side: the JSON API phones use (ask, the board, votes), the phone's ask page
 * (/acara/:eventId/tanya, from the ticket page with the officer's code or from the projector's QR without one) and
 * the projector's presenter view (/acara/:eventId/layar). The presenter view shows only approved questions, so it
 * needs no sign-in.
 */
const questionService = (c: Context<PublicEnv>): QuestionService =>
  questionServiceOf(c.get('services').store, c.get('services').clock);

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
    const { question, created } = await questionService(c).ask(eventId, input);
    return c.json({ question: { id: question.id, status: question.status } }, created ? 201 : 200);
  })
  .get('/:eventId/questions/board', getBoard, async (c) => {
    const board = await questionService(c).board(c.req.param('eventId'));
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
    return c.json(await questionService(c).vote(eventId, c.req.param('questionId'), input));
  });

export const askText = {
  id: {
    title: 'Ajukan pertanyaan',
    intro:
      'Pertanyaan Anda dibaca moderator dulu sebelum tampil di layar. Pertanyaan teratas dijawab narasumber.',
    asTicket: (cooperative: string) => `Pertanyaan dikirim atas nama ${cooperative}.`,
    anonymous:
      'Pertanyaan dikirim tanpa nama. Buka halaman ini dari tiket Anda agar koperasi dan desa Anda tercantum.',
    label: 'Pertanyaan Anda',
    send: 'Kirim pertanyaan',
    top: 'Pertanyaan teratas',
    topHint: 'Pilih pertanyaan yang juga ingin Anda dengar jawabannya.',
    noscript: 'Halaman ini memerlukan JavaScript untuk mengirim pertanyaan.',
    copy: {
      sent: 'Terkirim. Pertanyaan Anda menunggu persetujuan moderator.',
      queued: 'Tersimpan di ponsel ini. Akan dikirim otomatis saat sinyal kembali.',
      rejected:
        'Pertanyaan tidak dapat diterima (mungkin terlalu panjang, atau sesi tanya jawab sudah ditutup).',
      votes: 'suara',
      vote: 'Dukung pertanyaan ini',
      voted: 'Sudah didukung',
      empty: 'Belum ada pertanyaan yang disetujui.',
      pinned: 'Sedang dijawab',
      answered: 'Dijawab',
      count: '{n} dari {max} karakter',
    },
    screenTitle: 'Tanya jawab',
    scan: 'Pindai untuk bertanya',
  },
  en: {
    title: 'Ask a question',
    intro:
      'A moderator reads your question before it shows on the screen. The speaker answers the top questions.',
    asTicket: (cooperative: string) => `Your question is sent on behalf of ${cooperative}.`,
    anonymous:
      'Your question is sent without a name. Open this page from your ticket to show your cooperative and desa.',
    label: 'Your question',
    send: 'Send question',
    top: 'Top questions',
    topHint: 'Support the questions you also want answered.',
    noscript: 'This page needs JavaScript to send questions.',
    copy: {
      sent: 'Sent. Your question is waiting for the moderator.',
      queued: 'Saved on this phone. It will be sent when the signal returns.',
      rejected: 'The question could not be accepted (it may be too long, or questions are closed).',
      votes: 'votes',
      vote: 'Support this question',
      voted: 'Supported',
      empty: 'No approved questions yet.',
      pinned: 'Now answering',
      answered: 'Answered',
      count: '{n} of {max} characters',
    },
    screenTitle: 'Questions',
    scan: 'Scan to ask',
  },
} satisfies Record<Language, unknown>;

function AskPage(props: {
  language: Language;
  path: string;
  eventId: string;
  eventTitle: string;
  ticketCode?: string;
  cooperativeName?: string;
}) {
  const t = askText[props.language];
  return (
    <Layout
      title={`${t.title} · ${props.eventTitle}`}
      language={props.language}
      path={props.path}
      scripts={[questionsScriptAsset().path]}
    >
      <div
        data-questions="ask"
        data-event={props.eventId}
        data-ticket={props.ticketCode ?? ''}
        data-copy={JSON.stringify(t.copy)}
      >
        <h1>{t.title}</h1>
        <p>
          <strong>{props.eventTitle}</strong>
        </p>
        <p>{t.intro}</p>
        <p class="muted">{props.cooperativeName ? t.asTicket(props.cooperativeName) : t.anonymous}</p>
        <noscript>
          <p class="alert">{t.noscript}</p>
        </noscript>
        <form id="ask-form" class="card">
          <label for="question-text">{t.label}</label>
          <textarea
            id="question-text"
            name="text"
            rows={4}
            minlength={3}
            maxlength={QUESTION_MAX_LENGTH}
            required
            aria-describedby="ask-count"
          />
          <p id="ask-count" class="hint muted" />
          <button type="submit">{t.send}</button>
          <p id="ask-status" role="status" aria-live="polite" />
        </form>
        <h2>{t.top}</h2>
        <p class="muted">{t.topHint}</p>
        <ol id="board-list" class="q-list" aria-live="polite" />
      </div>
    </Layout>
  );
}

function ScreenPage(props: {
  language: Language;
  eventId: string;
  eventTitle: string;
  askUrl: string;
  qrSvg: string;
}) {
  const t = askText[props.language];
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t.screenTitle} · ${props.eventTitle} · hadir`}</title>
        <link rel="icon" href={assets.favicon.path} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.css.path} />
      </head>
      <body class="screen">
        <main data-questions="screen" data-event={props.eventId} data-copy={JSON.stringify(t.copy)}>
          <h1>{`${t.screenTitle}: ${props.eventTitle}`}</h1>
          <div class="q-layout">
            <div>
              <section id="pinned" aria-live="polite" hidden />
              <ol id="board-list" class="q-list" aria-live="polite" />
            </div>
            <aside class="qr">
              <div role="img" aria-label={`QR ${props.askUrl}`}>
                {raw(props.qrSvg)}
              </div>
              <p>
                <strong>{t.scan}</strong>
              </p>
              <p>{props.askUrl}</p>
            </aside>
          </div>
        </main>
        <script src={questionsScriptAsset().path} defer />
      </body>
    </html>
  );
}

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
