// Loads every built Storybook story in headless Chromium and fails on what a visitor of the demo
// would hit: a console error, an uncaught exception, a failed request, a story that errors while
// rendering, or an axe violation — in the light and the dark scheme. One line per story, then
// "N passed, N failed".
//
//   node test/tools/story-smoke.mjs               builds storybook-static first (offline), then checks
//   node test/tools/story-smoke.mjs --no-build    checks the storybook-static that is there
//   node test/tools/story-smoke.mjs --only demo-  only stories whose id contains "demo-"
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { ROOT, STORYBOOK_DIR, buildStorybook, inPool, serveDirectory, settle, storyIds, runWhenStarted, storyUrl, waitForRender } from './storybook-pages.mjs';

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
/** Stories rendered at once: each in its own page; the launch flags keep background pages running. */
const PARALLEL = 4;

/**
 * Axe rules that judge a whole page, not a component: a story's root is a fragment of a page,
 * so "all content in landmarks" cannot apply (Storybook's a11y addon turns it off for the same
 * reason). Everything else, including colour contrast, is checked.
 */
const PAGE_ONLY_RULES = { region: { enabled: false } };

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
const GLOBALS = { light: { scheme: 'light', lang: 'en', dir: 'ltr' }, dark: { scheme: 'dark', lang: 'es', dir: 'rtl' } };
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
    await page.goto(storyUrl(baseUrl, id, GLOBALS[scheme]), { waitUntil: 'load' });
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
  const { server, baseUrl } = await serveDirectory(STORYBOOK_DIR);
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  try {
    const ids = await storyIds(baseUrl, only);
    const found = await inPool(ids, PARALLEL, (id) => checkStory(browser, baseUrl, id));
    const results = new Map(ids.map((id, at) => [id, found[at]]));
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

runWhenStarted(import.meta.url, main);
