import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, isDomainError } from '../domain/errors';
import { errorMessage, issueMessage } from '../domain/messages';
import { redact } from '../domain/redact';
import type { Language } from '../domain/schemas';
import type { BaseEnv } from './context';
import { languageOf } from './request';

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_registered: 409,
  registration_closed: 409,
  idempotency_key_reused: 409,
  phone_taken: 409,
  too_many_participants: 400,
  event_full: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  capacity_below_taken: 409,
  sign_in_link_invalid: 400,
  ticket_not_found: 404,
  wrong_event: 409,
  registration_cancelled: 409,
  not_confirmed: 409,
  checkin_not_open: 409,
  checkin_closed: 409,
  session_not_ended: 409,
  questions_closed: 409,
  already_answered: 409,
  not_checked_in: 403,
  evaluation_closed: 409,
};

export const statusOf = (code: ErrorCode) => statusByCode[code];

/** Error names of DynamoDB (and the SDK around it) that mean "try again later": nothing was half-written. */
const transientNames = new Set([
  // throttling
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  // contention on the same items: another transaction is writing them now
  'TransactionConflict',
  'TransactionConflictException',
  'TransactionInProgressException',
  'ReplicatedWriteConflictException',
  // the service's own failures
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  // deadlines: a request that timed out or was aborted by one
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'AbortError',
]);

/** Socket and DNS failures (Node's `code`, undici's for fetch): the request may be retried as it was. */
const transientCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Reasons of a cancelled transaction that say "busy", not "your condition failed". */
const transientCancellations = new Set(['TransactionConflict', 'ThrottlingError']);

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  CancellationReasons?: { Code?: unknown }[];
};

function isTransientOne(error: ErrorLike): boolean {
  if (typeof error.name === 'string' && transientNames.has(error.name)) return true;
  if (typeof error.code === 'string' && transientCodes.has(error.code)) return true;
  // AWS SDK v3 service errors: a server-side fault, a 5xx or 429, or one the SDK itself calls retryable.
  if (error.$fault === 'server' || error.$retryable) return true;
  const status = error.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  // A transaction still refused for contention after transactions.ts retried it.
  if (error.name === 'TransactionCanceledException' && Array.isArray(error.CancellationReasons)) {
    const codes = error.CancellationReasons.map((reason) => reason?.Code).filter(
      (code) => code && code !== 'None', // the items that did not fail
    );
    return codes.length > 0 && codes.every((code) => transientCancellations.has(code as string));
  }
  return false;
}

/**
 * Network failures, throttling, contention and service faults of the database: the client should retry, nothing
 * was half-written. Node's fetch (undici) wraps the socket error in `cause`, and a refused connection to a host
 * with several addresses is an AggregateError: both are followed a few levels down.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const candidate = error as ErrorLike;
  if (isTransientOne(candidate)) return true;
  if (candidate.cause !== undefined && isUnavailable(candidate.cause, depth + 1)) return true;
  return Array.isArray(candidate.errors) && candidate.errors.some((inner) => isUnavailable(inner, depth + 1));
}

export type ErrorBody = {
  error: {
    code: string;
    message: string;
    issues?: { path: (string | number)[]; message: string; code?: string }[];
  };
};

export function errorBody(
  error: unknown,
  language: Language,
): { status: ContentfulStatusCode; body: ErrorBody } {
  if (isDomainError(error)) {
    // Issues raised outside zod carry their catalogue key as the message until they are localized here.
    const issues = error.issues?.map((issue) => ({
      ...issue,
      message: (issue.code === issue.message && issueMessage(issue.code, language)) || issue.message,
    }));
    return {
      status: statusByCode[error.code],
      body: {
        error: { code: error.code, message: errorMessage(error.code, language, error.params), issues },
      },
    };
  }
  if (isUnavailable(error)) {
    return {
      status: 503,
      body: { error: { code: 'unavailable', message: errorMessage('unavailable', language) } },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'internal',
        message: language === 'id' ? 'Terjadi kesalahan pada server.' : 'Something went wrong on the server.',
      },
    },
  };
}

/** The one place that turns any thrown error into the standard envelope. */
export function onError<E extends BaseEnv>(error: unknown, c: Context<E>) {
  const language = languageOf(c);
  const { status, body } = errorBody(error, language);
  if (status === 503) c.header('Retry-After', '5');
  if (status >= 500) {
    // Log the failure without request bodies: they hold personal data.
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'request failed',
        method: c.req.method,
        path: c.req.routePath,
        // The AWS request id lets AWS support find the call that failed.
        awsRequestId: (error as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId,
        error:
          error instanceof Error
            ? { name: error.name, message: redact(error.message), stack: redact(error.stack ?? '') }
            : redact(String(error)),
      }),
    );
  }
  return c.json(body, status);
}
