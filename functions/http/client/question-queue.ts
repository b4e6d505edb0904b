/**
 * Questions typed on a phone wait here until the server has them: kept in localStorage, so a question typed in a
 * hall without signal, or on a page closed before it went, is sent when the network returns. Each carries the id
 * it was made with, so a send repeated after a lost answer is stored once by the server.
 */
export type QueuedQuestion = {
  id: string;
  eventId: string;
  text: string;
  ticketCode?: string;
  deviceId: string;
  queuedAt: string;
};

/** What a send came to: the server has it; it refused it for good (too long, session closed); or try later. */
export type SendOutcome = 'sent' | 'rejected' | 'retry';

export type KeyValueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

const KEY = 'hadir.questions.queue';

/** The outcome of an HTTP status: 2xx sent; 429 and 5xx later; any other 4xx refused for good. */
export function outcomeOf(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 429 || status === 408 || status >= 500) return 'retry';
  return 'rejected';
}

export function createQuestionQueue(
  storage: KeyValueStorage,
  send: (question: QueuedQuestion) => Promise<SendOutcome>,
) {
  const read = (): QueuedQuestion[] => {
    try {
      const parsed = JSON.parse(storage.getItem(KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  };
  const write = (items: QueuedQuestion[]) => storage.setItem(KEY, JSON.stringify(items));
  let flushing: Promise<{ sent: QueuedQuestion[]; rejected: QueuedQuestion[]; left: number }> | undefined;

  return {
    pending: read,
    /** Keeps a question (once per id) until it is sent. */
    enqueue(question: QueuedQuestion) {
      const items = read();
      if (!items.some((item) => item.id === question.id)) write([...items, question]);
    },
    /**
     * Sends what waits, oldest first, one at a time; stops at the first that must wait (the network is down or the
     * server busy), so the order is kept. Calls made while one runs share it.
     */
    flush() {
      flushing ??= (async () => {
        const sent: QueuedQuestion[] = [];
        const rejected: QueuedQuestion[] = [];
        try {
          for (const question of read()) {
            let outcome: SendOutcome;
            try {
              outcome = await send(question);
            } catch {
              outcome = 'retry';
            }
            if (outcome === 'retry') break;
            (outcome === 'sent' ? sent : rejected).push(question);
            write(read().filter((item) => item.id !== question.id));
          }
          return { sent, rejected, left: read().length };
        } finally {
          flushing = undefined;
        }
      })();
      return flushing;
    },
  };
}
