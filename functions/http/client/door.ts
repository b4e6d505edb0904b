/// <reference lib="dom" />
import { setUpCamera } from './camera';
import { find } from './dom';
import { createCheckIn } from './door-checkin';
import { createDoor } from './door-context';
import { prepareOffline } from './door-offline-shell';
import { setUpSearch } from './door-search';
import { createSync } from './door-sync';
import type { DoorConfig } from './door-types';
import { setUpUndo } from './door-undo';
import { setUpWalkIns } from './door-walk-ins';
import { TICK_MS } from './sync-plan';
import { ticketCodeFrom } from './ticket-code';

/**
 * The door page (GET /checkin/:eventId): scanner field, camera, search, result, counters and walk-ins, working
 * with or without network. The roster and the queue of scans not yet sent live in IndexedDB (idb-store.ts); the
 * queue is sent whenever the network returns (door-sync.ts).
 */
function start(root: HTMLElement) {
  const cfg = JSON.parse(root.getAttribute('data-config') ?? '{}') as DoorConfig;
  const door = createDoor(root, cfg);
  const { state, view } = door;
  const sync = createSync(door);
  const checkIn = createCheckIn(door, sync);
  const search = setUpSearch(door, checkIn, sync);
  setUpUndo(door, sync);
  setUpWalkIns(door, sync);
  setUpCamera({
    root,
    text: cfg.text,
    jsQrPath: cfg.jsqr,
    unlockAudio: view.unlockAudio,
    onCode: (value) => checkIn.scanned(value, 'camera'),
  });

  // The scanner field takes ticket codes and links; anything else is probably a name, so it goes to the search.
  const scanForm = find(root, '[data-scan-form]');
  const scanInput = find<HTMLInputElement>(scanForm, 'input');
  scanForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = scanInput.value.trim();
    scanInput.value = '';
    if (!value) return;
    if (!ticketCodeFrom(value) && !/^https?:/i.test(value)) return search.show(value);
    void checkIn.scanned(value, 'field');
  });

  const tick = async () => {
    await sync.tick();
    search.refresh();
  };
  window.addEventListener('online', () => {
    state.netDown = false;
    void tick();
  });
  window.addEventListener('offline', () => {
    state.netDown = true;
    view.renderStatus();
  });
  setInterval(tick, TICK_MS);

  void (async () => {
    await sync.loadLocal();
    view.renderStatus();
    if (navigator.onLine) await sync.start();
    view.renderStatus();
    // A name typed while the page was still starting is searched as soon as there is a roster to search.
    search.refresh();
    await prepareOffline(cfg).catch(() => {});
    root.setAttribute('data-ready', state.roster.size ? 'offline' : 'online');
    if (!state.roster.size) view.showNoRoster();
  })();
}

const root = document.querySelector<HTMLElement>('[data-checkin]');
if (root) start(root);
