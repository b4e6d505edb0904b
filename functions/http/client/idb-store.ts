/// <reference lib="dom" />

/**
 * The door's IndexedDB database `hadir-checkin-<eventId>`, which survives closing the tab:
 * - `roster`: what check-in needs, by participantId, indexed by ticketHash;
 * - `queue`: scans and walk-ins not yet on the server, by clientId;
 * - `meta`: the roster's time, the invited cooperatives and the last attendance counts.
 */
export type StoreName = 'roster' | 'queue' | 'meta';

export type DoorStore = ReturnType<typeof openDoorStore>;

export function openDoorStore(eventId: string) {
  const ready = new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(`hadir-checkin-${eventId}`, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('roster', { keyPath: 'participantId' }).createIndex('ticketHash', 'ticketHash');
      db.createObjectStore('queue', { keyPath: 'clientId' });
      db.createObjectStore('meta');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });

  /**
   * One transaction over `stores`; resolves when it commits, with the result of the request `work` returned (if
   * any). Writes to several stores in one transaction land together or not at all.
   */
  const run = <T>(
    stores: StoreName[],
    mode: IDBTransactionMode,
    work: (tx: IDBTransaction) => IDBRequest<T> | undefined,
  ): Promise<T | undefined> =>
    ready.then(
      (db) =>
        new Promise<T | undefined>((resolve, reject) => {
          const tx = db.transaction(stores, mode);
          let result: T | undefined;
          const request = work(tx);
          if (request) {
            request.onsuccess = () => {
              result = request.result;
            };
          }
          tx.oncomplete = () => resolve(result);
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        }),
    );

  return {
    run,
    getAll: async <T>(store: StoreName): Promise<T[]> =>
      ((await run([store], 'readonly', (tx) => tx.objectStore(store).getAll() as IDBRequest<T[]>)) as T[]) ??
      [],
    putAll: (store: StoreName, values: readonly unknown[]) =>
      run([store], 'readwrite', (tx) => {
        for (const value of values) tx.objectStore(store).put(value);
        return undefined;
      }),
    remove: (store: StoreName, key: string) =>
      run([store], 'readwrite', (tx) => {
        tx.objectStore(store).delete(key);
        return undefined;
      }),
    getMeta: <T>(key: string) =>
      run<T>(['meta'], 'readonly', (tx) => tx.objectStore('meta').get(key) as IDBRequest<T>),
    setMeta: (key: string, value: unknown) =>
      run(['meta'], 'readwrite', (tx) => {
        tx.objectStore('meta').put(value, key);
        return undefined;
      }),
  };
}
