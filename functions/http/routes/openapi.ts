import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  assignmentInput,
  organisationInput,
  organisationRegenciesInput,
  signInInput,
  stationInput,
  userChangeInput,
  userInput,
  userRoles,
} from '../../domain/accounts';
import { eventInput, registrationChangeInput, registrationInput } from '../../domain/schemas';
import type { AppEnv } from '../context';
import { apiDocsRoutes } from './api-docs';

/**
 * The OpenAPI 3.1 description of the JSON API, public contract and organizer console alike. Handlers stay
 * plain Hono routes validated by the shared zod schemas (so every error keeps the one envelope); this file
 * registers each path with @hono/zod-openapi's registry from those same schemas.
 */

const errorEnvelope = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z
        .array(
          z.object({
            path: z.array(z.union([z.string(), z.number()])),
            message: z.string(),
            code: z.string().optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'Error' });

const event = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    venue: z.string(),
    address: z.string(),
    startsAt: z.string().meta({ description: 'ISO 8601 with offset' }),
    endsAt: z.string(),
    timeZone: z.string(),
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
    waitlistCount: z.number().int(),
    maxPerCooperative: z.number().int(),
    registrationDeadline: z.string(),
    registrationOpen: z.boolean(),
    organizerName: z.string(),
    regencyCode: z.string(),
    invitedDistrictCodes: z.array(z.string()),
    cancelled: z.boolean(),
    ended: z.boolean().meta({ description: 'The session has ended: it is listed with `when=past`' }),
  })
  .meta({ id: 'Event' });

const adminEvent = event
  .extend({
    published: z.boolean(),
    organisationId: z.string().nullable(),
    seatsTaken: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminEvent' });

const participant = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  ticketCode: z.string(),
});
const registration = z
  .object({
    id: z.string(),
    eventId: z.string(),
    cooperativeId: z.string(),
    cooperativeName: z.string(),
    status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
    contact: z.object({ name: z.string(), phone: z.string(), email: z.string().optional() }),
    participants: z.array(participant),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Registration' });
const cooperative = z
  .object({
    id: z.string(),
    name: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    villageType: z.enum(['desa', 'kelurahan']),
    districtCode: z.string(),
    districtName: z.string(),
  })
  .meta({ id: 'Cooperative' });
const user = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    organisationId: z.string(),
    language: z.enum(['id', 'en']),
    active: z.boolean(),
  })
  .meta({ id: 'User' });
const station = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .meta({ id: 'Station' });
const organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    regencyCodes: z.array(z.string()).optional(),
  })
  .meta({ id: 'Organisation' });
const auditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorEmail: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    eventId: z.string().optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'AuditEntry' });

/**
 * The shared schemas are zod/mini (functions/domain/schemas.ts), which the generator cannot annotate: they go in as
 * the JSON Schema zod itself derives from them, of what a client sends (`input`) or receives (`output`).
 */
function described(schema: z.core.$ZodType, io: 'input' | 'output'): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  // The generator takes a plain OpenAPI schema object where it takes a zod schema.
  return json as unknown as z.ZodType;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Doc = {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** The shared schemas are zod/mini (functions/domain/schemas.ts); the generator reads either kind. */
  body?: z.core.$ZodType;
  bodyType?: string;
  status?: number;
  response?: z.core.$ZodType;
  query?: Record<string, string>;
  auth?: 'session' | 'manage' | 'none';
  errors?: number[];
};

const ok = z.object({ ok: z.boolean() });
const roster = z.object({
  event: adminEvent,
  seats: z.object({ capacity: z.number(), taken: z.number(), left: z.number() }),
  registrations: z.array(
    registration.extend({ districtCode: z.string(), queuedAt: z.string(), language: z.string() }),
  ),
  waitlist: z.array(z.string()).meta({ description: 'Registration ids, first served first' }),
  notRegistered: z.array(
    z.object({
      cooperativeId: z.string(),
      name: z.string(),
      districtCode: z.string(),
      districtName: z.string(),
      contactName: z.string().nullable(),
      contactLink: z.string().nullable(),
      assistant: z.object({ name: z.string(), email: z.string() }).nullable(),
    }),
  ),
});

const docs: Doc[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness', tag: 'Public', response: ok, auth: 'none' },
  {
    method: 'get',
    path: '/api/events',
    summary:
      'Published sessions, a page at a time: upcoming (ending after now, soonest first) or past (latest first)',
    tag: 'Public',
    query: {
      when: '`upcoming` (default): sessions that end after now; `past`: sessions that have ended',
      cursor: 'The `next` of the previous page',
    },
    response: z.object({
      events: z.array(event),
      next: z.string().nullable().meta({ description: 'Cursor of the next page; null on the last page' }),
    }),
    auth: 'none',
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/events/{eventId}',
    summary: 'One published session',
    tag: 'Public',
    response: event,
    auth: 'none',
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/cooperatives',
    summary: 'Search the cooperative directory',
    tag: 'Public',
    query: { q: 'Village name', district: 'Kecamatan code' },
    response: z.object({ cooperatives: z.array(cooperative) }),
    auth: 'none',
  },
  {
    method: 'post',
    path: '/api/events/{eventId}/registrations',
    summary: 'Register a cooperative (Idempotency-Key supported)',
    tag: 'Public',
    body: registrationInput,
    status: 201,
    response: z.object({ registration, manageToken: z.string() }),
    auth: 'none',
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/api/registrations/{registrationId}',
    summary: 'Read with the manage token',
    tag: 'Public',
    response: z.object({ registration }),
    auth: 'manage',
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/registrations/{registrationId}',
    summary: 'Change contact/officers with the manage token',
    tag: 'Public',
    body: registrationChangeInput,
    response: z.object({ registration }),
    auth: 'manage',
    errors: [400, 404, 409],
  },
  {
    method: 'delete',
    path: '/api/registrations/{registrationId}',
    summary: 'Cancel with the manage token',
    tag: 'Public',
    response: z.object({ registration }),
    auth: 'manage',
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Email a one-time sign-in link (always 202)',
    tag: 'Auth',
    body: signInInput,
    status: 202,
    response: ok,
    auth: 'none',
  },
  {
    method: 'get',
    path: '/auth/verify',
    summary: 'Open the emailed link: sets the session cookie, redirects to /admin',
    tag: 'Auth',
    query: { token: 'From the email' },
    status: 303,
    auth: 'none',
    errors: [400],
  },
  { method: 'post', path: '/api/auth/sign-out', summary: 'End the session', tag: 'Auth', status: 204 },
  {
    method: 'get',
    path: '/api/admin/me',
    summary: 'The signed-in user',
    tag: 'Console',
    response: z.object({ user }),
  },
  {
    method: 'get',
    path: '/api/admin/events',
    summary: 'Sessions the user may see, newest first, 50 a page (`?after=<next>` for the following page)',
    tag: 'Console',
    query: { after: 'The `next` of the previous page' },
    response: z.object({ events: z.array(adminEvent), next: z.string().optional() }),
  },
  {
    method: 'post',
    path: '/api/admin/events',
    summary: 'Create a session (organizers: in their organisation)',
    tag: 'Console',
    body: eventInput,
    status: 201,
    response: adminEvent,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/admin/events/{eventId}',
    summary: 'One session',
    tag: 'Console',
    response: adminEvent,
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/admin/events/{eventId}',
    summary: 'Edit, publish/unpublish (fields merged over the current ones)',
    tag: 'Console',
    body: eventInput,
    response: adminEvent,
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/events/{eventId}/close',
    summary: 'Close registration now',
    tag: 'Console',
    response: adminEvent,
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/events/{eventId}/cancel',
    summary: 'Cancel the session and email everyone registered',
    tag: 'Console',
    response: z.object({ event: adminEvent, notified: z.number() }),
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/admin/events/{eventId}/registrations',
    summary:
      'Seats, registrations, waitlist, invited cooperatives not registered (a BA sees only assigned cooperatives)',
    tag: 'Console',
    query: { q: 'Search', district: 'Kecamatan code', status: 'confirmed|waitlisted|cancelled' },
    response: roster,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/admin/events/{eventId}/stations',
    summary: 'Check-in stations',
    tag: 'Console',
    response: z.object({ stations: z.array(station) }),
  },
  {
    method: 'post',
    path: '/api/admin/events/{eventId}/stations',
    summary: 'Create a check-in station; the token is shown once',
    tag: 'Console',
    body: stationInput,
    status: 201,
    response: z.object({
      station: z.object({ id: z.string(), name: z.string() }),
      token: z.string(),
      url: z.string(),
    }),
  },
  {
    method: 'delete',
    path: '/api/admin/events/{eventId}/stations/{stationId}',
    summary: 'Revoke a station',
    tag: 'Console',
    response: z.object({ station }),
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/admin/registrations/{registrationId}',
    summary: 'One registration',
    tag: 'Console',
    response: z.object({ registration }),
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/admin/registrations/{registrationId}',
    summary: 'Edit on the cooperative’s behalf',
    tag: 'Console',
    body: registrationChangeInput,
    response: z.object({ registration }),
    errors: [400, 404, 409],
  },
  {
    method: 'delete',
    path: '/api/admin/registrations/{registrationId}',
    summary: 'Cancel on the cooperative’s behalf',
    tag: 'Console',
    response: z.object({ registration }),
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/registrations/{registrationId}/promote',
    summary: 'Move from the waitlist (needs free seats)',
    tag: 'Console',
    response: z.object({ registration }),
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/registrations/{registrationId}/resend',
    summary: 'Resend tickets by email',
    tag: 'Console',
    body: z.object({ participantId: z.string().optional() }),
    status: 202,
    response: z.object({ queued: z.number() }),
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Users (organizers: their Business Assistants)',
    tag: 'Console',
    response: z.object({ users: z.array(user) }),
  },
  {
    method: 'post',
    path: '/api/admin/users',
    summary: 'Add a user (admin)',
    tag: 'Console',
    body: userInput,
    status: 201,
    response: z.object({ user }),
    errors: [400, 409],
  },
  {
    method: 'patch',
    path: '/api/admin/users/{userId}',
    summary: 'Change role, organisation, deactivate (admin)',
    tag: 'Console',
    body: userChangeInput,
    response: z.object({ user }),
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/admin/users/{userId}/cooperatives',
    summary: 'A Business Assistant’s cooperatives',
    tag: 'Console',
    response: assignmentInput,
  },
  {
    method: 'put',
    path: '/api/admin/users/{userId}/cooperatives',
    summary: 'Replace a Business Assistant’s cooperatives',
    tag: 'Console',
    body: assignmentInput,
    response: assignmentInput,
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/admin/assignments/import',
    summary: 'Import assignments from CSV (email,cooperativeId)',
    tag: 'Console',
    body: z.string(),
    bodyType: 'text/csv',
    response: z.object({ assistants: z.number(), rows: z.number() }),
    errors: [400, 415],
  },
  {
    method: 'get',
    path: '/api/admin/organisations',
    summary: 'Organisations',
    tag: 'Console',
    response: z.object({ organisations: z.array(organisation) }),
  },
  {
    method: 'post',
    path: '/api/admin/organisations',
    summary: 'Add an organisation (admin)',
    tag: 'Console',
    body: organisationInput,
    status: 201,
    response: z.object({ organisation }),
    errors: [400, 409],
  },
  {
    method: 'put',
    path: '/api/admin/organisations/{organisationId}/regencies',
    summary: 'Bind an organisation to the regencies it serves (admin)',
    tag: 'Console',
    body: organisationRegenciesInput,
    response: z.object({ organisation }),
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    summary: 'Audit log, newest first (admin)',
    tag: 'Console',
    query: { cursor: 'From the previous page', limit: '1-200' },
    response: z.object({ entries: z.array(auditEntry), cursor: z.string().nullable() }),
  },
];

const statusText: Record<number, string> = {
  400: 'Invalid input (`validation`)',
  401: 'Not signed in (`unauthorized`)',
  403: 'Not allowed (`forbidden`): wrong role, organisation, a station token, or a cross-site request',
  404: 'Not found (`not_found`)',
  409: 'Conflict (see `code`)',
  415: 'Unsupported content type',
};

function buildDocument() {
  const api = new OpenAPIHono();
  const registry = api.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'hadir_session',
  });
  registry.registerComponent('securitySchemes', 'manageToken', { type: 'http', scheme: 'bearer' });
  for (const doc of docs) {
    const auth = doc.auth ?? 'session';
    const params = [...doc.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const errors = [...new Set([...(doc.errors ?? []), ...(auth === 'session' ? [401, 403] : [])])].sort();
    registry.registerPath({
      method: doc.method,
      path: doc.path,
      summary: doc.summary,
      tags: [doc.tag],
      security: auth === 'session' ? [{ session: [] }] : auth === 'manage' ? [{ manageToken: [] }] : [],
      request: {
        params: params.length ? z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) : undefined,
        query: doc.query
          ? z.object(
              Object.fromEntries(
                Object.entries(doc.query).map(([k, d]) => [
                  k,
                  z.string().optional().meta({ description: d }),
                ]),
              ),
            )
          : undefined,
        body: doc.body
          ? {
              content: { [doc.bodyType ?? 'application/json']: { schema: described(doc.body, 'input') } },
              required: true,
            }
          : undefined,
      },
      responses: {
        [doc.status ?? 200]: doc.response
          ? {
              description: 'OK',
              content: { 'application/json': { schema: described(doc.response, 'output') } },
            }
          : { description: 'OK' },
        ...Object.fromEntries(
          errors.map((status) => [
            status,
            {
              description: statusText[status] ?? 'Error',
              content: { 'application/json': { schema: errorEnvelope } },
            },
          ]),
        ),
      },
    });
  }
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'hadir API',
      version: '0.1.0',
      description:
        'Registration, check-in and the organizer console for Koperasi Desa/Kelurahan Merah Putih briefings.',
    },
  });
}

let cached: ReturnType<typeof buildDocument> | undefined;

export const openApiRoutes = new Hono<AppEnv>()
  .get('/api/openapi.json', (c) => {
    cached ??= buildDocument();
    return c.json(cached);
  })
  .route('/', apiDocsRoutes);
