// The runner of many writes, shared by reordering (ordinal-writes.ts) and importing (the editor's
// import view): at most MAX_IN_FLIGHT in flight, and the event loop gets a turn between slices.

/** Writes in flight at once, at most: for a reorder as for an import. */
export const MAX_IN_FLIGHT = 4;

/**
 * A turn for the event loop: a task queued behind those already waiting (input, timers, other
 * elements' work), unlike `scheduler.yield()`, whose continuation goes first, and without the
 * 4 ms clamp of nested `setTimeout`s.
 */
export function pause(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Runs `job` over `items` with at most `limit` in flight; stops taking new items once `stop()`
 * says so. Answers that arrive at once (an adapter in memory) would chain into one long task,
 * so after `sliceMs` of work no new job starts until the event loop has had a turn — one pause
 * for the whole pool, not one per job in flight.
 */
export function pool<T>(items: readonly T[], limit: number, sliceMs: number, job: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let inFlight = 0;
    let paused = false;
    let sliceStart = performance.now();
    const launch = (): void => {
      while (!stop() && inFlight < limit && next < items.length) {
        inFlight++;
        void job(items[next++]!).then(settle, settle);
      }
      if (inFlight === 0) resolve();
    };
    const settle = (): void => {
      inFlight--;
      if (paused) return;
      if (performance.now() - sliceStart <= sliceMs) return launch();
      paused = true;
      void pause().then(() => {
        paused = false;
        sliceStart = performance.now();
        launch();
      });
    };
    launch();
  });
}
