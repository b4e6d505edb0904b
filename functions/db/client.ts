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
 * credentials work, and one local process serving many users (and load tests) gets more than the default 50
 * sockets. A stopped local database refuses connections at once; a busy one (300 transactions on one hot item on a
 * loaded 2-core machine) can take longer than AWS ever should, hence its longer timeout.
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
            timeoutMs: 30_000,
            maxSockets: 256,
          }
        : { region, credentials: config.credentials },
    ),
  );
}
