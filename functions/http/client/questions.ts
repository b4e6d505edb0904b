/// <reference lib="dom" />
import { el, find } from './dom';
import { createQuestionQueue, outcomeOf, type QueuedQuestion } from './question-queue';
import { uuid } from './uuid';

/**
 * The tanya jawab pages: the phone's ask page (`data-questions="ask"`: send a question, even offline, and vote on
 * approved ones) and the projector (`"screen"`: the pinned question and the top ones). Both poll the session's
 * small board and send its ETag, so an unchanged board costs a 304.
 */
type BoardEntry = { id: string; text: string; votes: number; answered: boolean; askedBy?: string };
type Board = { version: number; pinned?: BoardEntry; top: BoardEntry[] };
type Copy = {
  sent: string;
  queued: string;
  rejected: string;
  votes: string;
  vote: string;
  voted: string;
  empty: string;
  pinned: string;
  answered: string;
  count: string;
};

const root = document.querySelector<HTMLElement>('[data-questions]');
if (root) start(root);

function start(root: HTMLElement) {
  const mode = root.dataset.questions;
  const eventId = root.dataset.event ?? '';
  const ticketCode = root.dataset.ticket || undefined;
  const copy = JSON.parse(root.dataset.copy ?? '{}') as Copy;
  const base = `/api/events/${encodeURIComponent(eventId)}/questions`;
  const deviceId = localStorage.getItem('hadir.device') ?? uuid();
  localStorage.setItem('hadir.device', deviceId);
  const votedKey = `hadir.voted.${eventId}`;
  const voted = new Set<string>(JSON.parse(localStorage.getItem(votedKey) ?? '[]'));
  let etag = '';
  let board: Board = { version: 0, top: [] };

  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });

  const entryText = (entry: BoardEntry) => [
    el('p', { class: 'q-text', text: entry.text }),
    entry.askedBy ? el('p', { class: 'muted q-by', text: entry.askedBy }) : null,
  ];

  function render() {
    const list = find(root, '#board-list');
    const top =
      mode === 'screen' ? board.top.filter((e) => e.id !== board.pinned?.id).slice(0, 5) : board.top;
    list.replaceChildren(
      ...top.map((entry) =>
        el('li', { class: 'q-item', 'data-question': entry.id }, [
          ...entryText(entry),
          el('p', { class: 'q-votes', text: `${entry.votes} ${copy.votes}` }),
          mode === 'ask' ? voteButton(entry) : null,
        ]),
      ),
    );
    // With only the pinned question approved, the list stays empty rather than saying there are none.
    if (top.length === 0 && !board.pinned) list.append(el('li', { class: 'muted', text: copy.empty }));
    const pinned = root.querySelector<HTMLElement>('#pinned');
    if (pinned) {
      pinned.replaceChildren(
        ...(board.pinned
          ? [
              el('p', { class: 'q-label', text: copy.pinned }),
              ...entryText(board.pinned),
              el('p', { class: 'q-votes', text: `${board.pinned.votes} ${copy.votes}` }),
            ].filter((node): node is HTMLParagraphElement => node !== null)
          : []),
      );
      pinned.hidden = !board.pinned;
    }
  }

  function voteButton(entry: BoardEntry) {
    const done = voted.has(entry.id);
    const button = el('button', {
      type: 'button',
      class: 'secondary',
      disabled: done,
      'aria-pressed': done ? 'true' : 'false',
      text: done ? copy.voted : copy.vote,
    });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const res = await fetch(
          `${base}/${encodeURIComponent(entry.id)}/votes`,
          json({ deviceId, ticketCode }),
        );
        if (res.ok) {
          voted.add(entry.id);
          localStorage.setItem(votedKey, JSON.stringify([...voted]));
          const answer = (await res.json()) as { board: Board };
          board = answer.board;
          render();
          return;
        }
      } catch {
        // offline: the button comes back so the vote can be tried again
      }
      button.disabled = false;
    });
    return button;
  }

  async function poll() {
    try {
      const res = await fetch(`${base}/board`, { headers: etag ? { 'If-None-Match': etag } : {} });
      if (res.status === 200) {
        etag = res.headers.get('ETag') ?? '';
        board = (await res.json()) as Board;
        render();
      }
    } catch {
      // offline: the next poll tries again
    }
  }

  render();
  void poll();
  setInterval(poll, mode === 'screen' ? 5_000 : 10_000);
  if (mode === 'ask') startAsking(root, copy, { eventId, ticketCode, deviceId, base, json });
}

function startAsking(
  root: HTMLElement,
  copy: Copy,
  ctx: {
    eventId: string;
    ticketCode?: string;
    deviceId: string;
    base: string;
    json: (b: unknown) => RequestInit;
  },
) {
  const form = find<HTMLFormElement>(root, '#ask-form');
  const textarea = find<HTMLTextAreaElement>(form, 'textarea');
  const status = find(root, '#ask-status');
  const counter = find(root, '#ask-count');
  const max = textarea.maxLength > 0 ? textarea.maxLength : 500;
  const queue = createQuestionQueue(localStorage, async (question: QueuedQuestion) => {
    // A question queued on another session's page goes to that session.
    const { eventId, queuedAt: _q, ...body } = question;
    const res = await fetch(`/api/events/${encodeURIComponent(eventId)}/questions`, ctx.json(body));
    return outcomeOf(res.status);
  });
  const showCount = () => {
    counter.textContent = copy.count
      .replace('{n}', String(textarea.value.length))
      .replace('{max}', String(max));
  };
  textarea.addEventListener('input', showCount);
  showCount();

  async function flush() {
    const { sent, rejected, left } = await queue.flush();
    if (rejected.length) status.textContent = copy.rejected;
    else if (sent.length && left === 0) status.textContent = copy.sent;
    else if (left > 0) status.textContent = copy.queued;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (text.length < 3) {
      textarea.reportValidity();
      return;
    }
    queue.enqueue({
      id: uuid(),
      eventId: ctx.eventId,
      text,
      ticketCode: ctx.ticketCode,
      deviceId: ctx.deviceId,
      queuedAt: new Date().toISOString(),
    });
    textarea.value = '';
    showCount();
    status.textContent = copy.queued;
    void flush();
  });
  window.addEventListener('online', () => void flush());
  setInterval(() => {
    if (queue.pending().length) void flush();
  }, 15_000);
  if (queue.pending().length) void flush();
}
