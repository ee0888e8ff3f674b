// Visual regression: every built Storybook story in four looks (light, dark, Spanish, right to
// left) at a narrow and a wide width, screenshotted in Chromium and compared pixel by pixel with
// the committed baselines in test/visual/baselines/. Each screenshot is also checked for overflow:
// no element of the library reaches past the window (unless the page scrolls it), and in its
// shadow root no visible part reaches sideways past the host's box (what a scroll container holds
// is the container's business), no clipping box hides part of its content (an ellipsis aside),
// and no scroll container scrolls sideways.
// One line per story, then "N passed, N failed" — one test per story, look and width.
//
//   node test/tools/visual.mjs                 builds storybook-static first (offline), then compares
//   node test/tools/visual.mjs --no-build      compares the storybook-static that is there
//   node test/tools/visual.mjs --update        writes the baselines that are missing or changed
//   node test/tools/visual.mjs --only picker-  only stories whose id contains "picker-"
//
// What changed is written to .test-results/visual/ (git-ignored): for each failing screenshot the
// baseline, the new screenshot and an image of the differing pixels in red.
/* global HTMLElement, CSSStyleSheet, DOMRect -- the functions given to page.evaluate run in the page */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { ROOT, STORYBOOK_DIR, buildStorybook, inPool, serveDirectory, settle, storyIds, runWhenStarted, storyUrl, waitForRender } from './storybook-pages.mjs';

const BASELINE_DIR = join(ROOT, 'test/visual/baselines');
const OUTPUT_DIR = join(ROOT, '.test-results/visual');

/** @type {Record<string, import('./storybook-pages.mjs').ToolbarGlobals>} */
const LOOKS = {
  light: { scheme: 'light', lang: 'en', dir: 'ltr' },
  dark: { scheme: 'dark', lang: 'en', dir: 'ltr' },
  es: { scheme: 'light', lang: 'es', dir: 'ltr' },
  rtl: { scheme: 'light', lang: 'en', dir: 'rtl' },
};
/** A phone held upright, and a desktop window: the layouts the elements switch between. */
const WIDTHS = [360, 1280];
const VIEWPORT_HEIGHT = 800;

/**
 * Stories left out, each with why it cannot give the same picture twice. Empty: every story is
 * made deterministic by the page setup below (fixed clock, seeded random, no motion).
 * @type {Record<string, string>}
 */
const EXCLUDED = {};

/**
 * Browsers at once, each showing one page (one story in one look) at a time: a browser's pages
 * share one focused window, and focus rings would show in whichever page was opened last.
 */
const PARALLEL = 3;
/** Per-pixel colour distance below which two pixels count as equal (pixelmatch's scale, 0–1). */
const PIXEL_THRESHOLD = 0.1;
/**
 * Differing pixels a screenshot may have and still match: a few, for anti-aliasing noise on one
 * glyph. A count, not a share of the area: a one-pixel change to a small part (one radio's
 * border) is a few dozen pixels, however large the screenshot around it.
 */
const MAX_DIFF_PIXELS = 8;
/** The library's elements, from its manifest: the stories' own helper elements are not checked for overflow. */
const ELEMENT_TAGS = /** @type {{ modules: { declarations?: { tagName?: string }[] }[] }} */ (
  JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'))
).modules.flatMap((module) => (module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : [])));
/** Sub-pixel layout rounding allowed before a part counts as overflowing its host. */
const OVERFLOW_TOLERANCE_PX = 1;

/** Chromium flags for the same pixels on every run: one colour profile, fonts without hinting, one UI language. */
const VISUAL_ARGS = ['--force-color-profile=srgb', '--font-render-hinting=none', '--lang=en-US'];

/**
 * Runs in every page before the story's scripts, so that a story draws the same every time:
 * - The clock starts at one instant and moves one millisecond each time it is read: the
 *   countdown, the outbox's "since", the follow-up's quick times and "today" always see the
 *   same time, and what is stamped in order keeps its order (the outbox sorts by time).
 * - Nothing scheduled a second or more ahead runs (background retries, hourly flushes, the
 *   outbox's age ticker): with a clock that stands still, "later" never comes, instead of
 *   coming before or after the screenshot depending on the machine's load. Shorter timers (an
 *   adapter's latency, a debounce) run as usual.
 * - Math.random is a seeded generator (the memory adapter's failures and jitter, retry jitter).
 * @param {number} startTime
 * @param {number} laterMs
 */
function freezeTimeAndChance(startTime, laterMs) {
  const RealDate = Date;
  let reads = 0;
  const now = () => startTime + reads++;
  window.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });

  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout, setInterval: realSetInterval } = window;
  // The longest delay a timer takes (about 24 days): an id clearTimeout accepts, for a callback that never runs.
  const never = () => realSetTimeout(() => undefined, 2 ** 31 - 1);
  // Short timeouts still to run (an adapter's latency, a debounce): the story is not at rest yet.
  const pending = new Set();
  let busySince = performance.now();
  let quietSince = performance.now();
  /** @param {number} id */
  const done = (id) => {
    if (pending.delete(id) && pending.size === 0) quietSince = performance.now();
  };
  /** @param {TimerHandler} handler @param {number} [delay] @param {unknown[]} rest */
  const setShortTimeout = (handler, delay, ...rest) => {
    if (Number(delay) >= laterMs) return never();
    if (typeof handler !== 'function') return realSetTimeout(handler, delay, ...rest);
    const id = realSetTimeout(
      (/** @type {unknown[]} */ ...args) => {
        done(id);
        handler(...args);
      },
      delay,
      ...rest,
    );
    if (pending.size === 0) busySince = performance.now();
    pending.add(id);
    return id;
  };
  /** @param {TimerHandler} handler @param {number} [delay] @param {unknown[]} rest */
  const setShortInterval = (handler, delay, ...rest) => (Number(delay) >= laterMs ? never() : realSetInterval(handler, delay, ...rest));
  window.setTimeout = /** @type {typeof setTimeout} */ (setShortTimeout);
  window.setInterval = /** @type {typeof setInterval} */ (setShortInterval);
  window.clearTimeout = (id) => {
    if (id !== undefined) done(/** @type {number} */ (id));
    realClearTimeout(id);
  };
  /** How long no short timeout has been waiting, in ms (0 while one is). */
  Object.defineProperty(window, '__visualQuietFor', {
    value: () => (pending.size > 0 || quietSince < busySince ? 0 : performance.now() - quietSince),
  });

  // mulberry32: small, fast, and the same sequence from the same seed.
  let seed = 0x5eed;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** Timers this long or longer never run in a screenshot's page. */
const LATER_MS = 1000;
/** A Wednesday afternoon in UTC: quick follow-up times ("tomorrow morning", "next week") fall on working days. */
const FIXED_TIME = Date.parse('2026-03-04T14:30:00Z');

/** How long one step of bringing a story to rest may take before the screenshot is given up. */
const STEP_TIMEOUT_MS = 15_000;

/**
 * Runs `fn` in the page, failing with what was waited for if it does not finish in time (a
 * promise in the page that never settles would otherwise hold the run for minutes).
 * @template {unknown[]} A, R
 * @param {import('puppeteer-core').Page} page
 * @param {string} what
 * @param {(...args: A) => R | Promise<R>} fn
 * @param {A} args
 * @returns {Promise<Awaited<R>>}
 */
async function inPage(page, what, fn, ...args) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  try {
    return /** @type {Awaited<R>} */ (await Promise.race([page.evaluate(/** @type {any} */ (fn), ...args), late]));
  } finally {
    clearTimeout(timer);
  }
}

/** Every Lit element, through shadow roots, has finished updating (an update may start another). */
async function updatesDone() {
  /** @param {Document | ShadowRoot | Element} root @returns {Element[]} */
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? [element, ...deep(element.shadowRoot)] : [element]));
  for (let round = 0; round < 10; round++) {
    const updating = deep(document).filter((element) => 'updateComplete' in element);
    const settled = await Promise.all(updating.map((element) => /** @type {Promise<boolean>} */ (/** @type {any} */ (element).updateComplete)));
    if (settled.every(Boolean)) return;
  }
}

/**
 * Takes what moves off the page: Chromium's validation bubble (a story calling reportValidity),
 * which fades in over the page and closes when focus moves — focus leaves and comes back; every
 * animation and transition, in the document and in every shadow root; the blinking caret.
 */
function stillness() {
  /** @param {Document | ShadowRoot | Element} root @returns {Element[]} */
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? [element, ...deep(element.shadowRoot)] : [element]));
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  if (focused instanceof HTMLElement && focused !== document.body) {
    focused.blur();
    focused.focus({ preventScroll: true });
  }
  const still = new CSSStyleSheet();
  still.replaceSync('*, *::before, *::after, ::backdrop { animation: none !important; transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }');
  for (const root of [document, ...deep(document).flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []))]) {
    if (!root.adoptedStyleSheets.some((sheet) => sheet.cssRules[0]?.cssText.includes('caret-color: transparent'))) root.adoptedStyleSheets = [...root.adoptedStyleSheets, still];
  }
  for (const animation of document.getAnimations()) {
    try {
      animation.finish();
    } catch {
      // An endless animation cannot finish: it goes back to its first frame.
      animation.cancel();
    }
  }
}

/**
 * The area to screenshot, in page coordinates: the story's root and any top-layer part (the
 * popup's modal dialog sits over the page, outside the root's box), within the page's width.
 */
function storyArea() {
  /** @param {Document | ShadowRoot | Element} root @returns {Element[]} */
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? [element, ...deep(element.shadowRoot)] : [element]));
  const boxes = [document.querySelector('#storybook-root')?.getBoundingClientRect()];
  for (const element of deep(document)) {
    if (element.matches('dialog:modal, :popover-open')) boxes.push(element.getBoundingClientRect());
  }
  const shown = /** @type {DOMRect[]} */ (boxes.filter((box) => box && box.width > 0 && box.height > 0));
  const left = Math.max(0, Math.floor(Math.min(...shown.map((box) => box.left))));
  const top = Math.max(0, Math.floor(Math.min(...shown.map((box) => box.top))));
  const right = Math.min(document.documentElement.clientWidth, Math.ceil(Math.max(...shown.map((box) => box.right))));
  const bottom = Math.ceil(Math.max(...shown.map((box) => box.bottom)));
  return { x: left + window.scrollX, y: top + window.scrollY, width: right - left, height: bottom - top };
}

/** How long no short timeout may wait before the story counts as quiet (a chain of timeouts has gaps). */
const QUIET_MS = 250;
/** How long a story may keep scheduling short timeouts before it is taken as it is. */
const QUIET_TIMEOUT_MS = 15_000;

/**
 * Waits until no short timeout (an adapter's latency, a debounce) has been waiting for a while:
 * the answers a story waits for have come, however slow the machine is today.
 * @param {import('puppeteer-core').Page} page
 */
async function quiet(page) {
  await page
    // @ts-expect-error set up by freezeTimeAndChance
    .waitForFunction((ms) => window.__visualQuietFor() >= ms, { timeout: QUIET_TIMEOUT_MS, polling: 50 }, QUIET_MS)
    .catch(() => undefined);
}

/**
 * Brings the story to rest — elements updated, fonts loaded, nothing moving — and resolves with
 * the area to screenshot.
 * @param {import('puppeteer-core').Page} page
 */
async function bringToRest(page) {
  await inPage(page, 'element updates', updatesDone);
  await inPage(page, 'fonts', () => document.fonts.ready.then(() => undefined));
  await inPage(page, 'stopping motion', stillness);
  await inPage(page, 'element updates after refocusing', updatesDone);
  await inPage(page, 'two frames', () => new Promise((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => done(undefined)))));
  return inPage(page, 'the story area', storyArea);
}

/**
 * The visible parts of the library's elements that reach sideways past their host's box (or, for a
 * top-layer part, past the window), and the clipping boxes that hide part of what they hold.
 * A part inside a scroll container is the container's business: the container itself is
 * checked. Text cut with an ellipsis is intentional and not reported.
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<string[]>}
 */
async function overflows(page) {
  const found = await page.evaluate(
    (/** @type {number} */ tolerance, /** @type {string[]} */ tags) => {
    /** @param {Document | ShadowRoot | Element} root @returns {Element[]} */
    const deep = (root) => [...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? [element, ...deep(element.shadowRoot)] : [element]));
    /** @param {Element} element */
    const name = (element) => {
      const part = element.getAttribute('part');
      const classes = [...element.classList].slice(0, 2).map((token) => `.${token}`).join('');
      return `${element.localName}${element.id ? `#${element.id}` : ''}${classes}${part ? `[part="${part}"]` : ''}`;
    };
    /** @param {Element} element */
    const visible = (element) => {
      const box = element.getBoundingClientRect();
      // Zero-sized or 1×1 boxes paint nothing (visually hidden labels are clipped to 1 px).
      return box.width > 1 && box.height > 1 && element.checkVisibility({ visibilityProperty: true });
    };
    const root = document.querySelector('#storybook-root');
    if (!root) return ['no #storybook-root'];
    /** @type {string[]} */
    const problems = [];
    for (const host of deep(root).filter((element) => tags.includes(element.localName) && element.shadowRoot)) {
      const hostBox = host.getBoundingClientRect();
      if (window.getComputedStyle(host).display === 'contents' || !visible(host)) continue;
      // The element itself stays in the window, unless the page put it in a scroll container.
      let scrolledByPage = false;
      for (let ancestor = host.parentElement ?? /** @type {ShadowRoot | null} */ (host.parentNode)?.host; ancestor && ancestor !== document.documentElement; ) {
        if (window.getComputedStyle(ancestor).overflowX !== 'visible') scrolledByPage = true;
        ancestor = ancestor.parentElement ?? /** @type {ShadowRoot | null} */ (ancestor.parentNode)?.host;
      }
      const windowWidth = document.documentElement.clientWidth;
      const hostPastStart = Math.round(-hostBox.left);
      const hostPastEnd = Math.round(hostBox.right - windowWidth);
      if (!scrolledByPage && (hostPastStart > tolerance || hostPastEnd > tolerance)) {
        const sides = [hostPastStart > tolerance ? `${hostPastStart} px past the left` : '', hostPastEnd > tolerance ? `${hostPastEnd} px past the right` : ''].filter(Boolean).join(', ');
        problems.push(`<${host.localName}> overflows the window: ${sides} (${Math.round(hostBox.width)} px wide in ${windowWidth} px)`);
      }
      const shadow = /** @type {ShadowRoot} */ (host.shadowRoot);
      for (const element of shadow.querySelectorAll('*')) {
        if (!visible(element)) continue;
        let container = { box: hostBox, what: `<${host.localName}>` };
        let scrolled = false;
        for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
          const style = window.getComputedStyle(ancestor);
          if (style.overflowX !== 'visible') scrolled = true;
          if (ancestor.matches('dialog:modal, :popover-open') && !scrolled) {
            container = { box: ancestor.getBoundingClientRect(), what: name(ancestor) };
            break;
          }
        }
        if (scrolled) continue;
        const box = element.getBoundingClientRect();
        if (element.matches('dialog:modal, :popover-open')) container = { box: new DOMRect(0, 0, document.documentElement.clientWidth, 0), what: 'the window' };
        const pastStart = Math.round(container.box.left - box.left);
        const pastEnd = Math.round(box.right - container.box.right);
        if (pastStart > tolerance || pastEnd > tolerance) {
          const sides = [pastStart > tolerance ? `${pastStart} px past the left` : '', pastEnd > tolerance ? `${pastEnd} px past the right` : ''].filter(Boolean).join(', ');
          problems.push(`<${host.localName}> ${name(element)} overflows ${container.what}: ${sides} (${Math.round(box.width)} px wide in ${Math.round(container.box.width)} px)`);
        }
        const style = window.getComputedStyle(element);
        const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
        const hidden = element.scrollWidth - element.clientWidth;
        if (clips && style.textOverflow !== 'ellipsis' && hidden > tolerance) {
          problems.push(`<${host.localName}> ${name(element)} hides ${hidden} px of its content (overflow-x: ${style.overflowX})`);
        }
        // A scroll container made to scroll down (overflow-y) scrolls sideways too when its
        // content is too wide: nothing in the elements is meant to scroll sideways at these widths.
        const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
        if (scrolls && hidden > tolerance) {
          problems.push(`<${host.localName}> ${name(element)} scrolls sideways by ${hidden} px`);
        }
      }
    }
    return problems;
    },
    OVERFLOW_TOLERANCE_PX,
    ELEMENT_TAGS,
  );
  // The same part in every row of a list is one finding.
  const counts = new Map();
  for (const problem of found) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  return [...counts].map(([problem, count]) => (count > 1 ? `${problem} ×${count}` : problem));
}

/**
 * One story in one look: loaded once at the first width, then brought to each width in turn
 * (as a window is resized), and at each a screenshot and the overflow check.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} baseUrl
 * @param {string} id
 * @param {keyof typeof LOOKS} look
 * @returns {Promise<{ width: number, image?: Buffer, problems: string[] }[]>}
 */
async function capture(browser, baseUrl, id, look) {
  const page = await browser.newPage();
  /** @type {{ width: number, image?: Buffer, problems: string[] }[]} */
  const shots = [];
  try {
    await page.setViewport({ width: /** @type {number} */ (WIDTHS[0]), height: VIEWPORT_HEIGHT, deviceScaleFactor: 1 });
    await page.emulateTimezone('UTC');
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.evaluateOnNewDocument(freezeTimeAndChance, FIXED_TIME, LATER_MS);
    await page.goto(storyUrl(baseUrl, id, LOOKS[look], { axe: false }), { waitUntil: 'load' });
    const renderProblem = await waitForRender(page, id);
    if (renderProblem) return WIDTHS.map((width) => ({ width, problems: [renderProblem] }));
    // Focus rings show only in the focused window: each browser has one page at a time, which is.
    if (!(await page.evaluate(() => document.hasFocus()))) throw new Error('the page does not have focus');
    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) await page.setViewport({ width, height: VIEWPORT_HEIGHT, deviceScaleFactor: 1 });
      await quiet(page);
      // Loads start when the story renders; a wider window only lays out again.
      if (width === WIDTHS[0]) await settle(page);
      const clip = await bringToRest(page);
      const problems = await overflows(page);
      const image = Buffer.from(await page.screenshot({ type: 'png', clip, captureBeyondViewport: true }));
      shots.push({ width, image, problems });
    }
  } catch (error) {
    const problem = `could not capture: ${error instanceof Error ? error.message : error}`;
    for (const width of WIDTHS.slice(shots.length)) shots.push({ width, problems: [problem] });
  } finally {
    await page.close();
  }
  return shots;
}

/**
 * Re-encodes a screenshot as the smallest PNG pngjs writes: no alpha (the page is opaque), the
 * strongest compression, every row filter tried.
 * @param {PNG} png
 */
function compactPng(png) {
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, deflateLevel: 9, filterType: -1 });
}

/**
 * Compares a screenshot with its baseline; writes the three images of a difference to OUTPUT_DIR.
 * @param {string} name
 * @param {Buffer} image
 * @param {boolean} update
 * @returns {{ problem?: string, written?: boolean }}
 */
function compare(name, image, update) {
  const file = join(BASELINE_DIR, `${name}.png`);
  const actual = PNG.sync.read(image);
  /** @type {PNG | undefined} */
  let expected;
  try {
    expected = PNG.sync.read(readFileSync(file));
  } catch {
    expected = undefined;
  }
  /** @type {string | undefined} */
  let problem;
  if (!expected) {
    problem = `no baseline ${relative(ROOT, file)}`;
  } else if (expected.width !== actual.width || expected.height !== actual.height) {
    problem = `size ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height}`;
    writeFileSync(join(OUTPUT_DIR, `${name}.expected.png`), PNG.sync.write(expected));
    writeFileSync(join(OUTPUT_DIR, `${name}.actual.png`), image);
  } else {
    const diff = new PNG({ width: actual.width, height: actual.height });
    const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
    if (differing > MAX_DIFF_PIXELS) {
      problem = `${differing} pixels differ (${((100 * differing) / (actual.width * actual.height)).toFixed(2)} %)`;
      writeFileSync(join(OUTPUT_DIR, `${name}.expected.png`), PNG.sync.write(expected));
      writeFileSync(join(OUTPUT_DIR, `${name}.actual.png`), image);
      writeFileSync(join(OUTPUT_DIR, `${name}.diff.png`), PNG.sync.write(diff));
    }
  }
  if (problem && update) {
    writeFileSync(file, compactPng(actual));
    return { problem, written: true };
  }
  return { problem };
}

/** @param {string[]} argv */
async function main(argv) {
  const update = argv.includes('--update');
  const only = argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '') : '';
  if (!argv.includes('--no-build')) buildStorybook();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install one or set CHROME_PATH.');
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  mkdirSync(BASELINE_DIR, { recursive: true });
  const started = performance.now();
  const { server, baseUrl } = await serveDirectory(STORYBOOK_DIR);
  const browsers = await Promise.all(
    Array.from({ length: PARALLEL }, () => puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...VISUAL_ARGS], protocolTimeout: 60_000 })),
  );
  const idle = [...browsers];
  let passed = 0;
  let failed = 0;
  let written = 0;
  try {
    const ids = await storyIds(baseUrl, only);
    for (const id of Object.keys(EXCLUDED)) if (!ids.includes(id)) throw new Error(`EXCLUDED names ${id}, which is not a story.`);
    const pages = ids.filter((id) => !(id in EXCLUDED)).flatMap((id) => Object.keys(LOOKS).map((look) => ({ id, look })));
    const results = (
      await inPool(pages, PARALLEL, async ({ id, look }) => {
        const browser = /** @type {import('puppeteer-core').Browser} */ (idle.pop());
        const shots = await capture(browser, baseUrl, id, look).finally(() => idle.push(browser));
        return shots.map(({ width, image, problems }) => {
          const name = `${id}.${look}.${width}`;
          if (image) {
            const compared = compare(name, image, update);
            if (compared.written) written++;
            // An updated baseline is what the story looks like now: only the overflows still fail.
            if (compared.problem && !compared.written) problems.unshift(compared.problem);
          }
          return { id, look, width, name, problems };
        });
      })
    ).flat();
    for (const id of ids) {
      if (id in EXCLUDED) {
        console.log(`skip  ${id}: ${EXCLUDED[id]}`);
        continue;
      }
      const mine = results.filter((result) => result.id === id);
      const failing = mine.filter((result) => result.problems.length > 0);
      passed += mine.length - failing.length;
      failed += failing.length;
      console.log(`${failing.length === 0 ? 'ok  ' : 'FAIL'}  ${id} (${mine.length - failing.length}/${mine.length})`);
      for (const result of failing) {
        for (const problem of result.problems) console.log(`        [${result.look} ${result.width}px] ${problem}`);
      }
    }
    if (!only) {
      const wanted = new Set(results.map((result) => `${result.name}.png`));
      const stale = readdirSync(BASELINE_DIR).filter((file) => file.endsWith('.png') && !wanted.has(file));
      for (const file of stale) {
        if (update) rmSync(join(BASELINE_DIR, file));
        console.log(`${update ? 'removed' : 'stale'}  ${relative(ROOT, join(BASELINE_DIR, file))} (no such story and look)`);
      }
    }
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
    server.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (update) console.log(`\n${written} baselines written to ${relative(ROOT, BASELINE_DIR)}`);
  if (failed > 0) console.log(`\nDifferences are in ${relative(ROOT, OUTPUT_DIR)}/ (expected, actual, diff)`);
  console.log(`${passed + failed} screenshots in ${seconds} s`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

runWhenStarted(import.meta.url, main);
