import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, isDomainError } from '../domain/errors';
import { errorMessage, issueMessage } from '../domain/messages';
import { redact } from '../domain/redact';
import type { Language } from '../domain/schemas';
import type { AppEnv } from './context';

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
};

export const statusOf = (code: ErrorCode) => statusByCode[code];

/** Network failures and throttling of the database: the client should retry, nothing was half-written. */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.name;
  const code = (error as { code?: string }).code;
  return (
    name === 'ProvisionedThroughputExceededException' ||
    name === 'ThrottlingException' ||
    name === 'RequestLimitExceeded' ||
    name === 'ServiceUnavailable' ||
    name === 'InternalServerError' ||
    name === 'TimeoutError' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 503
  );
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
export function onError(error: unknown, c: Context<AppEnv>) {
  const language = c.get('language') ?? 'id';
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
        error:
          error instanceof Error
            ? { name: error.name, message: redact(error.message), stack: redact(error.stack ?? '') }
            : redact(String(error)),
      }),
    );
  }
  return c.json(body, status);
}
