import { linkKey } from '../domain/tokens';
import { createAuditRepo } from './audit-repo';
import { createCampaignsRepo } from './campaigns-repo';
import { createCheckinsRepo } from './checkins-repo';
import type { DocumentClient } from './client';
import { createContactsRepo } from './contacts-repo';
import { createCooperativesRepo } from './cooperatives-repo';
import { createDevMailRepo } from './dev-mail-repo';
import { createEventAdminRepo } from './event-admin-repo';
import { createEvaluationsRepo } from './evaluations-repo';
import { createEventsRepo } from './events-repo';
import { createGuestsRepo } from './guests-repo';
import { createInvitationsRepo } from './invitations-repo';
import { createLeasesRepo } from './leases-repo';
import { createMaterialsRepo } from './materials-repo';
import { createOutboxRepo } from './outbox-repo';
import { createQuestionsRepo } from './questions-repo';
import { createRegistrationsRepo } from './registrations-repo';
import { createStationsRepo } from './stations-repo';
import { createUsersRepo } from './users-repo';

/**
 * Every repository over one table and one client: what the app, workers and tests are given. `ticketKey` derives
 * ticket codes, manage, sign-in and unsubscribe links and invitation codes (functions/auth/ticket-key.ts says where
 * it comes from); each repository gets only the key of its own purpose.
 */
export function createStore(doc: DocumentClient, tableName: string, { ticketKey }: { ticketKey: string }) {
  const registrations = createRegistrationsRepo(doc, tableName, ticketKey);
  return {
    doc,
    tableName,
    events: createEventsRepo(doc, tableName),
    cooperatives: createCooperativesRepo(doc, tableName),
    registrations,
    // Organizer console
    users: createUsersRepo(doc, tableName, linkKey(ticketKey, 'sign-in-links')),
    stations: createStationsRepo(doc, tableName),
    audit: createAuditRepo(doc, tableName),
    eventAdmin: createEventAdminRepo(doc, tableName, registrations),
    outbox: createOutboxRepo(doc, tableName),
    checkins: createCheckinsRepo(doc, tableName),
    devMail: createDevMailRepo(doc, tableName),
    // Follow-ups
    campaigns: createCampaignsRepo(doc, tableName, linkKey(ticketKey, 'unsubscribe-links')),
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
