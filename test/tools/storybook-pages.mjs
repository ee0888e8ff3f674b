// What the tools that load built Storybook stories in Chromium share (story-smoke.mjs, visual.mjs):
// building and serving storybook-static, listing its stories, the story URL under the toolbar's
// globals, and waiting until a story has rendered and settled.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const STORYBOOK_DIR = join(ROOT, 'storybook-static');

const RENDER_TIMEOUT_MS = 20_000;
/** How long a story may keep showing a loading state before it is checked as it is. */
const SETTLE_TIMEOUT_MS = 4_000;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` as static files on 127.0.0.1 at a free port; resolves with the server and its base URL.
 * @param {string} dir
 * @returns {Promise<{ server: import('node:http').Server, baseUrl: string }>}
 */
export function serveDirectory(dir) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    // Nothing outside the directory, however the path is spelled.
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME[/** @type {keyof MIME} */ (extname(file))] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      done({ server, baseUrl: `http://127.0.0.1:${address.port}` });
    });
  });
}

/** Builds storybook-static (offline; Storybook's own output is quiet, its errors are not). */
export function buildStorybook() {
  const result = spawnSync('npx', ['--no-install', 'storybook', 'build', '--quiet', '-o', 'storybook-static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`storybook build exited with ${result.status}`);
}

/**
 * The ids of the built stories (not docs pages) whose id contains `only`, in the index's order.
 * @param {string} baseUrl
 * @param {string} [only]
 * @returns {Promise<string[]>}
 */
export async function storyIds(baseUrl, only = '') {
  /** @type {{ entries: Record<string, { type: string, id: string }> }} */
  const index = await (await fetch(`${baseUrl}/index.json`)).json();
  const ids = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && entry.id.includes(only))
    .map((entry) => entry.id);
  if (ids.length === 0) throw new Error(`index.json lists no story${only ? ` matching "${only}"` : ''}.`);
  return ids;
}

/**
 * @typedef {{ scheme: 'light' | 'dark' | 'system', lang: string, dir: 'ltr' | 'rtl' }} ToolbarGlobals
 * The toolbar's globals (.storybook/preview.ts): colour scheme, language of the elements, direction.
 */

/**
 * The URL of one story alone in the preview frame, under the given toolbar globals; with
 * `axe: false`, without the a11y addon's own axe run after each render (a tool that does not
 * check accessibility need not wait for it).
 * @param {string} baseUrl
 * @param {string} id
 * @param {ToolbarGlobals} globals
 * @param {{ axe?: boolean }} [options]
 */
export function storyUrl(baseUrl, id, { scheme, lang, dir }, { axe = true } = {}) {
  const manualAxe = axe ? '' : ';a11y.manual:!true';
  return `${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=scheme:${scheme};lang:${lang};dir:${dir}${manualAxe}`;
}

/**
 * Waits until Storybook says the story's render (play function and a11y afterEach included) is
 * over; resolves with what went wrong, or null.
 * @param {import('puppeteer-core').Page} page
 * @param {string} id
 * @returns {Promise<string | null>}
 */
export async function waitForRender(page, id) {
  await page.waitForFunction(
    (storyId) => {
      // @ts-expect-error Storybook's preview global
      const render = window.__STORYBOOK_PREVIEW__?.storyRenders?.find((candidate) => candidate.id === storyId);
      return document.body.classList.contains('sb-show-errordisplay') || ['finished', 'errored', 'aborted'].includes(render?.phase);
    },
    { timeout: RENDER_TIMEOUT_MS, polling: 50 },
    id,
  );
  return page.evaluate((storyId) => {
    // @ts-expect-error Storybook's preview global
    const render = window.__STORYBOOK_PREVIEW__.storyRenders.find((candidate) => candidate.id === storyId);
    const shown = document.body.classList.contains('sb-show-errordisplay');
    const message = document.querySelector('#error-message')?.textContent?.trim();
    if (!shown && render?.phase === 'finished') return null;
    return `render ${shown ? 'error' : (render?.phase ?? 'failed')}${message ? `: ${message}` : ''}`;
  }, id);
}

/**
 * Waits, up to a limit, until no outcome element is loading (their `:state(loading)`, looked
 * for through shadow roots), so that checks see the loaded story rather than its first frame.
 * A story that shows loading on purpose is checked as it is once the limit passes.
 * @param {import('puppeteer-core').Page} page
 */
export async function settle(page) {
  await page
    .waitForFunction(
      () => {
        /** @param {Document | ShadowRoot} root @returns {boolean} */
        const busy = (root) =>
          [...root.querySelectorAll('*')].some((element) => {
            try {
              if (element.matches(':state(loading)')) return true;
            } catch {
              // :state() unsupported: nothing to wait for.
            }
            return element.shadowRoot ? busy(element.shadowRoot) : false;
          });
        return !busy(document);
      },
      { timeout: SETTLE_TIMEOUT_MS, polling: 100 },
    )
    .catch(() => undefined);
  await nextFrames(page);
}

/**
 * Two animation frames: the last update has painted.
 * @param {import('puppeteer-core').Page} page
 */
export function nextFrames(page) {
  return page.evaluate(() => new Promise((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(done))));
}

/**
 * Runs `work` on every item, `parallel` at a time; resolves with the results in the items' order.
 * @template T, R
 * @param {T[]} items
 * @param {number} parallel
 * @param {(item: T) => Promise<R>} work
 * @returns {Promise<R[]>}
 */
export async function inPool(items, parallel, work) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      for (let at = next++; at < items.length; at = next++) results[at] = await work(/** @type {T} */ (items[at]));
    }),
  );
  return results;
}

/**
 * Runs `main(argv)` when `moduleUrl` is the script node was started with (not when imported):
 * exits with its code; a crash prints the totals line CI reads, as one failure.
 */
export function runWhenStarted(moduleUrl, main) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      console.log('\n0 passed, 1 failed');
      process.exit(1);
    },
  );
}
