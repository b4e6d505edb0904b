import type { LambdaEvent } from 'hono/aws-lambda';

type APIGatewayProxyEventV2 = Extract<LambdaEvent, { version: '2.0'; rawPath: string }>;

import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import type { EventRecord } from '../../functions/domain/schemas';
import type { TestStore } from '../helpers/store';
import {
  createTestStore,
  makeEvent,
  registrationBody,
  seedKotim,
  testDynamoEndpoint,
} from '../helpers/store';

let store: TestStore;
let event: EventRecord;
let handler: (
  event: APIGatewayProxyEventV2,
  context: unknown,
) => Promise<{
  statusCode: number;
  body: string;
  headers: Record<string, string>;
  cookies?: string[];
}>;

/** An API Gateway HTTP API (payload 2.0) event as AWS sends it. */
function apiGatewayEvent(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies: ['lang=en'],
    headers: {
      host: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
      'x-forwarded-proto': 'https',
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '23/Oct/2025:01:30:00 +0000',
      timeEpoch: 1761183000000,
    },
    body,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  event = makeEvent();
  await store.events.put(event);
  vi.stubEnv('TABLE_NAME', store.tableName);
  vi.stubEnv('DYNAMODB_ENDPOINT', testDynamoEndpoint());
  // In AWS the key comes from Secrets Manager; here the one every test store derives codes with.
  vi.stubEnv('HADIR_TICKET_KEY', TEST_TICKET_KEY);
  ({ handler } = (await import('../../functions/handlers/api')) as never);
});
afterAll(() => vi.unstubAllEnvs());

it('serves GET /api/events/:id from an API Gateway v2 event', async () => {
  const res = await handler(apiGatewayEvent('GET', `/api/events/${event.id}`), {});
  expect(res.statusCode).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ id: event.id, venue: 'Gedung Serbaguna Sampit' });
});

it('registers through POST with a JSON body and answers errors in the cookie language', async () => {
  const created = await handler(
    apiGatewayEvent(
      'POST',
      `/api/events/${event.id}/registrations`,
      JSON.stringify(registrationBody('62.02.06.2005', 2, 1)),
      {
        'content-type': 'application/json',
      },
    ),
    {},
  );
  expect(created.statusCode).toBe(201);
  expect(JSON.parse(created.body).registration.status).toBe('confirmed');

  const bad = await handler(
    apiGatewayEvent('POST', `/api/events/${event.id}/registrations`, '{', {
      'content-type': 'application/json',
    }),
    {},
  );
  expect(bad.statusCode).toBe(400);
  expect(JSON.parse(bad.body).error.message).toBe('The submitted data is not valid.');
});

it('has no developer routes in the Lambda', async () => {
  const res = await handler(apiGatewayEvent('GET', '/dev/outbox.json'), {});
  expect(res.statusCode).toBe(404);
});
