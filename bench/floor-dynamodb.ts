import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/**
 * The least an HTTP function that uses the table can load: Hono and the AWS SDK's DynamoDB document client, nothing
 * of ours. `npm run bench` bundles it exactly like a function and divides every function's cold start by its own,
 * measured in the same run, so a busy machine slows both sides alike.
 */
const tableName = process.env.TABLE_NAME ?? 'hadir';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
const app = new Hono().get('/:id', async (c) => {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: { pk: c.req.param('id'), sk: 'A' } }),
  );
  return c.json(Item ?? {});
});

export const handler = handle(app);
