import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type DocumentClient = DynamoDBDocumentClient;

export type DbConfig = {
  /** DynamoDB Local (`http://127.0.0.1:8000`); AWS's regional endpoint when absent. */
  endpoint?: string;
  region?: string;
  /** Attempts per request, the first included (the SDK's standard retry mode with its retry quota). */
  maxAttempts?: number;
};

/**
 * How long one request may take before the SDK gives up on it and retries. In AWS a request takes milliseconds;
 * three attempts of at most 2 s each, with the SDK's backoff, end well inside a 10 s Lambda, so an answer (a 503)
 * always comes before the function is killed. A busy DynamoDB Local (300 transactions on one hot item on a loaded
 * 2-core machine) can take far longer than AWS ever should, hence its own limit.
 */
const AWS_REQUEST_TIMEOUT_MS = 2_000;
const LOCAL_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The one DynamoDB client of the project: the SDK's DocumentClient over DynamoDBClient, with the standard retry
 * mode (throttling, 5xx and network errors retried with jittered backoff and a retry quota, so an outage does not
 * become a retry storm), clock-skew correction, and the region and credentials of the Lambda environment.
 * Undefined attributes are dropped, as the repositories never store them. Against DynamoDB Local any static
 * credentials work, and one local process serving many users and load tests gets more than the default 50 sockets.
 */
export function createDocumentClient(config: DbConfig = {}): DocumentClient {
  const region = config.region ?? process.env.AWS_REGION ?? 'ap-southeast-3';
  const local = Boolean(config.endpoint);
  const requestTimeout = local ? LOCAL_REQUEST_TIMEOUT_MS : AWS_REQUEST_TIMEOUT_MS;
  const client = new DynamoDBClient({
    region,
    maxAttempts: config.maxAttempts ?? 3,
    retryMode: 'standard',
    ...(local
      ? {
          endpoint: config.endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          requestHandler: {
            requestTimeout,
            httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
          },
        }
      : {
          requestHandler: {
            requestTimeout,
            connectionTimeout: 1_000,
            httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 50 }),
          },
        }),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
