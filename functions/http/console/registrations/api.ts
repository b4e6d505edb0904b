import { registrationChangeInput } from '../../../domain/schemas';
import { adminRegistration } from '../../../services/admin-events';
import { readJson, validate } from '../../request';
import { consoleFactory, describeConsoleRoute, me, readJsonObject, requireSignedIn } from '../kit';

const getRegistration = describeConsoleRoute({
  operationId: 'getAdminRegistration',
  summary: 'One registration',
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404],
});
const editRegistration = describeConsoleRoute({
  operationId: 'updateAdminRegistration',
  summary: 'Change a registration on the cooperative’s behalf',
  body: registrationChangeInput,
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404, 409],
});
const cancelRegistration = describeConsoleRoute({
  operationId: 'cancelAdminRegistration',
  summary: 'Cancel a registration on the cooperative’s behalf',
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404, 409],
});
const promote = describeConsoleRoute({
  operationId: 'promoteRegistration',
  summary: 'Move a registration from the waitlist (needs free seats)',
  responses: { 200: 'adminRegistrationEnvelope' },
  errors: [404, 409],
});
const resend = describeConsoleRoute({
  operationId: 'resendTickets',
  summary: 'Email the tickets again',
  description: 'The body is optional.',
  body: 'resendBody',
  responses: { 202: 'resendResponse' },
  errors: [404, 409],
});

/** One registration in the console's JSON API, mounted at /api/admin: read, change, cancel, promote, resend. */
export const registrationsApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/registrations/:registrationId', getRegistration, async (c) => {
    const registration = await c
      .get('services')
      .adminEvents.getRegistration(me(c), c.req.param('registrationId'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .patch('/registrations/:registrationId', editRegistration, async (c) => {
    const { adminEvents } = c.get('services');
    const id = c.req.param('registrationId');
    await adminEvents.loadRegistration(me(c), id, 'manage'); // rights before the body is even read
    const input = validate(registrationChangeInput, await readJson(c), c);
    const registration = await adminEvents.editRegistration(me(c), id, input, c.get('language'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .delete('/registrations/:registrationId', cancelRegistration, async (c) => {
    const registration = await c
      .get('services')
      .adminEvents.cancelRegistration(me(c), c.req.param('registrationId'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .post('/registrations/:registrationId/promote', promote, async (c) => {
    const registration = await c.get('services').adminEvents.promote(me(c), c.req.param('registrationId'));
    return c.json({ registration: adminRegistration(registration) });
  })
  .post('/registrations/:registrationId/resend', resend, async (c) => {
    const type = c.req.header('content-type') ?? '';
    const body = type ? await readJsonObject(c) : {};
    const participantId = typeof body.participantId === 'string' ? body.participantId : undefined;
    const queued = await c
      .get('services')
      .adminEvents.resendTickets(me(c), c.req.param('registrationId'), participantId);
    return c.json({ queued }, 202);
  });
