import { executeServerCommand } from '@web/test-runner-commands';

/**
 * A prefix of this page's own for the library's source (see FRESH_COPY in
 * web-test-runner.config.mjs): Chromium hands a page a module that an earlier page of the same
 * browser fetched, without asking the server, so a test about a module fetched on demand loads
 * the library through it. Each test file is its own page, so each gets its own prefix.
 */
export const FRESH = `/fresh-${crypto.randomUUID()}`;

/** Registers the elements from the fresh copy and answers its adapters module. */
export async function freshLibrary(): Promise<typeof import('../../src/adapters/index.js')> {
  await import(/* @vite-ignore */ `${FRESH}/src/define.ts`);
  return (await import(/* @vite-ignore */ `${FRESH}/src/adapters/index.ts`)) as typeof import('../../src/adapters/index.js');
}

/** Runs `work` while the dev server answers `path` with 503; lifted afterwards, whatever happens. */
export async function whileUnavailable(path: string, work: () => Promise<void>): Promise<void> {
  await executeServerCommand('make-unavailable', { path, unavailable: true });
  try {
    await work();
  } finally {
    // Other test files (pages) share the dev server.
    await executeServerCommand('make-unavailable', { path, unavailable: false });
  }
}

/** How many requests for `path` were refused; lifts the refusal. */
export function refusedRequests(path: string): Promise<unknown> {
  return executeServerCommand('make-unavailable', { path, unavailable: false });
}

/** Waits until `condition` holds, polling every 10 ms; fails naming `what` after `ms`. */
export async function until(condition: () => unknown, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
