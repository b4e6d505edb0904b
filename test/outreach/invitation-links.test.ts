import { createHmac } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/db/keys';
import { hashSecret } from '../../functions/domain/tokens';
import { createRegistrationService } from '../../functions/services/registrations';
import { createConsoleApp, SESSION_SECRET } from '../admin/helpers';
import { form } from '../helpers/app';
import { makeEvent, registrationBody } from '../helpers/store';
import { at, codeOf, linkOf, registrationForm, seedOutreachWorld } from './world';

let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
let app: ReturnType<typeof createConsoleApp>;

beforeAll(async () => {
  world = await seedOutreachWorld();
  app = createConsoleApp(world.store);
});

const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe('personal invitation links', () => {
  it('gives every invited cooperative its own unguessable link, the same on every view', async () => {
    const [a, b] = [at(world.invited, 0), at(world.invited, 1)];
    const first = await linkOf(world, a.id);
    expect(first).toMatch(/^https:\/\/hadir\.test\/acara\/[a-z0-9]+\/daftar\?undangan=[A-Za-z0-9_-]{32}$/);
    expect(await linkOf(world, a.id)).toBe(first);
    expect(codeOf(await linkOf(world, b.id))).not.toBe(codeOf(first));
    // Only the hash is stored.
    const stored = await world.store.invitations.get(world.event.id, a.id);
    expect(JSON.stringify(stored)).not.toContain(codeOf(first));
  });

  it('opens the form with the cooperative chosen and locked, and marks the invitation opened', async () => {
    const coop = at(world.invited, 1);
    const link = await linkOf(world, coop.id);
    const response = await app.request(pathOf(link));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(coop.name);
    expect(html).toContain(`name="cooperativeId" value="${coop.id}"`);
    expect(html).toContain(`name="undangan" value="${codeOf(link)}"`);
    expect(html).not.toContain('data-coop-search'); // no search: nothing else to choose
    const invitation = await world.store.invitations.get(world.event.id, coop.id);
    expect(invitation?.openedAt).toBeTruthy();
  });

  it('registers only its own cooperative', async () => {
    const [own, other] = [at(world.invited, 2), at(world.invited, 3)];
    const link = await linkOf(world, own.id);
    const code = codeOf(link);
    const wrong = await app.request(
      pathOf(link),
      form(registrationForm({ cooperativeId: other.id, undangan: code }, 101)),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('hanya untuk koperasi yang tercantum');
    expect((await world.store.registrations.listByEvent(world.event.id)).length).toBe(0);

    const right = await app.request(
      pathOf(link),
      form(registrationForm({ cooperativeId: own.id, undangan: code }, 102)),
    );
    expect(right.status).toBe(303);
    const registrations = await world.store.registrations.listByEvent(world.event.id);
    expect(registrations.map((r) => r.cooperativeId)).toEqual([own.id]);
  });

  it('keeps the lock when a validation error re-renders the form', async () => {
    const coop = at(world.invited, 4);
    const link = await linkOf(world, coop.id);
    const response = await app.request(
      pathOf(link),
      form(registrationForm({ cooperativeId: coop.id, undangan: codeOf(link), 'contact.phone': '123' }, 103)),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`name="cooperativeId" value="${coop.id}"`);
    expect(html).toContain(`action="/acara/${world.event.id}/daftar?undangan=${codeOf(link)}"`);
  });

  it('refuses a tampered code with a clear message, and registers nothing', async () => {
    const coop = at(world.invited, 5);
    const link = await linkOf(world, coop.id);
    const code = codeOf(link);
    const tampered = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    const opened = await app.request(`/acara/${world.event.id}/daftar?undangan=${tampered}`);
    expect(opened.status).toBe(403);
    expect(await opened.text()).toContain('Tautan undangan tidak berlaku untuk sesi ini');
    const posted = await app.request(
      `/acara/${world.event.id}/daftar?undangan=${tampered}`,
      form(registrationForm({ cooperativeId: coop.id, undangan: tampered }, 104)),
    );
    expect(posted.status).toBe(403);
    const service = createRegistrationService(world.store);
    await expect(
      service.register(world.event.id, registrationBody(coop.id, 1, 105), {
        language: 'id',
        invitationCode: tampered,
      }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ code: 'invalid_invitation' }] });
    const registered = await world.store.registrations.listByEvent(world.event.id);
    expect(registered.some((r) => r.cooperativeId === coop.id)).toBe(false);
  });

  it("refuses another session's code for the same cooperative", async () => {
    const coop = at(world.invited, 6);
    const other = makeEvent({
      organisationId: world.event.organisationId,
      invitedDistrictCodes: ['62.02.05', '62.02.01'],
    });
    await world.store.events.put(other);
    const otherLink = await linkOf(world, coop.id, other.id);
    const response = await app.request(`/acara/${world.event.id}/daftar?undangan=${codeOf(otherLink)}`);
    expect(response.status).toBe(403);
    const service = createRegistrationService(world.store);
    await expect(
      service.register(world.event.id, registrationBody(coop.id, 1, 106), {
        language: 'id',
        invitationCode: codeOf(otherLink),
      }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('a session that requires invitations refuses registrations without a valid link', async () => {
    const required = await seedOutreachWorld({ requireInvitation: false });
    const requiredApp = createConsoleApp(required.store);
    await required.outreach.setRequireInvitation(required.organizer, required.event.id, true);
    const [coop, second] = [at(required.invited, 0), at(required.invited, 1)];
    const form0 = await requiredApp.request(`/acara/${required.event.id}/daftar`);
    expect(await form0.text()).toContain('hanya melalui tautan undangan pribadi');
    const plain = await requiredApp.request(
      `/acara/${required.event.id}/daftar`,
      form(registrationForm({ cooperativeId: coop.id }, 107)),
    );
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('hanya melalui tautan undangan pribadi');
    const api = await requiredApp.request(`/api/events/${required.event.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registrationBody(coop.id, 1, 108)),
    });
    expect(api.status).toBe(400);
    const link = await linkOf(required, second.id);
    const invited = await requiredApp.request(
      pathOf(link),
      form(registrationForm({ cooperativeId: second.id, undangan: codeOf(link) }, 109)),
    );
    expect(invited.status).toBe(303);
    const registrations = await required.store.registrations.listByEvent(required.event.id);
    expect(registrations.map((r) => r.cooperativeId)).toEqual([second.id]);
  });

  it('keeps a link made with the session secret working, and makes the derived one redeemable too', async () => {
    // An invitation as the console wrote it when codes came from the session secret.
    const coop = at(world.invited, 7);
    const nonce = 'legacy-nonce-123';
    const legacyCode = createHmac('sha256', SESSION_SECRET)
      .update(`invitation:${world.event.id}:${coop.id}:${nonce}`)
      .digest('base64url')
      .slice(0, 32);
    const put = (Item: Record<string, unknown>) =>
      world.store.doc.send(new PutCommand({ TableName: world.store.tableName, Item }));
    await put({
      ...keys.invitation(world.event.id, coop.id),
      eventId: world.event.id,
      cooperativeId: coop.id,
      nonce,
      codeHash: hashSecret(legacyCode),
      createdAt: new Date().toISOString(),
      createdBy: world.organizer.id,
    });
    await put({
      ...keys.invitationCode(hashSecret(legacyCode)),
      eventId: world.event.id,
      cooperativeId: coop.id,
    });

    const link = await linkOf(world, coop.id);
    expect(codeOf(link)).not.toBe(legacyCode);
    expect(await linkOf(world, coop.id)).toBe(link);
    expect((await world.store.invitations.get(world.event.id, coop.id))?.codeHash).toBe(
      hashSecret(codeOf(link)),
    );
    // The letter already printed and the new link both open the form locked to the cooperative.
    for (const code of [legacyCode, codeOf(link)]) {
      const opened = await app.request(`/acara/${world.event.id}/daftar?undangan=${code}`);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain(`name="cooperativeId" value="${coop.id}"`);
    }
  });
});
