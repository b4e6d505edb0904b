import { DomainError } from '../../domain/errors';
import { publicEvent } from '../../domain/events';
import { registrationInput, sessionListQuery } from '../../domain/schemas';
import { describeRoute } from '../describe-route';
import { publicFactory } from '../public-factory';
import { clientAddress, limit, limitRegistration } from '../rate-limit';
import { readJson, validate } from '../request';

const listEvents = describeRoute({
  operationId: 'listEvents',
  summary: 'Published sessions, a page at a time',
  description: 'Upcoming (ending after now, soonest first) or past (latest first).',
  tag: 'Sessions',
  access: 'public',
  query: sessionListQuery,
  responses: { 200: 'eventPageResponse' },
});

const getEvent = describeRoute({
  operationId: 'getEvent',
  summary: 'One published session',
  tag: 'Sessions',
  access: 'public',
  responses: { 200: 'publicEventResponse' },
  errors: [404],
});

const register = describeRoute({
  operationId: 'registerCooperative',
  summary: 'Register a cooperative’s officers for a session',
  description:
    'Confirmed while seats are left, waitlisted after. An `Idempotency-Key` header (up to 200 characters) makes a ' +
    'retry answer the first registration instead of registering twice.',
  tag: 'Sessions',
  access: 'public',
  body: registrationInput,
  responses: { 201: 'registeredResponse' },
  errors: [404, 409],
});

export const apiEvents = publicFactory
  .createApp()
  .get('/', listEvents, async (c) => {
    const { store, clock } = c.get('services');
    const { when, cursor } = validate(sessionListQuery, c.req.query(), c);
    const now = clock();
    const page = await store.events.listPublic({ when, now, cursor });
    return c.json({ events: page.events.map((event) => publicEvent(event, now)), next: page.next ?? null });
  })
  .get('/:eventId', getEvent, async (c) => {
    const { store, clock } = c.get('services');
    const event = await store.events.get(c.req.param('eventId'));
    if (!event?.published) throw new DomainError('not_found');
    return c.json(publicEvent(event, clock()));
  })
  .post('/:eventId/registrations', register, async (c) => {
    await limit(c, 'registerAddress', clientAddress(c));
    const input = validate(registrationInput, await readJson(c), c);
    await limitRegistration(c, c.req.param('eventId'), input);
    const result = await c.get('services').registrations.register(c.req.param('eventId'), input, {
      language: c.get('language'),
      idempotencyKey: c.req.header('idempotency-key')?.slice(0, 200) || undefined,
    });
    return c.json(result, 201);
  });
