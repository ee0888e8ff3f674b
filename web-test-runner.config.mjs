import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { seedServersPlugin } from './test/servers/index.mjs';
import { CHROMIUM_ARGS, findChromium } from './test/tools/find-chromium.mjs';
import { totalsReporter } from './test/tools/totals-reporter.mjs';

const executablePath = findChromium();

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    seedServersPlugin(),
    {
      // Chromium's own time-zone emulation, so date tests run in the zone they are about.
      name: 'emulate-timezone',
      async executeCommand({ command, payload, session }) {
        if (command !== 'emulate-timezone') return undefined;
        await session.browser.getPage(session.id).emulateTimezone(payload?.timeZone);
        return true;
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
