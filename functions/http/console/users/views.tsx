import type { Organisation, User } from '../../../domain/accounts';
import { userRoleLabels, userRoles } from '../../../domain/accounts';
import { consoleText } from '../../pages/admin/copy';
import { ConsoleLayout, type ConsolePageProps, Csrf, pageFrame } from '../../pages/admin/layout';
import { FieldError } from '../../pages/layout';
import { DataTable, type FieldErrors } from '../kit';
import { usersText } from './copy';

/** What a refused user or organisation form shows again (the organisation form's `name` is not the user's). */
export type UsersForms = {
  error?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  organisationErrors?: FieldErrors;
  organisationValues?: Record<string, string>;
};

export function UsersPage(
  props: ConsolePageProps &
    UsersForms & {
      users: User[];
      organisations: Organisation[];
      /** The regencies of the cooperative directory, which an organisation can be bound to. */
      regencies: { code: string; name: string }[];
    },
) {
  const regencyName = new Map(props.regencies.map((r) => [r.code, r.name]));
  const shared = consoleText(props.language);
  const text = usersText(props.language);
  const v = props.values ?? {};
  const o = props.organisationValues ?? {};
  return (
    <ConsoleLayout {...pageFrame(props, shared.users)}>
      <h1>{shared.users}</h1>
      <DataTable
        rows={props.users}
        headerWhenEmpty
        columns={[
          { header: shared.email, cell: (u) => u.email },
          { header: shared.name, cell: (u) => u.name },
          { header: text.role, cell: (u) => userRoleLabels[u.role][props.language] },
          { header: shared.organisation, cell: (u) => u.organisationId },
          {
            header: shared.actions,
            cell: (u) =>
              u.id !== props.user.id ? (
                <form method="post" action={`/admin/pengguna/${u.id}/status`}>
                  <Csrf token={props.csrfToken} />
                  <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                  <button type="submit" class="secondary">
                    {u.active ? text.deactivate : text.activate}
                  </button>
                </form>
              ) : null,
          },
        ]}
      />
      <h2>{text.addUser}</h2>
      <form method="post" action="/admin/pengguna" class="card">
        <Csrf token={props.csrfToken} />
        <div class="row">
          <div>
            <label for="email">{shared.email}</label>
            <input id="email" name="email" type="email" required value={v.email ?? ''} />
            <FieldError message={props.errors?.email} />
          </div>
          <div>
            <label for="name">{shared.name}</label>
            <input id="name" name="name" required value={v.name ?? ''} />
            <FieldError message={props.errors?.name} />
          </div>
          <div>
            <label for="role">{text.role}</label>
            <select id="role" name="role">
              {userRoles.map((role) => (
                <option value={role} selected={v.role === role}>
                  {userRoleLabels[role][props.language]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="organisationId">{shared.organisation}</label>
            <select id="organisationId" name="organisationId">
              {props.organisations.map((org) => (
                <option value={org.id} selected={v.organisationId === org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="provinceCodes">{text.provinceCodes}</label>
            <input
              id="provinceCodes"
              name="provinceCodes"
              inputmode="numeric"
              placeholder="62, 63"
              aria-describedby="provinceCodes-hint"
              value={v.provinceCodes ?? ''}
            />
            <small id="provinceCodes-hint" class="muted">
              {text.provinceCodesHint}
            </small>
            <FieldError message={props.errors?.provinceCodes} />
          </div>
        </div>
        <p>
          <button type="submit">{text.addUser}</button>
        </p>
      </form>
      <h2 id="organisasi">{text.organisations}</h2>
      <DataTable
        rows={props.organisations}
        headerWhenEmpty
        rowAttributes={(org) => ({ 'data-organisation': org.id })}
        columns={[
          { header: text.organisationCode, cell: (org) => org.id },
          { header: shared.name, cell: (org) => org.name },
          {
            header: text.regenciesServed,
            cell: (org) => (
              <>
                {org.regencyCodes?.length ? (
                  <span data-regencies>
                    {org.regencyCodes
                      .map((code) => `${code} ${regencyName.get(code) ?? ''}`.trim())
                      .join(', ')}
                  </span>
                ) : (
                  <span class="muted">{text.noRegencies}</span>
                )}
                <details>
                  <summary>{text.regenciesServed}</summary>
                  <form method="post" action={`/admin/organisasi/${org.id}/wilayah`}>
                    <Csrf token={props.csrfToken} />
                    {props.regencies.map((regency) => (
                      <label>
                        <input
                          type="checkbox"
                          name="regencyCodes"
                          value={regency.code}
                          checked={org.regencyCodes?.includes(regency.code)}
                        />{' '}
                        {`${regency.code} ${regency.name}`}
                      </label>
                    ))}
                    <button type="submit" class="secondary">
                      {text.saveRegencies}
                    </button>
                  </form>
                </details>
              </>
            ),
          },
        ]}
      />
      <form method="post" action="/admin/organisasi" class="card">
        <Csrf token={props.csrfToken} />
        <div class="row">
          <div>
            <label for="org-id">{text.organisationCode}</label>
            <input id="org-id" name="id" required pattern="[a-z0-9][a-z0-9\-]{1,59}" value={o.id ?? ''} />
            <FieldError message={props.organisationErrors?.id} />
          </div>
          <div>
            <label for="org-name">{shared.name}</label>
            <input id="org-name" name="name" required minlength={3} maxlength={200} value={o.name ?? ''} />
            <FieldError message={props.organisationErrors?.name} />
          </div>
        </div>
        <p>
          <button type="submit">{text.addOrganisation}</button>
        </p>
      </form>
    </ConsoleLayout>
  );
}
