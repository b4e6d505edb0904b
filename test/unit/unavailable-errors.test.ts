import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors';
import type { BaseEnv } from '../../functions/http/context';
import { errorBody, isUnavailable, onError } from '../../functions/http/error-handler';

const named = (name: string, message = name) => Object.assign(new Error(message), { name });
const coded = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
/** How the SDK's generic service errors look when the model has no class for the name. */
const sdkError = (name: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(name), { name, $fault: 'client', $metadata: {}, ...fields });

describe('transient database errors answer 503 unavailable', () => {
  const transient: [string, unknown][] = [
    ['EPIPE', coded('EPIPE')],
    ['EAI_AGAIN (DNS)', coded('EAI_AGAIN')],
    ['ECONNRESET', coded('ECONNRESET')],
    ['ECONNREFUSED', coded('ECONNREFUSED')],
    ['ETIMEDOUT', coded('ETIMEDOUT')],
    ['undici socket closed', coded('UND_ERR_SOCKET')],
    ['TransactionConflict', named('TransactionConflict')],
    ['TransactionConflictException', named('TransactionConflictException')],
    ['InternalFailure', named('InternalFailure')],
    ['InternalServerError', named('InternalServerError')],
    ['ServiceUnavailable', named('ServiceUnavailable')],
    ['RequestTimeout', named('RequestTimeout')],
    ['TimeoutError', named('TimeoutError')],
    ['AbortError', named('AbortError', 'This operation was aborted')],
    ['ThrottlingException', named('ThrottlingException')],
    ['ProvisionedThroughputExceededException', named('ProvisionedThroughputExceededException')],
    ['RequestLimitExceeded', named('RequestLimitExceeded')],
    ['an SDK error with a 5xx status', sdkError('SomethingNew', { $metadata: { httpStatusCode: 502 } })],
    ['an SDK error the SDK calls retryable', sdkError('SomethingNew', { $retryable: {} })],
    ['an SDK server fault', sdkError('SomethingNew', { $fault: 'server' })],
    ['a 429', sdkError('SlowDown', { $metadata: { httpStatusCode: 429 } })],
    ['fetch failed, caused by a reset socket', new TypeError('fetch failed', { cause: coded('ECONNRESET') })],
    [
      'a cause two levels down',
      new Error('request failed', { cause: new TypeError('fetch failed', { cause: coded('EPIPE') }) }),
    ],
    [
      'a refused connection to every address',
      Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), {
        code: undefined,
      }),
    ],
    ['a deadline of AbortSignal.timeout', new DOMException('The operation timed out.', 'TimeoutError')],
    [
      'a transaction still in conflict after its retries',
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
      }),
    ],
  ];

  it.each(transient)('%s', (_label, error) => {
    expect(isUnavailable(error)).toBe(true);
    const { status, body } = errorBody(error, 'en');
    expect(status).toBe(503);
    expect(body.error.code).toBe('unavailable');
  });

  it('real SDK exception classes from @aws-sdk/client-dynamodb', () => {
    const errors = [
      new InternalServerError({ message: 'Internal server error', $metadata: {} }),
      new InternalServerError({ message: 'Internal server error', $metadata: { httpStatusCode: 500 } }),
      new TransactionConflictException({ message: 'conflict', $metadata: { httpStatusCode: 400 } }),
      new ProvisionedThroughputExceededException({
        message: 'slow down',
        $metadata: { httpStatusCode: 400 },
      }),
    ];
    for (const error of errors) expect(errorBody(error, 'id').status).toBe(503);
  });
});

describe('everything else is not "try again"', () => {
  const permanent: [string, unknown][] = [
    ['a failed condition', new ConditionalCheckFailedException({ message: 'failed', $metadata: {} })],
    [
      'a validation error of the SDK',
      sdkError('ValidationException', { $metadata: { httpStatusCode: 400 } }),
    ],
    [
      'a transaction cancelled by a condition',
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }],
      }),
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'oops'],
    ['null', null],
  ];

  it.each(permanent)('%s answers 500 internal', (_label, error) => {
    expect(isUnavailable(error)).toBe(false);
    expect(errorBody(error, 'en')).toMatchObject({ status: 500, body: { error: { code: 'internal' } } });
  });

  it('a domain error keeps its own code', () => {
    expect(errorBody(new DomainError('conflict'), 'en').status).toBe(409);
  });
});

it('the API answer carries Retry-After and the one envelope, in both languages', async () => {
  const app = new Hono<BaseEnv>()
    .use(async (c, next) => {
      c.set('language', c.req.query('lang') === 'en' ? 'en' : 'id');
      await next();
    })
    .get('/boom', () => {
      throw new InternalServerError({ message: 'Internal server error', $metadata: { httpStatusCode: 500 } });
    })
    .onError(onError);
  const quiet = console.error;
  console.error = () => {}; // onError logs every 5xx
  try {
    for (const [language, message] of [
      ['id', /tidak tersedia/],
      ['en', /unavailable/],
    ] as const) {
      const response = await app.request(`/boom?lang=${language}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(message) } });
    }
  } finally {
    console.error = quiet;
  }
});
