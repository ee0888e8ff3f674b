import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { seedServersPlugin } from './test/servers/index.mjs';
import { reactForBrowser } from './test/tools/react-for-browser.mjs';
import { CHROMIUM_ARGS, findChromium } from './test/tools/find-chromium.mjs';
import { totalsReporter } from './test/tools/totals-reporter.mjs';

const executablePath = findChromium();

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    seedServersPlugin(),
    // test/frameworks/react.test.ts mounts the elements in a real React app.
    ...reactForBrowser(),
    {
      // Chromium's own emulation, so tests run in the zone, scheme or contrast mode they are about:
      // `emulate-timezone` { timeZone }, `emulate-media` { features: [{ name, value }] } (e.g.
      // prefers-color-scheme: dark, forced-colors: active; an empty list resets).
      name: 'emulation',
      async executeCommand({ command, payload, session }) {
        const page = session.browser.getPage(session.id);
        if (command === 'emulate-timezone') {
          await page.emulateTimezone(payload?.timeZone);
          return true;
        }
        if (command === 'emulate-media') {
          await page.emulateMediaFeatures(payload?.features ?? []);
          return true;
        }
        return undefined;
      },
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
