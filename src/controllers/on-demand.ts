/** Code an element fetches on demand (a dynamic `import()`), once per page. */
export interface OnDemand<T> {
  /** The module, once it has arrived; undefined before, and after a failed fetch. */
  readonly loaded: T | undefined;
  /** The module: here already, or the fetch under way, or a new fetch after a failed one. */
  load(): Promise<T>;
}

/**
 * Wraps a dynamic import so that every element of the page shares one fetch of it, and a fetch
 * that failed (offline) is tried again the next time it is asked for, not on every render. The
 * `import()` stays at the call site, so bundlers still split the module out:
 * `const kit = onDemand(() => import('./editing-kit.js'))`.
 */
export function onDemand<T>(fetch: () => Promise<T>): OnDemand<T> {
  let loaded: T | undefined;
  let request: Promise<T> | undefined;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      request ??= fetch().then(
        (module) => (loaded = module),
        (error: unknown) => {
          request = undefined;
          throw error;
        },
      );
      return request;
    },
  };
}
