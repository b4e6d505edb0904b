import type { z } from 'zod/mini';
import * as zm from 'zod/mini';
import type { StoredEvaluationForm } from '../db/evaluations-repo';
import type { Store } from '../db/store';
import { canManageEvent, canReadEvent } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import {
  defaultEvaluationForm,
  type EvaluationAnswer,
  type EvaluationForm,
  type EvaluationSummary,
  evaluationAnswerInput,
  evaluationClosesAt,
  evaluationFormSchema,
  evaluationOpen,
  summarise,
} from '../domain/evaluation';
import { localizeIssues } from '../domain/messages';
import type { EventRecord, Language, Participant, Registration } from '../domain/schemas';
import { formatDateTime } from '../domain/time';
import { evaluationExportFile } from '../reports/evaluation-export';
import type { ExportFormat } from '../reports/exports';
import { audit } from './admin-audit';

/** Where a ticket stands with the evaluation: what the ticket page and the form page show. */
export type EvaluationState = 'open' | 'answered' | 'not_checked_in' | 'closed';

export type TicketEvaluation = {
  event: EventRecord;
  registration: Registration;
  participant: Participant;
  form: EvaluationForm;
  closesAt: Date;
  state: EvaluationState;
};

function parse<S extends z.core.$ZodType>(schema: S, input: unknown, language: Language): z.infer<S> {
  const result = zm.safeParse(schema, input);
  if (!result.success) throw new DomainError('validation', {}, localizeIssues(result.error, language));
  return result.data;
}

/**
 * The session evaluation: the form (the session's own or the default), one answer per checked-in officer bound to
 * their ticket, and the figures for the console and the laporan (`summary`).
 */
export function createEvaluationService(store: Store, clock: () => Date = () => new Date()) {
  async function formOf(eventId: string): Promise<EvaluationForm> {
    const stored = await store.evaluations.getForm(eventId);
    return stored
      ? { scales: stored.scales, closesAfterDays: stored.closesAfterDays }
      : defaultEvaluationForm;
  }

  /** The ticket's officer, session and form, and whether they may answer now. */
  async function forTicket(code: string): Promise<TicketEvaluation> {
    const ticket = code ? await store.registrations.findTicket(code) : undefined;
    const event = ticket ? await store.events.get(ticket.registration.eventId) : undefined;
    if (!ticket || !event) throw new DomainError('not_found');
    const { registration, participant } = ticket;
    const [form, checkin, answer] = await Promise.all([
      formOf(event.id),
      store.checkins.get(event.id, participant.id),
      store.evaluations.getAnswer(event.id, participant.id),
    ]);
    const now = clock();
    const state: EvaluationState = answer
      ? 'answered'
      : !checkin || registration.status !== 'confirmed'
        ? 'not_checked_in'
        : evaluationOpen(event, form, now)
          ? 'open'
          : 'closed';
    return { event, registration, participant, form, closesAt: evaluationClosesAt(event, form), state };
  }

  /**
   * Cooperative -> its Business Assistants of the session's organisation, by name ("A, B"), read as the coverage
   * and outreach pages read them: the organisation's assistants, then each one's cooperatives. A regency has a
   * handful of assistants and up to a few hundred cooperatives, so this is a few queries, not one per cooperative.
   */
  async function assistantNames(event: EventRecord, cooperativeIds: Iterable<string>) {
    const wanted = new Set(cooperativeIds);
    const names = new Map<string, string[]>();
    if (!wanted.size) return new Map<string, string>();
    const assistants = (await store.users.list()).filter(
      (u) =>
        u.role === 'business_assistant' &&
        u.active &&
        (!event.organisationId || u.organisationId === event.organisationId),
    );
    await Promise.all(
      assistants.map(async (assistant) => {
        for (const id of await store.users.assignedCooperatives(assistant.id)) {
          if (wanted.has(id)) names.set(id, [...(names.get(id) ?? []), assistant.name]);
        }
      }),
    );
    return new Map([...names].map(([id, list]) => [id, list.sort().join(', ')]));
  }

  async function figures(event: EventRecord, language: Language) {
    const [form, answers, checkins] = await Promise.all([
      formOf(event.id),
      store.evaluations.listAnswers(event.id),
      store.checkins.listByEvent(event.id),
    ]);
    const assistants = await assistantNames(
      event,
      answers.filter((a) => a.needs.trim()).map((a) => a.cooperativeId),
    );
    const summary = summarise(form, answers, checkins.length, {
      language,
      assistantOf: (id) => assistants.get(id),
    });
    return { form, answers, summary, assistants };
  }

  async function eventFor(user: User, eventId: string, manage: boolean): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    if (!(manage ? canManageEvent(user, event) : canReadEvent(user, event)))
      throw new DomainError('forbidden');
    return event;
  }

  return {
    formOf,
    forTicket,

    /** Stores the officer's one answer, after checking the ticket may answer now. */
    async submit(code: string, input: unknown, language: Language): Promise<TicketEvaluation> {
      const found = await forTicket(code);
      const { event, registration, participant, form } = found;
      if (found.state === 'answered') throw new DomainError('already_answered');
      if (found.state === 'not_checked_in') throw new DomainError('not_checked_in');
      if (found.state === 'closed') {
        const closes = found.closesAt.toISOString();
        throw new DomainError('evaluation_closed', {
          closed: formatDateTime(closes, event.timeZone, 'id'),
          closedEn: formatDateTime(closes, event.timeZone, 'en'),
        });
      }
      const answer = parse(evaluationAnswerInput(form), input, language);
      const cooperative = await store.cooperatives.get(registration.cooperativeId);
      const record: EvaluationAnswer = {
        scores: answer.scores as Record<string, number>,
        mostUseful: answer.mostUseful,
        needs: answer.needs,
        eventId: event.id,
        participantId: participant.id,
        registrationId: registration.id,
        cooperativeId: registration.cooperativeId,
        cooperativeName: registration.cooperativeName,
        districtCode: registration.districtCode,
        ...(cooperative
          ? { districtName: cooperative.districtName, villageName: cooperative.villageName }
          : {}),
        answeredAt: clock().toISOString(),
      };
      await store.evaluations.putAnswer(record);
      return { ...found, state: 'answered' };
    },

    /** The session's figures for the laporan's Evaluasi section (no rights check: the laporan checks them). */
    async summary(eventId: string, language: Language = 'id'): Promise<EvaluationSummary> {
      const event = await store.events.get(eventId);
      if (!event) throw new DomainError('not_found');
      return (await figures(event, language)).summary;
    },

    /**
     * The console's results. Organizers and admins see everything; a Business Assistant sees only what their own
     * cooperatives asked for, so the page is their to-do list and shows no other cooperative's words.
     */
    async results(user: User, eventId: string, language: Language) {
      const event = await eventFor(user, eventId, false);
      const result = await figures(event, language);
      const closesAt = evaluationClosesAt(event, result.form);
      if (user.role !== 'business_assistant') return { event, closesAt, full: true as const, ...result };
      const mine = new Set(await store.users.assignedCooperatives(user.id));
      const answers = result.answers.filter((a) => mine.has(a.cooperativeId));
      const summary = summarise(result.form, answers, 0, {
        language,
        assistantOf: (id) => result.assistants.get(id),
      });
      return {
        event,
        closesAt,
        full: false as const,
        form: result.form,
        answers,
        summary,
        assistants: result.assistants,
      };
    },

    /** The answers as a CSV or XLSX download (organizers and admins; written to the audit log). */
    async exportAnswers(user: User, eventId: string, format: ExportFormat) {
      const event = await eventFor(user, eventId, true);
      const [form, answers] = await Promise.all([formOf(eventId), store.evaluations.listAnswers(eventId)]);
      const assistants = await assistantNames(
        event,
        answers.map((a) => a.cooperativeId),
      );
      await audit(store, user, clock(), {
        action: 'report.evaluation_export',
        targetType: 'event',
        targetId: eventId,
        eventId,
        detail: `${format}, ${answers.length} rows`,
      });
      return evaluationExportFile(event, form, answers, assistants, format);
    },

    async editableForm(user: User, eventId: string) {
      const event = await eventFor(user, eventId, true);
      return {
        event,
        form: await formOf(eventId),
        answers: (await store.evaluations.listAnswers(eventId)).length,
      };
    },

    async saveForm(
      user: User,
      eventId: string,
      input: unknown,
      language: Language,
    ): Promise<StoredEvaluationForm> {
      await eventFor(user, eventId, true);
      const form = parse(evaluationFormSchema, input, language);
      const stored: StoredEvaluationForm = {
        eventId,
        scales: form.scales.map((s) => ({
          key: s.key,
          label: s.label,
          ...(s.labelEn ? { labelEn: s.labelEn } : {}),
        })),
        closesAfterDays: form.closesAfterDays,
        updatedAt: clock().toISOString(),
        updatedBy: user.id,
      };
      await store.evaluations.putForm(stored);
      return stored;
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
