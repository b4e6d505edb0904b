import type { Organisation, User } from './accounts';
import { DomainError } from './errors';
import type { EventRecord } from './schemas';

/**
 * Who may do what, as plain functions of the user and the thing touched. Every admin route calls one of
 * these on the server before it reads or writes; pages only hide what these would refuse anyway.
 */

/** Viewers of coverage belong to an organisation too, but work on none of its sessions or cooperatives. */
const worksForOrganisation = (user: User) => user.role === 'organizer' || user.role === 'business_assistant';

const sameOrganisation = (user: User, event: Pick<EventRecord, 'organisationId'>) =>
  worksForOrganisation(user) && !!event.organisationId && event.organisationId === user.organisationId;

/** Sees the session and (filtered, for a BA) its registrations. */
export function canReadEvent(user: User, event: Pick<EventRecord, 'organisationId'>): boolean {
  if (user.role === 'admin') return true;
  return sameOrganisation(user, event);
}

/** Edits the session, its registrations and its stations. */
export function canManageEvent(user: User, event: Pick<EventRecord, 'organisationId'>): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'organizer' && sameOrganisation(user, event);
}

export const canCreateEvents = (user: User) => user.role === 'admin' || user.role === 'organizer';

/** A session belongs to an organisation that serves its regency (an admin binds them). */
export const servesRegency = (organisation: Pick<Organisation, 'regencyCodes'>, regencyCode: string) =>
  (organisation.regencyCodes ?? []).includes(regencyCode);

/**
 * Whose contacts and checklists a user works on: their own organisation's. An admin may name another one
 * (they see everything); anyone else naming another organisation is refused.
 */
export function dataOwner(user: User, requested?: string): string {
  if (!worksForOrganisation(user) && user.role !== 'admin') throw new DomainError('forbidden');
  if (!requested || requested === user.organisationId) return user.organisationId;
  if (user.role !== 'admin') throw new DomainError('forbidden');
  return requested;
}

/** A login (or sign-in link) counts only in the generation it was started in; deactivation ends a generation. */
export const isCurrentLogin = (login: { generation?: number }, user: Pick<User, 'loginGeneration'>) =>
  (login.generation ?? 0) === (user.loginGeneration ?? 0);

/** Users, organisations and the audit log are the admin's. */
export const isAdmin = (user: User) => user.role === 'admin';

/** Assigning cooperatives to a BA: admins for anyone, organizers for the BAs of their own organisation. */
export function canAssign(user: User, assistant: User): boolean {
  if (assistant.role !== 'business_assistant') return false;
  if (user.role === 'admin') return true;
  return user.role === 'organizer' && user.organisationId === assistant.organisationId;
}

/** Reading a BA's assignments: whoever may change them, and the BA themself. */
export const canReadAssignments = (user: User, assistant: User) =>
  canAssign(user, assistant) || (user.id === assistant.id && user.role === 'business_assistant');

/** A BA reads only the registrations of the cooperatives assigned to them; everyone else all of them. */
export function registrationFilter(user: User, assigned: string[]): (cooperativeId: string) => boolean {
  if (user.role !== 'business_assistant') return () => true;
  const mine = new Set(assigned);
  return (cooperativeId) => mine.has(cooperativeId);
}

/** The coverage dashboards: admins and national viewers see every province, a province viewer theirs. */
export function coverageProvinces(user: User): 'all' | string[] {
  if (user.role === 'admin' || user.role === 'national_viewer') return 'all';
  if (user.role === 'province_viewer') return user.provinceCodes ?? [];
  throw new DomainError('forbidden');
}

export function canViewProvince(user: User, provinceCode: string): boolean {
  const provinces = coverageProvinces(user);
  return provinces === 'all' || provinces.includes(provinceCode);
}

/** Viewers read the coverage dashboards and nothing else of the console. */
export const isCoverageViewer = (user: User) =>
  user.role === 'province_viewer' || user.role === 'national_viewer';
