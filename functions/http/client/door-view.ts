/// <reference lib="dom" />
import { el, find } from './dom';
import type { DoorApi } from './door-api';
import type { DoorState } from './door-state';
import type { DoorConfig } from './door-types';
import { createFeedback, type ResultKind } from './feedback';
import { fill } from './fill';
import type { OfflineVerdict } from './offline-verdict';
import { localCounts } from './roster-entries';
import { statusLine } from './status-line';

type OutsideVerdict = Extract<OfflineVerdict, { kind: 'outside' }>;
type Person = { participantId: string; name?: string; role?: string; cooperativeName?: string };

/**
 * What the volunteer sees besides the lists: the result of the last scan (with sound), the status bar, the
 * attendance counters, and the conflicts and refused offline scans.
 */
export function createDoorView(root: HTMLElement, cfg: DoorConfig, state: DoorState, api: DoorApi) {
  const text = cfg.text;
  const feedback = createFeedback();
  const timeFormat = new Intl.DateTimeFormat(cfg.language === 'en' ? 'en-GB' : 'id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: cfg.timeZone,
  });
  const clock = (iso: string | null | undefined) => (iso ? timeFormat.format(new Date(iso)) : '');
  const dayFormat = new Intl.DateTimeFormat(cfg.language === 'en' ? 'en-GB' : 'id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: cfg.timeZone,
    timeZoneName: 'short',
  });
  /** Why the door is shut at the scan's time, with the day and hour it opens or closed in the session's zone. */
  const outsideWindow = (verdict: OutsideVerdict) =>
    verdict.reason === 'checkin_not_open'
      ? fill(text.notOpen, { opens: dayFormat.format(new Date(verdict.opensAt)) })
      : fill(text.closed, { closes: dayFormat.format(new Date(verdict.closesAt)) });
  const roleLabel = (role: string | undefined) => (role && cfg.roles[role]) || role || '';
  const reason = (code: string | undefined, fallback?: string) =>
    (code && text.reasons[code]) || fallback || text.reasons.unknown;

  const resultBox = find(root, '[data-result]');
  const showResult = (
    kind: ResultKind,
    title: string,
    lines: readonly (string | null | undefined)[],
    undoable: boolean,
  ) => {
    resultBox.hidden = false;
    resultBox.className = `result ${kind}`;
    resultBox.setAttribute('data-kind', kind);
    const children: HTMLElement[] = [el('h2', { text: title })];
    for (const [index, line] of lines.filter(Boolean).entries()) {
      children.push(el('p', { class: index === 0 ? 'who' : '', text: line }));
    }
    if (undoable) children.push(el('button', { type: 'button', 'data-undo': '', text: text.undo }));
    resultBox.replaceChildren(...children);
    // Wherever the volunteer is on the page (the camera at the top, a search further down), the answer is seen.
    const box = resultBox.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) resultBox.scrollIntoView({ block: 'nearest' });
    feedback.signal(kind);
  };

  /** Name, role and cooperative, village, and a note: the server's answer filled in from the roster. */
  const personLines = (person: Person, extra?: string) => {
    const local = state.roster.get(person.participantId);
    const place = local?.villageName ? `${text.village} ${local.villageName}` : '';
    return [
      person.name || local?.name,
      [roleLabel(person.role || local?.role), person.cooperativeName || local?.cooperativeName]
        .filter(Boolean)
        .join(' · '),
      place,
      extra,
    ];
  };

  const countersBox = find(root, '[data-counters]');
  const renderCounters = () => {
    const a = state.attendance;
    if (!a) {
      const { present, registered } = localCounts(state.roster.values());
      if (!registered) return;
      countersBox.replaceChildren(
        el('div', { class: 'counts' }, [
          el('div', {}, [
            el('strong', { text: `${present} / ${registered}` }),
            `${text.checkedIn} / ${text.registered}`,
          ]),
        ]),
      );
      return;
    }
    const pending = state.queue.length ? fill(text.pending, { n: state.queue.length }) : '';
    const rows = a.byDistrict.filter((d) => d.registered || d.checkedIn);
    const people = el('div', { class: 'counts' }, [
      el('div', { 'data-count': 'people' }, [
        el('strong', { text: `${a.checkedIn} / ${a.registered}` }),
        `${text.checkedIn} / ${text.registered}${pending ? ` ${pending}` : ''}`,
      ]),
      el('div', { 'data-count': 'cooperatives' }, [
        el('strong', {
          text: `${a.cooperativesPresent} / ${a.cooperativesRegistered} / ${a.cooperativesInvited}`,
        }),
        text.coopsLine,
      ]),
    ]);
    const updated = el('p', { class: 'muted small', text: fill(text.updated, { time: clock(a.at) }) });
    if (!rows.length) return countersBox.replaceChildren(people, updated);
    const table = el('table', { class: 'districts' }, [
      el('thead', {}, [
        el('tr', {}, [
          el('th', { text: text.district }),
          el('th', { text: text.checkedIn }),
          el('th', { text: text.coopsShort }),
        ]),
      ]),
      el(
        'tbody',
        {},
        rows.map((d) =>
          el('tr', {}, [
            el('td', { text: d.districtName }),
            el('td', { class: 'n', text: `${d.checkedIn} / ${d.registered}` }),
            el('td', {
              class: 'n',
              text: `${d.cooperativesPresent} / ${d.cooperativesRegistered} / ${d.cooperativesInvited}`,
            }),
          ]),
        ),
      ),
    ]);
    countersBox.replaceChildren(people, table, updated);
  };

  const conflictBox = find(root, '[data-conflicts]');
  const problemBox = find(root, '[data-problems]');
  const renderIssues = () => {
    const conflicts = state.attendance?.conflicts ?? [];
    const lines = conflicts.map((c) => {
      const person = state.roster.get(c.participantId);
      const others = (c.duplicates ?? []).map((d) => `${d.station} ${clock(d.scannedAt)}`).join(', ');
      return fill(text.conflictLine, {
        name: person ? person.name : c.participantId,
        station: c.station,
        time: clock(c.checkedInAt),
        others,
      });
    });
    for (const c of state.localConflicts) {
      if (!conflicts.some((s) => s.participantId === c.participantId)) lines.push(c.line);
    }
    conflictBox.hidden = !lines.length;
    conflictBox.replaceChildren(
      el('h2', { text: text.conflictsTitle }),
      el(
        'ul',
        { class: 'issues' },
        lines.map((line) => el('li', { text: line })),
      ),
    );
    problemBox.hidden = !state.problems.length;
    problemBox.replaceChildren(
      el('h2', { text: text.problemsTitle }),
      el(
        'ul',
        { class: 'issues' },
        state.problems.map((line) => el('li', { text: line })),
      ),
    );
  };

  const netbar = find(root, '[data-netbar]');
  const renderStatus = () => {
    const queued = state.queue.length;
    const online = state.online();
    netbar.classList.toggle('offline', !online);
    netbar.classList.toggle('error', api.deviceRefused);
    netbar.textContent = statusLine(text, {
      deviceRefused: api.deviceRefused,
      online,
      queued,
      rosterSize: state.roster.size,
      rosterTime: state.rosterAt ? clock(state.rosterAt) : '-',
    });
    root.setAttribute('data-queue', String(queued));
    root.setAttribute('data-online', online ? 'yes' : 'no');
    renderCounters();
    renderIssues();
  };

  /** Before anything could be loaded: no roster on this device yet, or the device refused. */
  const showNoRoster = () => {
    netbar.textContent = api.deviceRefused ? text.deviceRefused : text.noRoster;
  };

  return {
    clock,
    roleLabel,
    reason,
    outsideWindow,
    resultBox,
    showResult,
    personLines,
    renderStatus,
    showNoRoster,
    unlockAudio: feedback.unlock,
  };
}

export type DoorView = ReturnType<typeof createDoorView>;
