/**
 * Every failure a user can cause has a stable code. The HTTP layer maps codes to status
 * (see http/error-handler.ts); the messages live in messages.ts so both languages stay together.
 */
export const errorCodes = [
  'validation',
  'not_found',
  'already_registered',
  'registration_closed',
  'idempotency_key_reused',
  'phone_taken',
  'too_many_participants',
  'event_full',
  'conflict',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'capacity_below_taken',
  'sign_in_link_invalid',
  'ticket_not_found',
  'wrong_event',
  'registration_cancelled',
  'not_confirmed',
  'checkin_not_open',
  'checkin_closed',
  'session_not_ended',
  'questions_closed',
  'already_answered',
  'not_checked_in',
  'evaluation_closed',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ValidationIssue = { path: (string | number)[]; message: string; code?: string };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Values interpolated into the localized message, e.g. `{ max: 3 }`. */
    readonly params: Record<string, string | number> = {},
    readonly issues?: ValidationIssue[],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
