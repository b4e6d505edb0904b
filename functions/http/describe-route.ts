import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import type * as documented from '../domain/api-responses';

type Exported = typeof documented;
/**
 * A schema of functions/domain/api-responses.ts by its export name. Those schemas exist only for the document, so a
 * route names them instead of importing them: the public function's cold start carries no code for them.
 */
export type DocumentedSchema = {
  [Name in keyof Exported]: Exported[Name] extends z.core.$ZodType ? Name : never;
}[keyof Exported];

/** The schema a handler validates with (already in its bundle), or a documentation schema by name. */
export type Schema = z.core.$ZodType | DocumentedSchema;

/**
 * Who may call an operation, as the document's security schemes say it: anyone, the registration's manage token,
 * a signed-in console user (session cookie), or the door (a station token or a signed-in organizer).
 */
export type Access = 'public' | 'manage' | 'session' | 'door';

/** A JSON answer (a schema), an answer without a body (`null`), or a file or page of another media type. */
export type ResponseDoc = Schema | null | { type: string; description?: string; schema?: Schema };

/** Client errors an operation may answer with the error envelope, beyond those its access and input imply. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

export type RouteDoc = {
  /** Unique in the document; `{action}` is replaced for each value of a `:action{a|b}` route. */
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** The schema the handler validates `c.req.query()` with. */
  query?: Schema;
  /** The schema the handler validates the body with (JSON unless `bodyType` says otherwise). */
  body?: Schema;
  bodyType?: string;
  /** Success answers by status; a client error here replaces the shared description of that status. */
  responses: Record<number, ResponseDoc>;
  errors?: ErrorStatus[];
};

const docs = new WeakMap<object, RouteDoc>();

/**
 * The OpenAPI description of one route, placed before its handler: `app.get(path, describeRoute({...}), handler)`.
 * It only records the description (a pass-through middleware): the schemas are turned into JSON Schema by
 * routes/openapi.ts with hono-openapi when the document is first asked for. Importing hono-openapi here would put
 * zod's JSON Schema generator and every locale into the public function's cold start.
 */
export function describeRoute(doc: RouteDoc): MiddlewareHandler {
  const middleware: MiddlewareHandler = (_c, next) => next();
  docs.set(middleware, doc);
  return middleware;
}

/** The description a route's handler carries, if it is one made by describeRoute. */
export const routeDoc = (handler: unknown): RouteDoc | undefined =>
  typeof handler === 'function' ? docs.get(handler) : undefined;
