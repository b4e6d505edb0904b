/// <reference lib="dom" />
import type { Door } from './door-context';
import type { Attendance, CheckinWindow, RosterEntry } from './door-types';
import { fill } from './fill';
import { dequeue, queuedWalkIns } from './offline-queue';
import { mergeRoster, placeOf, withoutCheckin } from './roster-entries';
import {
  ATTENDANCE_SETTLE_MS,
  isConflict,
  matchResults,
  nextBatch,
  rosterDue,
  unanswered,
  walkInSyncStep,
} from './sync-plan';
import { walkInProblem } from './walk-in-queue';

/**
 * Keeping the device and the server in step: the roster and attendance downloads, and sending the offline queue
 * (walk-ins one by one, then scans in batches; both idempotent by clientId) whenever the network is back.
 */
export function createSync(door: Door) {
  const { state, store, api, view, cfg } = door;
  const text = cfg.text;

  const refreshRoster = async (): Promise<boolean> => {
    const response = await api.roster();
    if (!response.ok) return false;
    const fresh = mergeRoster(response.body.roster, state.roster, state.queue);
    state.cooperatives = response.body.cooperatives ?? [];
    state.checkinWindow = response.body.checkinWindow ?? null;
    await store.run(['roster', 'meta'], 'readwrite', (tx) => {
      const roster = tx.objectStore('roster');
      roster.clear();
      for (const entry of fresh) roster.put(entry);
      tx.objectStore('meta').put(response.body.at, 'rosterAt');
      tx.objectStore('meta').put(state.cooperatives, 'cooperatives');
      tx.objectStore('meta').put(state.checkinWindow, 'checkinWindow');
      return undefined;
    });
    state.replaceRoster(fresh);
    state.rosterAt = response.body.at;
    return true;
  };

  const refreshAttendance = async () => {
    const response = await api.attendance();
    if (!response.ok) return;
    state.attendance = { ...response.body, at: new Date().toISOString() };
    await store.setMeta('attendance', state.attendance);
  };

  let soon: ReturnType<typeof setTimeout> | undefined;
  /** After a check-in: the counters refresh once things calm down, not once per scan. */
  const refreshSoon = () => {
    clearTimeout(soon);
    soon = setTimeout(() => refreshAttendance().then(view.renderStatus, () => {}), ATTENDANCE_SETTLE_MS);
  };

  /** What this device kept from its last visit: roster, queue, cooperatives and the last counts. */
  const loadLocal = async () => {
    const [entries, pending, at] = await Promise.all([
      store.getAll<RosterEntry>('roster'),
      store.getAll<(typeof state.queue)[number]>('queue'),
      store.getMeta<string>('rosterAt'),
    ]);
    for (const entry of entries) state.remember(entry);
    state.queue = pending.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    state.rosterAt = at || null;
    state.attendance = (await store.getMeta<Attendance>('attendance')) || null;
    state.cooperatives = (await store.getMeta<typeof state.cooperatives>('cooperatives')) || [];
    state.checkinWindow = (await store.getMeta<CheckinWindow>('checkinWindow')) || null;
  };

  const forget = async (participantId: string) => {
    state.roster.delete(participantId);
    await store.remove('roster', participantId);
  };

  const unqueue = async (clientId: string) => {
    await store.remove('queue', clientId);
    state.queue = dequeue(state.queue, clientId);
  };

  const problems = (line: string) => state.problems.push(line);

  /** Queued walk-ins go before queued scans, one request each; the server answers a repeat as the first time. */
  const syncWalkIns = async () => {
    for (const item of queuedWalkIns(state.queue)) {
      const walkIn = item.walkIn;
      if (!walkIn) continue;
      const response = await api.walkIn({ ...item, walkIn }, true);
      const step = walkInSyncStep(response, api.deviceRefused);
      if (step === 'retry-later') throw new Error(`server ${response.status}`);
      if (step === 'stop') return;
      const placeholderId = item.participantId ?? '';
      const placeholder = state.roster.get(placeholderId);
      await forget(placeholderId);
      if (response.ok)
        await door.applyCheckin(response.body.checkin, placeholder ? placeOf(placeholder) : {});
      else problems(`${walkIn.name}: ${walkInProblem(response.body.error ?? {}, text.reasons.unknown)}`);
      await unqueue(item.clientId);
    }
  };

  const syncScans = async () => {
    for (let batch = nextBatch(state.queue); batch.length; batch = nextBatch(state.queue)) {
      const response = await api.checkInBatch(batch);
      if (!response.ok) break;
      state.netDown = false;
      for (const { item, result } of matchResults(batch, response.body.results)) {
        const local = item.participantId ? state.roster.get(item.participantId) : undefined;
        if (result.ok) {
          const checkin = result.checkin;
          await door.applyCheckin(checkin);
          if (isConflict(checkin, cfg.station)) {
            state.localConflicts.push({
              participantId: checkin.participantId,
              line: fill(text.conflictLine, {
                name: checkin.name,
                station: checkin.station,
                time: view.clock(checkin.checkedInAt),
                others: `${cfg.station} ${view.clock(item.scannedAt)}`,
              }),
            });
          }
        } else {
          problems((local ? `${local.name}: ` : '') + view.reason(result.error.code, result.error.message));
          if (local?.pending) {
            const restored = withoutCheckin(local);
            state.remember(restored);
            await store.putAll('roster', [restored]);
          }
        }
        await unqueue(item.clientId);
      }
      // Scans the answer left out stay queued for the next tick instead of being sent again at once, forever.
      if (unanswered(batch, state.queue)) break;
    }
  };

  let syncing = false;
  const sync = async () => {
    if (syncing || !state.queue.length || !navigator.onLine) return;
    syncing = true;
    try {
      await syncWalkIns();
      await syncScans();
    } catch {
      state.netDown = true;
    } finally {
      syncing = false;
    }
    view.renderStatus();
  };

  let lastRoster = 0;
  /** Online again, or the periodic check: send the queue, then refresh what the door sees. */
  const tick = async () => {
    if (!navigator.onLine) {
      state.netDown = true;
      view.renderStatus();
      return;
    }
    try {
      await refreshAttendance();
      state.netDown = false;
    } catch {
      state.netDown = true;
    }
    if (!state.netDown) {
      await sync();
      if (rosterDue(Date.now(), lastRoster)) {
        lastRoster = Date.now();
        await refreshRoster().catch(() => {
          lastRoster = 0;
        });
      }
    }
    view.renderStatus();
  };

  /** The first visit of this page load: roster, counts, then the queue. */
  const start = async () => {
    lastRoster = Date.now();
    const ok = await refreshRoster().catch(() => false);
    if (!ok) state.netDown = !api.deviceRefused;
    if (ok) await refreshAttendance().catch(() => {});
    await sync();
  };

  return { loadLocal, refreshSoon, forget, unqueue, sync, tick, start };
}

export type Sync = ReturnType<typeof createSync>;
