import type { Context } from 'hono';
import { organisationInput, organisationRegenciesInput, userInput } from '../../../domain/accounts';
import {
  consoleFactory,
  formRefusal,
  me,
  pageProps,
  readConsoleAction,
  readConsoleForm,
  requireRole,
  type SignedInEnv,
} from '../kit';
import { type UsersForms, UsersPage } from './views';

const adminOnly = requireRole('admin');

/** Users and organisations, with what a refused form needs shown again. */
async function usersPage(c: Context<SignedInEnv>, forms: UsersForms = {}) {
  const { adminUsers } = c.get('services');
  const [users, organisations, regencies] = await Promise.all([
    adminUsers.list(me(c)),
    adminUsers.listOrganisations(me(c)),
    adminUsers.directoryRegencies(me(c)),
  ]);
  return c.render(
    <UsersPage
      {...pageProps(c)}
      {...forms}
      users={users}
      organisations={organisations}
      regencies={regencies}
    />,
  );
}

const stringsOf = (form: Record<string, unknown>) => form as Record<string, string>;

/**
 * Who signs in to the console and for which organisation, mounted at /admin (admins only): users added and
 * (de)activated, organisations added and bound to the regencies they serve.
 */
export const userPages = consoleFactory
  .createApp()
  .get('/pengguna', adminOnly, (c) => usersPage(c))
  .post('/pengguna', adminOnly, async (c) => {
    // "62, 63" in the form; a list in the API.
    const read = await readConsoleForm(c, userInput, (form) => {
      const provinceCodes = String(form.provinceCodes ?? '')
        .split(/[\s,;]+/)
        .filter(Boolean);
      return { ...form, provinceCodes: provinceCodes.length ? provinceCodes : undefined };
    });
    if (!read.ok)
      return usersPage(c, { error: read.message, errors: read.errors, values: stringsOf(read.form) });
    try {
      await c.get('services').adminUsers.create(me(c), read.values);
      return c.redirect('/admin/pengguna', 303);
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      return usersPage(c, { error: message, errors, values: stringsOf(read.form) });
    }
  })
  .post('/organisasi', adminOnly, async (c) => {
    const read = await readConsoleForm(c, organisationInput);
    const refused = (errors: Record<string, string>, message: string) =>
      usersPage(c, { error: message, organisationErrors: errors, organisationValues: stringsOf(read.form) });
    if (!read.ok) return refused(read.errors, read.message);
    try {
      await c.get('services').adminUsers.createOrganisation(me(c), read.values);
      return c.redirect('/admin/pengguna#organisasi', 303);
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      return refused(errors, message);
    }
  })
  .post('/organisasi/:organisationId/wilayah', adminOnly, async (c) => {
    const read = await readConsoleForm(c, organisationRegenciesInput, (_form, fields) => ({
      regencyCodes: fields.getAll('regencyCodes').map(String),
    }));
    // One message above the page: the form is a list of boxes with no field to show it beside.
    if (!read.ok) return usersPage(c, { error: Object.values(read.errors)[0] ?? read.message });
    try {
      await c
        .get('services')
        .adminUsers.setOrganisationRegencies(me(c), c.req.param('organisationId'), read.values.regencyCodes);
      return c.redirect('/admin/pengguna#organisasi', 303);
    } catch (error) {
      const { errors, message } = formRefusal(error, c);
      return usersPage(c, { error: Object.values(errors)[0] ?? message });
    }
  })
  .post('/pengguna/:userId/status', adminOnly, async (c) => {
    const form = await readConsoleAction(c);
    await c
      .get('services')
      .adminUsers.update(me(c), c.req.param('userId'), { active: form.active === 'true' });
    return c.redirect('/admin/pengguna', 303);
  });
