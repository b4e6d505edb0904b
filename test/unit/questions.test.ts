import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  answeredQuestions,
  BOARD_TOP,
  buildBoard,
  moderate,
  moderationOrder,
  type Question,
  questionInput,
  rankApproved,
} from '../../functions/domain/questions';
import {
  createQuestionQueue,
  outcomeOf,
  type QueuedQuestion,
  type SendOutcome,
} from '../../functions/http/client/question-queue';

let n = 0;
const q = (over: Partial<Question> = {}): Question => {
  n++;
  return {
    id: `question-${String(n).padStart(4, '0')}`,
    eventId: 'ev-1',
    text: `Pertanyaan ${n}`,
    status: 'pending',
    source: 'screen',
    createdAt: `2025-10-23T02:${String(n % 60).padStart(2, '0')}:00.000Z`,
    votes: 0,
    rev: 1,
    ...over,
  };
};

describe('question input', () => {
  it('trims, bounds the length at 500 and refuses control characters', () => {
    const ok = z.safeParse(questionInput, { id: 'abcdef12-3456', text: '  Bagaimana modal awal?  ' });
    expect(ok.success && ok.data.text).toBe('Bagaimana modal awal?');
    expect(z.safeParse(questionInput, { id: 'abcdef12-3456', text: 'x'.repeat(501) }).success).toBe(false);
    expect(z.safeParse(questionInput, { id: 'abcdef12-3456', text: 'ab' }).success).toBe(false);
    expect(z.safeParse(questionInput, { id: 'abcdef12-3456', text: 'tanya\u0000 ini' }).success).toBe(false);
    expect(z.safeParse(questionInput, { id: 'abcdef12-3456', text: 'baris satu\nbaris dua' }).success).toBe(
      true,
    );
    expect(z.safeParse(questionInput, { id: 'no', text: 'Pertanyaan sah' }).success).toBe(false);
  });
});

describe('moderation rules', () => {
  it('approves, hides and approves again; a hidden question loses its pin', () => {
    const question = q();
    expect(moderate(question, 'approve', 'T')).toMatchObject({ status: 'approved' });
    expect(moderate({ ...question, status: 'approved', pinnedAt: 'P' }, 'hide', 'T')).toMatchObject({
      status: 'hidden',
      removePin: true,
    });
    expect(moderate({ ...question, status: 'hidden' }, 'approve', 'T')).toMatchObject({ status: 'approved' });
  });

  it('marks answered and pins only approved questions', () => {
    expect(() => moderate(q(), 'answered', 'T')).toThrow('conflict');
    expect(() => moderate(q({ status: 'hidden' }), 'pin', 'T')).toThrow('conflict');
    expect(moderate(q({ status: 'approved' }), 'pin', 'T')).toEqual({ pinnedAt: 'T' });
    expect(moderate(q({ status: 'approved' }), 'answered', 'T')).toEqual({ answeredAt: 'T' });
  });

  it('merges into another standing question only, and a merged question cannot change again', () => {
    const target = q({ status: 'approved' });
    expect(moderate(q(), 'merge', 'T', target)).toMatchObject({ status: 'merged', mergedInto: target.id });
    const self = q();
    expect(() => moderate(self, 'merge', 'T', self)).toThrow('conflict');
    expect(() => moderate(q(), 'merge', 'T', q({ status: 'hidden' }))).toThrow('conflict');
    expect(() => moderate(q({ status: 'merged' }), 'approve', 'T')).toThrow('conflict');
  });
});

describe('ordering and the board', () => {
  it('ranks approved questions by their votes plus their merged duplicates', () => {
    const a = q({ status: 'approved', votes: 3 });
    const b = q({ status: 'approved', votes: 2 });
    const dup = q({ status: 'merged', mergedInto: b.id, votes: 4 });
    const hidden = q({ status: 'hidden', votes: 50 });
    const ranked = rankApproved([a, b, dup, hidden]);
    expect(ranked.map((x) => [x.id, x.totalVotes])).toEqual([
      [b.id, 6],
      [a.id, 3],
    ]);
  });

  it('puts waiting questions first for the moderator, oldest first', () => {
    const late = q({ createdAt: '2025-10-23T03:00:00.000Z' });
    const early = q({ createdAt: '2025-10-23T01:00:00.000Z' });
    const approved = q({ status: 'approved' });
    expect(moderationOrder([approved, late, early]).map((x) => x.id)).toEqual([
      early.id,
      late.id,
      approved.id,
    ]);
  });

  it('shows only approved questions on the board, the newest pin, and never who asked beyond the cooperative', () => {
    const questions = Array.from({ length: BOARD_TOP + 3 }, (_, i) =>
      q({
        status: 'approved',
        votes: i,
        askedBy: { cooperativeName: `KDMP ${i}`, villageName: `Desa ${i}` },
      }),
    );
    const secret = q({ status: 'pending', votes: 99, text: 'rahasia' });
    const hidden = q({ status: 'hidden', votes: 99, text: 'disembunyikan' });
    questions[2] = { ...(questions[2] as Question), pinnedAt: '2025-10-23T03:00:00Z' };
    questions[4] = { ...(questions[4] as Question), pinnedAt: '2025-10-23T04:00:00Z' };
    const board = buildBoard('ev-1', [...questions, secret, hidden]);
    expect(board.top).toHaveLength(BOARD_TOP);
    expect(board.top[0]).toEqual({
      id: questions[BOARD_TOP + 2]?.id,
      text: questions[BOARD_TOP + 2]?.text,
      votes: BOARD_TOP + 2,
      answered: false,
      askedBy: `KDMP ${BOARD_TOP + 2} · Desa ${BOARD_TOP + 2}`,
    });
    expect(board.pinned?.id).toBe(questions[4]?.id);
    expect(JSON.stringify(board)).not.toMatch(/rahasia|disembunyikan/);
    expect(board.version).toBe(BOARD_TOP + 5);
    expect(board.approved).toBe(BOARD_TOP + 3);
  });

  it('lists answered questions with their merged votes, most votes first', () => {
    const a = q({ status: 'approved', votes: 1, answeredAt: 'T', answer: 'Jawaban A' });
    const b = q({ status: 'approved', votes: 1, answeredAt: 'T', answer: 'Jawaban B' });
    const dup = q({ status: 'merged', mergedInto: a.id, votes: 5 });
    const unanswered = q({ status: 'approved', votes: 9 });
    const hiddenAnswered = q({ status: 'hidden', answeredAt: 'T', answer: 'x' });
    expect(answeredQuestions([a, b, dup, unanswered, hiddenAnswered])).toEqual([
      { id: a.id, text: a.text, answer: 'Jawaban A', votes: 6 },
      { id: b.id, text: b.text, answer: 'Jawaban B', votes: 1 },
    ]);
  });
});

describe('the phone keeps questions typed offline until they are sent', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
  };
  const question = (id: string): QueuedQuestion => ({
    id,
    eventId: 'ev-1',
    text: `Pertanyaan ${id}`,
    deviceId: 'device-0001',
    queuedAt: '2025-10-23T02:00:00.000Z',
  });

  it('keeps what could not be sent, in order, and sends it once the network is back', async () => {
    const storage = memory();
    let online = false;
    const sent: string[] = [];
    const send = async (q: QueuedQuestion): Promise<SendOutcome> => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push(q.id);
      return 'sent';
    };
    const queue = createQuestionQueue(storage, send);
    queue.enqueue(question('q-aaaa-0001'));
    queue.enqueue(question('q-aaaa-0002'));
    queue.enqueue(question('q-aaaa-0001'));
    expect(await queue.flush()).toMatchObject({ left: 2, sent: [] });
    // The page was closed and opened again: a new queue over the same storage still has them.
    online = true;
    const reopened = createQuestionQueue(storage, send);
    expect((await reopened.flush()).left).toBe(0);
    expect(sent).toEqual(['q-aaaa-0001', 'q-aaaa-0002']);
    expect(reopened.pending()).toEqual([]);
  });

  it('drops a question the server refused for good, keeps one it asked to retry, and shares one flush', async () => {
    const outcomes: Record<string, SendOutcome> = { 'q-bbbb-0001': 'rejected', 'q-bbbb-0002': 'retry' };
    let calls = 0;
    const queue = createQuestionQueue(memory(), async (q) => {
      calls++;
      return outcomes[q.id] ?? 'sent';
    });
    queue.enqueue(question('q-bbbb-0001'));
    queue.enqueue(question('q-bbbb-0002'));
    queue.enqueue(question('q-bbbb-0003'));
    const [a, b] = await Promise.all([queue.flush(), queue.flush()]);
    expect(a).toBe(b);
    expect(calls).toBe(2);
    expect(a.rejected.map((q) => q.id)).toEqual(['q-bbbb-0001']);
    expect(queue.pending().map((q) => q.id)).toEqual(['q-bbbb-0002', 'q-bbbb-0003']);
  });

  it('reads HTTP statuses: 2xx sent, 429 and 5xx later, other 4xx refused', () => {
    expect([201, 200, 429, 503, 400, 404, 409].map(outcomeOf)).toEqual([
      'sent',
      'sent',
      'retry',
      'retry',
      'rejected',
      'rejected',
      'rejected',
    ]);
  });
});
