/**
 * A keyed collection that persists in IndexedDB, shared by every tab of the origin; what the
 * outbox, the pending wrap-ups and the last known lists are kept in. Every method settles once
 * the change is durable (`durability: 'strict'`), and reads see the one committed state, so a
 * tab holding a Web Lock sees what the previous holder left (localStorage does not: each tab
 * reads a cached copy that hears of other tabs' writes late).
 */
export interface KeyedStore<T> {
  /** Every stored value, as stored: callers check the shape, since storage outlives versions. */
  all(): Promise<unknown[]>;
  get(key: string): Promise<unknown>;
  put(value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * `durable` while IndexedDB holds the values; `memory` on a page that has no storage at all
   * (opaque origins, where opening throws a SecurityError, or no IndexedDB), where they last as
   * long as the page.
   */
  kind(): Promise<'durable' | 'memory'>;
}

export interface IndexedDbLocation {
  database: string;
  store: string;
  keyPath: string;
}

/** Why a store refuses: IndexedDB exists but could not be opened (a newer version, a broken profile). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

const pageStores = new Map<string, KeyedStore<unknown>>();

/** The page's IndexedDB store at `location`, one connection shared by every user of it. */
export function pageStore<T>(location: IndexedDbLocation): KeyedStore<T> {
  const name = `${location.database}/${location.store}`;
  let store = pageStores.get(name);
  if (!store) pageStores.set(name, (store = indexedDbStore(() => globalThis.indexedDB, location)));
  return store as KeyedStore<T>;
}

export function indexedDbStore<T>(factory: () => IDBFactory | undefined, location: IndexedDbLocation): KeyedStore<T> {
  let database: Promise<IDBDatabase | 'memory'> | undefined;
  const fallback = memoryStore<T>(location.keyPath);
  // A failed open is not kept: the next use tries again (the other version may have closed).
  const connect = (): Promise<IDBDatabase | 'memory'> =>
    (database ??= open(factory, location, () => (database = undefined)).catch((error: unknown) => {
      database = undefined;
      throw error;
    }));
  const run = async <R>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<R> | void,
    otherwise: (store: KeyedStore<T>) => Promise<R>,
  ): Promise<R> => {
    const db = await connect();
    if (db === 'memory') return otherwise(fallback);
    return new Promise<R>((resolve, reject) => {
      const transaction = db.transaction(location.store, mode, { durability: 'strict' });
      const request = work(transaction.objectStore(location.store));
      transaction.oncomplete = () => resolve(request?.result as R);
      transaction.onerror = transaction.onabort = () =>
        reject(transaction.error ?? new DOMException('The write was aborted.', 'AbortError'));
    });
  };
  return {
    all: () => run('readonly', (store) => store.getAll(), (store) => store.all()),
    get: (key) => run('readonly', (store) => store.get(key), (store) => store.get(key)),
    put: (value) => run('readwrite', (store) => void store.put(value), (store) => store.put(value)),
    delete: (key) => run('readwrite', (store) => void store.delete(key), (store) => store.delete(key)),
    kind: async () => ((await connect()) === 'memory' ? 'memory' : 'durable'),
  };
}

function open(factory: () => IDBFactory | undefined, location: IndexedDbLocation, onClose: () => void): Promise<IDBDatabase | 'memory'> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      const indexedDB = factory();
      if (!indexedDB) return resolve('memory');
      request = indexedDB.open(location.database, 1);
    } catch (error) {
      // Opaque origins throw on open: the page has no storage at all, so memory is all there is.
      if (error instanceof DOMException && error.name === 'SecurityError') return resolve('memory');
      return reject(new StorageUnavailableError(`IndexedDB "${location.database}" could not be opened.`, { cause: error }));
    }
    request.onupgradeneeded = () => request.result.createObjectStore(location.store, { keyPath: location.keyPath });
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of the library opening the database must not be blocked by this page;
      // the next use opens it again.
      db.onversionchange = () => {
        db.close();
        onClose();
      };
      db.onclose = onClose;
      resolve(db);
    };
    // E.g. a VersionError when the database exists at a newer version: the values are on the
    // device but out of reach, and pretending to keep new ones in memory would lose them.
    request.onerror = () => {
      const cause = request.error;
      reject(new StorageUnavailableError(`IndexedDB "${location.database}" could not be opened: ${cause?.name ?? 'unknown error'}.`, { cause }));
    };
    request.onblocked = () => undefined;
  });
}

/** The same contract in memory, for pages without storage and for tests. */
export function memoryStore<T>(keyPath: string): KeyedStore<T> {
  const values = new Map<string, T>();
  const keyOf = (value: T) => String((value as Record<string, unknown>)[keyPath]);
  return {
    all: async () => [...values.values()].map((value) => structuredClone(value)),
    get: async (key) => (values.has(key) ? structuredClone(values.get(key)) : undefined),
    put: async (value) => void values.set(keyOf(value), structuredClone(value)),
    delete: async (key) => void values.delete(key),
    kind: async () => 'memory',
  };
}
