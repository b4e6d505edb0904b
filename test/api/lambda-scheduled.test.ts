import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import { createRegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';
import {
  createTestStore,
  makeEvent,
  registrationBody,
  seedKotim,
  testDynamoEndpoint,
} from '../helpers/store';

/**
 * The other Lambda entries with the payloads AWS sends them: the console behind API Gateway (payload 2.0),
 * and EventBridge Scheduler's campaign tick and daily retention run.
 */
let store: TestStore;
type Handler = (event: unknown, context?: unknown) => Promise<Record<string, unknown>>;
let consoleHandler: Handler;
let campaignHandler: Handler;
let retentionHandler: Handler;

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  vi.stubEnv('TABLE_NAME', store.tableName);
  vi.stubEnv('DYNAMODB_ENDPOINT', testDynamoEndpoint());
  // In AWS the key comes from Secrets Manager; here the one every test store derives codes with.
  vi.stubEnv('HADIR_TICKET_KEY', TEST_TICKET_KEY);
  consoleHandler = (await import('../../functions/handlers/console')).handler as never;
  campaignHandler = (await import('../../functions/handlers/campaign-runner')).handler as never;
  retentionHandler = (await import('../../functions/handlers/retention')).handler as never;
});
afterAll(() => vi.unstubAllEnvs());

const apiGatewayEvent = (method: string, path: string, body?: string) => ({
  version: '2.0',
  routeKey: 'ANY /api/auth/{proxy+}',
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'abc123.execute-api.ap-southeast-3.amazonaws.com', 'content-type': 'application/json' },
  requestContext: {
    accountId: '123456789012',
    apiId: 'abc123',
    domainName: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
    domainPrefix: 'abc123',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'vitest' },
    requestId: 'req-2',
    routeKey: 'ANY /api/auth/{proxy+}',
    stage: '$default',
    time: '23/Oct/2025:01:30:00 +0000',
    timeEpoch: 1761183000000,
  },
  body,
  isBase64Encoded: false,
});

it('the console Lambda answers sign-in with 202 and has no public registration routes', async () => {
  const signIn = await consoleHandler(
    apiGatewayEvent('POST', '/api/auth/sign-in', JSON.stringify({ email: 'x@example.org' })),
    {},
  );
  expect(signIn.statusCode).toBe(202);
  const publicRoute = await consoleHandler(apiGatewayEvent('GET', '/api/events'), {});
  expect(publicRoute.statusCode).toBe(404);
});

it("the campaign runner's scheduled tick runs due campaigns and answers a summary", async () => {
  const result = await campaignHandler({});
  expect(result).toHaveProperty('ran');
  expect(typeof result.ran).toBe('number');
});

it('the daily retention run erases personal data of sessions past retention', async () => {
  const event = makeEvent({
    startsAt: '2023-05-04T01:30:00.000Z',
    endsAt: '2023-05-04T05:00:00.000Z',
    registrationDeadline: '2099-01-01T00:00:00.000Z',
  });
  await store.events.put(event);
  const created = await createRegistrationService(store).register(
    event.id,
    registrationBody('62.02.06.2005', 1, 77),
    {
      language: 'id',
    },
  );
  const result = await retentionHandler({ 'detail-type': 'Scheduled Event', source: 'aws.scheduler' });
  expect(result.erased).toBeGreaterThanOrEqual(1);
  const erased = await store.registrations.get(created.registration.id);
  expect(JSON.stringify(erased)).not.toContain(created.registration.participants[0]?.name as string);
});
