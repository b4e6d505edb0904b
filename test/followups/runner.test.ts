import { beforeAll, describe, expect, it } from 'vitest';
import { createSuppressionsRepo } from '../../functions/db/suppressions-repo';
import type { CampaignInput } from '../../functions/domain/campaign';
import { createCampaignRunner, loadAudience } from '../../functions/followups/runner';
import { createApp } from '../../functions/http/app';
import { createDevRoutes } from '../../functions/local/dev-routes';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createCampaignService } from '../../functions/services/campaigns';
import { createConsoleApp } from '../admin/helpers';
import { type Command, crashingStore, expectKilled } from '../helpers/crash';
import { createTestStore } from '../helpers/store';
import { campaignJobs, countBy, type FollowupWorld, moveSession, seedFollowupWorld } from './world';

let world: FollowupWorld;
const HOUR = 3_600_000;
beforeAll(async () => {
  world = await seedFollowupWorld();
  // The session ended two hours ago.
  world.event = await moveSession(
    world.store,
    world.event,
    new Date(Date.now() - 5 * HOUR),
    new Date(Date.now() - 2 * HOUR),
  );
});

const thanksAfterEnd = (minutes = 1): CampaignInput => ({
  kind: 'thanks',
  segment: 'attended',
  sendAt: { type: 'relative', anchor: 'end', offsetMinutes: minutes },
  materials: [{ label: 'Paparan', url: 'https://example.org/paparan.pdf' }],
});

async function schedule(input: CampaignInput) {
  return createCampaignService(world.store).create(world.organizer, world.event.id, input);
}

describe('campaign runner', () => {
  it('a campaign run twice emails each recipient exactly once', async () => {
    const campaign = await schedule(thanksAfterEnd());
    const runner = createCampaignRunner(world.store);
    const first = await runner.run(campaign.id);
    expect(first).toMatchObject({ outcome: 'done', audience: 4, queued: 4 });
    // The tick and a retried invocation, concurrently, after it is done: nothing more.
    await Promise.all([runner.run(campaign.id), runner.tick()]);
    const jobs = await campaignJobs(world.store, campaign.id);
    expect(jobs).toHaveLength(4);
    expect([...countBy(jobs, 'recipientKey').values()].every((n) => n === 1)).toBe(true);
    expect((await world.store.campaigns.get(campaign.id))?.status).toBe('done');
  });

  it('two runners at once still write one email per recipient', async () => {
    const campaign = await schedule({ ...thanksAfterEnd(), kind: 'absentee_materials', segment: 'absent' });
    const runner = createCampaignRunner(world.store);
    await Promise.all([runner.run(campaign.id), runner.run(campaign.id), runner.run(campaign.id)]);
    const jobs = await campaignJobs(world.store, campaign.id);
    expect(jobs).toHaveLength(5);
    expect(new Set(jobs.map((j) => j.recipientKey)).size).toBe(5);
  });

  it('a run killed halfway, then resumed, emails each recipient exactly once', async () => {
    const campaign = await schedule({ ...thanksAfterEnd(), kind: 'reminder', segment: 'all_registered' });
    const runner = createCampaignRunner(world.store);
    const audience = await loadAudience(world.store, { ...campaign }, world.event);
    expect(audience.length).toBeGreaterThan(4);
    await expect(
      runner.run(campaign.id, {
        beforeRecipient: (index) => {
          if (index === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await campaignJobs(world.store, campaign.id)).toHaveLength(3);
    const repo = world.store.campaigns;
    expect((await repo.get(campaign.id))?.status).toBe('running'); // still queued for the tick
    const resumed = await runner.tick();
    expect(resumed.find((r) => r.campaignId === campaign.id)?.result).toMatchObject({
      outcome: 'done',
      existing: 3,
    });
    const jobs = await campaignJobs(world.store, campaign.id);
    expect(jobs).toHaveLength(audience.length);
    expect([...countBy(jobs, 'to').entries()].length).toBeGreaterThan(0);
    expect([...countBy(jobs, 'recipientKey').values()].every((n) => n === 1)).toBe(true);
    expect((await repo.get(campaign.id))?.status).toBe('done');
  });

  // The same through the DynamoDB client (test/helpers/crash.ts): the process dies at a write, before it or
  // after DynamoDB committed it, and the scheduler's next tick picks the campaign up again.
  const isRecipientWrite = (command: Command) => command.constructor.name === 'TransactWriteCommand';
  const isDoneWrite = (command: Command) =>
    (command.input.Item as { status?: string } | undefined)?.status === 'done';
  it.each([
    { what: 'right after writing the third recipient', match: isRecipientWrite, when: 'after', left: 3 },
    {
      what: 'after the last recipient, before marking it done',
      match: isDoneWrite,
      when: 'before',
      left: 'all',
    },
    { what: 'right after marking it done', match: isDoneWrite, when: 'after', left: 'all' },
  ] as const)(
    'a run killed $what is finished by the next tick, each recipient emailed once',
    async (point) => {
      const campaign = await schedule({ ...thanksAfterEnd(), kind: 'reminder', segment: 'all_registered' });
      const audience = await loadAudience(world.store, { ...campaign }, world.event);
      const repo = world.store.campaigns;
      const crashed = crashingStore(world.store, {
        atWrite: point.left === 3 ? 3 : 1,
        when: point.when,
        match: point.match,
      });
      await expectKilled(createCampaignRunner(crashed.store).run(campaign.id));
      const written = point.left === 'all' ? audience.length : point.left;
      expect(await campaignJobs(world.store, campaign.id)).toHaveLength(written);
      const finished = point.match === isDoneWrite && point.when === 'after';
      expect((await repo.get(campaign.id))?.status).toBe(finished ? 'done' : 'running');

      const runner = createCampaignRunner(world.store);
      const resumed = (await runner.tick()).find((r) => r.campaignId === campaign.id);
      // A campaign already done is no longer active: the tick leaves it alone.
      if (finished) expect(resumed).toBeUndefined();
      else expect(resumed?.result).toMatchObject({ outcome: 'done', existing: written });
      await runner.tick();
      const jobs = await campaignJobs(world.store, campaign.id);
      expect(jobs).toHaveLength(audience.length);
      expect([...countBy(jobs, 'recipientKey').values()].every((n) => n === 1)).toBe(true);
      expect((await repo.listRecipients(campaign.id)).length).toBe(audience.length);
      expect((await repo.get(campaign.id))?.status).toBe('done');
    },
  );

  it('skips suppressed and unsubscribed addresses and counts them; progress follows the jobs', async () => {
    const [bounced, unsubscribed] = world.absent;
    await createSuppressionsRepo(world.store.doc, world.store.tableName).suppress(
      bounced?.contact.email as string,
      'bounce',
      new Date(),
    );
    // Unsubscribe through a link of an earlier campaign: POST one-click, as a mail provider does.
    const earlier = await schedule({
      ...thanksAfterEnd(),
      kind: 'cooperative_followup',
      segment: 'all_registered',
    });
    await createCampaignRunner(world.store).run(earlier.id);
    const job = (await campaignJobs(world.store, earlier.id)).find(
      (j) => j.to === unsubscribed?.contact.email,
    );
    // The job only says it has a link; the link is derived from the recipient it was written for.
    expect(job).toMatchObject({ unsubscribeLink: true });
    expect(job?.secret).toBeUndefined();
    const token = world.store.campaigns.unsubscribeToken(
      job?.campaignId as string,
      job?.recipientKey as string,
    );
    const app = createConsoleApp(world.store);
    const page = await app.request(`/berhenti/${token}`);
    expect(await page.text()).toContain('Berhenti menerima email');
    const post = await app.request(`/berhenti/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);

    const campaign = await schedule({ ...thanksAfterEnd(), kind: 'absentee_materials', segment: 'absent' });
    const result = await createCampaignRunner(world.store).run(campaign.id);
    expect(result).toMatchObject({ outcome: 'done', audience: 5, queued: 3, suppressed: 2 });
    const jobs = await campaignJobs(world.store, campaign.id);
    expect(jobs.map((j) => j.to)).not.toContain(bounced?.contact.email);
    expect(jobs.map((j) => j.to)).not.toContain(unsubscribed?.contact.email);

    const worker = createOutboxWorker({
      store: world.store,
      transport: createLocalOutboxTransport(world.store.devMail),
      mail: { baseUrl: 'https://hadir.test', from: 'hadir <noreply@hadir.test>' },
    });
    const service = createCampaignService(world.store);
    expect((await service.get(world.organizer, world.event.id, campaign.id)).campaign.progress).toMatchObject(
      {
        queued: 3,
        sent: 0,
        suppressed: 2,
      },
    );
    for (let i = 0; i < 5 && (await worker.drain()).processed > 0; i++);
    expect((await service.get(world.organizer, world.event.id, campaign.id)).campaign.progress).toMatchObject(
      {
        queued: 0,
        sent: 3,
        suppressed: 2,
        failed: 0,
      },
    );
    // A hard bounce of a delivered address later shows as bounced.
    const delivered = jobs[0]?.to as string;
    await createSuppressionsRepo(world.store.doc, world.store.tableName).suppress(
      delivered,
      'bounce',
      new Date(),
    );
    expect((await service.get(world.organizer, world.event.id, campaign.id)).campaign.progress).toMatchObject(
      {
        sent: 2,
        bounced: 1,
      },
    );
  });

  it('follow-up emails carry List-Unsubscribe headers and the link; a test send goes to the organizer only', async () => {
    const campaign = await schedule(thanksAfterEnd(5));
    const service = createCampaignService(world.store);
    const { message, recipient } = await service.preview(
      world.organizer,
      world.event.id,
      campaign.id,
      'https://hadir.test',
    );
    expect(message.headers?.['List-Unsubscribe']).toMatch(/^<https:\/\/hadir\.test\/berhenti\/.+>$/);
    expect(message.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(message.html).toContain('/sertifikat.pdf');
    expect(message.html).toContain('https://example.org/paparan.pdf');
    const sent = await service.sendTest(world.organizer, world.event.id, campaign.id, recipient.key);
    expect(sent.to).toBe(world.organizer.email);
    const jobs = await campaignJobs(world.store, campaign.id);
    expect(jobs.map((j) => [j.to, j.test])).toEqual([[world.organizer.email, true]]);
    // The test send writes no recipient item: the real run still reaches everyone.
    expect(await world.store.campaigns.listRecipients(campaign.id)).toEqual([]);
  });

  it('relative campaigns move with the session; paused ones do not run', async () => {
    const campaign = await schedule(thanksAfterEnd(60 * 24 * 10)); // ten days after the end
    const runner = createCampaignRunner(world.store);
    expect(await runner.run(campaign.id)).toEqual({ outcome: 'not_due' });
    const service = createCampaignService(world.store);
    await service.setState(world.organizer, world.event.id, campaign.id, 'pause');
    world.event = await moveSession(
      world.store,
      world.event,
      new Date(Date.now() - 20 * 24 * HOUR),
      new Date(Date.now() - 20 * 24 * HOUR + HOUR),
    );
    expect(await runner.run(campaign.id)).toEqual({ outcome: 'inactive' });
    await service.setState(world.organizer, world.event.id, campaign.id, 'resume');
    expect(await runner.run(campaign.id)).toMatchObject({ outcome: 'done' });
  });
});

it('a bounce simulated in the local outbox suppresses the address for later follow-ups', async () => {
  const store = await createTestStore();
  const stored = await store.devMail.put(
    {
      id: 'job-1',
      from: 'x@hadir.test',
      to: ['tidak.ada@example.org'],
      subject: 's',
      html: '',
      text: '',
      attachments: [],
    },
    new Date(),
  );
  const app = createApp({
    store,
    config: { runtime: 'test', sessionSecret: 'x'.repeat(40) },
    devRoutes: createDevRoutes(store),
  });
  const res = await app.request(`/dev/outbox/${encodeURIComponent(stored.id)}/bounce`, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  expect(await res.json()).toEqual({ suppressed: 1 });
  expect(await createSuppressionsRepo(store.doc, store.tableName).get('tidak.ada@example.org')).toMatchObject(
    { reason: 'bounce' },
  );
});
