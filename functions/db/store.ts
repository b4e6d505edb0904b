import { linkKey } from '../domain/tokens';
import { createAuditRepo } from './audit-repo';
import { createCampaignsRepo } from './campaigns-repo';
import { createCertificatesRepo } from './certificates-repo';
import { createCheckinsRepo } from './checkins-repo';
import { createChecklistRepo } from './checklist-repo';
import type { DocumentClient } from './client';
import { createContactsRepo } from './contacts-repo';
import { createCooperativesRepo } from './cooperatives-repo';
import { createCoverageRepo } from './coverage-repo';
import { createDevMailRepo } from './dev-mail-repo';
import { createEvaluationsRepo } from './evaluations-repo';
import { createEventAdminRepo } from './event-admin-repo';
import { createEventsRepo } from './events-repo';
import { createGuestsRepo } from './guests-repo';
import { createInvitationsRepo } from './invitations-repo';
import { createLeasesRepo } from './leases-repo';
import { createMaterialsRepo } from './materials-repo';
import { createOutboxRepo } from './outbox-repo';
import { createQuestionsRepo } from './questions-repo';
import { createRegistrationsRepo } from './registrations-repo';
import { createSmokeRepo } from './smoke-repo';
import { createStationsRepo } from './stations-repo';
import { createSuppressionsRepo } from './suppressions-repo';
import { talksToAws } from './table';
import { createUsersRepo } from './users-repo';
import { createWhatsAppRepo } from './whatsapp-repo';

/**
 * Every repository over one table and one client: what the app, workers and tests are given. `ticketKey` derives
 * ticket codes, manage, sign-in and unsubscribe links and invitation codes (functions/auth/ticket-key.ts says where
 * it comes from); each repository gets only the key of its own purpose. The client stays inside: whoever holds a
 * store reads and writes through the repositories, where the keys and conditions are.
 */
export function createStore(doc: DocumentClient, tableName: string, { ticketKey }: { ticketKey: string }) {
  const registrations = createRegistrationsRepo(doc, tableName, ticketKey);
  return {
    tableName,
    /** Refuses demo data (functions/local/seed.ts): true unless the client talks to DynamoDB Local. */
    inAws: talksToAws(doc),
    events: createEventsRepo(doc, tableName),
    cooperatives: createCooperativesRepo(doc, tableName),
    registrations,
    // Organizer console
    users: createUsersRepo(doc, tableName, linkKey(ticketKey, 'sign-in-links')),
    stations: createStationsRepo(doc, tableName),
    audit: createAuditRepo(doc, tableName),
    eventAdmin: createEventAdminRepo(doc, tableName, registrations),
    outbox: createOutboxRepo(doc, tableName),
    suppressions: createSuppressionsRepo(doc, tableName),
    whatsapp: createWhatsAppRepo(doc, tableName),
    smoke: createSmokeRepo(doc, tableName),
    checkins: createCheckinsRepo(doc, tableName),
    devMail: createDevMailRepo(doc, tableName),
    // Follow-ups
    campaigns: createCampaignsRepo(doc, tableName, linkKey(ticketKey, 'unsubscribe-links')),
    certificates: createCertificatesRepo(doc, tableName),
    checklists: createChecklistRepo(doc, tableName),
    // Coverage figures for the province and national views
    coverage: createCoverageRepo(doc, tableName),
    // Outreach
    contacts: createContactsRepo(doc, tableName),
    invitations: createInvitationsRepo(doc, tableName, linkKey(ticketKey, 'invitation-links')),
    // Session evaluation (evaluasi kegiatan)
    evaluations: createEvaluationsRepo(doc, tableName),
    // Inside the session: officials, speakers and their materials
    guests: createGuestsRepo(doc, tableName),
    materials: createMaterialsRepo(doc, tableName),
    // Tanya jawab: questions to the speaker, their votes and the projector's board
    questions: createQuestionsRepo(doc, tableName),
    // Scheduled work: one run of a job at a time
    leases: createLeasesRepo(doc, tableName),
  };
}

export type Store = ReturnType<typeof createStore>;
