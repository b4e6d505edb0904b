/// <reference lib="dom" />
import { filterCooperatives } from './cooperative-filter';
import { el, find } from './dom';
import type { Door } from './door-context';
import type { Sync } from './door-sync';
import type { Cooperative, Place } from './door-types';
import { enqueue } from './offline-queue';
import { windowVerdict } from './offline-verdict';
import { serverFailing } from './sync-plan';
import { uuid } from './uuid';
import {
  placeholderEntry,
  queuedWalkIn,
  type WalkInItem,
  walkInForm,
  walkInPlaceholder,
  walkInProblem,
} from './walk-in-queue';

const COOPERATIVE_DELAY_MS = 200;

/**
 * The walk-in form: an officer of an invited cooperative who did not register. Posted with its nonce when online;
 * without network admitted on this device and queued, to be posted when the network returns.
 */
export function setUpWalkIns(door: Door, sync: Sync) {
  const { root, state, store, api, view, cfg } = door;
  const text = cfg.text;
  const form = find<HTMLFormElement>(root, '[data-walkin]');
  const coopQuery = find<HTMLInputElement>(form, '[data-coop-q]');
  const coopList = find(form, '[data-coop-list]');
  const message = find(form, '[data-walkin-msg]');

  let coopSeq = 0;
  let coopTimer: ReturnType<typeof setTimeout> | undefined;
  // The invited cooperatives came with the roster; the search API is only for a device that never had one.
  const findCooperatives = async () => {
    const mine = ++coopSeq;
    let found: Cooperative[];
    if (state.cooperatives.length) found = filterCooperatives(state.cooperatives, coopQuery.value);
    else {
      const params = new URLSearchParams({ q: coopQuery.value, regency: cfg.regencyCode, limit: '30' });
      const response = await api.cooperatives(params).catch(() => null);
      if (mine !== coopSeq) return;
      if (!response?.ok) {
        coopList.replaceChildren(el('p', { class: 'muted', text: text.needOnline }));
        return;
      }
      found = response.body.cooperatives ?? [];
    }
    coopList.replaceChildren(
      ...(found.length
        ? found.map((c) =>
            el('label', {}, [
              el('input', {
                type: 'radio',
                name: 'cooperativeId',
                value: c.id,
                required: true,
                'data-name': c.name,
                'data-village': c.villageName,
                'data-district': c.districtName,
              }),
              `${c.name} — Kec. ${c.districtName}`,
            ]),
          )
        : [el('p', { class: 'muted', text: text.noResults })]),
    );
  };
  coopQuery.addEventListener('input', () => {
    clearTimeout(coopTimer);
    coopTimer = setTimeout(findCooperatives, COOPERATIVE_DELAY_MS);
  });
  coopQuery.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void findCooperatives();
    }
  });

  const reset = () => {
    form.reset();
    delete form.dataset.clientId;
    delete form.dataset.at;
    message.textContent = '';
    coopList.replaceChildren();
  };

  // No network: the walk-in is admitted on this device under a placeholder and queued with its nonce and time.
  const queueOffline = async (item: WalkInItem): Promise<boolean> => {
    const outside = windowVerdict(state.checkinWindow, item.scannedAt);
    if (outside) {
      // Nothing was queued: a later try is a new walk-in, judged at its own time.
      delete form.dataset.clientId;
      delete form.dataset.at;
      message.textContent = view.outsideWindow(outside);
      view.showResult('bad', text.rejected, [item.walkIn.name, view.outsideWindow(outside)], false);
      return false;
    }
    const queued = queuedWalkIn(item);
    const entry = placeholderEntry(item, cfg.station);
    await store.run(['roster', 'queue'], 'readwrite', (tx) => {
      tx.objectStore('queue').put(queued);
      tx.objectStore('roster').put(entry);
      return undefined;
    });
    state.queue = enqueue(state.queue, queued);
    state.remember(entry);
    state.last = { participantId: walkInPlaceholder(item.clientId), clientId: item.clientId, queued: true };
    view.showResult('ok', text.present, view.personLines(entry, text.queuedNote), true);
    return true;
  };

  /** The form as a walk-in, with one nonce kept for every retry of this form until it is recorded. */
  const readForm = (): WalkInItem => {
    const data = new FormData(form);
    const chosen = form.querySelector<HTMLInputElement>('input[name=cooperativeId]:checked');
    if (!form.dataset.clientId) {
      form.dataset.clientId = uuid();
      form.dataset.at = new Date().toISOString();
    }
    const place: Place = chosen
      ? {
          cooperativeId: chosen.value,
          cooperativeName: chosen.getAttribute('data-name') || '',
          villageName: chosen.getAttribute('data-village') || '',
          districtName: chosen.getAttribute('data-district') || '',
        }
      : {};
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : null;
    };
    return {
      clientId: form.dataset.clientId,
      scannedAt: form.dataset.at ?? new Date().toISOString(),
      walkIn: walkInForm(field),
      place,
    };
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void door.inTurn(async () => {
      const item = readForm();
      if (state.online()) {
        const response = await api.walkIn(item, false).catch(() => null);
        if (response?.ok) {
          const checkin = response.body.checkin;
          await door.applyCheckin(checkin, item.place);
          state.last = { participantId: checkin.participantId, clientId: '', queued: false };
          view.showResult('ok', text.present, view.personLines(checkin, text.walkInDone), true);
          reset();
          sync.refreshSoon();
          return;
        }
        if (response && !serverFailing(response.status)) {
          message.textContent = api.deviceRefused
            ? text.deviceRefused
            : walkInProblem(response.body.error ?? {}, text.reasons.unknown);
          return;
        }
        state.netDown = true; // no answer, or the server is failing: take it offline
      }
      if (await queueOffline(item)) reset();
    });
  });
}
