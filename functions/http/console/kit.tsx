import type { Context } from 'hono';
import { createFactory, createMiddleware } from 'hono/factory';
import type { Child } from 'hono/jsx';
import * as z from 'zod/mini';
import type { User, UserRole } from '../../domain/accounts';
import { DomainError, isDomainError } from '../../domain/errors';
import { localizeIssues } from '../../domain/messages';
import { assertFormToken, requireUser } from '../console-login';
import type { BaseEnv, ConsoleEnv } from '../context';
import { describeRoute, type RouteDoc } from '../describe-route';
import { errorBody } from '../error-handler';
import type { FieldErrors } from '../pages/register-page';
import { languageOf, readForm, readJson } from '../request';

/**
 * What every console resource (functions/http/console/<resource>/routes.tsx) builds with, so a new screen is the
 * same few lines as the others: the console's Hono factory, one sign-in and role guard, one form reader and one
 * table. The console surface (console-surface.ts) builds ConsoleServices completely before it mounts anything, so
 * `c.get('services')` here holds what ConsoleEnv says.
 */
export const consoleFactory = createFactory<ConsoleEnv>();

/** An operation of the console's JSON API, for signed-in users; in the document's Console section unless `tag` says. */
export const describeConsoleRoute = (doc: Omit<RouteDoc, 'tag' | 'access'> & { tag?: string }) =>
  describeRoute({ tag: 'Console', ...doc, access: 'session' });

/**
 * After `requireRole(...)` the app's env is this one: `c.var.user` is the signed-in user, not `User | undefined`.
 * Helpers that handlers behind the guard call take `Context<SignedInEnv>`.
 */
export type SignedInEnv = ConsoleEnv & { Variables: { user: User } };

export type { FieldErrors };

/**
 * The console's one guard. Nobody signed in: a page (GET outside /api) goes to the sign-in page, anything else is
 * 401, or 403 for a check-in station's token (a known caller without rights here). Signed in with a role not
 * listed: 403. No roles listed: any signed-in user (the services still check rights per event). Answers behind it
 * hold personal data, so none is stored by a browser or proxy.
 */
export const requireRole = (...roles: UserRole[]) =>
  createMiddleware<SignedInEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) {
      if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) return c.redirect('/masuk', 303);
      await requireUser(c);
    } else if (roles.length && !roles.includes(user.role)) {
      throw new DomainError('forbidden');
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });

/** Any signed-in console user. */
export const requireSignedIn = requireRole();

/** The signed-in user, for handlers behind `requireRole` (401 should one be reached without it). */
export function me<E extends ConsoleEnv>(c: Context<E>): User {
  const user: User | undefined = c.get('user');
  if (!user) throw new DomainError('unauthorized');
  return user;
}

/** What every console page is given besides its own data (ConsolePageProps in pages/admin/layout.tsx). */
export function pageProps<E extends ConsoleEnv>(c: Context<E>, notice?: string) {
  return { language: languageOf(c), user: me(c), csrfToken: c.get('csrfToken'), notice };
}

export type FormRead<T> =
  | { ok: true; values: T; form: Record<string, unknown> }
  | { ok: false; errors: FieldErrors; message: string; form: Record<string, unknown> };

/** Per-field messages (first per field, by dotted path) and the summary, for a form shown again. */
function fieldErrorsOf(error: DomainError, language: ConsoleEnv['Variables']['language']) {
  const { body } = errorBody(error, language);
  const errors: FieldErrors = {};
  for (const issue of body.error.issues ?? []) errors[issue.path.join('.')] ??= issue.message;
  return { errors, message: body.error.message };
}

/**
 * The console's one way to read a posted form: parse the body (dotted names become nested objects, see
 * request.ts), refuse a missing or wrong CSRF token (403), validate with the shared zod schema. Invalid input is
 * not thrown: the answer's status becomes 400 and the caller shows the form again with `errors` and `message`, in
 * the request's language. `prepare` turns form fields (checkboxes, local date-times) into the schema's input; it
 * also gets the raw fields, since a group of checkboxes sends one name many times and `form` keeps only the last.
 */
export async function readConsoleForm<S extends z.core.$ZodType, E extends BaseEnv>(
  c: Context<E>,
  schema: S,
  prepare: (form: Record<string, unknown>, fields: FormData) => unknown = (form) => form,
): Promise<FormRead<z.output<S>>> {
  const form = await readForm(c);
  assertFormToken(c, form);
  const result = z.safeParse(schema, prepare(form, await c.req.formData()));
  if (result.success) return { ok: true, values: result.data, form };
  const language = languageOf(c);
  c.status(400);
  return {
    ok: false,
    form,
    ...fieldErrorsOf(new DomainError('validation', {}, localizeIssues(result.error, language)), language),
  };
}

/** A posted form with its CSRF token checked, for forms with nothing to validate (a button, a confirmation). */
export async function readConsoleAction<E extends BaseEnv>(c: Context<E>): Promise<Record<string, unknown>> {
  const form = await readForm(c);
  assertFormToken(c, form);
  return form;
}

/** A JSON object body, for merging over current values; anything else (an array, a number, null) is refused. */
export async function readJsonObject<E extends BaseEnv>(c: Context<E>): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new DomainError('validation', {}, [{ path: [], code: 'required', message: 'required' }]);
  }
  return body as Record<string, unknown>;
}

/**
 * A service's refusal of a form's input (validation, a state that does not allow it) as the messages to show the
 * form again with, and the answer's status set to the error's own (400 for validation, 409 for a state, ...). Not
 * found, forbidden and unauthorized are not about the input: they are thrown on to the error page.
 */
export function formRefusal<E extends BaseEnv>(
  error: unknown,
  c: Context<E>,
): { errors: FieldErrors; message: string } {
  if (!isDomainError(error) || ['not_found', 'forbidden', 'unauthorized'].includes(error.code)) throw error;
  c.status(errorBody(error, languageOf(c)).status);
  return fieldErrorsOf(error, languageOf(c));
}

export type Column<Row> = {
  header: Child;
  cell: (row: Row) => Child;
};

/**
 * The console's list table: a header row and one row per item, or the `empty` sentence when there is none
 * (`headerWhenEmpty`: the header row alone, where a count above the table already says there is none).
 * `rowAttributes` adds attributes to a row (data-* hooks the tests and scripts find rows by).
 */
export function DataTable<Row>(props: {
  columns: (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  empty?: Child;
  headerWhenEmpty?: boolean;
  id?: string;
  rowAttributes?: (row: Row) => Record<string, string | undefined>;
}) {
  const columns = props.columns.filter((column): column is Column<Row> => Boolean(column));
  if (props.rows.length === 0 && !props.headerWhenEmpty) return props.empty ? <p>{props.empty}</p> : null;
  return (
    <table id={props.id}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr {...(props.rowAttributes?.(row) ?? {})}>
            {columns.map((column) => (
              <td>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
