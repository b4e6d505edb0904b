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

let store: TestStore;
let streamHandler: typeof import('../../functions/handlers/outbox-stream').handler;
let sweepHandler: typeof import('../../functions/handlers/outbox-sweep').handler;

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  vi.stubEnv('TABLE_NAME', store.tableName);
  vi.stubEnv('DYNAMODB_ENDPOINT', testDynamoEndpoint());
  // In AWS the key comes from Secrets Manager; here the one every test store derives codes with.
  vi.stubEnv('HADIR_TICKET_KEY', TEST_TICKET_KEY);
  vi.stubEnv('PUBLIC_BASE_URL', 'https://hadir.test');
  ({ handler: streamHandler } = await import('../../functions/handlers/outbox-stream'));
  ({ handler: sweepHandler } = await import('../../functions/handlers/outbox-sweep'));
});
afterAll(() => vi.unstubAllEnvs());

async function registerOne(cooperativeId: string, seed: number) {
  const event = makeEvent();
  await store.events.put(event);
  const created = await createRegistrationService(store).register(
    event.id,
    registrationBody(cooperativeId, 1, seed),
    {
      language: 'id',
    },
  );
  const jobs = await store.outbox.due(new Date(Date.now() + 60_000), 100);
  return jobs.filter((job) => job.registrationId === created.registration.id);
}

/** A DynamoDB stream record (NEW_AND_OLD_IMAGES) for a freshly written email job, as Lambda receives it. */
const streamRecord = (jobId: string, sequence: string) => ({
  eventID: `evt-${sequence}`,
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  awsRegion: 'ap-southeast-3',
  dynamodb: {
    Keys: { pk: { S: `OUTBOX#${jobId}` }, sk: { S: 'OUTBOX' } },
    NewImage: {
      pk: { S: `OUTBOX#${jobId}` },
      sk: { S: 'OUTBOX' },
      id: { S: jobId },
      status: { S: 'pending' },
    },
    SequenceNumber: sequence,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

it('the stream handler sends a new job once, even when the record is delivered twice', async () => {
  const [job] = await registerOne('62.02.01.1009', 1);
  const record = streamRecord(job?.id as string, '111');
  expect(await streamHandler({ Records: [record] })).toEqual({ batchItemFailures: [] });
  expect(await streamHandler({ Records: [record] })).toEqual({ batchItemFailures: [] });
  expect((await store.outbox.get(job?.id as string))?.status).toBe('sent');
  const copies = (await store.devMail.listAll()).filter((message) => message.jobId === job?.id);
  expect(copies).toHaveLength(1);
});

it('the scheduled sweep sends jobs the stream did not', async () => {
  const [job] = await registerOne('62.02.06.2005', 2);
  const result = await sweepHandler();
  expect(result.processed).toBeGreaterThanOrEqual(1);
  expect((await store.outbox.get(job?.id as string))?.status).toBe('sent');
});
