/// <reference lib="dom" />

import { el, find } from './dom';
import type { CheckIn } from './door-checkin';
import type { Door } from './door-context';
import type { Sync } from './door-sync';
import type { RosterEntry } from './door-types';
import { fill } from './fill';
import { searchPeople, searchWords } from './people-search';

const SEARCH_DELAY_MS = 120;

/**
 * Finding an officer without their ticket (by name, cooperative, village or phone) and checking them in from the
 * list, or seating a substitute in their place (online only: the server issues the new ticket).
 */
export function setUpSearch(door: Door, { checkIn }: CheckIn, sync: Sync) {
  const { root, state, store, api, view, cfg } = door;
  const text = cfg.text;
  const input = find<HTMLInputElement>(root, '[data-search]');
  const list = find(root, '[data-people]');

  const personItem = (entry: RosterEntry) => {
    const status =
      entry.status !== 'confirmed'
        ? text.status[entry.status] || entry.status
        : entry.checkedInAt
          ? fill(text.presentAt, { time: view.clock(entry.checkedInAt), station: entry.station || '' })
          : '';
    // Someone already in needs neither; a substitute takes the place of an officer who has not come.
    const actions =
      entry.status === 'confirmed' && !entry.checkedInAt
        ? el('div', { class: 'actions' }, [
            el('button', {
              type: 'button',
              'data-act': 'checkin',
              'data-id': entry.participantId,
              text: text.checkIn,
            }),
            el('button', {
              type: 'button',
              class: 'secondary',
              'data-act': 'substitute',
              'data-id': entry.participantId,
              text: text.substitute,
            }),
          ])
        : null;
    const place = [
      entry.villageName && `${text.village} ${entry.villageName}`,
      entry.districtName && `Kec. ${entry.districtName}`,
      entry.phoneMasked,
    ];
    return el('li', { 'data-person': entry.participantId }, [
      el('div', { class: 'name', text: entry.name }),
      el('div', {
        class: 'small',
        text: [view.roleLabel(entry.role), entry.cooperativeName].filter(Boolean).join(' · '),
      }),
      el('div', { class: 'small', text: place.filter(Boolean).join(' · ') }),
      status ? el('div', { class: 'small', 'data-state': '', text: status }) : null,
      actions,
    ]);
  };

  const run = () => {
    if (!searchWords(input.value).length) return list.replaceChildren();
    const found = searchPeople(state.roster.values(), input.value);
    list.replaceChildren(
      ...(found.length ? found.map(personItem) : [el('li', { class: 'muted', text: text.noResults })]),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, SEARCH_DELAY_MS);
  });
  find(root, '[data-search-form]').addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });

  const substitute = (item: HTMLElement, entry: RosterEntry) => {
    if (item.querySelector('form')) return;
    const roleSelect = el(
      'select',
      { name: 'role' },
      Object.keys(cfg.roles).map((key) =>
        el('option', { value: key, selected: key === entry.role, text: cfg.roles[key] }),
      ),
    );
    const nameInput = el('input', {
      name: 'name',
      required: true,
      minlength: '2',
      maxlength: '100',
      'aria-label': text.substituteName,
      placeholder: text.substituteName,
    });
    const form = el('form', { class: 'substitute' }, [
      el('label', { text: fill(text.substituteFor, { name: entry.name }) }),
      nameInput,
      roleSelect,
      el('div', { class: 'actions' }, [el('button', { type: 'submit', text: text.save })]),
    ]);
    item.append(form);
    nameInput.focus();
    form.addEventListener('submit', async (submitEvent) => {
      submitEvent.preventDefault();
      if (!state.online()) return view.showResult('bad', text.needOnline, [], false);
      const body = { participantId: entry.participantId, name: nameInput.value, role: roleSelect.value };
      const response = await api.substitute(body).catch(() => null);
      if (!response) return view.showResult('bad', text.needOnline, [], false);
      if (!response.ok) {
        return view.showResult('bad', response.body.error?.message || text.reasons.unknown, [], false);
      }
      const checkin = response.body.checkin;
      state.roster.delete(entry.participantId);
      await store.remove('roster', entry.participantId);
      await door.applyCheckin(checkin, {
        villageName: entry.villageName,
        districtName: entry.districtName,
        cooperativeId: entry.cooperativeId,
        phoneMasked: undefined,
        ticketHash: undefined,
      });
      state.last = { participantId: checkin.participantId, clientId: '', queued: false };
      view.showResult(
        'ok',
        text.present,
        view.personLines(checkin, fill(text.substituteFor, { name: entry.name })),
        true,
      );
      run();
      sync.refreshSoon();
    });
  };

  list.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest('[data-act]');
    if (!button) return;
    const entry = state.roster.get(button.getAttribute('data-id') ?? '');
    if (!entry) return;
    if (button.getAttribute('data-act') === 'checkin') {
      await checkIn({ participantId: entry.participantId }, entry);
      run();
      return;
    }
    const item = button.closest('li');
    if (item) substitute(item, entry);
  });

  return {
    run,
    /** Shows what was typed into the scanner field that is not a ticket: probably a name. */
    show(query: string) {
      input.value = query;
      run();
    },
    /** Redraws the list (check-ins from other doors), unless a substitute form is open in it. */
    refresh() {
      if (input.value && !list.querySelector('form')) run();
    },
  };
}

export type Search = ReturnType<typeof setUpSearch>;
