import * as z from 'zod/mini';
import { userRole } from './accounts';
import { campaignInput, campaignKinds, campaignStatuses, segments } from './campaign';
import { checklistStepIds } from './checklist';
import { errorCodes } from './errors';
import { eventInput, languageSchema, officerRole, registrationStatus } from './schemas';

/**
 * What the JSON API answers, for its OpenAPI document (functions/http/routes/openapi.ts): the shapes the handlers
 * build from the records, next to the input schemas they validate with. A schema with an `id` in `apiSchemas`
 * becomes a named component of the document; the others are written out where they are used.
 */
export const apiSchemas = z.registry<{ id?: string; description?: string }>();

const named = <S extends z.core.$ZodType>(id: string, schema: S, description?: string) => {
  apiSchemas.add(schema, { id, description });
  return schema;
};
const described = <S extends z.core.$ZodType>(description: string, schema: S) => {
  apiSchemas.add(schema, { description });
  return schema;
};

/** Timestamps are ISO 8601 strings with an offset, as stored. */
const instant = () => described('ISO 8601 with an offset', z.string());
const count = () => z.int().check(z.minimum(0));

// --- Errors ---

export const errorEnvelope = named(
  'Error',
  z.object({
    error: z.object({
      code: z.enum(errorCodes),
      message: described('In the request’s language (Accept-Language or `?lang=`)', z.string()),
      issues: z.optional(
        z.array(
          z.object({
            path: z.array(z.union([z.string(), z.int()])),
            message: z.string(),
            code: z.optional(z.string()),
          }),
        ),
      ),
    }),
  }),
  'Every error of the API: a stable code, a message for people, and the problems of each field for `validation`.',
);

/** What API Gateway answers when its stage or route throttle refuses a request before it reaches the app. */
export const gatewayThrottled = named(
  'GatewayThrottled',
  z.object({ message: z.string() }),
  'API Gateway’s own answer when a route’s request rate is over its throttle.',
);

export const okResponse = z.object({ ok: z.literal(true) });

// --- Sessions ---

export const publicEventResponse = named(
  'Event',
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    venue: z.string(),
    address: z.string(),
    startsAt: instant(),
    endsAt: instant(),
    timeZone: z.string(),
    capacity: count(),
    seatsLeft: count(),
    waitlistCount: count(),
    maxPerCooperative: count(),
    registrationDeadline: instant(),
    registrationOpen: z.boolean(),
    organizerName: z.string(),
    regencyCode: z.string(),
    invitedDistrictCodes: z.array(z.string()),
    cancelled: z.boolean(),
    ended: described('The session has ended: it is listed with `when=past`', z.boolean()),
  }),
  'A published session as anyone may see it.',
);

export const eventPageResponse = z.object({
  events: z.array(publicEventResponse),
  next: described('Cursor of the next page; null on the last page', z.nullable(z.string())),
});

export const adminEventResponse = named(
  'AdminEvent',
  z.extend(publicEventResponse, {
    published: z.boolean(),
    organisationId: z.nullable(z.string()),
    seatsTaken: count(),
    createdAt: instant(),
  }),
  'A session as its organizers see it.',
);

export const adminEventPageResponse = z.object({
  events: z.array(adminEventResponse),
  next: described('`after` of the next page; absent on the last page', z.optional(z.string())),
});

export const cancelledEventResponse = z.object({
  event: adminEventResponse,
  notified: described('Emails queued to those registered', count()),
});

// --- Registrations ---

const participantResponse = z.object({
  id: z.string(),
  name: z.string(),
  role: officerRole,
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  ticketCode: described('The code in the ticket’s QR code', z.string()),
});

export const registrationResponse = named(
  'Registration',
  z.object({
    id: z.string(),
    eventId: z.string(),
    cooperativeId: z.string(),
    cooperativeName: z.string(),
    status: registrationStatus,
    contact: z.object({ name: z.string(), phone: z.string(), email: z.optional(z.string()) }),
    participants: z.array(participantResponse),
    createdAt: instant(),
    updatedAt: instant(),
  }),
  'A cooperative’s registration for a session, with its officers’ tickets.',
);

export const adminRegistrationResponse = named(
  'AdminRegistration',
  z.extend(registrationResponse, {
    districtCode: z.string(),
    queuedAt: described('Arrival at the server: the waitlist is served in this order', instant()),
    language: languageSchema,
  }),
  'A registration as the console sees it.',
);

export const registrationEnvelope = z.object({ registration: registrationResponse });
export const adminRegistrationEnvelope = z.object({ registration: adminRegistrationResponse });

export const registeredResponse = z.object({
  registration: registrationResponse,
  manageToken: described(
    'Bearer token for reading, changing and cancelling this registration; shown only here',
    z.string(),
  ),
});

export const registrationDataResponse = z.object({
  exportedAt: instant(),
  registration: described(
    'Everything stored about the registration, consents included',
    z.looseObject({ id: z.string(), eventId: z.string(), status: registrationStatus }),
  ),
  checkins: z.array(z.object({ participantId: z.string(), checkedInAt: instant(), station: z.string() })),
});

export const erasedResponse = z.object({
  registration: z.object({ id: z.string(), status: registrationStatus, erasedAt: instant() }),
});

export const rosterResponse = z.object({
  event: adminEventResponse,
  seats: z.object({ capacity: count(), taken: count(), left: count() }),
  registrations: z.array(adminRegistrationResponse),
  waitlist: described('Registration ids, first served first', z.array(z.string())),
  notRegistered: z.array(
    z.object({
      cooperativeId: z.string(),
      name: z.string(),
      districtCode: z.string(),
      districtName: z.string(),
      contactName: z.nullable(z.string()),
      contactLink: z.nullable(z.string()),
      assistant: z.nullable(z.object({ name: z.string(), email: z.string() })),
    }),
  ),
});

export const resendResponse = z.object({ queued: described('Ticket emails queued', count()) });

// --- Directory ---

export const cooperativeResponse = named(
  'Cooperative',
  z.object({
    id: z.string(),
    name: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    villageType: z.enum(['desa', 'kelurahan']),
    districtCode: z.string(),
    districtName: z.string(),
    regencyCode: described('In a search across the country', z.optional(z.string())),
    regencyName: described('In a search across the country', z.optional(z.string())),
  }),
  'A Koperasi Desa/Kelurahan Merah Putih of the directory.',
);

export const cooperativeListResponse = z.object({ cooperatives: z.array(cooperativeResponse) });

// --- Check-in ---

export const checkinResponse = named(
  'Checkin',
  z.object({
    participantId: z.string(),
    name: z.string(),
    role: officerRole,
    cooperativeName: z.string(),
    checkedInAt: instant(),
    station: described('The station’s name, or the organizer’s', z.string()),
    alreadyCheckedIn: z.boolean(),
  }),
  'An officer admitted at the door.',
);

export const checkinEnvelope = z.object({ checkin: checkinResponse });

export const checkinBatchResponse = z.object({
  results: z.array(
    z.union([
      z.object({ clientId: z.string(), ok: z.literal(true), checkin: checkinResponse }),
      z.object({ clientId: z.string(), ok: z.literal(false), error: errorEnvelope.shape.error }),
    ]),
  ),
});

export const undoneResponse = z.object({
  undone: z.object({ participantId: z.string(), checkedInAt: instant() }),
});

const attendanceFigures = {
  registered: described('Officers of confirmed registrations', count()),
  checkedIn: count(),
  cooperativesRegistered: count(),
  cooperativesPresent: count(),
  cooperativesInvited: count(),
};

export const attendanceResponse = z.object({
  ...attendanceFigures,
  waitlisted: count(),
  walkIns: count(),
  conflicts: described(
    'Officers scanned at more than one station',
    z.array(
      z.object({
        participantId: z.string(),
        station: z.string(),
        checkedInAt: instant(),
        duplicates: z.optional(
          z.array(z.object({ station: z.string(), scannedAt: instant(), clientId: z.optional(z.string()) })),
        ),
      }),
    ),
  ),
  byDistrict: z.array(z.object({ districtCode: z.string(), districtName: z.string(), ...attendanceFigures })),
});

export const doorRosterResponse = z.object({
  roster: z.array(
    z.object({
      participantId: z.string(),
      registrationId: z.string(),
      ticketHash: described('Hash of the ticket code: the door recognises tickets offline', z.string()),
      name: z.string(),
      role: officerRole,
      cooperativeId: z.string(),
      cooperativeName: z.string(),
      villageName: z.string(),
      districtName: z.string(),
      phoneMasked: z.optional(z.string()),
      status: registrationStatus,
      checkedInAt: z.optional(instant()),
      station: z.optional(z.string()),
    }),
  ),
  cooperatives: described(
    'The invited cooperatives, for walk-ins taken offline',
    z.array(
      z.object({ id: z.string(), name: z.string(), villageName: z.string(), districtName: z.string() }),
    ),
  ),
  checkinWindow: described(
    'When the server accepts check-ins for the session, so a device offline can tell a scan outside it',
    z.object({ opensAt: instant(), closesAt: instant(), anyTime: z.boolean() }),
  ),
  at: instant(),
});

// --- Console: users, organisations, stations, audit ---

export const userResponse = named(
  'User',
  z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: userRole,
    organisationId: z.string(),
    language: languageSchema,
    active: z.boolean(),
  }),
  'A console user.',
);
export const userEnvelope = z.object({ user: userResponse });
export const userListResponse = z.object({ users: z.array(userResponse) });

export const assignmentsResponse = z.object({ cooperativeIds: z.array(z.string()) });
export const assignmentImportResponse = z.object({
  assistants: described('Business Assistants whose cooperatives were replaced', count()),
  rows: count(),
});

export const organisationResponse = named(
  'Organisation',
  z.object({
    id: z.string(),
    name: z.string(),
    createdAt: instant(),
    regencyCodes: z.optional(z.array(z.string())),
  }),
  'A Dinas and the regencies it serves.',
);
export const organisationEnvelope = z.object({ organisation: organisationResponse });
export const organisationListResponse = z.object({ organisations: z.array(organisationResponse) });

export const stationResponse = named(
  'Station',
  z.object({ id: z.string(), name: z.string(), createdAt: instant(), revokedAt: z.nullable(instant()) }),
  'A check-in device enrolled for one session.',
);
export const stationListResponse = z.object({ stations: z.array(stationResponse) });
export const stationEnvelope = z.object({ station: stationResponse });
export const stationCreatedResponse = z.object({
  station: z.object({ id: z.string(), name: z.string() }),
  token: described('The station’s secret, shown only here', z.string()),
  url: described('The enrolment link to open on the door device', z.string()),
});

export const auditPageResponse = z.object({
  entries: z.array(
    named(
      'AuditEntry',
      z.object({
        id: z.string(),
        at: instant(),
        actorId: z.string(),
        actorEmail: z.string(),
        action: z.string(),
        targetType: z.enum([
          'event',
          'registration',
          'user',
          'station',
          'assignment',
          'organisation',
          'cooperative',
        ]),
        targetId: z.string(),
        eventId: z.optional(z.string()),
        detail: z.optional(z.string()),
      }),
      'One change made in the console.',
    ),
  ),
  cursor: described('Of the next page; null on the last page', z.nullable(z.string())),
});

export const meResponse = userEnvelope;

// --- Reports ---

export const sessionCoverageResponse = z.object({
  eventId: z.string(),
  attendance: described('As `GET /api/events/{eventId}/attendance` answers it', z.looseObject({})),
  unreached: z.array(
    z.object({
      cooperativeId: z.string(),
      name: z.string(),
      districtName: z.string(),
      registered: z.boolean(),
      assistants: z.array(z.looseObject({})),
    }),
  ),
});

const figures = z.looseObject({
  directory: count(),
  registered: count(),
  briefed: count(),
});

export const organisationCoverageResponse = z.object({
  organisation: organisationResponse,
  totals: figures,
  districts: z.array(z.looseObject({ code: z.string(), name: z.string() })),
  sessions: z.array(z.looseObject({ eventId: z.string(), title: z.string() })),
  unreached: described('Ids of the cooperatives no session has reached', z.array(z.string())),
});

export const checklistResponse = z.object({
  checklist: z.object({
    cooperativeId: z.string(),
    done: described(
      'Steps done, by step id',
      z.partialRecord(
        z.enum(checklistStepIds as [string, ...string[]]),
        z.object({ at: instant(), by: z.string(), byName: z.optional(z.string()) }),
      ),
    ),
    updatedAt: z.optional(instant()),
  }),
});

/** `PUT /api/admin/laporan/cooperatives/{cooperativeId}/checklist/{step}`, read by the handler itself. */
export const checklistStepBody = z.object({
  done: z.boolean(),
  organisationId: described(
    'An admin names the organisation; others change their own',
    z.optional(z.string()),
  ),
});

// --- Email problems ---

export const emailProblemsResponse = z.object({
  problems: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      to: z.string(),
      status: z.string(),
      attempts: count(),
      lastError: z.optional(z.string()),
      lastTriedAt: instant(),
      registrationId: z.optional(z.string()),
    }),
  ),
});

// --- Campaigns ---

export const campaignResponse = named(
  'Campaign',
  z.looseObject({
    id: z.string(),
    eventId: z.string(),
    kind: z.enum(campaignKinds),
    segment: z.enum(segments),
    status: z.enum(campaignStatuses),
    isDefault: z.boolean(),
    sendAt: campaignInput.shape.sendAt,
    createdAt: instant(),
    updatedAt: instant(),
    startedAt: z.optional(instant()),
    finishedAt: z.optional(instant()),
    audienceSize: z.optional(count()),
    dueAt: described('When it is sent, from the session as it is now', instant()),
    progress: described(
      'Where listed or read one by one',
      z.optional(
        z.object({
          audience: z.nullable(count()),
          queued: count(),
          sent: count(),
          failed: count(),
          bounced: count(),
          suppressed: count(),
          skipped: count(),
        }),
      ),
    ),
  }),
  'A follow-up campaign: template, audience and send time, with its progress where listed.',
);

export const campaignListResponse = z.object({ campaigns: z.array(campaignResponse) });

export const audienceResponse = z.object({
  size: count(),
  recipients: z.array(
    z.object({
      key: z.string(),
      to: z.string(),
      language: languageSchema,
      name: z.string(),
      cooperativeId: z.string(),
      cooperativeName: z.string(),
      registrationId: z.optional(z.string()),
      participantId: z.optional(z.string()),
      channel: z.optional(z.literal('whatsapp')),
      fallbackEmail: z.optional(z.boolean()),
    }),
  ),
});

export const campaignPreviewQuery = z.object({
  recipient: described('A recipient `key` of the audience; default: the first', z.optional(z.string())),
});

export const campaignPreviewResponse = z.object({
  recipient: z.looseObject({ key: z.string() }),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
});

/** `POST .../campaigns/{campaignId}/test`, read by the handler itself; an empty body is allowed. */
export const campaignTestBody = z.object({
  recipient: described(
    'Whose email to send, as a recipient `key`; default: the first',
    z.optional(z.string()),
  ),
});

export const campaignTestResponse = z.object({
  to: described('The signed-in organizer, who receives the test', z.string()),
  recipientKey: z.string(),
});

export const campaignRunResponse = z.object({
  outcome: z.enum(['done', 'not_found', 'inactive', 'not_due', 'stopped']),
  audience: z.optional(count()),
  queued: z.optional(count()),
  suppressed: z.optional(count()),
  existing: z.optional(count()),
});

// --- Outreach ---

const sentAt = z.nullable(instant());

export const outreachOverviewQuery = z.object({
  district: z.optional(z.string()),
  ba: described('A Business Assistant’s user id', z.optional(z.string())),
  state: z.optional(z.string()),
});

export const outreachOverviewResponse = z.object({
  counts: z.record(z.string(), count()),
  cooperatives: z.array(
    z.object({
      cooperativeId: z.string(),
      name: z.string(),
      districtCode: z.string(),
      districtName: z.string(),
      state: z.string(),
      link: described('The cooperative’s personal invitation link', z.string()),
      whatsAppUrl: z.nullable(z.string()),
      contact: z.nullable(z.looseObject({})),
      assistant: z.nullable(z.object({ id: z.string(), name: z.string(), email: z.string() })),
      sent: z.object({ email: sentAt, whatsapp: sentAt, letter: sentAt }),
      openedAt: sentAt,
    }),
  ),
});

export const outreachLettersQuery = z.object({
  cooperativeId: described(
    'One cooperative’s letter; default: every invited cooperative',
    z.optional(z.string()),
  ),
  signer: z.optional(z.string()),
  jabatan: described('The signer’s title', z.optional(z.string())),
  tempat: described('Where the letter is signed', z.optional(z.string())),
});

export const contactImportBody = z.object({
  csv: z.string(),
  apply: described(
    'Write the exact matches when there is no error; otherwise only check',
    z.optional(z.boolean()),
  ),
});

export const contactImportResponse = z.looseObject({
  matched: z.array(z.looseObject({ cooperativeId: z.string() })),
  errors: z.array(z.looseObject({})),
  applied: described('Contacts written: none unless `apply` and no error', count()),
});

/** The check found errors (nothing was written), or the body was not `{ csv }`. */
export const contactImportRefused = z.union([contactImportResponse, errorEnvelope]);

export const contactBody = z.object({
  name: z.optional(z.string()),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  baEmail: described('The Business Assistant who follows the cooperative up', z.optional(z.string())),
});

export const contactResponse = z.looseObject({ cooperativeId: z.string() });

export const requireInvitationBody = z.object({ required: z.boolean() });
export const requireInvitationResponse = z.object({ requireInvitation: z.boolean() });

export const invitationsEmailedResponse = z.object({
  campaignId: z.string(),
  queued: count(),
  suppressed: count(),
  withoutEmail: count(),
  sessionFull: described(
    'Every seat is taken: those who register from these invitations join the waiting list',
    z.boolean(),
  ),
});

export const invitationSentBody = z.object({ channel: z.enum(['email', 'whatsapp', 'letter']) });

// --- Service ---

export const openApiDocument = described(
  'An OpenAPI 3.1 document',
  z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
);

/** 429: the app's own limits, or API Gateway's throttle before the request reaches the app. */
export const throttledResponse = z.union([errorEnvelope, gatewayThrottled]);

// --- Query strings and bodies the console's handlers read by hand ---

export const adminEventsQuery = z.object({
  after: described('The `next` of the previous page', z.optional(z.string())),
});

export const rosterQuery = z.object({
  q: described('Cooperative, contact or officer name', z.optional(z.string().check(z.maxLength(100)))),
  district: described('Kecamatan code', z.optional(z.string())),
  status: z.optional(registrationStatus),
});

export const auditQuery = z.object({
  cursor: described('The `cursor` of the previous page', z.optional(z.string())),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(200))),
});

export const resendBody = z.object({
  participantId: described('One officer’s ticket; default: every officer’s', z.optional(z.string())),
});

/** `PATCH /api/admin/events/{eventId}`: any fields of a session, merged over the current ones. */
export const eventChangeBody = z.partial(z.object(eventInput.shape));

export const csvBody = described('CSV with a header row; commas or semicolons', z.string());

// --- Message log ---

const deliveryCounts = z.object({ sent: count(), delivered: count(), read: count(), failed: count() });
const deliveryStatus = z.enum(['sent', 'delivered', 'read', 'failed']);

const messageLog = {
  summary: described(
    'Per channel; cumulative: a read message was also delivered and sent. Email has no read receipts.',
    z.object({ email: deliveryCounts, whatsapp: deliveryCounts }),
  ),
  messages: z.array(
    z.object({
      jobId: z.string(),
      channel: z.enum(['email', 'whatsapp']),
      kind: z.string(),
      status: deliveryStatus,
      participantId: z.optional(z.string()),
      sentAt: instant(),
      deliveredAt: z.optional(instant()),
      readAt: z.optional(instant()),
      failedAt: z.optional(instant()),
      error: z.optional(z.string()),
    }),
  ),
};

export const registrationMessagesResponse = z.object({ registrationId: z.string(), ...messageLog });
export const campaignMessagesResponse = z.object({ campaignId: z.string(), ...messageLog });

// --- Evaluation ---

const evaluationQuestion = z.object({
  key: described('Stable across renames: answers keep counting', z.string()),
  label: z.string(),
  labelEn: z.optional(z.string()),
});

export const evaluationFormResponse = z.object({
  scales: z.array(evaluationQuestion),
  closesAfterDays: described('The form closes this many days after the session ends', count()),
});

export const evaluationResponse = z.object({
  eventId: z.string(),
  closesAt: instant(),
  full: described('False for a Business Assistant: only their own cooperatives’ answers', z.boolean()),
  form: evaluationFormResponse,
  summary: z.object({
    eligible: described('Officers checked in', count()),
    responses: count(),
    scales: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        average: z.nullable(z.number()),
        distribution: described('Answers per score, 1 to 5', z.array(count())),
      }),
    ),
    mostUseful: z.array(z.string()),
    needs: z.array(
      z.object({
        text: z.string(),
        cooperativeName: z.optional(z.string()),
        districtName: z.optional(z.string()),
        assistantName: z.optional(z.string()),
      }),
    ),
  }),
});
