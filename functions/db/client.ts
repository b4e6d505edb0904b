import { createDocumentClientOver, type DocumentClient } from './document-client';
import { type Credentials, createDynamoHttp } from './dynamo-http';

export type { DocumentClient } from './document-client';
export type DbConfig = {
  tableName: string;
  endpoint?: string;
  region?: string;
  /** Outside Lambda and DynamoDB Local: where credentials come from (a profile, SSO...). */
  credentials?: () => Promise<Credentials>;
};

/**
 * In AWS the region and credentials come from the Lambda environment. Against DynamoDB Local any static
 * credentials work, a short timeout keeps a stopped local database from hanging requests, and one local process
 * serving many users (and load tests) gets more than the default 50 sockets.
 */
export function createDocumentClient(config: DbConfig): DocumentClient {
  const region = config.region ?? process.env.AWS_REGION ?? 'ap-southeast-3';
  return createDocumentClientOver(
    createDynamoHttp(
      config.endpoint
        ? {
            region,
            endpoint: config.endpoint,
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
            timeoutMs: 10_000,
            maxSockets: 256,
          }
        : { region, credentials: config.credentials },
    ),
  );
}
