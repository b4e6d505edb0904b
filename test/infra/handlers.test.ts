import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createSuppressionsRepo,
  type SuppressionsRepo,
  suppressionKey,
} from '../../functions/db/suppressions-repo';
import type { SesEvent } from '../../functions/handlers/ses-events';
import type { TestStore } from '../helpers/store';
import { createTestStore, testDynamoEndpoint } from '../helpers/store';

let store: TestStore;
let suppressions: SuppressionsRepo;
let handler: typeof import('../../functions/handlers/ses-events').handler;

beforeAll(async () => {
  store = await createTestStore();
  suppressions = createSuppressionsRepo(store.doc, store.tableName);
  vi.stubEnv('TABLE_NAME', store.tableName);
  vi.stubEnv('DYNAMODB_ENDPOINT', testDynamoEndpoint());
  ({ handler } = await import('../../functions/handlers/ses-events'));
});
afterAll(() => vi.unstubAllEnvs());

const CONFIGURATION_SET = 'ConfigurationSet3DD38186-AbCdEfGhIjKl';

/** The `mail` object SES puts in every event of a message sent through the configuration set, job tag included. */
const mail = (to: string[], jobId: string) => ({
  timestamp: '2026-11-20T01:40:02.012Z',
  source: 'hadir <noreply@hadir.example.go.id>',
  sourceArn: 'arn:aws:ses:ap-southeast-3:123456789012:identity/hadir.example.go.id',
  sendingAccountId: '123456789012',
  messageId: '0100019355b0a3c1-5b8ed0b2-8f4a-4c55-9a35-3f3d0e5e4c1a-000000',
  destination: to,
  headersTruncated: false,
  headers: [
    { name: 'From', value: 'hadir <noreply@hadir.example.go.id>' },
    { name: 'To', value: to.join(', ') },
    { name: 'Subject', value: 'Tiket Anda' },
  ],
  commonHeaders: { from: ['hadir <noreply@hadir.example.go.id>'], to, messageId: 'x', subject: 'Tiket Anda' },
  tags: {
    'ses:source-tls-version': ['TLSv1.3'],
    'ses:operation': ['SendEmail'],
    'ses:configuration-set': [CONFIGURATION_SET],
    'ses:source-ip': ['203.0.113.10'],
    'ses:from-domain': ['hadir.example.go.id'],
    'ses:caller-identity': ['hadir-prod-api-MailOutboxStreamFunctionRole'],
    job: [jobId],
  },
});

/** An SES event as EventBridge delivers it from the configuration set's event destination. */
const eventBridgeEvent = (detailType: string, detail: Record<string, unknown>): SesEvent =>
  ({
    version: '0',
    id: 'c0b5a1f2-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
    'detail-type': detailType,
    source: 'aws.ses',
    account: '123456789012',
    time: '2026-11-20T01:41:02Z',
    region: 'ap-southeast-3',
    resources: [`arn:aws:ses:ap-southeast-3:123456789012:configuration-set/${CONFIGURATION_SET}`],
    detail,
  }) as unknown as SesEvent;

const bounce = (bounceType: string, recipients: string[], jobId = 'job-1') =>
  eventBridgeEvent('Email Bounced', {
    eventType: 'Bounce',
    bounce: {
      feedbackId: '0100019355b0b2d4-2c1f6a0e-1111-4c0b-9a2f-7d1e3f5a6b7c-000000',
      bounceType,
      bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
      bouncedRecipients: recipients.map((emailAddress) => ({
        emailAddress,
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      })),
      timestamp: '2026-11-20T01:41:01.669Z',
      reportingMTA: 'dsn; a8-12.smtp-out.amazonses.com',
    },
    mail: mail(recipients, jobId),
  });

const complaint = (recipients: string[]) =>
  eventBridgeEvent('Email Complaint Received', {
    eventType: 'Complaint',
    complaint: {
      feedbackId: '0100019355b0c3e5-3d2f7b1f-2222-4d1c-8b3a-8e2f4a6b7c8d-000000',
      complaintSubType: null,
      complainedRecipients: [...recipients.map((emailAddress) => ({ emailAddress }))],
      timestamp: '2026-11-21T03:00:00.000Z',
      userAgent: 'Yahoo!-Mail-Feedback/2.0',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2026-11-21T02:59:59.000Z',
    },
    mail: mail(recipients, 'job-2'),
  });

describe('SES event handler (EventBridge events, against DynamoDB Local)', () => {
  it('suppresses every recipient of a permanent bounce, keyed by the hash of the lowercased address', async () => {
    const result = await handler(bounce('Permanent', ['Tidak.Ada@Example.org', 'juga.tidak@example.org']));
    expect(result).toEqual({ suppressed: 2 });
    expect(await suppressions.get('tidak.ada@example.org')).toEqual({
      reason: 'bounce',
      at: '2026-11-20T01:41:01.669Z',
    });
    expect(await suppressions.get('JUGA.TIDAK@example.org')).toMatchObject({ reason: 'bounce' });
    const key = suppressionKey(' Tidak.Ada@example.ORG ');
    expect(key.pk).toMatch(/^SUPPRESS#[0-9a-f]{64}$/);
    expect(key.sk).toBe('SUPPRESS');
    const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key }));
    expect(Item).toEqual({ ...key, reason: 'bounce', at: '2026-11-20T01:41:01.669Z' });
    expect(JSON.stringify(Item)).not.toMatch(/tidak/i);
  });

  it('ignores transient bounces: the mailbox may accept mail again', async () => {
    expect(await handler(bounce('Transient', ['penuh@example.org']))).toEqual({ suppressed: 0 });
    expect(await suppressions.get('penuh@example.org')).toBeUndefined();
  });

  it('suppresses complainers, and a later event for the same address updates its reason', async () => {
    await handler(bounce('Permanent', ['keluhan@example.org']));
    expect(await handler(complaint(['keluhan@example.org']))).toEqual({ suppressed: 1 });
    expect(await suppressions.get('keluhan@example.org')).toEqual({
      reason: 'complaint',
      at: '2026-11-21T03:00:00.000Z',
    });
  });

  it('is idempotent: EventBridge may deliver the same event twice', async () => {
    const event = bounce('Permanent', ['dua.kali@example.org']);
    await handler(event);
    await handler(event);
    expect(await suppressions.get('dua.kali@example.org')).toEqual({
      reason: 'bounce',
      at: '2026-11-20T01:41:01.669Z',
    });
  });

  it('ignores other event types', async () => {
    const delivery = eventBridgeEvent('Email Delivered', {
      eventType: 'Delivery',
      delivery: {
        timestamp: '2026-11-20T01:40:03Z',
        recipients: ['ok@example.org'],
        smtpResponse: '250 2.6.0',
      },
      mail: mail(['ok@example.org'], 'job-3'),
    });
    expect(await handler(delivery)).toEqual({ suppressed: 0 });
    expect(await suppressions.get('ok@example.org')).toBeUndefined();
  });
});
