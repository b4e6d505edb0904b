import { registrationChangeInput } from '../../domain/schemas';
import { publicRegistration } from '../../services/registrations';
import { describeRoute } from '../describe-route';
import { publicFactory } from '../public-factory';
import { bearerToken, readJson, validate } from '../request';

const readRegistration = describeRoute({
  operationId: 'getRegistration',
  summary: 'Read a registration with its manage token',
  tag: 'Registrations',
  access: 'manage',
  responses: { 200: 'registrationEnvelope' },
});

const changeRegistration = describeRoute({
  operationId: 'changeRegistration',
  summary: 'Change the contact or the officers with the manage token',
  description:
    'An officer sent with their `id` keeps their ticket; one sent with an `id` but another name is a substitute: ' +
    'they come back with a new `id` and `ticketCode`, and the old ticket stops working.',
  tag: 'Registrations',
  access: 'manage',
  body: registrationChangeInput,
  responses: { 200: 'registrationEnvelope' },
  errors: [409],
});

const cancelRegistration = describeRoute({
  operationId: 'cancelRegistration',
  summary: 'Cancel with the manage token, freeing the seats',
  tag: 'Registrations',
  access: 'manage',
  responses: { 200: 'registrationEnvelope' },
  errors: [409],
});

/** The cooperative contact's self-service, authorised by the manage token from the confirmation. */
export const apiRegistrations = publicFactory
  .createApp()
  .get('/:registrationId', readRegistration, async (c) => {
    const registration = await c
      .get('services')
      .registrations.authorize(c.req.param('registrationId'), bearerToken(c));
    return c.json({ registration: publicRegistration(registration) });
  })
  .patch('/:registrationId', changeRegistration, async (c) => {
    const input = validate(registrationChangeInput, await readJson(c), c);
    const registration = await c
      .get('services')
      .registrations.change(c.req.param('registrationId'), bearerToken(c), input, c.get('language'));
    return c.json({ registration: publicRegistration(registration) });
  })
  .delete('/:registrationId', cancelRegistration, async (c) => {
    const registration = await c
      .get('services')
      .registrations.cancel(c.req.param('registrationId'), bearerToken(c));
    return c.json({ registration: publicRegistration(registration) });
  });
