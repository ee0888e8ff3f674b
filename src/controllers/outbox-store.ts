import type { OutboxEntry } from './outbox.js';

/** Where outbox entries persist. Every method settles once the change is durable. */
export interface OutboxStore {
  all(): Promise<unknown[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(idempotencyKey: string): Promise<void>;
}

const DATABASE = 'outcome-elements';
const ENTRIES = 'outbox';

let shared: OutboxStore | undefined;

/**
 * The page's outbox store: IndexedDB, shared by every tab of the origin. Not localStorage:
 * a tab's localStorage is a cached copy that hears of other tabs' writes late, so a tab that
 * takes the outbox lock right after another tab delivered a record can still see it and send
 * it again (the hardening soak showed it). IndexedDB reads the one committed state, so under
 * the lock every tab sees what the previous holder left. Where IndexedDB is refused (opaque
 * origins, some embedded webviews) the entries live in memory for the page's lifetime.
 */
export function pageOutboxStore(): OutboxStore {
  shared ??= indexedDbStore(() => globalThis.indexedDB);
  return shared;
}

export function indexedDbStore(factory: () => IDBFactory | undefined): OutboxStore {
  let database: Promise<IDBDatabase | undefined> | undefined;
  const fallback = memoryStore();
  const connect = (): Promise<IDBDatabase | undefined> =>
    (database ??= open(factory, () => (database = undefined)).catch(() => undefined));
  const run = async <T>(
    mode: IDBTransactionMode,
    work: (entries: IDBObjectStore) => IDBRequest<T> | void,
    otherwise: (store: OutboxStore) => Promise<T>,
  ): Promise<T> => {
    const db = await connect();
    if (!db) return otherwise(fallback);
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(ENTRIES, mode, { durability: 'strict' });
      const request = work(transaction.objectStore(ENTRIES));
      transaction.oncomplete = () => resolve(request?.result as T);
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new DOMException('The outbox write was aborted.', 'AbortError'));
    });
  };
  return {
    all: () => run('readonly', (entries) => entries.getAll(), (store) => store.all()),
    put: (entry) => run('readwrite', (entries) => void entries.put(entry), (store) => store.put(entry)),
    delete: (key) => run('readwrite', (entries) => void entries.delete(key), (store) => store.delete(key)),
  };
}

function open(factory: () => IDBFactory | undefined, onClose: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // Throws on opaque origins; the error event covers browsers that refuse later.
    const request = factory()!.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(ENTRIES, { keyPath: 'idempotencyKey' });
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
    request.onerror = () => reject(request.error);
  });
}

export function memoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    all: async () => [...entries.values()].map((entry) => structuredClone(entry)),
    put: async (entry) => void entries.set(entry.idempotencyKey, structuredClone(entry)),
    delete: async (key) => void entries.delete(key),
  };
}
