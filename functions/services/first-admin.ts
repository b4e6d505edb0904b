import type { Store } from '../db/store';
import { organisationId as organisationIdSchema } from '../domain/accounts';
import { DomainError } from '../domain/errors';
import { email as emailSchema } from '../domain/schemas';
import { newId } from '../domain/tokens';

export type FirstAdminInput = {
  email: string;
  organisationId: string;
  /** The organisation's name; kept as it is when the organisation exists and none is given. */
  organisationName?: string;
  /** Regencies the organisation serves (`62.02`); added to those it already serves. */
  regencyCodes: string[];
  adminName?: string;
};

type Change = 'created' | 'updated' | 'unchanged';

const REGENCY = /^\d{2}\.\d{2}$/;

/** Which fields are wrong, as the validation error every other input gives. */
function invalid(path: string, code: string): never {
  throw new DomainError('validation', {}, [{ path: [path], code, message: code }]);
}

/**
 * The first admin of a deployment, and the organisation it belongs to, bound to its regencies: created when
 * missing, brought to what was asked when not (an existing user becomes an active admin of that organisation),
 * left alone when already so. Running it again changes nothing, so an operator can repeat it safely.
 */
export async function ensureFirstAdmin(store: Store, input: FirstAdminInput, now = new Date()) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) invalid('email', 'invalid_email');
  const organisationId = organisationIdSchema.safeParse(input.organisationId);
  if (!organisationId.success) invalid('organisation', 'invalid_organisation_code');
  if (!input.regencyCodes.length || !input.regencyCodes.every((code) => REGENCY.test(code)))
    invalid('regency', 'invalid_regency');
  const address = email.data.toLowerCase();
  const orgId = organisationId.data;

  let organisationChange: Change = 'unchanged';
  const existing = await store.users.getOrganisation(orgId);
  if (!existing) {
    await store.users.putOrganisation({
      id: orgId,
      name: input.organisationName?.trim() || orgId,
      regencyCodes: [...new Set(input.regencyCodes)].sort(),
      createdAt: now.toISOString(),
    });
    organisationChange = 'created';
  } else {
    const served = existing.regencyCodes ?? [];
    const regencyCodes = [...new Set([...served, ...input.regencyCodes])].sort();
    if (regencyCodes.length !== served.length) {
      await store.users.setOrganisationRegencies(orgId, regencyCodes);
      organisationChange = 'updated';
    }
    const name = input.organisationName?.trim();
    if (name && name !== existing.name) {
      await store.users.putOrganisation({ ...existing, regencyCodes, name }, { overwrite: true });
      organisationChange = 'updated';
    }
  }

  let adminChange: Change = 'unchanged';
  const user = await store.users.findByEmail(address);
  if (!user) {
    await store.users.create({
      id: newId(),
      email: address,
      name: input.adminName?.trim() || 'Admin hadir',
      role: 'admin',
      organisationId: orgId,
      language: 'id',
      active: true,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    adminChange = 'created';
  } else if (user.role !== 'admin' || !user.active || user.organisationId !== orgId) {
    await store.users.update({
      ...user,
      role: 'admin',
      active: true,
      organisationId: orgId,
      updatedAt: now.toISOString(),
    });
    adminChange = 'updated';
  }
  return { organisation: organisationChange, admin: adminChange, email: address, organisationId: orgId };
}
