import * as z from 'zod/mini';
import { DomainError } from './errors';

/**
 * Tanya jawab: officers' questions to the speaker, before and during a session. A question is private until a
 * moderator approves it; only approved questions are ever shown to anyone but the moderators, voted on or emailed.
 *
 *   pending ──approve──> approved ──hide──> hidden ──approve──> approved
 *      └────hide──────────────────────────────┘
 *   pending | approved | hidden ──merge into another──> merged (its votes count for the other)
 *
 * "Dijawab" (answered) and the pin are marks on an approved question, not states of their own; the written answer
 * can be added or edited after the session.
 */
export const QUESTION_MAX_LENGTH = 500;
export const ANSWER_MAX_LENGTH = 3000;
/** How many approved questions the board carries: the presenter shows the first five, phones vote on all ten. */
export const BOARD_TOP = 10;

export const questionStatuses = ['pending', 'approved', 'hidden', 'merged'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** Who asked, from their ticket; anonymous questions have none. */
export type AskedBy = { cooperativeName: string; villageName?: string };

export type Question = {
  id: string;
  eventId: string;
  text: string;
  status: QuestionStatus;
  /** Asked from a ticket (before the session) or the projector's QR (anonymous unless a code was given). */
  source: 'ticket' | 'screen';
  askedBy?: AskedBy;
  createdAt: string;
  /** Votes cast on this question itself (merged duplicates' votes are added when ranking). */
  votes: number;
  /** Bumped by every write: the sum over a session's questions orders the board's rebuilds (see questions-repo). */
  rev: number;
  mergedInto?: string;
  answeredAt?: string;
  answer?: string;
  pinnedAt?: string;
  moderatedAt?: string;
};

/** The shape the laporan and the follow-up emails use (shared with engineers L and G). */
export type AnsweredQuestion = {
  id: string;
  text: string;
  answer: string;
  votes: number;
  askedBy?: { cooperativeName: string; villageName?: string };
};

const issue = (code: string) => ({ error: code });
const noControl = z.refine<string>(
  (value) => !/[\p{Cc}]/u.test(value.replace(/[\r\n\t]/g, ' ')),
  issue('control_characters'),
);

/** A client-made id (UUID): a retry of the same question carries the same id and is stored once. */
export const questionId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

export const questionInput = z.object({
  id: questionId,
  text: z.string().check(z.trim(), z.minLength(3), z.maxLength(QUESTION_MAX_LENGTH), noControl),
  /** The asker's ticket code: the question then carries their cooperative and desa. */
  ticketCode: z.optional(z.string().check(z.maxLength(64))),
  /** A random id the phone keeps, so one phone's questions are rate-limited together. */
  deviceId: z.optional(questionId),
});
export type QuestionInput = z.infer<typeof questionInput>;

export const voteInput = z.object({
  /** The phone's own random id; a ticket code, when given, is the voter instead (one vote per officer). */
  deviceId: questionId,
  ticketCode: z.optional(z.string().check(z.maxLength(64))),
});
export type VoteInput = z.infer<typeof voteInput>;

export const moderationActions = [
  'approve',
  'hide',
  'merge',
  'answered',
  'unanswered',
  'pin',
  'unpin',
] as const;
export type ModerationAction = (typeof moderationActions)[number];

export const moderationInput = z.object({
  action: z.enum(moderationActions),
  /** For `merge`: the question this one duplicates. */
  targetId: z.optional(questionId),
});

export const answerInput = z.object({
  answer: z.string().check(z.trim(), z.maxLength(ANSWER_MAX_LENGTH)),
});

/** What a moderation action changes on a question; refuses a transition the rules do not allow. */
export function moderate(
  question: Question,
  action: ModerationAction,
  at: string,
  target?: Question,
): Partial<Question> & { removePin?: true; removeAnswered?: true } {
  const refuse = () => {
    throw new DomainError('conflict');
  };
  if (question.status === 'merged') refuse();
  switch (action) {
    case 'approve':
      return question.status === 'approved' ? {} : { status: 'approved', moderatedAt: at };
    case 'hide':
      return question.status === 'hidden'
        ? {}
        : { status: 'hidden', moderatedAt: at, ...(question.pinnedAt ? { removePin: true } : {}) };
    case 'merge':
      if (!target || target.id === question.id || target.eventId !== question.eventId) refuse();
      if (target?.status === 'merged' || target?.status === 'hidden') refuse();
      return { status: 'merged', mergedInto: target?.id, moderatedAt: at, removePin: true };
    case 'answered':
      if (question.status !== 'approved') refuse();
      return question.answeredAt ? {} : { answeredAt: at };
    case 'unanswered':
      return question.answeredAt ? { removeAnswered: true } : {};
    case 'pin':
      if (question.status !== 'approved') refuse();
      return { pinnedAt: at };
    case 'unpin':
      return question.pinnedAt ? { removePin: true } : {};
  }
}

/** Votes a question counts with: its own and those of the duplicates merged into it. */
export function effectiveVotes(questions: Question[]): Map<string, number> {
  const totals = new Map(questions.map((q) => [q.id, q.votes]));
  for (const q of questions) {
    if (q.status !== 'merged' || !q.mergedInto) continue;
    // Follow a chain of merges to the question that stands (a merge target cannot be merged, but older data might).
    let target = q.mergedInto;
    const byId = new Map(questions.map((x) => [x.id, x]));
    for (let hops = 0; byId.get(target)?.status === 'merged' && hops < 10; hops++)
      target = byId.get(target)?.mergedInto ?? target;
    totals.set(target, (totals.get(target) ?? 0) + q.votes);
  }
  return totals;
}

/** Most votes first; equal votes: the earlier question first. */
export function rankApproved(questions: Question[]): (Question & { totalVotes: number })[] {
  const totals = effectiveVotes(questions);
  return questions
    .filter((q) => q.status === 'approved')
    .map((q) => ({ ...q, totalVotes: totals.get(q.id) ?? q.votes }))
    .sort(
      (a, b) =>
        b.totalVotes - a.totalVotes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
}

/** The moderators' order: waiting questions oldest first, then approved by votes, then the rest newest first. */
export function moderationOrder(questions: Question[]): Question[] {
  const pending = questions
    .filter((q) => q.status === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const rest = questions
    .filter((q) => q.status === 'hidden' || q.status === 'merged')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...pending, ...rankApproved(questions), ...rest];
}

/** One line on the board: what a phone or the projector shows, nothing more (no ids of people). */
export type BoardEntry = { id: string; text: string; votes: number; answered: boolean; askedBy?: string };
export type Board = {
  eventId: string;
  /** Orders rebuilds and serves as the ETag: it grows with every write to the session's questions. */
  version: number;
  pinned?: BoardEntry;
  top: BoardEntry[];
  approved: number;
  answered: number;
};

export const askedByLine = (askedBy?: AskedBy) =>
  askedBy ? [askedBy.cooperativeName, askedBy.villageName].filter(Boolean).join(' · ') : undefined;

/** The compact board the projector and phones poll, from every question of a session. */
export function buildBoard(eventId: string, questions: Question[]): Board {
  const ranked = rankApproved(questions);
  const entry = (q: Question & { totalVotes: number }): BoardEntry => ({
    id: q.id,
    text: q.text,
    votes: q.totalVotes,
    answered: Boolean(q.answeredAt),
    ...(q.askedBy ? { askedBy: askedByLine(q.askedBy) } : {}),
  });
  const pinned = ranked
    .filter((q) => q.pinnedAt)
    .sort((a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? ''))[0];
  return {
    eventId,
    version: questions.reduce((sum, q) => sum + q.rev, 0),
    ...(pinned ? { pinned: entry(pinned) } : {}),
    top: ranked
      .filter((q) => !q.answeredAt || q.id === pinned?.id)
      .slice(0, BOARD_TOP)
      .map(entry),
    approved: ranked.length,
    answered: ranked.filter((q) => q.answeredAt).length,
  };
}

/**
 * Approved questions marked answered (writing an answer marks it), duplicates folded in, most votes first; `answer`
 * is empty for one answered aloud whose answer nobody wrote down yet.
 */
export function answeredQuestions(questions: Question[]): AnsweredQuestion[] {
  return rankApproved(questions)
    .filter((q) => q.answeredAt)
    .map((q) => ({
      id: q.id,
      text: q.text,
      answer: q.answer?.trim() ?? '',
      votes: q.totalVotes,
      ...(q.askedBy ? { askedBy: q.askedBy } : {}),
    }));
}
