import { beforeAll, describe, expect, it } from 'vitest';
import { emailJobPuts } from '../../functions/db/outbox-items';
import type { EmailJob } from '../../functions/db/outbox-repo';
import { createStore } from '../../functions/db/store';
import { transact } from '../../functions/db/transactions';
import type { CampaignInput } from '../../functions/domain/campaign';
import type { MailTransport, OutgoingMessage } from '../../functions/domain/mail-message';
import type { EmailJobInput } from '../../functions/domain/notifications';
import { createCampaignRunner } from '../../functions/followups/runner';
import { createApp } from '../../functions/http/app';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createCampaignService } from '../../functions/services/campaigns';
import { createRegistrationService } from '../../functions/services/registrations';
import { jsonRequest, ORG, signIn } from '../admin/helpers';
import { qrCodesInPdf } from '../helpers/qr';
import { registrationBody } from '../helpers/store';
import { capturingTransport, expectStoredNowhere } from '../helpers/stored-secrets';
import { at, BASE_URL, codeOf, seedOutreachWorld } from '../outreach/world';

/**
 * Unsubscribe links and personal invitation codes are derived from the ticket key when an email is
 * rendered or a letter printed, so no item of the table holds one in plain, not even the job of an email that
 * failed or was left uncertain (which stays in the table), yet every link in every channel works.
 */
let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
let app: ReturnType<typeof createApp>;
let cookie: string;

const HOUR = 3_600_000;
const mail = { baseUrl: BASE_URL, from: 'hadir <noreply@hadir.test>' };

beforeAll(async () => {
  world = await seedOutreachWorld();
  // Signed with another session secret than the one the world's tests use: a rotated secret changes no link.
  app = createApp({
    store: world.store,
    config: {
      runtime: 'test',
      publicBaseUrl: BASE_URL,
      sessionSecret: 'rotated-session-secret-after-the-last-event-0123456789',
    },
  });
  cookie = await signIn(app, world.store, world.organizer.email);
  // Three invited cooperatives registered (the campaigns' audience), four more have an address and are invited.
  const registrations = createRegistrationService(world.store);
  for (let i = 0; i < 3; i++) {
    await registrations.register(world.event.id, registrationBody(at(world.invited, i).id, 1, 91_000 + i), {
      language: 'id',
    });
  }
  for (let i = 3; i < 7; i++) {
    await world.store.contacts.put(ORG.id, {
      cooperativeId: at(world.invited, i).id,
      name: `Kontak ${i}`,
      email: `undangan${i}@example.org`,
      source: 'manual',
      updatedAt: new Date().toISOString(),
      updatedBy: world.organizer.id,
    });
  }
});

async function drain(through: MailTransport) {
  // One attempt: a refused email is `failed` at once, and stays in the table with everything it holds.
  const worker = createOutboxWorker({ store: world.store, transport: through, mail, maxAttempts: 1 });
  for (let i = 0; i < 10 && (await worker.drain()).processed > 0; i++);
}

const past = (): CampaignInput['sendAt'] => ({
  type: 'absolute',
  at: new Date(Date.now() - HOUR).toISOString(),
});

/** The consoles' rows, over HTTP: each cooperative's personal link and WhatsApp message. */
async function consoleRows() {
  const response = await app.request(`/api/admin/events/${world.event.id}/outreach`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    cooperatives: { cooperativeId: string; link: string; whatsAppUrl: string }[];
  };
  return new Map(body.cooperatives.map((row) => [row.cooperativeId, row]));
}

const unsubscribeOf = (message: OutgoingMessage | undefined) =>
  message?.headers?.['List-Unsubscribe']?.match(/^<(https:\/\/hadir\.test\/berhenti\/([A-Za-z0-9_-]+))>$/);
const invitationLinkIn = (message: OutgoingMessage | undefined) =>
  message?.text.match(/https:\/\/hadir\.test\/acara\/[a-z0-9]+\/daftar\?undangan=[A-Za-z0-9_-]{32}/)?.[0];
const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe('unsubscribe links and invitation codes, stored nowhere', () => {
  let jobs: EmailJob[] = [];
  let unsubscribeTokens: string[] = [];
  let invitationCodes: string[] = [];
  let delivered: OutgoingMessage[] = [];
  const refused = new Set<string>();
  let uncertainId = '';

  it('queues campaign and invitation emails whose jobs hold only ids and flags', async () => {
    const campaigns = createCampaignService(world.store);
    const runner = createCampaignRunner(world.store);
    const campaignIds: string[] = [];
    for (const kind of ['reminder', 'cooperative_followup'] as const) {
      const campaign = await campaigns.create(world.organizer, world.event.id, {
        kind,
        segment: 'all_registered',
        sendAt: past(),
        materials: [],
      });
      expect(await runner.run(campaign.id)).toMatchObject({ outcome: 'done', queued: 3 });
      campaignIds.push(campaign.id);
    }
    const emailed = await app.request(
      `/api/admin/events/${world.event.id}/outreach/email`,
      jsonRequest('POST', undefined, { cookie }),
    );
    expect(emailed.status).toBe(202);
    const { campaignId, queued } = (await emailed.json()) as { campaignId: string; queued: number };
    expect(queued).toBe(4);
    campaignIds.push(campaignId);

    const recipients = (
      await Promise.all(campaignIds.map((id) => world.store.campaigns.listRecipients(id)))
    ).flat();
    expect(recipients).toHaveLength(10);
    jobs = (await Promise.all(
      recipients.map((r) => world.store.outbox.get(r.jobId as string)),
    )) as EmailJob[];
    unsubscribeTokens = recipients.map((r) =>
      world.store.campaigns.unsubscribeToken(r.campaignId, r.recipientKey),
    );
    expect(new Set(unsubscribeTokens).size).toBe(10);
    // Every invited cooperative's code, as the console shows it, whether it was emailed or not.
    invitationCodes = [...(await consoleRows()).values()].map((row) => codeOf(row.link));
    expect(invitationCodes.length).toBe(world.invited.length);

    for (const job of jobs) {
      expect(job).toMatchObject({ unsubscribeLink: true, status: 'pending' });
      expect(job.secret).toBeUndefined();
    }
    const invitations = jobs.filter((job) => job.kind === 'invitation');
    for (const job of invitations) {
      const invitation = await world.store.invitations.get(world.event.id, job.cooperativeId as string);
      expect(job.invitationNonce).toBe(invitation?.nonce);
    }
    await expectStoredNowhere(world.store, [...unsubscribeTokens, ...invitationCodes]);
  });

  it('keeps none in a job that failed or was left uncertain, nor after the others were sent', async () => {
    // A worker dies right after handing an invitation to SES: the sweep will call it uncertain.
    const invitations = jobs.filter((job) => job.kind === 'invitation');
    uncertainId = at(invitations, 0).id;
    const claimed = await world.store.outbox.claim(uncertainId, new Date(), 60_000);
    expect(await world.store.outbox.markSending(claimed as EmailJob)).toBeTruthy();
    // The mail server refuses one email of each kind.
    for (const kind of ['reminder', 'cooperative_followup', 'invitation']) {
      refused.add((jobs.find((job) => job.kind === kind && job.id !== uncertainId) as EmailJob).id);
    }
    const through = capturingTransport(refused);
    await drain(through);
    delivered = through.sent;
    const { uncertain } = await world.store.outbox.sweepExpiredLeases(new Date(Date.now() + 2 * 60_000));
    expect(uncertain.map((job) => job.id)).toEqual([uncertainId]);

    for (const id of refused) expect(await world.store.outbox.get(id)).toMatchObject({ status: 'failed' });
    expect(await world.store.outbox.get(uncertainId)).toMatchObject({ status: 'uncertain' });
    const campaignMail = delivered.filter((message) => jobs.some((job) => job.id === message.id));
    expect(campaignMail).toHaveLength(jobs.length - refused.size - 1);
    await expectStoredNowhere(world.store, [...unsubscribeTokens, ...invitationCodes]);
  });

  it("sends each recipient's own unsubscribe link, and a one-click POST unsubscribes the address", async () => {
    for (const job of jobs.filter(
      (candidate) => !refused.has(candidate.id) && candidate.id !== uncertainId,
    )) {
      const message = delivered.find((candidate) => candidate.id === job.id);
      const [, url, token] = unsubscribeOf(message) ?? [];
      expect(token).toBe(
        world.store.campaigns.unsubscribeToken(job.campaignId as string, job.recipientKey as string),
      );
      expect(message?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(message?.html).toContain(url);
    }
    // RFC 8058: the mail provider POSTs without cookies.
    const reminder = delivered.find((message) =>
      jobs.some((j) => j.id === message.id && j.kind === 'reminder'),
    );
    const [, url] = unsubscribeOf(reminder) ?? [];
    const to = reminder?.to[0] as string;
    expect(await world.store.campaigns.isUnsubscribed(to)).toBe(false);
    const page = await app.request(pathOf(url as string));
    expect(await page.text()).toContain('Berhenti menerima email');
    const post = await app.request(pathOf(url as string), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await world.store.campaigns.isUnsubscribed(to)).toBe(true);
  });

  it('sends the personal link the console, the letter and the WhatsApp message show; it opens the locked form', async () => {
    const rows = await consoleRows();
    const sent = delivered.filter((message) =>
      jobs.some((j) => j.id === message.id && j.kind === 'invitation'),
    );
    expect(sent).toHaveLength(2);
    for (const message of sent) {
      const job = jobs.find((candidate) => candidate.id === message.id) as EmailJob;
      const cooperativeId = job.cooperativeId as string;
      const link = invitationLinkIn(message);
      expect(link).toBe(rows.get(cooperativeId)?.link);
      expect(message.html).toContain((link as string).replaceAll('&', '&amp;'));
      const whatsApp = new URL(rows.get(cooperativeId)?.whatsAppUrl as string).searchParams.get('text');
      expect(whatsApp).toContain(link);
      const letter = await app.request(
        `/api/admin/events/${world.event.id}/outreach/letters.pdf?cooperativeId=${cooperativeId}`,
        { headers: { cookie } },
      );
      expect(letter.status).toBe(200);
      expect(await qrCodesInPdf(new Uint8Array(await letter.arrayBuffer()))).toEqual([link]);

      const opened = await app.request(pathOf(link as string));
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain(`name="cooperativeId" value="${cooperativeId}"`);
    }
  });

  it('sends a failed invitation again by hand with the same links, still holding none', async () => {
    const failed = jobs.find((job) => job.kind === 'invitation' && refused.has(job.id)) as EmailJob;
    expect(await world.store.outbox.requeue(failed.id, new Date())).toBe(true);
    const through = capturingTransport();
    await drain(through);
    const message = through.sent.find((candidate) => candidate.id === failed.id);
    expect(invitationLinkIn(message)).toBe((await consoleRows()).get(failed.cooperativeId as string)?.link);
    expect(unsubscribeOf(message)?.[2]).toBe(
      world.store.campaigns.unsubscribeToken(failed.campaignId as string, failed.recipientKey as string),
    );
    await expectStoredNowhere(world.store, [...unsubscribeTokens, ...invitationCodes]);
  });

  it('yields no working link to whoever reads the table without the ticket key', async () => {
    const copy = createStore(world.store.doc, world.store.tableName, {
      ticketKey: 'someone-elses-guess-at-the-key-0123456789abcdef',
    });
    const job = jobs.find((candidate) => candidate.kind === 'invitation') as EmailJob;
    const guessedToken = copy.campaigns.unsubscribeToken(
      job.campaignId as string,
      job.recipientKey as string,
    );
    expect(unsubscribeTokens).not.toContain(guessedToken);
    const post = await app.request(`/berhenti/${guessedToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(404);
    const invitation = await world.store.invitations.get(world.event.id, job.cooperativeId as string);
    const guessedCode = copy.invitations.code(invitation as NonNullable<typeof invitation>);
    expect(invitationCodes).not.toContain(guessedCode);
    const opened = await app.request(`/acara/${world.event.id}/daftar?undangan=${guessedCode}`);
    expect(opened.status).toBe(403);
  });
});

describe('a job written before links were derived', () => {
  it('still sends the links it carries, and drops them once sent', async () => {
    const coop = at(world.invited, 8);
    const legacy = { token: 'legacy-unsubscribe-token', code: 'L'.repeat(32) };
    const job = {
      kind: 'invitation',
      to: 'lama@example.org',
      language: 'id',
      cooperativeId: coop.id,
      eventId: world.event.id,
      secret: `${legacy.token}.${legacy.code}`,
    } as EmailJobInput;
    const puts = emailJobPuts(world.store.tableName, [job], new Date());
    expect(await transact(world.store.doc, puts)).toEqual({ ok: true });
    const id = String(puts[0]?.Put?.Item?.id);
    const through = capturingTransport();
    await drain(through);
    const message = through.sent.find((candidate) => candidate.id === id);
    expect(unsubscribeOf(message)?.[2]).toBe(legacy.token);
    expect(message?.text).toContain(`undangan=${legacy.code}`);
    const sent = await world.store.outbox.get(id);
    expect(sent?.status).toBe('sent');
    expect(sent?.secret).toBeUndefined();
  });
});
