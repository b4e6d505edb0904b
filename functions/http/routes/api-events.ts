import { Hono } from 'hono';
import { DomainError } from '../../domain/errors';
import { publicEvent } from '../../domain/events';
import { registrationInput, sessionListQuery } from '../../domain/schemas';
import type { AppEnv } from '../context';
import { clientAddress, limit } from '../rate-limit';
import { readJson, validate } from '../request';

export const apiEvents = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { store, clock } = c.get('services');
    const { when, cursor } = validate(sessionListQuery, c.req.query(), c);
    const now = clock();
    const page = await store.events.listPublic({ when, now, cursor });
    return c.json({ events: page.events.map((event) => publicEvent(event, now)), next: page.next ?? null });
  })
  .get('/:eventId', async (c) => {
    const { store, clock } = c.get('services');
    const event = await store.events.get(c.req.param('eventId'));
    if (!event?.published) throw new DomainError('not_found');
    return c.json(publicEvent(event, clock()));
  })
  .post('/:eventId/registrations', async (c) => {
    await limit(c, 'registerAddress', clientAddress(c));
    const input = validate(registrationInput, await readJson(c), c);
    await limit(c, 'registerTarget', `${c.req.param('eventId')}:${input.cooperativeId}`);
    const result = await c.get('services').registrations.register(c.req.param('eventId'), input, {
      language: c.get('language'),
      idempotencyKey: c.req.header('idempotency-key')?.slice(0, 200) || undefined,
    });
    return c.json(result, 201);
  });
