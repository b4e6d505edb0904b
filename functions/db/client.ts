import { Agent } from 'node:http';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type DbConfig = { tableName: string; endpoint?: string; region?: string };

/**
 * In AWS the SDK finds region and credentials itself. Against DynamoDB Local any static credentials work,
 * and a short timeout keeps a stopped local database from hanging requests.
 */
export function createDocumentClient(config: DbConfig): DynamoDBDocumentClient {
  const clientConfig: DynamoDBClientConfig = {
    region: config.region ?? process.env.AWS_REGION ?? 'ap-southeast-3',
    maxAttempts: 4,
  };
  if (config.endpoint) {
    clientConfig.endpoint = config.endpoint;
    clientConfig.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    // One local process serves many concurrent users (and load tests): allow more than the default 50 sockets.
    clientConfig.requestHandler = {
      httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }),
      connectionTimeout: 2_000,
      requestTimeout: 10_000,
    };
  }
  return DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
