import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchGetCommand,
  BatchWriteCommand,
  createDocumentClientOver,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../../functions/db/document-client';
import { createDynamoHttp, DynamoDbError, isConditionFailure } from '../../functions/db/dynamo-http';
import type { Store } from '../../functions/db/store';
import { createTestStore } from '../helpers/store';

describe('the document client over DynamoDB Local', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore();
  });
  const table = () => store.tableName;

  it('writes and reads back plain values: nested maps and lists, string sets, numbers; drops undefined', async () => {
    const item = {
      pk: 'T#1',
      sk: 'A',
      name: 'Koperasi Desa Merah Putih Baamang Hulu',
      seats: 3,
      officers: [{ role: 'ketua', phone: '+6281234567890' }, { role: 'bendahara' }],
      clientIds: new Set(['a', 'b']),
      gone: undefined,
    };
    await store.doc.send(new PutCommand({ TableName: table(), Item: item }));
    const { Item } = await store.doc.send(
      new GetCommand({ TableName: table(), Key: { pk: 'T#1', sk: 'A' }, ConsistentRead: true }),
    );
    const { gone: _gone, ...expected } = item;
    expect(Item).toEqual(expected);
    expect(Item && 'gone' in Item).toBe(false);

    const { Attributes } = await store.doc.send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: 'T#1', sk: 'A' },
        UpdateExpression: 'ADD seats :one, clientIds :c',
        ExpressionAttributeValues: { ':one': 1, ':c': new Set(['c']) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    expect(Attributes?.seats).toBe(4);
    expect(Attributes?.clientIds).toEqual(new Set(['a', 'b', 'c']));
  });

  it('pages a query, writes and reads in batches', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      pk: 'T#page',
      sk: `S#${String(i).padStart(2, '0')}`,
      i,
    }));
    await store.doc.send(
      new BatchWriteCommand({
        RequestItems: { [table()]: items.slice(0, 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
    await store.doc.send(
      new BatchWriteCommand({
        RequestItems: { [table()]: items.slice(25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
    const seen: number[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await store.doc.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'T#page' },
          Limit: 7,
          ExclusiveStartKey,
        }),
      );
      seen.push(...(page.Items ?? []).map((item) => item.i as number));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    expect(seen).toEqual(items.map((item) => item.i));

    const { Responses } = await store.doc.send(
      new BatchGetCommand({
        RequestItems: {
          [table()]: {
            Keys: [
              { pk: 'T#page', sk: 'S#03' },
              { pk: 'T#page', sk: 'S#29' },
            ],
          },
        },
      }),
    );
    expect((Responses?.[table()] ?? []).map((item) => item.i).sort()).toEqual([29, 3]);
  });

  it('turns failed conditions into typed errors carrying plain items', async () => {
    await store.doc.send(new PutCommand({ TableName: table(), Item: { pk: 'T#c', sk: 'A', n: 1 } }));
    const failed = await store.doc
      .send(
        new PutCommand({
          TableName: table(),
          Item: { pk: 'T#c', sk: 'A', n: 2 },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((error: unknown) => error);
    expect(isConditionFailure(failed)).toBe(true);
    expect((failed as DynamoDbError).Item).toEqual({ pk: 'T#c', sk: 'A', n: 1 });

    const cancelled = await store.doc
      .send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table(), Item: { pk: 'T#c', sk: 'B' } } },
            {
              Update: {
                TableName: table(),
                Key: { pk: 'T#c', sk: 'A' },
                UpdateExpression: 'SET n = :two',
                ConditionExpression: 'n = :zero',
                ExpressionAttributeValues: { ':two': 2, ':zero': 0 },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      )
      .catch((error: unknown) => error);
    expect(cancelled).toBeInstanceOf(DynamoDbError);
    expect((cancelled as DynamoDbError).name).toBe('TransactionCanceledException');
    expect((cancelled as DynamoDbError).CancellationReasons?.map((reason) => reason.Code)).toEqual([
      'None',
      'ConditionalCheckFailed',
    ]);
    expect((cancelled as DynamoDbError).CancellationReasons?.[1]?.Item).toEqual({ pk: 'T#c', sk: 'A', n: 1 });
    const { Item } = await store.doc.send(
      new GetCommand({ TableName: table(), Key: { pk: 'T#c', sk: 'B' }, ConsistentRead: true }),
    );
    expect(Item).toBeUndefined();
  });
});

describe('retries (a scripted endpoint: DynamoDB Local cannot be made to throttle)', () => {
  let server: Server;
  let endpoint = '';
  const requests: { target: string; body: Record<string, unknown> }[] = [];
  let script: ((attempt: number) => { status: number; body: unknown } | 'hang')[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        requests.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(raw) });
        const answer = script[requests.length - 1]?.(requests.length) ?? { status: 200, body: {} };
        if (answer === 'hang') return;
        res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const client = (timeoutMs = 2_000) =>
    createDynamoHttp({
      region: 'ap-southeast-3',
      endpoint,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      timeoutMs,
    });
  const throttled = () => ({
    status: 400,
    body: { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' },
  });

  it('retries throttling and 5xx, then succeeds; a TransactWriteItems keeps its idempotency token', async () => {
    requests.length = 0;
    script = [throttled, () => ({ status: 500, body: {} }), () => ({ status: 200, body: { ok: true } })];
    const doc = createDocumentClientOver(client());
    await doc.send(
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } }] }),
    );
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.target))).toEqual(new Set(['DynamoDB_20120810.TransactWriteItems']));
    const tokens = new Set(requests.map((r) => r.body.ClientRequestToken));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests[0]?.body.TransactItems).toEqual([
      { Put: { TableName: 't', Item: { pk: { S: 'a' }, sk: { S: 'b' } } } },
    ]);
  });

  it('does not retry a client error, and gives up after four attempts', async () => {
    requests.length = 0;
    script = [
      () => ({
        status: 400,
        body: {
          __type: 'com.amazon.coral.validate#ValidationException',
          message: 'One or more parameter values were invalid',
        },
      }),
    ];
    const invalid = await client()
      .call('GetItem', { TableName: 't', Key: {} })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(DynamoDbError);
    expect((invalid as DynamoDbError).name).toBe('ValidationException');
    expect((invalid as DynamoDbError).statusCode).toBe(400);
    expect(requests).toHaveLength(1);

    requests.length = 0;
    script = [throttled, throttled, throttled, throttled, throttled];
    const exhausted = await client()
      .call('GetItem', { TableName: 't', Key: {} })
      .catch((error: unknown) => error);
    expect((exhausted as DynamoDbError).name).toBe('ThrottlingException');
    expect(requests).toHaveLength(4);
  });

  it('abandons a request that gets no answer and tries again', async () => {
    requests.length = 0;
    script = [() => 'hang', () => ({ status: 200, body: { Item: { pk: { S: 'a' } } } })];
    const output = await client(200).call('GetItem', { TableName: 't', Key: {} });
    expect(output).toEqual({ Item: { pk: { S: 'a' } } });
    expect(requests).toHaveLength(2);
  });

  it('signs every request with SigV4 for dynamodb in the configured region', async () => {
    requests.length = 0;
    script = [];
    let authorization = '';
    server.once('request', (req: IncomingMessage) => {
      authorization = String(req.headers.authorization);
    });
    await client().call('ListTables', {});
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-3\/dynamodb\/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$/,
    );
  });
});
