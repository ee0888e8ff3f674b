// Every test of the project in one command (`npm test`): the browser suite in Debian Chromium,
// the build and the Node suite that imports the built package by name, every Storybook story
// loaded in Chromium (console errors, axe) and compared with its screenshots (visual regression,
// on the storybook-static the story check just built), and the hardening suite. Ends with the
// totals of all of them alone on a line, which CI reads.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    shell: false,
  });
  if (capture) process.stdout.write(result.stdout ?? '');
  return result;
}

const totals = { passed: 0, failed: 0 };

if (run('node', ['test/tools/ensure-chromium.mjs']).status !== 0) process.exit(1);

const browser = run('npx', ['--no-install', 'wtr']);
try {
  const counted = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
  totals.passed += counted.passed;
  totals.failed += counted.failed;
} catch {
  totals.failed += 1;
}
if (browser.status !== 0 && totals.failed === 0) totals.failed += 1;

const built = run('npm', ['run', '--silent', 'build']);
if (built.status !== 0) {
  totals.failed += 1;
} else {
  const node = run('node', ['--test', '--test-reporter=spec', 'test/node/'], { capture: true });
  const count = (label) => Number(node.stdout.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  if (node.status !== 0 && count('fail') === 0) totals.failed += 1;
}

/** Runs a suite that ends with its own "N passed, N failed" line and adds its counts. */
function runCounted(label, args) {
  const result = run('node', args, { capture: true });
  const lines = [...(result.stdout ?? '').matchAll(/^(\d+) passed, (\d+) failed/gm)];
  const last = lines.at(-1);
  if (!last) {
    console.log(`${label}: no totals line`);
    totals.failed += 1;
    return;
  }
  totals.passed += Number(last[1]);
  totals.failed += Number(last[2]);
  if (result.status !== 0 && Number(last[2]) === 0) totals.failed += 1;
}

runCounted('stories', ['test/tools/story-smoke.mjs']);
runCounted('visual', ['test/tools/visual.mjs', '--no-build']);
runCounted('hardening', ['test/hardening/run.mjs']);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
