import type { Store } from '../db/store';
import { canManageEvent, canReadEvent, dataOwner } from '../domain/access-policy';
import type { AuditEntry, User } from '../domain/accounts';
import { type Checklist, type ChecklistStepId, checklistSteps } from '../domain/checklist';
import { DomainError } from '../domain/errors';
import { isInvited } from '../domain/registration';
import type { Cooperative, EventRecord } from '../domain/schemas';
import { type AttendeeRow, attendeeRows } from '../reports/attendees';
import {
  type Assistant,
  type CooperativeCoverage,
  cooperativeCoverage,
  coverageTotals,
  districtCoverage,
  type SessionFacts,
  unreached,
} from '../reports/coverage';
import type { DaftarHadirVersion, PhoneDisplay } from '../reports/daftar-hadir';
import { type ExportFormat, type ExportKind, exportFile } from '../reports/exports';
import type { LaporanFollowUp, LaporanInput } from '../reports/laporan';
import { audit } from './admin-audit';
import { createCampaignService } from './campaigns';
import type { CheckinService } from './checkins';
import { createEvaluationService } from './evaluations';
import { createGuestService } from './guests';
import { createQuestionService } from './questions';

const COOPERATIVE_TARGET: AuditEntry['targetType'] = 'cooperative';

const byDate = (a: EventRecord, b: EventRecord) => a.startsAt.localeCompare(b.startsAt);

/**
 * Reports: the daftar hadir, exports, coverage dashboards, the laporan kegiatan draft and the
 * cooperatives' administration checklists. Session-wide reports carry personal data of every cooperative,
 * so they are for the session's organizers and admins (canManageEvent); a Business Assistant sees only the
 * cooperatives assigned to them and ticks their checklist steps. Every download is written to the audit log.
 */
export function createReportsService(store: Store, checkins: CheckinService, clock: () => Date) {
  const checklists = store.checklists;

  async function loadEvent(user: User, eventId: string): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    if (!canManageEvent(user, event)) throw new DomainError('forbidden');
    return event;
  }

  /** Cooperative -> its Business Assistants, among the assistants the caller may know about. */
  async function assistantsByCooperative(user: User): Promise<Map<string, Assistant[]>> {
    const map = new Map<string, Assistant[]>();
    if (user.role === 'business_assistant') return map;
    const assistants = (await store.users.list()).filter(
      (u) =>
        u.role === 'business_assistant' &&
        u.active &&
        (user.role === 'admin' || u.organisationId === user.organisationId),
    );
    await Promise.all(
      assistants.map(async (assistant) => {
        for (const id of await store.users.assignedCooperatives(assistant.id)) {
          const list = map.get(id) ?? [];
          list.push({ id: assistant.id, name: assistant.name, email: assistant.email });
          map.set(id, list);
        }
      }),
    );
    return map;
  }

  async function facts(event: EventRecord): Promise<SessionFacts & { directory: Cooperative[] }> {
    const [directory, registrations, records] = await Promise.all([
      store.cooperatives.listByRegency(event.regencyCode),
      store.registrations.listByEvent(event.id),
      store.checkins.listByEvent(event.id),
    ]);
    return {
      eventId: event.id,
      directory,
      invited: directory.filter((c) => isInvited(event, c)),
      registrations,
      checkins: records,
    };
  }

  /** The session dashboard: the check-in service's attendance figures plus who is still unreached. */
  async function sessionCoverage(user: User, eventId: string) {
    const event = await loadEvent(user, eventId);
    const [attendance, session, assistants] = await Promise.all([
      checkins.attendance(eventId),
      facts(event),
      assistantsByCooperative(user),
    ]);
    const cooperatives = cooperativeCoverage([session], (id) => assistants.get(id) ?? []);
    return { event, attendance, cooperatives, unreached: unreached(cooperatives) };
  }

  /** Across an organisation's sessions (cancelled ones left out): each cooperative counted once. */
  async function organisationCoverage(user: User, organisationId: string) {
    if (user.role === 'business_assistant') throw new DomainError('forbidden');
    if (user.role !== 'admin' && user.organisationId !== organisationId) throw new DomainError('forbidden');
    const organisation = await store.users.getOrganisation(organisationId);
    if (!organisation) throw new DomainError('not_found');
    const events = (await store.eventAdmin.listAll())
      .filter((e) => e.organisationId === organisationId && !e.cancelled)
      .sort(byDate);
    const [sessions, assistants] = await Promise.all([
      Promise.all(events.map(facts)),
      assistantsByCooperative(user),
    ]);
    const cooperatives = cooperativeCoverage(sessions, (id) => assistants.get(id) ?? []);
    const districts = districtCoverage(cooperatives);
    const perSession = events.map((event, index) => {
      const one = districtCoverage(cooperativeCoverage([sessions[index] as SessionFacts]));
      return { event, ...coverageTotals(one) };
    });
    return {
      organisation,
      sessions: perSession,
      districts,
      totals: coverageTotals(districts),
      cooperatives,
      unreached: unreached(cooperatives),
    };
  }

  async function daftarHadir(
    user: User,
    eventId: string,
    options: { version: DaftarHadirVersion; phone: PhoneDisplay },
  ) {
    const event = await loadEvent(user, eventId);
    const session = await facts(event);
    const rows = attendeeRows(session.registrations, session.checkins, session.directory, {
      checkedInOnly: options.version === 'filled',
    });
    const now = clock();
    await audit(store, user, now, {
      action: 'report.daftar_hadir',
      targetType: 'event',
      targetId: eventId,
      eventId,
      detail: `${options.version}, ${rows.length} rows, phone ${options.phone}`,
    });
    // pdf-lib and its fonts (about 400 KiB) load with the first PDF, not with every console cold start.
    const { buildDaftarHadir } = await import('../reports/daftar-hadir');
    // Officials and speakers sign their own pages: all of them on the empty list, those marked present on the filled.
    const guests = (await store.guests.list(eventId)).filter(
      (guest) => options.version === 'empty' || guest.checkedInAt,
    );
    const bytes = await buildDaftarHadir({ event, rows, ...options, guests, printedAt: now });
    const label = options.version === 'empty' ? 'kosong' : 'hadir';
    return { bytes, filename: `daftar-hadir-${label}-${event.id}.pdf`, rows };
  }

  async function exportReport(user: User, eventId: string, kind: ExportKind, format: ExportFormat) {
    const event = await loadEvent(user, eventId);
    const [session, assistants, lists, failed, uncertain] = await Promise.all([
      facts(event),
      assistantsByCooperative(user),
      event.organisationId
        ? checklists.listByRegency(event.organisationId, event.regencyCode)
        : new Map<string, Checklist>(),
      store.outbox.failed(),
      store.outbox.uncertain(),
    ]);
    const ids = new Set(session.registrations.map((r) => r.id));
    const file = exportFile(kind, format, {
      event,
      registrations: session.registrations,
      attendees: attendeeRows(session.registrations, session.checkins, session.directory, {
        confirmedOnly: false,
      }),
      cooperatives: cooperativeCoverage([session], (id) => assistants.get(id) ?? []),
      checklists: lists,
      emailProblems: [...failed, ...uncertain].filter(
        (job) => job.registrationId && ids.has(job.registrationId),
      ),
    });
    await audit(store, user, clock(), {
      action: 'report.exported',
      targetType: 'event',
      targetId: eventId,
      eventId,
      detail: `${kind}.${format}, ${file.rows} rows`,
    });
    return file;
  }

  /** The session's follow-up campaigns, in sending order, with how far each has got. */
  async function followUps(user: User, eventId: string): Promise<LaporanFollowUp[]> {
    const { campaigns } = await createCampaignService(store, clock).list(user, eventId);
    return campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      segment: c.segment,
      status: c.status,
      dueAt: c.dueAt,
      audience: c.progress.audience,
      sent: c.progress.sent,
      queued: c.progress.queued,
      failed: c.progress.failed + c.progress.bounced,
    }));
  }

  /** Everything the laporan kegiatan is written from (functions/reports/laporan.ts). */
  async function laporan(user: User, eventId: string): Promise<LaporanInput> {
    // The rights check comes first: the other features' reads below do none of their own.
    const coverage = await sessionCoverage(user, eventId);
    const [campaigns, guests, materials, questions, evaluation] = await Promise.all([
      followUps(user, eventId),
      createGuestService(store, clock).list(eventId),
      store.materials.list(eventId),
      createQuestionService(store, clock).answered(eventId),
      createEvaluationService(store, clock).summary(eventId, 'id'),
    ]);
    return {
      event: coverage.event,
      attendance: coverage.attendance,
      unreached: coverage.unreached,
      guests,
      materials,
      questions,
      evaluation,
      followUps: campaigns,
      generatedAt: clock(),
    };
  }

  async function laporanFile(user: User, eventId: string, format: 'pdf' | 'docx') {
    const input = await laporan(user, eventId);
    await audit(store, user, input.generatedAt, {
      action: 'report.laporan',
      targetType: 'event',
      targetId: eventId,
      eventId,
      detail: format,
    });
    const filename = `laporan-kegiatan-${eventId}.${format}`;
    // The PDF's pdf-lib and fonts (about 400 KiB) and the DOCX's writer load with the first file, not with every
    // console cold start.
    if (format === 'docx') {
      const { buildLaporanDocx } = await import('../reports/laporan-docx');
      return { bytes: await buildLaporanDocx(input), filename };
    }
    const { buildLaporanPdf } = await import('../reports/laporan-pdf');
    return { bytes: await buildLaporanPdf(input), filename };
  }

  const laporanPdf = (user: User, eventId: string) => laporanFile(user, eventId, 'pdf');
  const laporanDocx = (user: User, eventId: string) => laporanFile(user, eventId, 'docx');

  /**
   * Who may see a cooperative's page, and which sessions they see on it: admins everything; organizers the
   * sessions of their organisation that invited it (or any cooperative one of their BAs looks after); a BA
   * only the cooperatives assigned to them, with the sessions of their organisation.
   */
  async function loadCooperative(user: User, cooperativeId: string) {
    const cooperative = await store.cooperatives.get(cooperativeId);
    if (!cooperative) throw new DomainError('not_found');
    const events = (await store.eventAdmin.listAll())
      .filter((event) => isInvited(event, cooperative) && canReadEvent(user, event))
      .sort(byDate);
    let allowed = user.role === 'admin';
    let assistants: Assistant[] = [];
    if (user.role === 'business_assistant') {
      allowed = (await store.users.assignedCooperatives(user.id)).includes(cooperativeId);
    } else {
      assistants = (await assistantsByCooperative(user)).get(cooperativeId) ?? [];
      if (user.role === 'organizer')
        allowed = assistants.length > 0 || events.some((e) => canManageEvent(user, e));
    }
    if (!allowed) throw new DomainError('forbidden');
    return { cooperative, events, assistants };
  }

  /**
   * A cooperative's page: its sessions the user may see and the administration checklist of `organisationId`
   * (the user's own organisation; an admin may name any).
   */
  async function cooperativePage(user: User, cooperativeId: string, organisationId?: string) {
    const owner = dataOwner(user, organisationId);
    const { cooperative, events, assistants } = await loadCooperative(user, cooperativeId);
    const sessions = await Promise.all(
      events.map(async (event) => {
        const [registrations, records] = await Promise.all([
          store.registrations.listByEvent(event.id),
          store.checkins.listByEvent(event.id),
        ]);
        const mine = registrations.filter((r) => r.cooperativeId === cooperativeId);
        const registration = mine.find((r) => r.status !== 'cancelled') ?? mine[mine.length - 1];
        const officers: AttendeeRow[] = registration
          ? attendeeRows([registration], records, [cooperative], { confirmedOnly: false })
          : [];
        return { event, registration, officers };
      }),
    );
    const checklist = await checklists.get(owner, cooperativeId);
    await audit(store, user, clock(), {
      action: 'report.cooperative_viewed',
      targetType: COOPERATIVE_TARGET,
      targetId: cooperativeId,
    });
    return { cooperative, assistants, sessions, checklist, organisationId: owner };
  }

  /**
   * Ticks (or unticks) one step of `organisationId`'s checklist (the user's own organisation's; an admin may
   * name any); logged with who did it.
   */
  async function setChecklistStep(
    user: User,
    cooperativeId: string,
    step: ChecklistStepId,
    done: boolean,
    organisationId?: string,
  ) {
    const owner = dataOwner(user, organisationId);
    await loadCooperative(user, cooperativeId);
    const now = clock();
    const checklist = await checklists.setStep(
      owner,
      cooperativeId,
      step,
      done ? { at: now.toISOString(), by: user.id, byName: user.name } : undefined,
      now,
    );
    await audit(store, user, now, {
      action: done ? 'checklist.step_done' : 'checklist.step_undone',
      targetType: COOPERATIVE_TARGET,
      targetId: cooperativeId,
      detail: checklistSteps.find((s) => s.id === step)?.label ?? step,
    });
    return checklist;
  }

  /** A Business Assistant's own cooperatives: where each stands across the sessions they were invited to. */
  async function assistantView(user: User) {
    if (user.role !== 'business_assistant') throw new DomainError('forbidden');
    const assigned = new Set(await store.users.assignedCooperatives(user.id));
    const events = (await store.eventAdmin.listAll()).filter((e) => canReadEvent(user, e) && !e.cancelled);
    const sessions = (await Promise.all(events.map(facts))).map((s) => {
      const invited = s.invited.filter((c) => assigned.has(c.id));
      return {
        ...s,
        invited,
        registrations: s.registrations.filter((r) => assigned.has(r.cooperativeId)),
      };
    });
    const covered = cooperativeCoverage(sessions);
    const seen = new Set(covered.map((c) => c.cooperative.id));
    // Assigned cooperatives not invited to any session yet still belong on the BA's list.
    const others: CooperativeCoverage[] = [];
    for (const id of assigned) {
      if (seen.has(id)) continue;
      const cooperative = await store.cooperatives.get(id);
      if (cooperative)
        others.push({
          cooperative,
          invitedTo: 0,
          registeredFor: 0,
          attended: 0,
          officersRegistered: 0,
          officersPresent: 0,
          assistants: [],
        });
    }
    const cooperatives = [...covered, ...others];
    const regencies = new Set(cooperatives.map((c) => c.cooperative.regencyCode));
    const lists = new Map(
      (
        await Promise.all([...regencies].map((code) => checklists.listByRegency(user.organisationId, code)))
      ).flatMap((m) => [...m]),
    );
    return { cooperatives, checklists: lists };
  }

  /** The sessions a user may build reports for (the reports index). */
  async function reportableEvents(user: User) {
    return (await store.eventAdmin.listAll())
      .filter((e) => canManageEvent(user, e))
      .sort(byDate)
      .reverse();
  }

  return {
    loadEvent,
    sessionCoverage,
    organisationCoverage,
    daftarHadir,
    exportReport,
    laporan,
    laporanPdf,
    laporanDocx,
    cooperativePage,
    setChecklistStep,
    assistantView,
    reportableEvents,
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
