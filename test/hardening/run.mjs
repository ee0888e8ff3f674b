// `npm run test:hardening`: the library under a host's strictest settings and worst backends,
// in Chromium (puppeteer-core), against a real server on 127.0.0.1 (./fault-server.mjs).
// Prints one table — each measured figure next to its bound — and ends with "N passed, N
// failed", one per row; exits 1 on any breach.
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../tools/find-chromium.mjs';
import { createFaultServer } from './fault-server.mjs';

// HARDENING_SCALE (default 1) shrinks the run for a quick look while working on it; the bounds
// of the table hold only at 1.
const SCALE = Number(process.env.HARDENING_SCALE ?? 1);
const SOAK_TABS = 5;
const SOAK_PER_TAB = Math.ceil(200 * SCALE);
const LEAK_CYCLES = Math.ceil(1000 * SCALE);
const LEAK_WARMUP = 100;
/** Retained JS heap after a forced GC, per 1,000 mounts (or 1,000 openings) of one element. */
const HEAP_BOUND_KB = 256;
const PARSE_BUDGET_MS = 20;
const HOSTILE_RUNS = Math.ceil(80 * SCALE);
const MALFORMED_PER_CASE = Math.ceil(600 * SCALE);
const ZONES = [
  'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns',
  'America/New_York', 'America/Los_Angeles', 'America/Havana', 'America/Santiago', 'America/Asuncion',
  'America/Sao_Paulo', 'Europe/London', 'Europe/Madrid', 'Europe/Moscow', 'Africa/Cairo', 'Asia/Tehran',
  'Asia/Jerusalem', 'Australia/Sydney', 'Australia/Adelaide', 'Pacific/Auckland', 'Pacific/Apia', 'Europe/Berlin',
];
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (text) => console.log(`[${elapsed()}] ${text}`);

// ---------------------------------------------------------------------------------------------
// Bundles: early.js first on every page; the strict page's bundle opts into jitless first.

async function bundle(entry) {
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    minify: true,
    tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}
const [early, strict, plain] = await Promise.all([bundle('./early.ts'), bundle('./strict-page.ts'), bundle('./plain-page.ts')]);
const server = createFaultServer({ scripts: { 'early.js': early, 'strict.js': strict, 'plain.js': plain } });
const origin = await server.start();
log(`bundles built, server on ${origin}`);

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: set CHROME_PATH or run `npm test` once to install it.');
  process.exit(1);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, protocolTimeout: 240_000 });

/** Console lines about CSP or Trusted Types, and uncaught page errors, on every page. */
const cspConsole = [];
const pageErrors = [];

async function open(kind) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 768 });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(text)) cspConsole.push(`${kind}: ${text}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${kind}: ${error.message}`));
  await page.goto(`${origin}/${kind}.html`, { waitUntil: 'load' });
  // Polled with evaluate (CDP, outside the page's CSP): waitForFunction builds its predicate
  // with `new Function` in the page, which the strict policy refuses — and reports.
  for (let tries = 0; !(await page.evaluate(() => 'hardening' in window)); tries++) {
    if (tries > 200) throw new Error(`${kind} page never loaded its bundle`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return page;
}

const rows = [];
function row(name, measured, bound, ok, details = []) {
  rows.push({ name, measured: String(measured), bound, ok, details });
}
/**
 * A timing, shown against its budget but not a gate: absolute milliseconds on a shared 2-core
 * machine are noise-bound (the gates on speed are the bench's interleaved ratios).
 */
function timing(name, measured, bound, ok) {
  rows.push({ name, measured: String(measured), bound, ok, details: [], reported: true });
}
const pageCall = (page, name, ...args) => page.evaluate((n, a) => window.hardening[n](...a), name, args);
const watchOf = (page) => page.evaluate(() => ({ violations: window.watch.violations(), uncaught: window.watch.uncaught(), pwned: window.watch.pwned() }));

try {
  // -------------------------------------------------------------------------------------------
  // 1. Strict CSP and Trusted Types, and parse cost both ways.
  const strictPage = await open('strict');
  log('strict page loaded');
  const inTime = await strictPage.evaluate(() => window.strictCspInTime);
  const csp = await pageCall(strictPage, 'cspSection');
  const strictParse = await pageCall(strictPage, 'parseCost');
  log(`strict CSP: ${csp.operations.length} operations, ${csp.failures.length} failed; jitless parse ${strictParse.medianMs.toFixed(2)} ms (JSON.parse ${strictParse.jsonMedianMs.toFixed(2)} ms)`);

  const plainPage = await open('plain');
  const plainParse = await pageCall(plainPage, 'parseCost');
  log(`JIT parse ${plainParse.medianMs.toFixed(2)} ms (JSON.parse ${plainParse.jsonMedianMs.toFixed(2)} ms)`);

  // -------------------------------------------------------------------------------------------
  // 2. Faults soak: tabs of the strict page, each with its own popup, sharing one outbox.
  const tabs = [strictPage, ...(await Promise.all(Array.from({ length: SOAK_TABS - 1 }, () => open('strict'))))];
  server.state.faultsOn = true;
  log('soak tabs open');
  // Even tabs record through adapter A, odd ones through B: one origin, one outbox, two backends.
  const backendOf = (index) => (index % 2 === 0 ? 'A' : 'B');
  const reports = await Promise.all(tabs.map((tab, index) => pageCall(tab, 'soakWorker', `soak${index}`, SOAK_PER_TAB, backendOf(index)).finally(() => log(`tab ${index} done`))));
  server.state.faultsOn = false;
  log(`soak: ${server.state.requests} API requests, faults ${JSON.stringify(server.state.counts)}`);
  // Every tab delivers at once, as when the network returns to a whole floor of agents.
  const drainRounds = Math.max(...(await Promise.all(tabs.map((tab) => pageCall(tab, 'drainOutbox')))));
  const pending = await pageCall(strictPage, 'outboxPending');
  const rejected = await pageCall(strictPage, 'outboxRejected');
  const acknowledged = {};
  for (const tab of tabs) {
    for (const [subject, count] of Object.entries(await pageCall(tab, 'acknowledgedCounts'))) {
      acknowledged[subject] = (acknowledged[subject] ?? 0) + count;
    }
  }
  // B's submit path marks its records (`B~<subject>`): a record of an A tab stored with the mark,
  // or one of a B tab without it, went through the other adapter.
  const byTask = server.storedByTask();
  const stored = {};
  const misrouted = [];
  reports.forEach((report, index) => {
    const [own, other] = backendOf(index) === 'A' ? ['', 'B~'] : ['B~', ''];
    for (const subject of report.attempted) {
      stored[subject] = byTask[own + subject] ?? 0;
      if (byTask[other + subject]) misrouted.push(`${subject} (a ${backendOf(index)} record) reached ${other ? 'B' : 'A'}`);
    }
  });
  const attempted = reports.flatMap((report) => report.attempted);
  const storedOnce = attempted.filter((subject) => stored[subject] >= 1);
  const duplicated = attempted.filter((subject) => stored[subject] > 1);
  const lost = attempted.filter((subject) => !stored[subject]);
  const notAcknowledged = storedOnce.filter((subject) => acknowledged[subject] !== 1);
  const wrongEndings = reports.flatMap((report) => report.wrongEndings);
  const queued = reports.reduce((sum, report) => sum + report.queued, 0);
  const retries = reports.reduce((sum, report) => sum + report.retries, 0);
  log(`soak: ${attempted.length} attempted, ${queued} queued, ${retries} agent retries, outbox drained in ${drainRounds} rounds (${pending} pending, ${rejected} rejected)`);

  const strictWatch = [];
  for (const tab of tabs) strictWatch.push(await watchOf(tab));
  const violations = strictWatch.flatMap((watched) => watched.violations);
  const kinds = {};
  for (const v of violations) {
    const kind = `${v.directive} blocked ${v.blockedURI}${v.sample ? ` "${v.sample}"` : ''}`;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  row('CSP violations (strict page: render, operate, submit, soak)', violations.length, '= 0', violations.length === 0, [
    ...Object.entries(kinds).map(([kind, count]) => `${count}× ${kind}`),
    ...[...new Set(cspConsole)].slice(0, 3),
  ]);
  row('strict page: operations done (picker, popup, editor, provider)', `${csp.operations.length}/${csp.operations.length + csp.failures.length}`, 'all', csp.failures.length === 0 && inTime, [
    ...csp.failures,
    ...(inTime ? [] : ['useStrictCsp() came after the schemas were built']),
  ]);
  const parseFigure = ({ medianMs, jsonMedianMs }) => `${medianMs.toFixed(2)} (${(medianMs / jsonMedianMs).toFixed(1)}× JSON.parse)`;
  timing('parse 10,000 outcome types, jitless (strict CSP), median ms', parseFigure(strictParse), `≤ ${PARSE_BUDGET_MS}`, strictParse.medianMs <= PARSE_BUDGET_MS);
  timing('parse 10,000 outcome types, zod JIT, median ms', parseFigure(plainParse), `≤ ${PARSE_BUDGET_MS}`, plainParse.medianMs <= PARSE_BUDGET_MS);
  row('soak records attempted', attempted.length, '≥ 1000', attempted.length >= 1000);
  row('soak records stored', storedOnce.length, `= ${attempted.length}`, storedOnce.length === attempted.length);
  row('soak records misrouted (two adapters on one origin)', misrouted.length, '= 0', misrouted.length === 0, misrouted.slice(0, 5));
  row('soak records duplicated', duplicated.length, '= 0', duplicated.length === 0, duplicated.slice(0, 5).map((s) => `${s} stored ${stored[s]}×`));
  row('soak records lost', lost.length, '= 0', lost.length === 0, [...lost.slice(0, 5), ...(pending ? [`${pending} still in the outbox`] : []), ...(rejected ? [`${rejected} rejected in the outbox`] : [])]);
  row('soak: popups ending wrong', wrongEndings.length, '= 0', wrongEndings.length === 0, wrongEndings.slice(0, 5));
  const neverAnnounced = notAcknowledged.filter((s) => !acknowledged[s]);
  const announcedTwice = notAcknowledged.filter((s) => acknowledged[s] > 1);
  row('soak: records never announced (outcome-recorded 0×)', neverAnnounced.length, '= 0', neverAnnounced.length === 0, neverAnnounced.slice(0, 5));
  // The tabs run in separate renderer processes, so this is what proves the outbox's cross-tab
  // exactly-once delivery (a localStorage outbox failed it: its reads lag other tabs' writes).
  row('soak: records announced more than once', announcedTwice.length, '= 0', announcedTwice.length === 0, announcedTwice.slice(0, 5).map((s) => `${s}: outcome-recorded ${acknowledged[s]}×`));
  for (const tab of tabs.slice(1)) await tab.close();

  // -------------------------------------------------------------------------------------------
  // 3. Leaks: heap after a forced GC around 1,000 mounts of each element / 1,000 openings.
  const cdp = await plainPage.createCDPSession();
  const heapAfterGc = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const heap = [];
  const leftover = [];
  for (const tag of ['outcome-provider', 'outcome-picker', 'disposition-popup', 'outcome-type-editor', 'outcome-outbox', 'popup open/close']) {
    const cycle = (count) => (tag === 'popup open/close' ? pageCall(plainPage, 'popupCycles', count) : pageCall(plainPage, 'mountCycles', tag, count));
    await cycle(LEAK_WARMUP);
    const before = await heapAfterGc();
    const listeners = await cycle(LEAK_CYCLES);
    const after = await heapAfterGc();
    const deltaKb = ((after - before) / 1024) * (1000 / LEAK_CYCLES);
    heap.push({ tag, deltaKb });
    log(`leaks: ${tag} done`);
    if (listeners.listenersAfter !== listeners.listenersBefore) leftover.push(`${tag}: ${listeners.listenersBefore} → ${listeners.listenersAfter}`);
  }
  const worstHeap = heap.reduce((worst, entry) => (entry.deltaKb > worst.deltaKb ? entry : worst));
  log(`leaks: ${heap.map((entry) => `${entry.tag} ${entry.deltaKb.toFixed(1)} KB`).join(', ')}`);
  row('heap delta per 1,000 mounts, worst element (KB)', `${worstHeap.deltaKb.toFixed(1)} (${worstHeap.tag})`, `≤ ${HEAP_BOUND_KB}`, heap.every((entry) => entry.deltaKb <= HEAP_BOUND_KB),
    heap.map((entry) => `${entry.tag}: ${entry.deltaKb.toFixed(1)} KB`));
  row('listeners left on document/window after 5 × 1,000 cycles', leftover.length, '= 0', leftover.length === 0, leftover.length ? [...leftover, ...(await pageCall(plainPage, 'leftListeners'))] : []);

  // -------------------------------------------------------------------------------------------
  // 4. Hostile input, 5. malformed backends, 7. roles — on the page without CSP, where
  // injected markup would run.
  const hostile = await pageCall(plainPage, 'hostileSection', HOSTILE_RUNS);
  log(`hostile: ${hostile.payloads} payload sets, ${hostile.strings} strings`);
  row('hostile strings tried (backend and typed fields)', hostile.strings, '≥ 1000', hostile.strings >= 1000);
  row('hostile: executed, injected or altered', hostile.executed + hostile.injected.length + hostile.wrongText.length, '= 0',
    hostile.executed + hostile.injected.length + hostile.wrongText.length === 0, [...hostile.injected, ...hostile.wrongText].slice(0, 8));
  row('hostile: layout broken (picker choices beyond its width, popup beyond the window, editor beyond its host)', hostile.overflow.length, '= 0', hostile.overflow.length === 0, hostile.overflow.slice(0, 5));

  const malformed = await pageCall(plainPage, 'malformedSection', MALFORMED_PER_CASE);
  const tried = Object.values(malformed).reduce((sum, tally) => sum + tally.tried, 0);
  const malformedFailures = Object.entries(malformed).flatMap(([name, tally]) => tally.failures.map((failure) => `${name}: ${failure}`));
  for (const [name, tally] of Object.entries(malformed)) {
    log(`malformed ${name}: ${tally.tried} bodies → ${tally.valid} valid (${tally.skippedItems} items reported), ${tally.badResponse} bad_response, ${JSON.stringify(tally.otherCodes)}, ${tally.failures.length} wrong`);
  }
  row('malformed bodies tried (7 adapter calls × 600, via fetch option, real Response)', tried, '≥ 4000', tried >= 4000);
  row('malformed: uncaught, unclassified or silently dropped', malformedFailures.length, '= 0', malformedFailures.length === 0, malformedFailures.slice(0, 8));

  const roles = await pageCall(plainPage, 'rolesSection');
  row(`roles: write paths a viewer reached (of ${roles.checked} tried)`, roles.reached.length, '= 0', roles.reached.length === 0, roles.reached.slice(0, 8));

  const plainWatch = await watchOf(plainPage);

  // -------------------------------------------------------------------------------------------
  // 6. Time zones under emulation.
  const zonePage = await open('plain');
  const zoneReports = [];
  for (const zone of ZONES) {
    await zonePage.emulateTimezone(zone);
    zoneReports.push(await pageCall(zonePage, 'zoneSection', zone));
  }
  const transitions = zoneReports.reduce((sum, report) => sum + report.transitions, 0);
  const zoneChecks = zoneReports.reduce((sum, report) => sum + report.checks, 0);
  const zoneFailures = zoneReports.flatMap((report) => report.failures);
  log(`zones: ${zoneReports.map((r) => `${r.zone} ${r.transitions}`).join(', ')}`);
  row('zones × transitions checked (gap, overlap, display, clock ±10 min)', `${ZONES.length} × ${transitions} (${zoneChecks} checks)`, '≥ 20 zones', ZONES.length >= 20 && transitions >= ZONES.length);
  row('time-zone checks failed', zoneFailures.length, '= 0', zoneFailures.length === 0, zoneFailures.slice(0, 8));

  const zoneWatch = await watchOf(zonePage);
  const uncaught = [...pageErrors, ...plainWatch.uncaught, ...zoneWatch.uncaught, ...strictWatch.flatMap((w) => w.uncaught)];
  row('uncaught errors on every page', uncaught.length, '= 0', uncaught.length === 0, uncaught.slice(0, 8));
} catch (error) {
  row('runner completed', 'no', 'yes', false, [String(error?.stack ?? error)]);
} finally {
  await browser.close();
  await server.stop();
}

// ---------------------------------------------------------------------------------------------
const widths = [
  Math.max(...rows.map((r) => r.name.length), 6),
  Math.max(...rows.map((r) => r.measured.length), 8),
  Math.max(...rows.map((r) => r.bound.length), 5),
];
const line = (cells) => `| ${cells.map((cell, index) => String(cell).padEnd(widths[index] ?? 4)).join(' | ')} |`;
console.log('');
console.log(line(['check', 'measured', 'bound', 'ok']));
console.log(line(widths.map((width) => '-'.repeat(width)).concat('----')));
for (const r of rows) console.log(line([r.name, r.measured, r.bound, r.ok ? 'ok' : r.reported ? 'over (reported)' : 'FAIL']));
for (const r of rows.filter((candidate) => !candidate.ok || candidate.details.length)) {
  if (!r.details.length) continue;
  console.log(`\n${r.ok ? '' : r.reported ? 'OVER (reported) ' : 'FAIL '}${r.name}:`);
  for (const detail of r.details) console.log(`  - ${detail}`);
}
const gates = rows.filter((r) => !r.reported);
const passed = gates.filter((r) => r.ok).length;
const failed = gates.length - passed;
console.log(`\nfinished in ${elapsed()}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
