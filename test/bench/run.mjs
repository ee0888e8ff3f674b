// `npm run bench`: in one Chromium run, side by side, the first render of a native <select>,
// <outcome-picker> and Shoelace's <sl-select> with the same 10 / 100 / 1,000 / 10,000 options,
// interleaved and repeated, medians printed as ratios to the native <select>; then single
// search keystrokes at 10,000 outcomes, the popup's show() to interactive with 100 outcomes,
// and every long task (> 50 ms) seen while our elements worked. Exits non-zero when a budget of DESIGN.md is exceeded.
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../tools/find-chromium.mjs';

const SIZES = [10, 100, 1000, 10000];
const IMPLS = ['native', 'picker', 'sl-select'];
const REPEATS = { 10: 15, 100: 15, 1000: 11, 10000: 5 };
const BUDGET = { 1000: 1.5, 10000: 2 };
const KEYSTROKE_BUDGET_MS = 16;
const POPUP_SHOW_BUDGET_MS = 50;
const LONG_TASK_MS = 50;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const bundle = await build({
  entryPoints: [new URL('./bench-page.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname,
  logLevel: 'error',
});

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: set CHROME_PATH or run `npm test` once to install it.');
  process.exit(1);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
let failed = false;
try {
  const page = await browser.newPage();
  await page.bringToFront();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.setViewport({ width: 1024, height: 768 });
  await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });

  const rows = [];
  for (const size of SIZES) {
    await page.evaluate((count) => window.bench.prepare(count), size);
    const times = Object.fromEntries(IMPLS.map((impl) => [impl, []]));
    // Warm-up, then interleave the contenders so drift in the machine hits them alike.
    for (const impl of IMPLS) await page.evaluate((i, n) => window.bench.firstRender(i, n), impl, size);
    await page.evaluate(() => window.bench.takeLongTasks());
    let pickerLongTasks = [];
    for (let round = 0; round < REPEATS[size]; round++) {
      const order = round % 2 ? [...IMPLS].reverse() : IMPLS;
      for (const impl of order) {
        times[impl].push(await page.evaluate((i, n) => window.bench.firstRender(i, n), impl, size));
        const tasks = await page.evaluate(() => window.bench.takeLongTasks());
        if (impl === 'picker') pickerLongTasks = pickerLongTasks.concat(tasks);
      }
    }
    const native = median(times.native);
    const picker = median(times.picker);
    const shoelace = median(times['sl-select']);
    const budget = BUDGET[size];
    const ratio = picker / native;
    const verdict = budget === undefined ? '' : ratio <= budget ? `ok (≤ ${budget}×)` : `OVER (≤ ${budget}×)`;
    if (budget !== undefined && ratio > budget) failed = true;
    rows.push({
      options: size,
      'native ms': native.toFixed(2),
      'picker ms': picker.toFixed(2),
      'picker ×': ratio.toFixed(2),
      'sl-select ms': shoelace.toFixed(2),
      'sl-select ×': (shoelace / native).toFixed(2),
      'picker long tasks': pickerLongTasks.length,
      budget: verdict,
    });
  }
  console.log('\nFirst render, median of interleaved runs (ratio to the native <select>):');
  console.table(rows);

  const keystrokes = await page.evaluate(() => window.bench.filterKeystrokes(10000, 'outcome 0999'));
  const longest = Math.max(...keystrokes);
  const keystrokeLong = await page.evaluate(() => window.bench.takeLongTasks());
  const keystrokeMedian = median(keystrokes);
  if (keystrokeMedian > KEYSTROKE_BUDGET_MS) failed = true;
  console.log(
    `\nSearch keystroke over 10,000 outcomes: median ${keystrokeMedian.toFixed(2)} ms, slowest ${longest.toFixed(2)} ms ` +
      `(budget ≤ ${KEYSTROKE_BUDGET_MS} ms: ${keystrokeMedian <= KEYSTROKE_BUDGET_MS ? 'ok' : 'OVER'}); ` +
      `long tasks: ${keystrokeLong.length}`,
  );
  await page.evaluate(() => window.bench.prepare(100));
  const shows = [];
  for (let round = 0; round < 15; round++) shows.push(await page.evaluate(() => window.bench.popupShow(100)));
  const showMedian = median(shows);
  const popupLong = await page.evaluate(() => window.bench.takeLongTasks());
  if (showMedian > POPUP_SHOW_BUDGET_MS) failed = true;
  console.log(
    `Popup show() to interactive with 100 outcomes: median ${showMedian.toFixed(2)} ms, slowest ${Math.max(...shows).toFixed(2)} ms ` +
      `(budget ≤ ${POPUP_SHOW_BUDGET_MS} ms: ${showMedian <= POPUP_SHOW_BUDGET_MS ? 'ok' : 'OVER'}); long tasks: ${popupLong.length}`,
  );
  const pickerLong = popupLong.length + rows.reduce((sum, row) => sum + row['picker long tasks'], 0) + keystrokeLong.length;
  console.log(`Tasks over ${LONG_TASK_MS} ms while our elements worked: ${pickerLong}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
