/// <reference lib="dom" />
import { createDoorApi, type DoorApi } from './door-api';
import { DoorState } from './door-state';
import type { Checkin, DoorConfig, RosterEntry } from './door-types';
import { createDoorView, type DoorView } from './door-view';
import { type DoorStore, openDoorStore } from './idb-store';
import { checkedInEntry } from './roster-entries';

/** What every part of the door page shares: its configuration, state, storage, API and view. */
export type Door = {
  root: HTMLElement;
  cfg: DoorConfig;
  state: DoorState;
  store: DoorStore;
  api: DoorApi;
  view: DoorView;
  /** Applies the server's answer about one person to the roster, in memory and on the device. */
  applyCheckin(checkin: Checkin, extra?: Partial<RosterEntry>): Promise<void>;
  /**
   * Runs `work` after every earlier scan or walk-in has finished, one at a time and in order: a hardware scanner can
   * type faster than the network answers. A failure is shown, and the status bar is redrawn either way.
   */
  inTurn(work: () => Promise<void>): Promise<void>;
};

export function createDoor(root: HTMLElement, cfg: DoorConfig): Door {
  const state = new DoorState();
  const store = openDoorStore(cfg.eventId);
  const api = createDoorApi(cfg.eventId);
  const view = createDoorView(root, cfg, state, api);
  let busy: Promise<void> = Promise.resolve();
  return {
    root,
    cfg,
    state,
    store,
    api,
    view,
    async applyCheckin(checkin, extra) {
      const entry = checkedInEntry(state.roster.get(checkin.participantId), checkin, extra);
      state.remember(entry);
      await store.putAll('roster', [entry]);
    },
    inTurn(work) {
      busy = busy
        .then(work)
        .catch((error: unknown) =>
          view.showResult(
            'bad',
            cfg.text.reasons.unknown,
            [String((error as Error | null)?.message || error)],
            false,
          ),
        )
        .finally(view.renderStatus);
      return busy;
    },
  };
}
