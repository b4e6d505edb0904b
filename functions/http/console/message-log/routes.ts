import type { Context } from 'hono';
import { summarizeDeliveries } from '../../../domain/deliveries';
import { DomainError } from '../../../domain/errors';
import { consoleFactory, describeConsoleRoute, me, requireSignedIn, type SignedInEnv } from '../kit';

const campaigns = (c: Context<SignedInEnv>) => c.get('services').campaigns;
const repo = (c: Context<SignedInEnv>) => c.get('services').store.whatsapp;

/** The lines the console lists: no numbers or addresses, only what was sent on which channel and how far it got. */
const lines = (logs: Awaited<ReturnType<ReturnType<typeof repo>['byRegistration']>>) =>
  logs.map(
    ({ jobId, channel, kind, status, participantId, sentAt, deliveredAt, readAt, failedAt, error }) => ({
      jobId,
      channel,
      kind,
      status,
      participantId,
      sentAt,
      deliveredAt,
      readAt,
      failedAt,
      error,
    }),
  );

const registrationMessages = describeConsoleRoute({
  operationId: 'listRegistrationMessages',
  summary: 'What was sent about a registration, on which channel, and how far it got',
  tag: 'Messages',
  responses: { 200: 'registrationMessagesResponse' },
  errors: [404],
});
const campaignMessages = describeConsoleRoute({
  operationId: 'listCampaignMessages',
  summary: 'What a campaign sent, on which channel, and how far it got',
  tag: 'Messages',
  responses: { 200: 'campaignMessagesResponse' },
  errors: [404],
});

/**
 * Mounted at /api/admin/events/:eventId/messages: per registration and per campaign, what went out on which
 * channel and what was delivered and read. Rights are the campaigns' (the session's organisation).
 */
export const messageLogApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/registrations/:registrationId', registrationMessages, async (c) => {
    const eventId = c.req.param('eventId') ?? '';
    await campaigns(c).loadEvent(me(c), eventId);
    const registration = await c.get('services').store.registrations.get(c.req.param('registrationId'));
    if (!registration || registration.eventId !== eventId) throw new DomainError('not_found');
    const logs = lines(await repo(c).byRegistration(registration.id));
    return c.json({ registrationId: registration.id, summary: summarizeDeliveries(logs), messages: logs });
  })
  .get('/campaigns/:campaignId', campaignMessages, async (c) => {
    const { campaign } = await campaigns(c).get(
      me(c),
      c.req.param('eventId') ?? '',
      c.req.param('campaignId'),
    );
    const logs = lines(await repo(c).byCampaign(campaign.id));
    return c.json({ campaignId: campaign.id, summary: summarizeDeliveries(logs), messages: logs });
  });
