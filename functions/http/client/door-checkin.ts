/// <reference lib="dom" />
import { newQueueItem, scanTarget } from './checkin-payload';
import type { Door } from './door-context';
import type { Sync } from './door-sync';
import type { QueueItem, RosterEntry, ScanTarget } from './door-types';
import { fill } from './fill';
import { enqueue } from './offline-queue';
import { offlineVerdict } from './offline-verdict';
import { admittedOffline } from './roster-entries';
import { createRepeatFilter } from './scan-repeat';
import { serverFailing } from './sync-plan';
import { ticketCodeFrom, ticketHash, unreadableExcerpt } from './ticket-code';
import { uuid } from './uuid';

/**
 * Checking someone in: posted at once when the network is up; when it is down (or the post fails) answered from
 * the device's roster and queued with a clientId and the scan time.
 */
export function createCheckIn(door: Door, sync: Sync) {
  const { state, store, api, view, cfg } = door;
  const text = cfg.text;

  const answerOnline = async (item: QueueItem) => {
    const response = await api.checkIn(item);
    // The server is there but failing (e.g. 503 while its database is unreachable): keep working offline.
    if (serverFailing(response.status)) throw new Error(`server ${response.status}`);
    if (response.ok) {
      const checkin = response.body.checkin;
      await door.applyCheckin(checkin);
      if (checkin.alreadyCheckedIn) {
        view.showResult(
          'warn',
          fill(text.already, { time: view.clock(checkin.checkedInAt), station: checkin.station }),
          view.personLines(checkin),
          false,
        );
      } else {
        state.last = { participantId: checkin.participantId, clientId: item.clientId, queued: false };
        view.showResult('ok', text.present, view.personLines(checkin), true);
      }
    } else if (api.deviceRefused) {
      view.showResult('bad', text.rejected, [text.deviceRefused], false);
    } else {
      const error = response.body.error ?? {};
      view.showResult('bad', view.reason(error.code, error.message), [], false);
    }
    sync.refreshSoon();
  };

  const answerOffline = async (item: QueueItem, local: RosterEntry | undefined) => {
    const verdict = offlineVerdict(local, Boolean(item.ticketCode), state.checkinWindow, item.scannedAt);
    if (verdict.kind === 'unknown' || !local) {
      view.showResult('bad', view.reason(verdict.kind === 'unknown' ? verdict.reason : undefined), [], false);
      return;
    }
    if (verdict.kind === 'outside') {
      view.showResult(
        'bad',
        text.rejected,
        [...view.personLines(local).slice(0, 2), view.outsideWindow(verdict)],
        false,
      );
      return;
    }
    if (verdict.kind === 'refused') {
      view.showResult('bad', view.reason(verdict.reason), view.personLines(local), false);
      return;
    }
    if (verdict.kind === 'already') {
      view.showResult(
        'warn',
        fill(text.already, { time: view.clock(local.checkedInAt), station: local.station }),
        view.personLines(local),
        false,
      );
      return;
    }
    const queued: QueueItem = { ...item, participantId: local.participantId };
    const entry = admittedOffline(local, item.scannedAt, cfg.station);
    await store.run(['roster', 'queue'], 'readwrite', (tx) => {
      tx.objectStore('queue').put(queued);
      tx.objectStore('roster').put(entry);
      return undefined;
    });
    state.queue = enqueue(state.queue, queued);
    state.remember(entry);
    state.last = { participantId: local.participantId, clientId: item.clientId, queued: true };
    view.showResult('ok', text.present, view.personLines(local, text.queuedNote), true);
  };

  /** Checks in a ticket or an officer from the list, one at a time and in order. */
  const checkIn = (target: ScanTarget, local: RosterEntry | undefined) =>
    door.inTurn(async () => {
      const item = newQueueItem(target, uuid(), new Date().toISOString());
      if (state.online()) {
        try {
          await answerOnline(item);
          return;
        } catch {
          state.netDown = true; // the post failed or timed out: answer from the device and queue it
        }
      }
      await answerOffline(item, local);
    });

  const repeats = createRepeatFilter();
  /**
   * A code from the camera or the scanner field; the camera's repeats of the same ticket are one scan. Something
   * that is no ticket (another QR code, a web link) is said to be so, once per sighting like a ticket, so the
   * volunteer does not wait for a camera that did read it.
   */
  const scanned = async (raw: string, source: 'camera' | 'field') => {
    const code = ticketCodeFrom(raw);
    if (repeats.isRepeat(code ?? `?${raw}`, source === 'camera', Date.now())) return;
    if (!code) {
      view.showResult('bad', text.notTicket, [unreadableExcerpt(raw)], false);
      return;
    }
    const local = state.byTicketHash(await ticketHash(code));
    await checkIn(scanTarget(code, local), local);
  };

  return { checkIn, scanned };
}

export type CheckIn = ReturnType<typeof createCheckIn>;
