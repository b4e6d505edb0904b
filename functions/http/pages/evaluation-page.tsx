import { type EvaluationForm, FREE_TEXT_MAX, scaleLabel } from '../../domain/evaluation';
import type { Language } from '../../domain/schemas';
import { formatDateTime } from '../../domain/time';
import type { EvaluationState } from '../../services/evaluations';
import { Layout } from './layout';
import { type FieldErrors, FieldMessage, invalid } from './register-page';

const copy = {
  id: {
    title: 'Evaluasi kegiatan',
    intro: (name: string) =>
      `Terima kasih telah hadir, ${name}. Penilaian Anda membantu Dinas memperbaiki kegiatan berikutnya. Hanya butuh 2 menit.`,
    scaleHint: '1 = sangat kurang, 5 = sangat baik',
    scale: ['Sangat kurang', 'Kurang', 'Cukup', 'Baik', 'Sangat baik'],
    mostUseful: 'Apa yang paling bermanfaat dari kegiatan ini?',
    needs: 'Bantuan apa yang masih dibutuhkan koperasi Anda?',
    needsHint:
      'Misalnya pendampingan akta notaris, NIB, rekening koperasi. Business Assistant koperasi Anda akan membacanya.',
    optional: '(boleh dikosongkan)',
    maxChars: `Maksimal ${FREE_TEXT_MAX} karakter.`,
    submit: 'Kirim evaluasi',
    closes: (when: string) => `Formulir ditutup ${when}.`,
    answered: 'Terima kasih, evaluasi Anda sudah kami terima.',
    answeredOnce: 'Setiap tiket mengisi evaluasi satu kali.',
    notCheckedIn: 'Evaluasi dapat diisi setelah Anda check-in di lokasi kegiatan.',
    closed: (when: string) => `Evaluasi kegiatan ini sudah ditutup ${when}.`,
    backToTicket: 'Kembali ke tiket',
  },
  en: {
    title: 'Session evaluation',
    intro: (name: string) =>
      `Thank you for attending, ${name}. Your rating helps the Dinas improve its next sessions. It takes 2 minutes.`,
    scaleHint: '1 = very poor, 5 = very good',
    scale: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
    mostUseful: 'What was most useful in this session?',
    needs: 'What help does your cooperative still need?',
    needsHint:
      'For example a notary deed, an NIB, a cooperative bank account. Your Business Assistant will read it.',
    optional: '(optional)',
    maxChars: `At most ${FREE_TEXT_MAX} characters.`,
    submit: 'Send the evaluation',
    closes: (when: string) => `The form closes ${when}.`,
    answered: 'Thank you, we have received your evaluation.',
    answeredOnce: 'Each ticket answers the evaluation once.',
    notCheckedIn: 'You can answer the evaluation once you have checked in at the venue.',
    closed: (when: string) => `The evaluation of this session closed ${when}.`,
    backToTicket: 'Back to the ticket',
  },
} as const;

export const evaluationCopy = (language: Language) => copy[language];

export type EvaluationValues = { scores?: Record<string, string>; mostUseful?: string; needs?: string };

/**
 * The evaluation form an officer opens from their ticket or the thank-you email, on a phone: one row of five
 * large choices per question (radio buttons, so it works without scripts), then two free-text answers.
 */
export function EvaluationPage(props: {
  language: Language;
  path: string;
  ticketCode: string;
  officerName: string;
  eventTitle: string;
  timeZone: string;
  form: EvaluationForm;
  state: EvaluationState;
  closesAt: Date;
  values?: EvaluationValues;
  errors?: FieldErrors;
  formError?: string;
}) {
  const { language, form, state } = props;
  const text = copy[language];
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const closes = formatDateTime(props.closesAt.toISOString(), props.timeZone, language);
  const ticket = `/t/${props.ticketCode}`;
  const labels: Record<string, string> = {
    ...Object.fromEntries(form.scales.map((q) => [`scores.${q.key}`, scaleLabel(q, language)])),
    mostUseful: text.mostUseful,
    needs: text.needs,
  };
  return (
    <Layout title={text.title} language={language} path={props.path}>
      <h1>{text.title}</h1>
      <p>
        <strong>{props.eventTitle}</strong>
      </p>
      {state === 'answered' ? (
        <div class="alert ok" role="status" data-evaluation-state="answered">
          <p>
            <strong>{text.answered}</strong>
          </p>
          <p class="muted">{text.answeredOnce}</p>
        </div>
      ) : state === 'not_checked_in' ? (
        <div class="alert warn" data-evaluation-state="not_checked_in">
          {text.notCheckedIn}
        </div>
      ) : state === 'closed' ? (
        <div class="alert warn" data-evaluation-state="closed">
          {text.closed(closes)}
        </div>
      ) : (
        <form method="post" action={props.path} class="evaluation" data-evaluation-state="open" novalidate>
          <Problems errors={errors} formError={props.formError} labels={labels} language={language} />
          <p>{text.intro(props.officerName)}</p>
          <p class="muted">{text.closes(closes)}</p>
          {form.scales.map((question) => {
            const path = `scores.${question.key}`;
            const chosen = values.scores?.[question.key];
            return (
              <fieldset id={`scores-${question.key}`} {...invalid(errors, path)}>
                <legend>{scaleLabel(question, language)}</legend>
                <p class="muted hint">{text.scaleHint}</p>
                <div class="scale">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label>
                      <input
                        type="radio"
                        name={path}
                        value={String(n)}
                        checked={chosen === String(n)}
                        aria-label={`${n}: ${text.scale[n - 1]}`}
                      />
                      <span aria-hidden="true">{n}</span>
                    </label>
                  ))}
                </div>
                <FieldMessage errors={errors} path={path} />
              </fieldset>
            );
          })}
          <label for="mostUseful">
            {text.mostUseful} <span class="muted">{text.optional}</span>
          </label>
          <textarea
            id="mostUseful"
            name="mostUseful"
            rows={3}
            maxlength={FREE_TEXT_MAX}
            {...invalid(errors, 'mostUseful')}
          >
            {values.mostUseful ?? ''}
          </textarea>
          <FieldMessage errors={errors} path="mostUseful" />
          <label for="needs">
            {text.needs} <span class="muted">{text.optional}</span>
          </label>
          <p class="muted hint" id="needs-hint">
            {text.needsHint}
          </p>
          <textarea
            id="needs"
            name="needs"
            rows={3}
            maxlength={FREE_TEXT_MAX}
            aria-describedby={errors.needs ? 'needs-error needs-hint' : 'needs-hint'}
            {...(errors.needs ? { 'aria-invalid': 'true' } : {})}
          >
            {values.needs ?? ''}
          </textarea>
          <FieldMessage errors={errors} path="needs" />
          <div class="actions">
            <button type="submit">{text.submit}</button>
          </div>
        </form>
      )}
      <p>
        <a href={ticket}>{text.backToTicket}</a>
      </p>
    </Layout>
  );
}

/**
 * What was wrong, at the top of the form, in the questions' own words: it takes focus when the page loads (no
 * script needed), a screen reader reads it, and each line links to its question.
 */
function Problems(props: {
  errors: FieldErrors;
  formError?: string;
  labels: Record<string, string>;
  language: Language;
}) {
  const entries = Object.entries(props.errors);
  if (!entries.length && !props.formError) return null;
  return (
    <div
      class="alert error-summary"
      role="alert"
      tabindex={-1}
      autofocus
      aria-labelledby="error-summary-title"
      data-error-summary
    >
      <h2 id="error-summary-title">
        {entries.length
          ? props.language === 'id'
            ? 'Periksa kembali jawaban berikut'
            : 'Please check these answers'
          : props.formError}
      </h2>
      {entries.length ? (
        <ul>
          {entries.map(([path, message]) => (
            <li>
              <a href={`#${path.replace('.', '-')}`}>{`${props.labels[path] ?? path}: ${message}`}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
