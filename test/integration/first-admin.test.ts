import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import { createDocumentClient } from '../../functions/db/client';
import { createStore } from '../../functions/db/store';
import { ensureTable, NoSuchTableError } from '../../functions/db/table';
import { seedIfEmpty } from '../../functions/local/seed';
import { ensureFirstAdmin } from '../../functions/services/first-admin';
import { npmScript } from '../helpers/npm-script';
import { createTestStore, testDynamoEndpoint } from '../helpers/store';

const run = promisify(execFile);

/** `npm run admin -- …` as an operator runs it, against the test's DynamoDB Local. */
function adminCommand(args: string[], tableName: string) {
  return run(...npmScript('functions/local/admin-command.ts', '--local', ...args), {
    env: { ...process.env, DYNAMODB_ENDPOINT: testDynamoEndpoint(), TABLE_NAME: tableName },
  });
}

describe('the first admin', () => {
  it('creates the organisation with its regencies and its admin once; running it again changes nothing', async () => {
    const store = await createTestStore();
    const input = {
      email: ' Kadis@Kotimkab.go.id ',
      organisationId: 'dinkop-kotim',
      organisationName: 'Dinas Koperasi Kotawaringin Timur',
      regencyCodes: ['62.02'],
    };
    expect(await ensureFirstAdmin(store, input)).toMatchObject({ organisation: 'created', admin: 'created' });
    expect(await ensureFirstAdmin(store, input)).toMatchObject({
      organisation: 'unchanged',
      admin: 'unchanged',
    });
    const admin = await store.users.findByEmail('kadis@kotimkab.go.id');
    expect(admin).toMatchObject({ role: 'admin', organisationId: 'dinkop-kotim', active: true });
    expect(await store.users.listOrganisations()).toEqual([
      expect.objectContaining({ id: 'dinkop-kotim', regencyCodes: ['62.02'] }),
    ]);
    expect(await store.users.list()).toHaveLength(1);
    // A second regency is added to the ones served, never replacing them.
    expect(await ensureFirstAdmin(store, { ...input, regencyCodes: ['62.01'] })).toMatchObject({
      organisation: 'updated',
      admin: 'unchanged',
    });
    expect((await store.users.getOrganisation('dinkop-kotim'))?.regencyCodes).toEqual(['62.01', '62.02']);
    // No session and no demo data.
    expect(await store.events.list({ limit: 1 })).toEqual([]);
  });

  it('makes an existing organizer or deactivated user an active admin', async () => {
    const store = await createTestStore();
    const input = { email: 'ops@example.go.id', organisationId: 'kemenkop', regencyCodes: ['62.02'] };
    await ensureFirstAdmin(store, input);
    const user = await store.users.findByEmail('ops@example.go.id');
    if (!user) throw new Error('no user');
    await store.users.update({ ...user, role: 'organizer', active: false });
    expect(await ensureFirstAdmin(store, input)).toMatchObject({ admin: 'updated' });
    expect(await store.users.findByEmail('ops@example.go.id')).toMatchObject({ role: 'admin', active: true });
  });

  it('refuses an address, organisation code or regency that is not one', async () => {
    const store = await createTestStore();
    const base = { email: 'ops@example.go.id', organisationId: 'kemenkop', regencyCodes: ['62.02'] };
    await expect(ensureFirstAdmin(store, { ...base, email: 'ops' })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(ensureFirstAdmin(store, { ...base, organisationId: 'Dinas Kotim' })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(ensureFirstAdmin(store, { ...base, regencyCodes: ['Kotim'] })).rejects.toMatchObject({
      code: 'validation',
    });
    expect(await store.users.list()).toEqual([]);
  });

  it('npm run admin: idempotent against the table, and refuses a table that does not exist instead of creating it', async () => {
    const store = await createTestStore();
    const args = ['--email', 'kadis@kotimkab.go.id', '--organisation', 'dinkop-kotim', '--regency', '62.02'];
    const first = await adminCommand(args, store.tableName);
    expect(first.stdout).toMatch(/organisation dinkop-kotim created, admin kadis@kotimkab.go.id created/);
    const again = await adminCommand(args, store.tableName);
    expect(again.stdout).toMatch(/organisation dinkop-kotim unchanged, admin kadis@kotimkab.go.id unchanged/);

    const missing = `${store.tableName}-typo`;
    const refused = await adminCommand(args, missing).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/never creates tables in AWS/);
    const { TableNames = [] } = await store.doc.send(new ListTablesCommand({}));
    expect(TableNames).not.toContain(missing);
  }, 60_000);
});

describe('against AWS', () => {
  /** A client that answers like AWS for a table that is not there, and records what it is asked. */
  function awsWithoutTable() {
    const doc = createDocumentClient({ region: 'ap-southeast-3' });
    const sent: string[] = [];
    doc.send = (async (command: { constructor: { name: string } }) => {
      sent.push(command.constructor.name);
      throw Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' });
    }) as typeof doc.send;
    return { doc, sent };
  }

  it('ensureTable never creates a table in AWS: a missing one is an error naming the stack output', async () => {
    const { doc, sent } = awsWithoutTable();
    await expect(ensureTable(doc, 'hadir-typo')).rejects.toBeInstanceOf(NoSuchTableError);
    expect(sent).toEqual(['DescribeTableCommand']);
  });

  it('the demo seed refuses to run against AWS', async () => {
    const store = await createTestStore();
    const { doc, sent } = awsWithoutTable();
    await expect(
      seedIfEmpty(createStore(doc, store.tableName, { ticketKey: TEST_TICKET_KEY })),
    ).rejects.toThrow(/Refusing to seed a demo session/);
    expect(sent).toEqual([]);
  });
});
