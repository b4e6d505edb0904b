import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import aws4 from 'aws4';

/**
 * DynamoDB's JSON protocol over one keep-alive connection pool: each call is one signed POST (aws4 signs it).
 * This replaces the AWS SDK's client in every function: bundled, the SDK's DynamoDB client is 230 KiB and about
 * 45 ms of a cold start, while the public API's whole budget is 250 KB and 60 ms (issue 9). What the SDK did that
 * matters here is kept: retries of throttling, 5xx and network errors with jittered exponential backoff, an
 * idempotency token on every TransactWriteItems so a retried transaction is applied once, and typed errors.
 */

export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export type DynamoHttpConfig = {
  region: string;
  /** DynamoDB Local (`http://127.0.0.1:8000`); AWS's regional endpoint when absent. */
  endpoint?: string;
  /**
   * Static credentials (DynamoDB Local) or a provider (an operator's shell: functions/local/seed-command.ts);
   * else the environment's, which Lambda sets.
   */
  credentials?: Credentials | (() => Promise<Credentials>);
  maxAttempts?: number;
  /** A request with no answer for this long is abandoned and retried. */
  timeoutMs?: number;
  maxSockets?: number;
};

/** What DynamoDB answered instead of a result: `name` is its error type (`ConditionalCheckFailedException`...). */
export class DynamoDbError extends Error {
  readonly statusCode: number;
  /** TransactionCanceledException: one reason per item, in request order. */
  CancellationReasons?: { Code?: string; Message?: string; Item?: Record<string, unknown> }[];
  /** ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure: the item as it was. */
  Item?: Record<string, unknown>;

  constructor(name: string, message: string, statusCode: number, body: Record<string, unknown> = {}) {
    super(message);
    this.name = name;
    this.statusCode = statusCode;
    if (Array.isArray(body.CancellationReasons)) this.CancellationReasons = body.CancellationReasons;
    if (body.Item && typeof body.Item === 'object') this.Item = body.Item as Record<string, unknown>;
  }
}

export const isDynamoError = (error: unknown, name: string): error is DynamoDbError =>
  error instanceof DynamoDbError && error.name === name;

export const isConditionFailure = (error: unknown) => isDynamoError(error, 'ConditionalCheckFailedException');

/** The SDK's standard retry mode treats these as throttling or transient. */
const RETRYABLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

function isRetryable(error: unknown): boolean {
  if (error instanceof DynamoDbError) return RETRYABLE_ERRORS.has(error.name) || error.statusCode >= 500;
  const code = (error as { code?: string } | undefined)?.code;
  return (
    (code !== undefined && RETRYABLE_NETWORK_CODES.has(code)) || (error as Error)?.name === 'TimeoutError'
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function errorFrom(statusCode: number, body: Record<string, unknown>): DynamoDbError {
  const type = typeof body.__type === 'string' ? body.__type : '';
  const name =
    type.slice(type.indexOf('#') + 1) || (statusCode >= 500 ? 'InternalServerError' : 'UnknownError');
  const message = String(body.message ?? body.Message ?? `DynamoDB answered ${statusCode}`);
  return new DynamoDbError(name, message, statusCode, body);
}

function environmentCredentials(): Credentials | undefined {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = process.env;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) return undefined;
  return {
    accessKeyId: AWS_ACCESS_KEY_ID,
    secretAccessKey: AWS_SECRET_ACCESS_KEY,
    sessionToken: AWS_SESSION_TOKEN,
  };
}

export type DynamoHttp = {
  /** One DynamoDB operation (`GetItem`, `TransactWriteItems`...) with its wire-format input and output. */
  call(operation: string, input: object): Promise<Record<string, unknown>>;
  close(): void;
};

export function createDynamoHttp(config: DynamoHttpConfig): DynamoHttp {
  const url = new URL(config.endpoint ?? `https://dynamodb.${config.region}.amazonaws.com`);
  const secure = url.protocol === 'https:';
  const agent = new (secure ? HttpsAgent : HttpAgent)({
    keepAlive: true,
    maxSockets: config.maxSockets ?? 50,
  });
  const maxAttempts = config.maxAttempts ?? 4;
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function credentials(): Promise<Credentials> {
    const configured = config.credentials;
    if (typeof configured === 'function') return configured();
    const known = configured ?? environmentCredentials();
    if (!known)
      throw new Error('No AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set');
    return known;
  }

  async function send(operation: string, body: string): Promise<Record<string, unknown>> {
    const signed = aws4.sign(
      {
        service: 'dynamodb',
        region: config.region,
        method: 'POST',
        hostname: url.hostname,
        port: url.port || undefined,
        path: '/',
        body,
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'X-Amz-Target': `DynamoDB_20120810.${operation}`,
        },
      },
      await credentials(),
    );
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(
        {
          agent,
          hostname: url.hostname,
          port: url.port || undefined,
          path: '/',
          method: 'POST',
          headers: signed.headers as Record<string, string>,
          timeout: timeoutMs,
        },
        (response: IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            let parsed: Record<string, unknown>;
            try {
              const text = Buffer.concat(chunks).toString('utf8');
              parsed = text ? JSON.parse(text) : {};
            } catch {
              reject(new DynamoDbError('InternalServerError', 'DynamoDB answered no JSON', 500));
              return;
            }
            if (response.statusCode === 200) resolve(parsed);
            else reject(errorFrom(response.statusCode ?? 500, parsed));
          });
        },
      );
      request.on('timeout', () => {
        const timeout = new Error(`DynamoDB did not answer within ${timeoutMs} ms`);
        timeout.name = 'TimeoutError';
        request.destroy(timeout);
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  return {
    async call(operation, input) {
      const body = JSON.stringify(input);
      for (let attempt = 1; ; attempt++) {
        try {
          return await send(operation, body);
        } catch (error) {
          if (attempt >= maxAttempts || !isRetryable(error)) throw error;
          // Full jitter, as the SDK's standard mode: 100 ms doubling, capped at 20 s.
          await sleep(Math.random() * Math.min(20_000, 100 * 2 ** attempt));
        }
      }
    },
    close: () => agent.destroy(),
  };
}
