import type { Store } from '../db/store';
import { canManageEvent } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import {
  type AnsweredQuestion,
  answeredQuestions,
  type Board,
  buildBoard,
  type ModerationAction,
  moderate,
  moderationOrder,
  type Question,
  type QuestionInput,
  type VoteInput,
} from '../domain/questions';
import type { EventRecord } from '../domain/schemas';
import { hashSecret, ticketCodeFrom, ticketHash } from '../domain/tokens';

/**
 * How long one instance answers board polls from memory. 400 phones polling every 5 s are 80 requests a second;
 * with this, each instance reads the board item at most once per interval whatever the number of phones, and a
 * change reaches the projector within a poll plus this.
 */
export const BOARD_CACHE_MS = 2_000;

/** Questions are taken from publication until an hour after the session ends (late ones for the written answers). */
const ASK_AFTER_END_MS = 60 * 60_000;

export function createQuestionService(store: Store, clock: () => Date = () => new Date()) {
  const cached = new Map<string, { board: Board; until: number }>();

  async function publicEvent(eventId: string): Promise<EventRecord> {
    const event = await store.events.get(eventId);
    if (!event?.published || event.cancelled) throw new DomainError('not_found');
    return event;
  }

  async function loadEvent(user: User, eventId: string): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    if (!canManageEvent(user, event)) throw new DomainError('forbidden');
    return event;
  }

  /** The officer a ticket code names, if it is a ticket of this session. */
  async function ticketOf(eventId: string, ticketCode?: string) {
    if (!ticketCode) return undefined;
    const code = ticketCodeFrom(ticketCode);
    const ticket = code ? await store.registrations.findTicket(code) : undefined;
    if (!code || !ticket) throw new DomainError('ticket_not_found');
    if (ticket.registration.eventId !== eventId) throw new DomainError('wrong_event');
    return { code, ...ticket };
  }

  async function emptyOr(eventId: string): Promise<Board> {
    return (
      (await store.questions.getBoard(eventId)) ?? { eventId, version: 0, top: [], approved: 0, answered: 0 }
    );
  }

  const sameContent = (a: Board, b: Board) =>
    JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });

  /**
   * Rebuilds the board from every question after a change that may show on it. A rebuild that changes nothing
   * writes nothing (a vote on a question far down the list); one from an older read loses to a newer (putBoard).
   */
  async function refreshBoard(eventId: string): Promise<Board> {
    const board = buildBoard(eventId, await store.questions.list(eventId));
    const current = await store.questions.getBoard(eventId);
    if (!current || !sameContent(current, board)) await store.questions.putBoard(board);
    cached.set(eventId, { board, until: clock().getTime() + BOARD_CACHE_MS });
    return board;
  }

  return {
    /** An officer's question, before or during the session; stored once per client id, pending moderation. */
    async ask(eventId: string, input: QuestionInput) {
      const event = await publicEvent(eventId);
      const now = clock();
      if (now.getTime() > Date.parse(event.endsAt) + ASK_AFTER_END_MS)
        throw new DomainError('questions_closed');
      const ticket = await ticketOf(eventId, input.ticketCode);
      const cooperative = ticket
        ? await store.cooperatives.get(ticket.registration.cooperativeId)
        : undefined;
      const question: Question = {
        id: input.id,
        eventId,
        text: input.text,
        status: 'pending',
        source: ticket ? 'ticket' : 'screen',
        ...(ticket
          ? {
              askedBy: {
                cooperativeName: ticket.registration.cooperativeName,
                ...(cooperative ? { villageName: cooperative.villageName } : {}),
              },
            }
          : {}),
        createdAt: now.toISOString(),
        votes: 0,
        rev: 1,
      };
      return store.questions.create(question);
    },

    /** The board phones and the projector poll: from memory for BOARD_CACHE_MS, else one GetItem. */
    async board(eventId: string): Promise<Board> {
      const hit = cached.get(eventId);
      const now = clock().getTime();
      if (hit && hit.until > now) return hit.board;
      const board = await emptyOr(eventId);
      if (board.version === 0) await publicEvent(eventId);
      if (cached.size > 500) cached.clear();
      cached.set(eventId, { board, until: now + BOARD_CACHE_MS });
      return board;
    },

    /** One vote per ticket (or, without one, per phone) per approved question; a repeat counts nothing. */
    async vote(eventId: string, questionId: string, input: VoteInput) {
      const ticket = await ticketOf(eventId, input.ticketCode);
      const voter = hashSecret(ticket ? `ticket:${ticketHash(ticket.code)}` : `device:${input.deviceId}`);
      const { counted } = await store.questions.vote(eventId, questionId, voter, clock().toISOString());
      const board = counted ? await refreshBoard(eventId) : await emptyOr(eventId);
      return { counted, board };
    },

    /** The moderator's list: waiting first, then approved by votes, then hidden and merged. */
    async list(user: User, eventId: string) {
      const event = await loadEvent(user, eventId);
      return { event, questions: moderationOrder(await store.questions.list(eventId)) };
    },

    async moderate(
      user: User,
      eventId: string,
      questionId: string,
      action: ModerationAction,
      targetId?: string,
    ) {
      await loadEvent(user, eventId);
      const question = await store.questions.get(eventId, questionId);
      if (!question) throw new DomainError('not_found');
      const target = targetId ? await store.questions.get(eventId, targetId) : undefined;
      if (action === 'merge' && !target) throw new DomainError('not_found');
      const changes = moderate(question, action, clock().toISOString(), target);
      if (Object.keys(changes).length === 0) return question;
      if (action === 'pin') {
        // One pinned question at a time: the previous one is let go.
        const others = (await store.questions.list(eventId)).filter(
          (q) => q.pinnedAt && q.id !== question.id,
        );
        for (const other of others) await store.questions.update(other, { removePin: true });
      }
      await store.questions.update(question, changes);
      await refreshBoard(eventId);
      return (await store.questions.get(eventId, questionId)) as Question;
    },

    /** The organizer's written answer (during or after the session); writing one marks the question answered. */
    async answer(user: User, eventId: string, questionId: string, answer: string) {
      await loadEvent(user, eventId);
      const question = await store.questions.get(eventId, questionId);
      if (!question) throw new DomainError('not_found');
      if (question.status !== 'approved') throw new DomainError('conflict');
      await store.questions.update(question, {
        answer,
        ...(answer && !question.answeredAt ? { answeredAt: clock().toISOString() } : {}),
      });
      await refreshBoard(eventId);
      return (await store.questions.get(eventId, questionId)) as Question;
    },

    /** For the laporan and the follow-up emails: approved and answered, duplicates folded in, most votes first. */
    async answered(eventId: string): Promise<AnsweredQuestion[]> {
      return answeredQuestions(await store.questions.list(eventId));
    },

    refreshBoard,
  };
}

export type QuestionService = ReturnType<typeof createQuestionService>;

const byStore = new WeakMap<Store, QuestionService>();
/**
 * The one service of a store: the console's moderation and the public board polls of one app share the board's
 * cache, so a moderator's change shows at once on the instance that made it.
 */
export function questionServiceOf(store: Store, clock: () => Date): QuestionService {
  let service = byStore.get(store);
  if (!service) {
    service = createQuestionService(store, clock);
    byStore.set(store, service);
  }
  return service;
}
