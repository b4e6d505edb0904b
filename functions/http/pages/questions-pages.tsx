import { raw } from 'hono/html';
import { QUESTION_MAX_LENGTH } from '../../domain/questions';
import type { Language } from '../../domain/schemas';
import { assets, questionsScriptAsset } from '../assets';
import { Layout } from './layout';

/**
 * The tanya jawab pages: the phone's ask page and the projector's presenter view. Loaded by their routes on first
 * use (functions/http/routes/questions-public.tsx), so the public function's cold start does not carry them.
 */
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

export function AskPage(props: {
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

export function ScreenPage(props: {
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
