import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { seedServersPlugin } from './test/servers/index.mjs';
import { reactForBrowser } from './test/tools/react-for-browser.mjs';
import { CHROMIUM_ARGS, findChromium } from './test/tools/find-chromium.mjs';
import { totalsReporter } from './test/tools/totals-reporter.mjs';

const executablePath = findChromium();
const cdpSessions = new WeakMap();
/**
 * Paths the dev server answers with 503, to test a lazily loaded module that cannot be fetched,
 * each with the number of requests it refused (what `make-unavailable` answers when lifted).
 */
const unavailable = new Map();
/**
 * `/fresh-<id>/…` serves `/…`: a copy of the source (and what it imports) at URLs no earlier page
 * has loaded.
 * Chromium reuses a module another page of the same browser fetched without asking the server
 * again, so a test about fetching a lazily loaded module imports the source through its own prefix.
 */
const FRESH_COPY = /^\/fresh-[\w-]+(?=\/)/;
/**
 * What the development builds of Lit and Angular say once per page, and nothing else: their
 * warnings and errors are kept.
 */
const DEV_MODE_NOTICES = ['Lit is in dev mode. Not recommended for production!', 'Angular is running in development mode.'];

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  // Lit's development build, for its warnings (an update asked for after one completed, and so
  // on); only its notice that it is the development build is left out of the output.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && DEV_MODE_NOTICES.some((notice) => args[0].startsWith(notice))),
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    {
      // Imports of packages are written from the root (`/node_modules/lit/index.js`), not relative
      // to the importer: a fresh copy of the source (FRESH_COPY) then shares the page's one Lit
      // (and every other package) instead of loading a second under its prefix.
      name: 'packages-from-root',
      transformImport({ source, context }) {
        if (!source.startsWith('.') || !source.includes('/node_modules/')) return undefined;
        return new URL(source, `http://root${context.path}`).pathname;
      },
    },
    seedServersPlugin(),
    // test/frameworks/react.test.ts mounts the elements in a real React app.
    ...reactForBrowser(),
    {
      // Chromium's own emulation, so tests run in the zone or contrast mode they are about:
      // `emulate-timezone` { timeZone } and `emulate-media-features` { features: [{ name, value }] }
      // (and `make-unavailable` { path, unavailable }: see `unavailable` above)
      // (an empty list resets). Not `emulate-media`: @web/test-runner-commands' built-in plugin
      // owns that name and runs first. Features go through the protocol because puppeteer's
      // emulateMediaFeatures refuses forced-colors; the session is kept, since emulation ends
      // when it is detached.
      name: 'emulation',
      async executeCommand({ command, payload, session }) {
        const page = session.browser.getPage(session.id);
        if (command === 'emulate-timezone') {
          await page.emulateTimezone(payload?.timeZone);
          return true;
        }
        if (command === 'make-unavailable') {
          // { path, unavailable }: answer this module path with 503 until told otherwise; lifting
          // it answers how many requests were refused.
          if (payload?.unavailable) {
            unavailable.set(payload.path, 0);
            return true;
          }
          const refused = unavailable.get(payload?.path) ?? 0;
          unavailable.delete(payload?.path);
          return refused;
        }
        if (command === 'emulate-media-features') {
          if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
          await cdpSessions.get(page).send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
          return true;
        }
        return undefined;
      },
    },
  ],
  middleware: [
    async (context, next) => {
      if (unavailable.has(context.path)) {
        unavailable.set(context.path, unavailable.get(context.path) + 1);
        context.status = 503;
        // Never reused from the browser's cache (the runner marks every file cacheable for a year
        // after this middleware answers, and Chromium would keep the 503 for the next test file).
        context.set('Vary', '*');
        context.body = 'unavailable (test)';
        return;
      }
      if (FRESH_COPY.test(context.path)) context.path = context.path.replace(FRESH_COPY, '');
      await next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  // One page at a time: keyboard tests need the focused page, and background pages get no frames.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    totalsReporter({ file: '.test-results/browser.json' }),
  ],
};
