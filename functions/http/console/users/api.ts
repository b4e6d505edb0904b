import {
  organisationInput,
  organisationRegenciesInput,
  userChangeInput,
  userInput,
} from '../../../domain/accounts';
import { publicUser } from '../../../services/admin-users';
import { readJson, validate } from '../../request';
import { consoleFactory, describeConsoleRoute, me, requireRole, requireSignedIn } from '../kit';

const adminOnly = requireRole('admin');

const getMe = describeConsoleRoute({
  operationId: 'getMe',
  summary: 'The signed-in user',
  responses: { 200: 'meResponse' },
});
const listUsers = describeConsoleRoute({
  operationId: 'listUsers',
  summary: 'Users (organizers: their Business Assistants)',
  responses: { 200: 'userListResponse' },
});
const createUser = describeConsoleRoute({
  operationId: 'createUser',
  summary: 'Add a user (admins)',
  body: userInput,
  responses: { 201: 'userEnvelope' },
  errors: [409],
});
const editUser = describeConsoleRoute({
  operationId: 'updateUser',
  summary: 'Change a user’s role or organisation, or deactivate them (admins)',
  body: userChangeInput,
  responses: { 200: 'userEnvelope' },
  errors: [404],
});
const listOrganisations = describeConsoleRoute({
  operationId: 'listOrganisations',
  summary: 'Organisations',
  responses: { 200: 'organisationListResponse' },
});
const createOrganisation = describeConsoleRoute({
  operationId: 'createOrganisation',
  summary: 'Add an organisation (admins)',
  body: organisationInput,
  responses: { 201: 'organisationEnvelope' },
  errors: [409],
});
const setRegencies = describeConsoleRoute({
  operationId: 'setOrganisationRegencies',
  summary: 'Bind an organisation to the regencies it serves (admins)',
  body: organisationRegenciesInput,
  responses: { 200: 'organisationEnvelope' },
  errors: [404],
});

/**
 * Who signs in to the console, in its JSON API, mounted at /api/admin: the signed-in user, the users and the
 * organisations. Three apps, mounted apart so the OpenAPI document keeps its order (me first, organisations after
 * the Business Assistants' assignments).
 */
export const meApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/me', getMe, (c) => c.json({ user: publicUser(me(c)) }));

export const usersApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/users', listUsers, async (c) => {
    const users = await c.get('services').adminUsers.list(me(c));
    return c.json({ users: users.map(publicUser) });
  })
  .post('/users', createUser, adminOnly, async (c) => {
    const input = validate(userInput, await readJson(c), c);
    return c.json({ user: publicUser(await c.get('services').adminUsers.create(me(c), input)) }, 201);
  })
  .patch('/users/:userId', editUser, adminOnly, async (c) => {
    const input = validate(userChangeInput, await readJson(c), c);
    const user = await c.get('services').adminUsers.update(me(c), c.req.param('userId'), input);
    return c.json({ user: publicUser(user) });
  });

export const organisationsApi = consoleFactory
  .createApp()
  .use(requireSignedIn)
  .get('/organisations', listOrganisations, async (c) => {
    return c.json({ organisations: await c.get('services').adminUsers.listOrganisations(me(c)) });
  })
  .post('/organisations', createOrganisation, adminOnly, async (c) => {
    const input = validate(organisationInput, await readJson(c), c);
    return c.json({ organisation: await c.get('services').adminUsers.createOrganisation(me(c), input) }, 201);
  })
  .put('/organisations/:organisationId/regencies', setRegencies, adminOnly, async (c) => {
    const { regencyCodes } = validate(organisationRegenciesInput, await readJson(c), c);
    const organisation = await c
      .get('services')
      .adminUsers.setOrganisationRegencies(me(c), c.req.param('organisationId'), regencyCodes);
    return c.json({ organisation });
  });
