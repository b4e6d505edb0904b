import { beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, Segment } from '../../functions/domain/campaign';
import { loadAudience } from '../../functions/followups/runner';
import { type FollowupWorld, seedFollowupWorld } from './world';

let world: FollowupWorld;
beforeAll(async () => {
  world = await seedFollowupWorld();
});

const campaign = (segment: Segment, extra: Partial<Campaign> = {}) =>
  ({
    id: 'c',
    eventId: world.event.id,
    kind: 'thanks',
    segment,
    sendAt: { type: 'relative', anchor: 'end', offsetMinutes: 0 },
    materials: [],
    status: 'scheduled',
    isDefault: false,
    createdAt: '',
    updatedAt: '',
    createdBy: '',
    version: 1,
    ...extra,
  }) as Campaign;

const audience = (segment: Segment, extra: Partial<Campaign> = {}) =>
  loadAudience(world.store, campaign(segment, extra), world.event);

describe('segments against DynamoDB Local', () => {
  it('attended: each officer who checked in, by their own address or their contact, never an absentee', async () => {
    const recipients = await audience('attended');
    const [full, partial, single] = world.attended;
    expect(recipients.map((r) => r.key).sort()).toEqual(
      [
        `${full?.id}#${full?.participants[1]?.id}`, // own address
        `${full?.id}#contact`, // officers 1 and 3, who have none
        `${partial?.id}#contact`,
        `${single?.id}#contact`,
      ].sort(),
    );
    expect(recipients.find((r) => r.participantId)?.to).toBe('officer.own@example.org');
    for (const absent of world.absent)
      expect(recipients.some((r) => r.registrationId === absent.id)).toBe(false);
  });

  it('absent: confirmed registrations with officers who did not check in', async () => {
    const recipients = await audience('absent');
    const ids = new Set(recipients.map((r) => r.registrationId));
    // Registration 0 came in full; 1 and 2 came in part; 3-5 not at all.
    expect(ids.has(world.attended[0]?.id)).toBe(false);
    for (const r of [world.attended[1], world.attended[2], ...world.absent])
      expect(ids.has(r?.id)).toBe(true);
    expect(recipients).toHaveLength(5);
    expect(recipients.find((r) => r.registrationId === world.absent[2]?.id)?.language).toBe('en');
  });

  it('invited_not_registered: only cooperatives without an active registration whose contact is known', async () => {
    const recipients = await audience('invited_not_registered');
    expect(recipients.map((r) => r.cooperativeId).sort()).toEqual(
      [world.cancelledCoop.id, world.knownCoop.id].sort(),
    );
    expect(recipients.every((r) => r.key.startsWith('COOP#'))).toBe(true);
  });

  it('ba_cooperatives: the registered cooperatives of one Business Assistant, one email each', async () => {
    const recipients = await audience('ba_cooperatives', { baUserId: world.ba.id });
    expect(recipients.map((r) => r.registrationId).sort()).toEqual(
      [world.attended[0]?.id, world.absent[0]?.id].sort(),
    );
  });

  it('all_registered: every confirmed registration, none of the cancelled one', async () => {
    const recipients = await audience('all_registered');
    expect(new Set(recipients.map((r) => r.registrationId)).size).toBe(6);
    expect(recipients.some((r) => r.cooperativeId === world.cancelledCoop.id)).toBe(false);
  });

  it('default campaigns are created once per session', async () => {
    const { createDefaultCampaigns } = await import('../../functions/services/campaigns');
    await createDefaultCampaigns(world.store, world.event, new Date());
    await createDefaultCampaigns(world.store, world.event, new Date());
    const campaigns = await world.store.campaigns.listByEvent(world.event.id);
    expect(campaigns.map((c) => `${c.kind}/${c.segment}`).sort()).toEqual([
      'absentee_materials/absent',
      'reminder/all_registered',
      'thanks/attended',
    ]);
  });
});
