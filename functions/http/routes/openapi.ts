import { type Hono, Hono as HonoApp } from 'hono';
import type { RouterRoute } from 'hono/types';
import { findTargetHandler } from 'hono/utils/handler';
import {
  type DescribeRouteOptions,
  describeRoute as documented,
  generateSpecs,
  resolver,
} from 'hono-openapi';
import type { OpenAPIV3_1 } from 'openapi-types';
import type * as z from 'zod/mini';
import * as apiResponses from '../../domain/api-responses';
import type { ConsoleEnv } from '../context';
import { type ErrorStatus, type ResponseDoc, type RouteDoc, routeDoc, type Schema } from '../describe-route';
import { publicSurface } from '../public-surface';
import { apiDocsRoutes } from './api-docs';

/**
 * The OpenAPI 3.1 document of the JSON API, generated from the routes themselves: every /api route carries its
 * description (describeRoute, next to its handler, with the zod/mini schemas the handler validates with and the
 * response schemas of functions/domain/api-responses.ts), and hono-openapi walks the app's routes and turns the
 * schemas into JSON Schema. The console function serves it, so the public surface's routes, which another
 * function serves in AWS, are mounted here on a throwaway app to be read too.
 */

/** zod's JSON Schema with the names and descriptions of functions/domain/api-responses.ts. */
const schemaOf = (schema: Schema) =>
  resolver(
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the document uses every schema of the module, in this lazily loaded chunk
    typeof schema === 'string' ? (apiResponses[schema] as z.core.$ZodType) : schema,
    { options: { metadata: apiResponses.apiSchemas } },
  );

const errorText: Record<ErrorStatus, [name: string, description: string]> = {
  400: ['BadRequest', 'Invalid input (`validation`, with `issues` per field) or a request the rules refuse'],
  401: ['Unauthorized', 'Not signed in, or no valid token (`unauthorized`)'],
  403: [
    'Forbidden',
    'Not allowed (`forbidden`): another organisation, a role without the right, a cross-site request',
  ],
  404: ['NotFound', 'Not found (`not_found`), also for a manage token that does not open it'],
  409: ['Conflict', 'The state does not allow it now (see `code`)'],
  413: ['PayloadTooLarge', 'The body is over 64 KiB (`payload_too_large`)'],
  415: [
    'UnsupportedMediaType',
    'The body is not of the media type the operation reads (`unsupported_media_type`)',
  ],
  429: [
    'TooManyRequests',
    'Too many requests: the app’s own limits answer with the error envelope (`rate_limited`), API Gateway’s throttle with `{ message }`',
  ],
};

const successText: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: queued',
  204: 'Done, nothing to return',
  303: 'See Other',
};

const securityOf: Record<RouteDoc['access'], OpenAPIV3_1.SecurityRequirementObject[]> = {
  public: [],
  manage: [{ manageToken: [] }],
  session: [{ session: [] }],
  door: [{ stationToken: [] }, { stationCookie: [] }, { session: [] }],
};

/** Client errors every operation of that access or input can answer, besides those its description names. */
function errorsOf(doc: RouteDoc): ErrorStatus[] {
  const errors = new Set<ErrorStatus>(doc.errors);
  if (doc.access === 'session' || doc.access === 'door') {
    errors.add(401);
    errors.add(403);
  }
  if (doc.access === 'manage') errors.add(404);
  if (doc.query || doc.body) errors.add(400);
  if (doc.body) {
    errors.add(413);
    errors.add(415);
  }
  // Every route has an API Gateway throttle in AWS (infra/api-stack.ts).
  errors.add(429);
  return [...errors].sort();
}

function responseOf(status: number, response: ResponseDoc): OpenAPIV3_1.ResponseObject {
  const description = successText[status] ?? 'OK';
  if (response === null) return { description };
  if (typeof response === 'object' && !('_zod' in response)) {
    return {
      description: response.description ?? description,
      content: {
        [response.type]: {
          schema: (response.schema
            ? schemaOf(response.schema)
            : { type: 'string', contentMediaType: response.type }) as OpenAPIV3_1.SchemaObject,
        },
      },
    };
  }
  return {
    description,
    content: { 'application/json': { schema: schemaOf(response) as OpenAPIV3_1.SchemaObject } },
  };
}

/** Query parameters from the schema the handler validates `c.req.query()` with. */
async function queryParameters(schema: Schema): Promise<OpenAPIV3_1.ParameterObject[]> {
  const { schema: json } = await schemaOf(schema).toOpenAPISchema();
  const object = json as OpenAPIV3_1.SchemaObject;
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as OpenAPIV3_1.SchemaObject;
    return {
      in: 'query',
      name,
      required: object.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: rest,
    } as OpenAPIV3_1.ParameterObject;
  });
}

async function operationOf(doc: RouteDoc, action?: string): Promise<DescribeRouteOptions> {
  // An operation's own description of a status wins over the shared one.
  const responses = Object.fromEntries([
    ...errorsOf(doc).map((status) => [status, { $ref: `#/components/responses/${errorText[status][0]}` }]),
    ...Object.entries(doc.responses).map(([status, response]) => [
      status,
      responseOf(Number(status), response),
    ]),
  ]);
  const operationId = action ? doc.operationId.replace('{action}', action) : doc.operationId;
  return {
    operationId,
    summary: action ? doc.summary.replace('{action}', action) : doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    security: securityOf[doc.access],
    ...(doc.query ? { parameters: await queryParameters(doc.query) } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: { [doc.bodyType ?? 'application/json']: { schema: schemaOf(doc.body) } },
          },
        }
      : {}),
    responses,
  } as DescribeRouteOptions;
}

/**
 * A route such as `/:campaignId/:action{pause|resume|cancel}` is one operation per action in the document: each
 * is a path of its own, which keeps it apart from `/:campaignId/run` (a path parameter would match both).
 */
function expanded(path: string): { path: string; action?: string }[] {
  const choice = /:(\w+)\{([\w|-]+)\}/.exec(path);
  if (!choice) return [{ path }];
  return (choice[2] as string)
    .split('|')
    .map((value) => ({ path: path.replace(choice[0], value), action: value }));
}

/** The described routes of the app and of the public surface, each method and path once. */
async function describedRoutes(appRoutes: RouterRoute[]): Promise<RouterRoute[]> {
  // Mounting routes calls no service: the public surface's are never asked for here.
  const seen = new Set<string>();
  const routes: RouterRoute[] = [];
  for (const route of [...appRoutes, ...publicSurface.routes()]) {
    const doc = routeDoc(findTargetHandler(route.handler));
    if (!doc) continue;
    for (const { path, action } of expanded(route.path)) {
      const key = `${route.method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push({ ...route, path, handler: documented(await operationOf(doc, action)) });
    }
  }
  return routes;
}

const tags: OpenAPIV3_1.TagObject[] = [
  { name: 'Sessions', description: 'Published sessions and how to register a cooperative for one' },
  { name: 'Registrations', description: 'The cooperative contact’s self-service, with the manage token' },
  { name: 'Door', description: 'Check-in at the door, for the session’s stations and organizers' },
  { name: 'Sign-in', description: 'Passwordless console sign-in' },
  {
    name: 'Console',
    description: 'Sessions, registrations, stations, users and organisations for Dinas staff',
  },
  { name: 'Reports', description: 'Coverage and the cooperatives’ checklists' },
  { name: 'Campaigns', description: 'Follow-up emails of a session' },
  { name: 'Outreach', description: 'Invitations of a session’s cooperatives and their contacts' },
  { name: 'Messages', description: 'What was sent to whom, and what failed' },
  { name: 'Service', description: 'Health and this documentation' },
];

export async function buildDocument(appRoutes: RouterRoute[]) {
  const routes = await describedRoutes(appRoutes);
  const errorContent = (status: ErrorStatus) => ({
    'application/json': {
      schema: schemaOf(status === 429 ? 'throttledResponse' : 'errorEnvelope'),
    },
  });
  return generateSpecs({ routes } as unknown as Hono, {
    documentation: {
      info: {
        title: 'hadir API',
        version: '0.1.0',
        description:
          'Registration, check-in and the organizer console for Koperasi Desa/Kelurahan Merah Putih briefings. ' +
          'Errors are always `{ error: { code, message, issues? } }`; messages follow Accept-Language (`id` or `en`).',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: '/', description: 'This deployment' }],
      tags,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hadir_session', description: 'A console login' },
          manageToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The manage token a registration answers with',
          },
          stationToken: { type: 'http', scheme: 'bearer', description: 'A check-in station’s token' },
          stationCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'hadir_station',
            description: 'A door device enrolled with its station’s link',
          },
        },
        responses: Object.fromEntries(
          (Object.entries(errorText) as unknown as [ErrorStatus, [string, string]][]).map(
            ([status, [name, description]]) => [
              name,
              { description, content: errorContent(Number(status) as ErrorStatus) },
            ],
          ),
        ),
      },
    },
    defaultValidationErrorResponse: false,
    // `/api/openapi.json` and `.../letters.pdf` look like static files to hono-openapi; they are operations.
    excludeStaticFile: false,
  });
}

/**
 * `/api/openapi.json` and the docs page. `appRoutes` reads the serving app's routes when the document is first
 * asked for, so the routes mounted after this one are in it too.
 */
export function createOpenApiRoutes(appRoutes: () => RouterRoute[]) {
  let document: ReturnType<typeof buildDocument> | undefined;
  return new HonoApp<ConsoleEnv>()
    .get('/api/openapi.json', async (c) => {
      document ??= buildDocument(appRoutes());
      return c.json(await document);
    })
    .route('/', apiDocsRoutes);
}
