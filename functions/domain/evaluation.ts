import * as z from 'zod/mini';
import type { Language } from './schemas';

/**
 * The session evaluation (evaluasi kegiatan): a short form each checked-in officer answers once, bound to their
 * ticket. The organizer may add, remove and rename the 1–5 scale questions and set how many days after the session
 * the form closes; the two free-text questions are always asked, because the laporan and the Business Assistants
 * rely on them.
 */

const issue = (code: string) => ({ error: code });

/** Trimmed text without control characters other than line breaks (free text may have paragraphs). */
const freeText = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max),
    z.refine((value) => !/[\p{Cc}]/u.test(value.replace(/[\r\n\t]/g, '')), issue('control_characters')),
  );

/** A scale question's key: stable across renames, so answers given before a rename still count. */
export const scaleKey = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, issue('invalid_choice')));

export const scaleQuestionSchema = z.object({
  key: scaleKey,
  label: z.string().check(
    z.trim(),
    z.minLength(2),
    z.maxLength(120),
    z.refine((value) => !/[\p{Cc}]/u.test(value), issue('control_characters')),
  ),
  /** The English label; a question the organizer wrote in one language shows that label in both. */
  labelEn: z.optional(z.string().check(z.trim(), z.maxLength(120))),
});
export type ScaleQuestion = z.infer<typeof scaleQuestionSchema>;

export const MAX_SCALES = 12;
export const MAX_CLOSE_DAYS = 90;
export const DEFAULT_CLOSE_DAYS = 7;
export const FREE_TEXT_MAX = 2000;

/** The form definition of one session, as the organizer edits it and the table keeps it. */
export const evaluationFormSchema = z
  .object({
    scales: z.array(scaleQuestionSchema).check(z.maxLength(MAX_SCALES, issue('too_many_scales'))),
    closesAfterDays: z.pipe(
      z.coerce.number(),
      z.int().check(z.minimum(0), z.maximum(MAX_CLOSE_DAYS, issue('close_days_range'))),
    ),
  })
  .check(
    z.refine(
      (form) => new Set(form.scales.map((s) => s.key)).size === form.scales.length,
      issue('duplicate_scale'),
    ),
  );
export type EvaluationForm = z.infer<typeof evaluationFormSchema>;

export const defaultEvaluationForm: EvaluationForm = {
  scales: [
    { key: 'materi', label: 'Materi', labelEn: 'Content' },
    { key: 'narasumber', label: 'Narasumber', labelEn: 'Speakers' },
    { key: 'waktu', label: 'Waktu', labelEn: 'Timing' },
    { key: 'tempat', label: 'Tempat', labelEn: 'Venue' },
    { key: 'pelayanan', label: 'Pelayanan panitia', labelEn: 'Organizing committee' },
  ],
  closesAfterDays: DEFAULT_CLOSE_DAYS,
};

export const scaleLabel = (question: ScaleQuestion, language: Language) =>
  language === 'en' && question.labelEn ? question.labelEn : question.label;

/** A key for a new question from its label ("Konsumsi & snack" → `konsumsi_snack`), unique in the form. */
export function newScaleKey(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 30) || 'pertanyaan';
  let key = slug;
  for (let n = 2; used.has(key); n++) key = `${slug}_${n}`;
  return key;
}

const score = z.pipe(
  z.coerce.number({ error: 'choose_score' }),
  z
    .int({ error: 'choose_score' })
    .check(z.minimum(1, issue('choose_score')), z.maximum(5, issue('choose_score'))),
);

/**
 * What an officer sends for a form: a 1–5 score for every scale question (form fields `scores.<key>`, or JSON),
 * and the two optional free-text answers. Keys the form does not ask are refused, not silently kept.
 */
export function evaluationAnswerInput(form: EvaluationForm) {
  // A blank choice coerces to 0 or NaN, which the score refuses with the one message an officer needs.
  const scores = Object.fromEntries(form.scales.map((s) => [s.key, score]));
  return z.object({
    scores: z._default(z.strictObject(scores, issue('invalid_choice')), {}),
    mostUseful: z._default(freeText(FREE_TEXT_MAX), ''),
    needs: z._default(freeText(FREE_TEXT_MAX), ''),
  });
}
export type EvaluationAnswerInput = { scores: Record<string, number>; mostUseful: string; needs: string };

/** One officer's answer as the table keeps it: no name, only where it comes from (for grouping the needs). */
export type EvaluationAnswer = EvaluationAnswerInput & {
  eventId: string;
  participantId: string;
  registrationId: string;
  cooperativeId: string;
  cooperativeName: string;
  districtCode: string;
  districtName?: string;
  villageName?: string;
  answeredAt: string;
};

/** The form closes this long after the session ends. */
export function evaluationClosesAt(event: { endsAt: string }, form: Pick<EvaluationForm, 'closesAfterDays'>) {
  return new Date(Date.parse(event.endsAt) + form.closesAfterDays * 86_400_000);
}

export const evaluationOpen = (
  event: { endsAt: string },
  form: Pick<EvaluationForm, 'closesAfterDays'>,
  now: Date,
) => now.getTime() < evaluationClosesAt(event, form).getTime();

export type EvaluationSummary = {
  /** Officers checked in: who may answer. */
  eligible: number;
  responses: number;
  scales: {
    key: string;
    label: string;
    average: number | null;
    distribution: [number, number, number, number, number];
  }[];
  mostUseful: string[];
  needs: { text: string; districtName?: string; assistantName?: string; cooperativeName?: string }[];
};

/** Averages to two decimals, as the laporan prints them. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The figures of a session's answers for its current form. A question removed after answers came in is not
 * shown; a question added later averages over the answers that have it. Free text is listed as given, oldest
 * first, empty answers left out.
 */
export function summarise(
  form: EvaluationForm,
  answers: readonly EvaluationAnswer[],
  eligible: number,
  {
    language = 'id',
    assistantOf = () => undefined,
  }: { language?: Language; assistantOf?: (cooperativeId: string) => string | undefined } = {},
): EvaluationSummary {
  const ordered = [...answers].sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
  const scales = form.scales.map((question) => {
    const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    let sum = 0;
    let count = 0;
    for (const answer of ordered) {
      const value = answer.scores[question.key];
      if (typeof value !== 'number' || value < 1 || value > 5) continue;
      distribution[value - 1] = (distribution[value - 1] ?? 0) + 1;
      sum += value;
      count += 1;
    }
    return {
      key: question.key,
      label: scaleLabel(question, language),
      average: count ? round2(sum / count) : null,
      distribution,
    };
  });
  return {
    eligible,
    responses: answers.length,
    scales,
    mostUseful: ordered.map((a) => a.mostUseful.trim()).filter(Boolean),
    needs: ordered
      .filter((a) => a.needs.trim())
      .map((a) => {
        const assistantName = assistantOf(a.cooperativeId);
        return {
          text: a.needs.trim(),
          cooperativeName: a.cooperativeName,
          ...(a.districtName ? { districtName: a.districtName } : {}),
          ...(assistantName ? { assistantName } : {}),
        };
      }),
  };
}

/** Answers ÷ checked-in officers, as a whole percentage (0 when nobody checked in). */
export const responseRate = (summary: Pick<EvaluationSummary, 'eligible' | 'responses'>) =>
  summary.eligible ? Math.round((summary.responses / summary.eligible) * 100) : 0;

/** Groups items by a label, groups and their items in a stable order; items without a label go last. */
export function groupBy<T>(items: readonly T[], labelOf: (item: T) => string | undefined, none: string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const label = labelOf(item) || none;
    groups.set(label, [...(groups.get(label) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === none ? 1 : b === none ? -1 : a.localeCompare(b, 'id')))
    .map(([label, list]) => ({ label, items: list }));
}
