import { beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp, ORG } from '../admin/helpers';
import { at, linkOf, seedOutreachWorld } from './world';

/** The ketua opening their cooperative's personal link finds their own name and number already in the form. */
let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
let app: ReturnType<typeof createConsoleApp>;

beforeAll(async () => {
  world = await seedOutreachWorld();
  app = createConsoleApp(world.store);
  await world.store.contacts.put(ORG.id, {
    cooperativeId: at(world.invited, 0).id,
    name: 'Budi Santoso',
    phone: '+6281234567890',
    email: 'budi@example.org',
    source: 'import',
    updatedAt: new Date().toISOString(),
    updatedBy: world.organizer.id,
  });
});

describe('a personal invitation link', () => {
  it('opens the form with the cooperative and the contact the organizer imported', async () => {
    const link = new URL(await linkOf(world, at(world.invited, 0).id));
    const html = await (await app.request(`${link.pathname}${link.search}`)).text();
    expect(html).toMatch(
      /id="contact\.name"[^>]*value="Budi Santoso"|value="Budi Santoso"[^>]*id="contact\.name"/,
    );
    expect(html).toContain('value="0812-3456-7890"');
    expect(html).toContain('value="budi@example.org"');
    // Without the personal link nothing is filled in.
    const open = await (await app.request(`/acara/${world.event.id}/daftar`)).text();
    expect(open).not.toContain('Budi Santoso');
  });
});
