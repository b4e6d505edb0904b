import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { bearerToken } from '../request';

/** Data-subject rights (UU PDP) for the cooperative's contact, with the same manage token. */
export const apiPrivacy = new Hono<AppEnv>()
  .get('/:registrationId/data', async (c) => {
    const data = await c
      .get('services')
      .registrations.exportData(c.req.param('registrationId'), bearerToken(c));
    c.header('Content-Disposition', 'attachment; filename="data-pendaftaran.json"');
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  })
  .post('/:registrationId/erase', async (c) => {
    const erased = await c.get('services').registrations.erase(c.req.param('registrationId'), bearerToken(c));
    return c.json({ registration: { id: erased.id, status: erased.status, erasedAt: erased.erasedAt } });
  });
