import type { Store } from '../db/store';
import type { EventRecord } from '../domain/schemas';
import { hashSecret, newId, newSecret } from '../domain/tokens';

export type SmokeStep = { step: string; ok: boolean; detail: string; ms: number };

export type SmokeOptions = {
  /** Where the deployment answers (the custom domain, or the API's URL). */
  baseUrl: string;
  /** The deployment's table, reached with the operator's credentials (or DynamoDB Local). */
  store: Store;
  /** How long to wait for the registration's email to be sent. */
  emailTimeoutMs?: number;
  /** Leave the smoke session in place (to look at it); it is unpublished either way. */
  keep?: boolean;
  log?: (step: SmokeStep) => void;
  fetch?: typeof fetch;
};

/** SES's mailbox simulator: accepted and delivered without reaching anyone, even in the SES sandbox. */
export const SMOKE_RECIPIENT = 'success@simulator.amazonses.com';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The smoke test after a deploy: health, the public pages, a registration on a session made for it, that
 * registration's email job, a check-in with a station token, then everything it made is erased and removed. The
 * session is published only while the test runs (registration requires it), under a title that says what it is.
 * Returns every step; the first failure stops the run, and the clean-up runs whatever happened.
 */
export async function runSmokeTest(options: SmokeOptions): Promise<{ ok: boolean; steps: SmokeStep[] }> {
  const { store, baseUrl, emailTimeoutMs = 90_000 } = options;
  const http = options.fetch ?? fetch;
  const url = (path: string) => new URL(path, baseUrl).toString();
  const smoke = store.smoke;
  const steps: SmokeStep[] = [];
  const made = {
    registrationIds: [] as string[],
    jobIds: [] as string[],
    stationTokenHashes: [] as string[],
  };
  let event: EventRecord | undefined;
  let manage: { id: string; token: string } | undefined;

  async function step(name: string, work: () => Promise<string>) {
    const started = Date.now();
    try {
      const detail = await work();
      steps.push({ step: name, ok: true, detail, ms: Date.now() - started });
    } catch (error) {
      steps.push({ step: name, ok: false, detail: (error as Error).message, ms: Date.now() - started });
      options.log?.(steps.at(-1) as SmokeStep);
      throw error;
    }
    options.log?.(steps.at(-1) as SmokeStep);
  }
  const expectStatus = async (response: Response, status: number) => {
    if (response.status !== status) {
      throw new Error(
        `${response.url}: ${response.status} instead of ${status}: ${(await response.text()).slice(0, 200)}`,
      );
    }
    return response;
  };

  try {
    await step('health', async () => {
      const body = (await (await expectStatus(await http(url('/api/health')), 200)).json()) as {
        ok?: boolean;
      };
      if (!body.ok) throw new Error('/api/health did not say ok');
      return 'GET /api/health ok';
    });
    await step('public pages', async () => {
      const home = await expectStatus(await http(url('/')), 200);
      if (!(home.headers.get('content-type') ?? '').includes('text/html')) throw new Error('/ is not HTML');
      await expectStatus(await http(url('/api/events')), 200);
      return 'GET / and GET /api/events answer';
    });

    const now = new Date();
    const stationToken = newSecret();
    await step('smoke session', async () => {
      const [regency] = await store.cooperatives.listRegencies();
      if (!regency)
        throw new Error('no cooperative directory in the table: run npm run seed -- --regency <code> first');
      const [cooperative] = await store.cooperatives.listByRegency(regency.code);
      if (!cooperative) throw new Error(`regency ${regency.code} has no cooperatives`);
      event = {
        id: `smoke-${newId()}`,
        title: 'Uji asap hadir (smoke test): abaikan / ignore',
        description: 'Dibuat dan dihapus otomatis oleh npm run smoke. Created and removed by npm run smoke.',
        venue: 'hadir smoke test',
        address: '-',
        startsAt: new Date(now.getTime() - 5 * 60_000).toISOString(),
        endsAt: new Date(now.getTime() + 55 * 60_000).toISOString(),
        timeZone: 'Asia/Jakarta',
        capacity: 2,
        maxPerCooperative: 1,
        registrationDeadline: new Date(now.getTime() + 30 * 60_000).toISOString(),
        organizerName: 'hadir smoke test',
        regencyCode: regency.code,
        invitedDistrictCodes: [],
        published: true,
        cancelled: false,
        seatsTaken: 0,
        waitlistCount: 0,
        createdAt: now.toISOString(),
      };
      await store.events.put(event);
      await store.stations.create(
        {
          id: newId(),
          eventId: event.id,
          name: 'smoke',
          createdAt: now.toISOString(),
          createdBy: 'npm run smoke',
        },
        hashSecret(stationToken),
      );
      made.stationTokenHashes.push(hashSecret(stationToken));
      (event as EventRecord & { cooperativeId?: string }).cooperativeId = cooperative.id;
      return `${event.id} in ${regency.code}, cooperative ${cooperative.id}, one station`;
    });
    const session = event as EventRecord & { cooperativeId: string };

    let ticketCode = '';
    await step('registration', async () => {
      const phone = `+62812${String(Date.now()).slice(-8)}`;
      const response = await expectStatus(
        await http(url(`/api/events/${session.id}/registrations`), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'id' },
          body: JSON.stringify({
            cooperativeId: session.cooperativeId,
            contact: { name: 'Uji Asap', phone, email: SMOKE_RECIPIENT },
            participants: [{ name: 'Uji Asap', role: 'ketua', phone }],
            consent: true,
          }),
        }),
        201,
      );
      const body = (await response.json()) as {
        registration: { id: string; status: string; participants: { ticketCode?: string }[] };
        manageToken: string;
      };
      made.registrationIds.push(body.registration.id);
      manage = { id: body.registration.id, token: body.manageToken };
      ticketCode = body.registration.participants[0]?.ticketCode ?? '';
      if (body.registration.status !== 'confirmed')
        throw new Error(`registration is ${body.registration.status}`);
      if (!ticketCode) throw new Error('no ticket code in the answer');
      return `${body.registration.id} confirmed`;
    });

    await step('email job', async () => {
      const deadline = Date.now() + emailTimeoutMs;
      const since = new Date(now.getTime() - 60_000);
      while (!made.jobIds.length && Date.now() < deadline) {
        made.jobIds.push(...(await smoke.unsentJobsOf(manage?.id ?? '', since)));
        if (!made.jobIds.length) await sleep(200);
      }
      if (!made.jobIds.length) throw new Error('no email job was queued for the registration');
      const statuses = new Map<string, string>();
      while (Date.now() < deadline) {
        for (const id of made.jobIds) statuses.set(id, (await store.outbox.get(id))?.status ?? 'missing');
        if ([...statuses.values()].every((status) => status === 'sent')) {
          return `${made.jobIds.length} email job(s) sent to ${SMOKE_RECIPIENT}`;
        }
        if ([...statuses.values()].some((status) => status === 'failed')) break;
        await sleep(1_000);
      }
      throw new Error(
        `email jobs not sent: ${[...statuses].map(([id, status]) => `${id} ${status}`).join(', ')}`,
      );
    });

    await step('check-in', async () => {
      const response = await expectStatus(
        await http(url(`/api/events/${session.id}/checkins`), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${stationToken}` },
          body: JSON.stringify({ ticketCode }),
        }),
        200,
      );
      const body = (await response.json()) as { checkin?: { participantId?: string } };
      if (!body.checkin?.participantId) throw new Error('the check-in answer names no officer');
      return 'checked in with the station token';
    });
  } catch {
    // The failed step is recorded; clean up below.
  } finally {
    if (event && !options.keep) {
      await step('clean-up', async () => {
        if (manage) {
          await expectStatus(
            await http(url(`/api/registrations/${manage.id}/erase`), {
              method: 'POST',
              headers: { authorization: `Bearer ${manage.token}` },
            }),
            200,
          );
        }
        const removed = await smoke.removeSession((event as EventRecord).id, made);
        return `registration erased through the API, ${removed} items removed`;
      }).catch(() => undefined);
    }
  }
  return { ok: steps.every((entry) => entry.ok), steps };
}
