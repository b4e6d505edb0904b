import type { z } from 'zod/mini';
import { regencyOf } from '../db/keys';
import type { Store } from '../db/store';
import { canAssign, canReadAssignments, isAdmin } from '../domain/access-policy';
import type { Organisation, organisationInput, User, UserChangeInput, UserInput } from '../domain/accounts';
import { DomainError, type ValidationIssue } from '../domain/errors';
import { newId } from '../domain/tokens';
import { audit } from './admin-audit';

export const publicUser = (user: User) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organisationId: user.organisationId,
  language: user.language,
  active: user.active,
});

const MAX_CSV_ROWS = 5000;

/** Splits one CSV line (commas or semicolons, as Excel writes with Indonesian settings; quotes allowed). */
function csvCells(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/** `email,cooperativeId` rows (header required; `kode_desa`/`cooperative` accepted for the second column). */
export function parseAssignmentsCsv(text: string): {
  rows: { line: number; email: string; cooperativeId: string }[];
  issues: ValidationIssue[];
} {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  const names = csvCells(header, delimiter).map((name) => name.toLowerCase());
  const emailAt = names.findIndex((name) => ['email', 'email_ba', 'ba_email'].includes(name));
  const coopAt = names.findIndex((name) =>
    ['cooperativeid', 'cooperative_id', 'cooperative', 'kode_desa', 'kode', 'village_code'].includes(name),
  );
  const issues: ValidationIssue[] = [];
  if (emailAt < 0 || coopAt < 0) {
    issues.push({ path: ['csv', 1], code: 'csv_header', message: 'csv_header' });
    return { rows: [], issues };
  }
  const rows: { line: number; email: string; cooperativeId: string }[] = [];
  lines.slice(1, MAX_CSV_ROWS + 1).forEach((raw, index) => {
    if (!raw.trim()) return;
    const cells = csvCells(raw, delimiter);
    rows.push({
      line: index + 2,
      email: (cells[emailAt] ?? '').toLowerCase(),
      cooperativeId: cells[coopAt] ?? '',
    });
  });
  return { rows, issues };
}

/** Users, organisations, Business Assistant assignments and the audit log. */
export function createAdminUsersService(store: Store, clock: () => Date) {
  function requireAdmin(user: User) {
    if (!isAdmin(user)) throw new DomainError('forbidden');
  }

  async function list(user: User): Promise<User[]> {
    const users = await store.users.list();
    if (isAdmin(user)) return users;
    // Organizers see the Business Assistants of their organisation (to assign cooperatives).
    if (user.role === 'organizer') {
      return users.filter((u) => u.role === 'business_assistant' && u.organisationId === user.organisationId);
    }
    throw new DomainError('forbidden');
  }

  async function create(actor: User, input: UserInput): Promise<User> {
    requireAdmin(actor);
    // A province viewer of no province would see an empty console; anyone else has no use for provinces.
    if (input.role === 'province_viewer' && !input.provinceCodes?.length) {
      throw new DomainError('validation', {}, [
        { path: ['provinceCodes'], code: 'required', message: 'required' },
      ]);
    }
    if (input.role !== 'province_viewer') input = { ...input, provinceCodes: undefined };
    if (!(await store.users.getOrganisation(input.organisationId))) {
      throw new DomainError('validation', {}, [
        { path: ['organisationId'], code: 'invalid_choice', message: 'invalid_choice' },
      ]);
    }
    const now = clock().toISOString();
    const user = await store.users.create({
      id: newId(),
      ...input,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    await audit(store, actor, clock(), { action: 'user.created', targetType: 'user', targetId: user.id });
    return user;
  }

  async function update(actor: User, userId: string, input: UserChangeInput): Promise<User> {
    requireAdmin(actor);
    const current = await store.users.get(userId);
    if (!current) throw new DomainError('not_found');
    if (input.organisationId && !(await store.users.getOrganisation(input.organisationId))) {
      throw new DomainError('validation', {}, [
        { path: ['organisationId'], code: 'invalid_choice', message: 'invalid_choice' },
      ]);
    }
    // The last word on one's own access is someone else's: an admin cannot lock themself out.
    if (actor.id === userId && (input.active === false || (input.role && input.role !== 'admin'))) {
      throw new DomainError('conflict');
    }
    const next: User = {
      ...current,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      updatedAt: clock().toISOString(),
    };
    // Deactivation ends every login and pending sign-in link of the user for good, not just until reactivation.
    if (input.active === false) next.loginGeneration = (current.loginGeneration ?? 0) + 1;
    await store.users.update(next);
    await audit(store, actor, clock(), { action: 'user.updated', targetType: 'user', targetId: userId });
    return next;
  }

  async function listOrganisations(actor: User): Promise<Organisation[]> {
    const all = await store.users.listOrganisations();
    return isAdmin(actor) ? all : all.filter((org) => org.id === actor.organisationId);
  }

  /** Regency codes, each once, each one the directory knows (else a validation error naming it). */
  async function knownRegencies(codes: string[]): Promise<string[]> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return unique;
    const found = await Promise.all(unique.map((code) => store.cooperatives.getRegency(code)));
    const known = new Set(unique.filter((_, index) => found[index]));
    const issues: ValidationIssue[] = codes.flatMap((code, index) =>
      known.has(code)
        ? []
        : [{ path: ['regencyCodes', index], code: 'unknown_regency', message: 'unknown_regency' }],
    );
    if (issues.length) throw new DomainError('validation', {}, issues);
    return unique.sort();
  }

  async function createOrganisation(actor: User, input: z.infer<typeof organisationInput>) {
    requireAdmin(actor);
    const regencyCodes = await knownRegencies(input.regencyCodes ?? []);
    const organisation = await store.users.putOrganisation({
      ...input,
      regencyCodes,
      createdAt: clock().toISOString(),
    });
    await audit(store, actor, clock(), {
      action: 'organisation.created',
      targetType: 'organisation',
      targetId: organisation.id,
    });
    return organisation;
  }

  /** Binds an organisation to the regencies it serves: where its organizers create and edit sessions. */
  async function setOrganisationRegencies(actor: User, organisationId: string, codes: string[]) {
    requireAdmin(actor);
    if (!(await store.users.getOrganisation(organisationId))) throw new DomainError('not_found');
    const organisation = await store.users.setOrganisationRegencies(
      organisationId,
      await knownRegencies(codes),
    );
    await audit(store, actor, clock(), {
      action: 'organisation.regencies_set',
      targetType: 'organisation',
      targetId: organisationId,
      detail: (organisation.regencyCodes ?? []).join(', ').slice(0, 500) || 'none',
    });
    return organisation;
  }

  /** The regencies of the cooperative directory: what an admin can bind an organisation to. */
  async function directoryRegencies(actor: User) {
    requireAdmin(actor);
    return (await store.cooperatives.listRegencies())
      .map(({ code, name }) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  async function assistant(userId: string): Promise<User> {
    const user = await store.users.get(userId);
    if (!user) throw new DomainError('not_found');
    return user;
  }

  async function getAssignments(actor: User, userId: string): Promise<string[]> {
    const ba = await assistant(userId);
    if (!canReadAssignments(actor, ba)) throw new DomainError('forbidden');
    return store.users.assignedCooperatives(userId);
  }

  async function assertCooperatives(ids: string[], path: (index: number) => (string | number)[]) {
    const issues: ValidationIssue[] = [];
    const regencies = new Map<string, Set<string>>();
    for (const [index, id] of ids.entries()) {
      const regency = regencyOf(id);
      if (!regencies.has(regency)) {
        regencies.set(regency, new Set((await store.cooperatives.listByRegency(regency)).map((c) => c.id)));
      }
      if (!regencies.get(regency)?.has(id)) {
        issues.push({ path: path(index), code: 'invalid_cooperative', message: 'invalid_cooperative' });
      }
    }
    return issues;
  }

  async function setAssignments(actor: User, userId: string, cooperativeIds: string[]) {
    const ba = await assistant(userId);
    if (!canAssign(actor, ba)) throw new DomainError('forbidden');
    const unique = [...new Set(cooperativeIds)];
    const issues = await assertCooperatives(unique, (index) => ['cooperativeIds', index]);
    if (issues.length) throw new DomainError('validation', {}, issues);
    await store.users.setAssignments(userId, unique, clock());
    await audit(store, actor, clock(), {
      action: 'assignment.set',
      targetType: 'assignment',
      targetId: userId,
      detail: `${unique.length} cooperatives`,
    });
    return unique;
  }

  /**
   * Imports `email,cooperativeId` rows. Each Business Assistant named in the file gets exactly the
   * cooperatives listed for them; nothing is written unless every row is valid.
   */
  async function importAssignments(actor: User, csv: string) {
    if (actor.role !== 'admin' && actor.role !== 'organizer') throw new DomainError('forbidden');
    const { rows, issues } = parseAssignmentsCsv(csv);
    if (issues.length) throw new DomainError('validation', {}, issues);
    const byEmail = new Map<string, { user: User; cooperativeIds: string[] }>();
    for (const row of rows) {
      let entry = byEmail.get(row.email);
      if (!entry) {
        const user = await store.users.findByEmail(row.email);
        if (!user || !canAssign(actor, user)) {
          issues.push({ path: ['csv', row.line], code: 'unknown_assistant', message: 'unknown_assistant' });
          continue;
        }
        entry = { user, cooperativeIds: [] };
        byEmail.set(row.email, entry);
      }
      entry.cooperativeIds.push(row.cooperativeId);
    }
    issues.push(
      ...(await assertCooperatives(
        rows.map((row) => row.cooperativeId),
        (index) => ['csv', rows[index]?.line ?? 0],
      )),
    );
    if (issues.length) throw new DomainError('validation', {}, issues);
    for (const { user, cooperativeIds } of byEmail.values()) {
      await store.users.setAssignments(user.id, [...new Set(cooperativeIds)], clock());
    }
    await audit(store, actor, clock(), {
      action: 'assignment.imported',
      targetType: 'assignment',
      targetId: [...byEmail.values()]
        .map((entry) => entry.user.id)
        .join(',')
        .slice(0, 500),
      detail: `${rows.length} rows`,
    });
    return { assistants: byEmail.size, rows: rows.length };
  }

  async function auditLog(actor: User, options: { cursor?: string; limit?: number }) {
    requireAdmin(actor);
    return store.audit.list({ ...options, now: clock() });
  }

  return {
    list,
    create,
    update,
    listOrganisations,
    createOrganisation,
    setOrganisationRegencies,
    directoryRegencies,
    getAssignments,
    setAssignments,
    importAssignments,
    auditLog,
  };
}

export type AdminUsersService = ReturnType<typeof createAdminUsersService>;
