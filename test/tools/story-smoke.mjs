// Loads every built Storybook story in headless Chromium and fails on what a visitor of the demo
// would hit: a console error, an uncaught exception, a failed request, a story that errors while
// rendering, or an axe violation — in the light and the dark scheme. One line per story, then
// "N passed, N failed".
//
//   node test/tools/story-smoke.mjs               builds storybook-static first (offline), then checks
//   node test/tools/story-smoke.mjs --no-build    checks the storybook-static that is there
//   node test/tools/story-smoke.mjs --only demo-  only stories whose id contains "demo-"
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT_DIR = join(ROOT, 'storybook-static');
const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
/** Stories rendered at once: each in its own page; the launch flags keep background pages running. */
const PARALLEL = 4;
const RENDER_TIMEOUT_MS = 20_000;
/** How long a story may keep showing a loading state before it is checked as it is. */
const SETTLE_TIMEOUT_MS = 4_000;

/**
 * Axe rules that judge a whole page, not a component: a story's root is a fragment of a page,
 * so "all content in landmarks" cannot apply (Storybook's a11y addon turns it off for the same
 * reason). Everything else, including colour contrast, is checked.
 */
const PAGE_ONLY_RULES = { region: { enabled: false } };

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

/** Serves `dir` as static files on 127.0.0.1 at a free port; resolves with the server and its base URL. */
export function serveDirectory(dir) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    // Nothing outside the directory, however the path is spelled.
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => done({ server, baseUrl: `http://127.0.0.1:${server.address().port}` }));
  });
}

function buildStorybook() {
  const result = spawnSync('npx', ['--no-install', 'storybook', 'build', '--quiet', '-o', 'storybook-static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`storybook build exited with ${result.status}`);
}

/** Waits until Storybook says the story's render (play function and a11y afterEach included) is over. */
async function waitForRender(page, id) {
  await page.waitForFunction(
    (storyId) => {
      const render = window.__STORYBOOK_PREVIEW__?.storyRenders?.find((candidate) => candidate.id === storyId);
      return document.body.classList.contains('sb-show-errordisplay') || ['finished', 'errored', 'aborted'].includes(render?.phase);
    },
    { timeout: RENDER_TIMEOUT_MS, polling: 50 },
    id,
  );
  return page.evaluate((storyId) => {
    const render = window.__STORYBOOK_PREVIEW__.storyRenders.find((candidate) => candidate.id === storyId);
    const shown = document.body.classList.contains('sb-show-errordisplay');
    const message = document.querySelector('#error-message')?.textContent?.trim();
    if (!shown && render?.phase === 'finished') return null;
    return `render ${shown ? 'error' : (render?.phase ?? 'failed')}${message ? `: ${message}` : ''}`;
  }, id);
}

/**
 * Waits, up to a limit, until no outcome element is loading (their `:state(loading)`, looked
 * for through shadow roots), so that axe sees the loaded story rather than its first frame.
 * A story that shows loading on purpose is checked as it is once the limit passes.
 */
async function settle(page) {
  await page
    .waitForFunction(
      () => {
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
  // Two frames for the last update to paint.
  await page.evaluate(() => new Promise((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(done))));
}

/** The story's outcome elements (outside shadow roots) that do not take the toolbar's language and direction. */
function notFollowingToolbar(page, { locale, direction }) {
  return page.evaluate(
    (want) =>
      [...document.querySelectorAll('#storybook-root *')]
        .filter((element) => element.localName.startsWith('outcome-') || element.localName === 'disposition-popup')
        .filter((element) => typeof element.locale === 'string')
        .flatMap((element) => {
          const problems = [];
          // A provider's own `lang` (a story control left empty by default) is the host's choice.
          const pinned = element.closest('outcome-provider[lang]');
          if (!pinned && element.locale !== want.locale) problems.push(`<${element.localName}> speaks ${element.locale}, the toolbar says ${want.locale}`);
          if (window.getComputedStyle(element).direction !== want.direction) problems.push(`<${element.localName}> is ${window.getComputedStyle(element).direction}, the toolbar says ${want.direction}`);
          return problems;
        }),
    { locale, direction },
  );
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (rules) => {
    const result = await window.axe.run(document.querySelector('#storybook-root') ?? document, { rules });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
    }));
  }, PAGE_ONLY_RULES);
}

/**
 * The toolbar's globals (.storybook/preview.ts) each story is checked under: light in English,
 * left to right; dark in Spanish, right to left — so axe's contrast rule sees the dark theme,
 * and every story is seen to follow the toolbar's language and direction (a story that pins its
 * own `lang` stops the toolbar from reaching its elements, as the editor's stories once did).
 */
const SCHEMES = ['light', 'dark'];
const GLOBALS = { light: 'scheme:light;lang:en;dir:ltr', dark: 'scheme:dark;lang:es;dir:rtl' };
const TOOLBAR = { light: { locale: 'en', direction: 'ltr' }, dark: { locale: 'es', direction: 'rtl' } };
/** Stories about one language on purpose: their elements keep it whatever the toolbar says. */
const PINNED_LANGUAGE = /spanish|espa/i;

/** Loads one story in every scheme; returns what went wrong (empty when nothing). */
async function checkStory(browser, baseUrl, id) {
  const problems = [];
  for (const scheme of SCHEMES) {
    for (const problem of await checkStoryIn(browser, baseUrl, id, scheme)) problems.push(`[${scheme}] ${problem}`);
  }
  return problems;
}

async function checkStoryIn(browser, baseUrl, id, scheme) {
  const problems = [];
  const page = await browser.newPage();
  // Every request counts, the favicon's too (.storybook/public, linked from preview-head.html).
  page.on('console', (message) => {
    // Chromium reports a failed load as a console error too; the request listeners below say which.
    const url = message.location()?.url;
    if (message.type() === 'error') problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${GLOBALS[scheme]}`, { waitUntil: 'load' });
    const renderProblem = await waitForRender(page, id);
    if (renderProblem) problems.push(renderProblem);
    await settle(page);
    if (!PINNED_LANGUAGE.test(id)) {
      for (const stray of await notFollowingToolbar(page, TOOLBAR[scheme])) problems.push(stray);
    }
    for (const violation of await axeViolations(page)) {
      problems.push(`axe ${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')}`);
    }
  } catch (error) {
    problems.push(`could not check: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

async function main(argv) {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : '';
  if (!argv.includes('--no-build')) buildStorybook();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install one or set CHROME_PATH.');
  const { server, baseUrl } = await serveDirectory(OUT_DIR);
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  try {
    const index = await (await fetch(`${baseUrl}/index.json`)).json();
    const ids = Object.values(index.entries)
      .filter((entry) => entry.type === 'story' && entry.id.includes(only))
      .map((entry) => entry.id);
    if (ids.length === 0) throw new Error('index.json lists no story.');
    const queue = [...ids];
    const results = new Map();
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) results.set(id, await checkStory(browser, baseUrl, id));
      }),
    );
    // Printed in index order, whatever order the pages finished in.
    for (const id of ids) {
      const problems = results.get(id);
      if (problems.length === 0) {
        passed++;
        console.log(`ok    ${id}`);
      } else {
        failed++;
        console.log(`FAIL  ${id}`);
        for (const problem of problems) console.log(`        ${problem}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      console.log('\n0 passed, 1 failed');
      process.exit(1);
    },
  );
}
