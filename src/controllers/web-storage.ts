/**
 * localStorage or sessionStorage where the page may use them, else a memory stand-in: on an
 * opaque origin (sandboxed iframe, about:blank, some embedded webviews) merely reading
 * `window.localStorage` throws, and an agent must still be able to record.
 */
export function webStorage(kind: 'localStorage' | 'sessionStorage'): Storage {
  try {
    const storage = window[kind];
    storage.getItem('outcome-elements:probe');
    return storage;
  } catch {
    return memoryStorage(kind);
  }
}

const fallbacks = new Map<string, Storage>();

function memoryStorage(kind: string): Storage {
  let storage = fallbacks.get(kind);
  if (!storage) {
    const items = new Map<string, string>();
    storage = {
      get length() {
        return items.size;
      },
      clear: () => items.clear(),
      getItem: (key) => items.get(key) ?? null,
      key: (index) => [...items.keys()][index] ?? null,
      removeItem: (key) => void items.delete(key),
      setItem: (key, value) => void items.set(key, String(value)),
    };
    fallbacks.set(kind, storage);
  }
  return storage;
}
