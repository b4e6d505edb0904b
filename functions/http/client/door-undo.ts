/// <reference lib="dom" />
import type { Door } from './door-context';
import type { Sync } from './door-sync';
import { isQueued } from './offline-queue';
import { withoutCheckin } from './roster-entries';
import { isPlaceholder } from './walk-in-queue';

/**
 * The result's undo button: a check-in still queued is simply dropped; one the server has needs the network.
 */
export function setUpUndo(door: Door, sync: Sync) {
  const { state, store, api, view, cfg } = door;
  const text = cfg.text;

  view.resultBox.addEventListener('click', async (event) => {
    if (!(event.target as Element | null)?.closest('[data-undo]') || !state.last) return;
    const undo = state.last;
    state.last = null;
    const entry = state.roster.get(undo.participantId);
    const reset = async () => {
      if (!entry) return;
      if (isPlaceholder(entry.participantId)) {
        await sync.forget(entry.participantId);
        return;
      }
      const restored = withoutCheckin(entry);
      state.remember(restored);
      await store.putAll('roster', [restored]);
    };
    if (undo.queued && isQueued(state.queue, undo.clientId)) {
      await sync.unqueue(undo.clientId);
      await reset();
      view.showResult('warn', text.undone, [entry?.name], false);
    } else if (state.online()) {
      const response = await api.undo(undo.participantId).catch(() => null);
      if (response?.ok) {
        await reset();
        view.showResult('warn', text.undone, [entry?.name], false);
        sync.refreshSoon();
      } else {
        state.last = undo;
        view.showResult('bad', text.undoFailed, [entry?.name], true);
      }
    } else {
      state.last = undo;
      view.showResult('bad', text.needOnline, [entry?.name], true);
    }
    view.renderStatus();
  });
}
