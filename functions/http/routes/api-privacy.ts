import { describeRoute } from '../describe-route';
import { publicFactory } from '../public-factory';
import { bearerToken } from '../request';

const exportData = describeRoute({
  operationId: 'exportRegistrationData',
  summary: 'Everything stored about a registration, as a download (data-subject access)',
  tag: 'Registrations',
  access: 'manage',
  responses: { 200: 'registrationDataResponse' },
});

const erase = describeRoute({
  operationId: 'eraseRegistration',
  summary: 'Withdraw consent: cancel if still active, then erase the personal data',
  tag: 'Registrations',
  access: 'manage',
  responses: { 200: 'erasedResponse' },
});

/** Data-subject rights (UU PDP) for the cooperative's contact, with the same manage token. */
export const apiPrivacy = publicFactory
  .createApp()
  .get('/:registrationId/data', exportData, async (c) => {
    const data = await c
      .get('services')
      .registrations.exportData(c.req.param('registrationId'), bearerToken(c));
    c.header('Content-Disposition', 'attachment; filename="data-pendaftaran.json"');
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  })
  .post('/:registrationId/erase', erase, async (c) => {
    const erased = await c.get('services').registrations.erase(c.req.param('registrationId'), bearerToken(c));
    return c.json({ registration: { id: erased.id, status: erased.status, erasedAt: erased.erasedAt } });
  });
