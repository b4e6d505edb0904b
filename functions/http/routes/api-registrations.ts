import { Hono } from 'hono';
import { registrationChangeInput } from '../../domain/schemas';
import { publicRegistration } from '../../services/registrations';
import type { AppEnv } from '../context';
import { bearerToken, readJson, validate } from '../request';

/** The cooperative contact's self-service, authorised by the manage token from the confirmation. */
export const apiRegistrations = new Hono<AppEnv>()
  .get('/:registrationId', async (c) => {
    const registration = await c
      .get('services')
      .registrations.authorize(c.req.param('registrationId'), bearerToken(c));
    return c.json({ registration: publicRegistration(registration) });
  })
  .patch('/:registrationId', async (c) => {
    const input = validate(registrationChangeInput, await readJson(c), c);
    const registration = await c
      .get('services')
      .registrations.change(c.req.param('registrationId'), bearerToken(c), input, c.get('language'));
    return c.json({ registration: publicRegistration(registration) });
  })
  .delete('/:registrationId', async (c) => {
    const registration = await c
      .get('services')
      .registrations.cancel(c.req.param('registrationId'), bearerToken(c));
    return c.json({ registration: publicRegistration(registration) });
  });
