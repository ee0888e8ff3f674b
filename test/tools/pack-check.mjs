// `npm run pack-check`: the package as a user gets it, from nothing but `npm pack` (whose
// `prepack` builds the library). It
//   1. packs the tarball and checks it holds every file package.json "exports" and the Custom
//      Elements Manifest name;
//   2. lints it as published: publint (strict) and @arethetypeswrong/cli (ESM-only profile);
//   3. installs it into an empty folder (its dependencies from the local npm cache when there,
//      else the registry);
//   4. builds README.md's "Install" example — taken from the README inside the tarball — with
//      Vite, runs it in headless Chromium: every element renders, the picker shows its outcomes
//      and a key chooses one;
//   5. serves the same example without a bundler, under the README's import map, node_modules
//      as plain files, with every element on the page (a wrap-up in the outbox, the popup
//      recording by keyboard), and every entry of the map imported.
// Any console error, failed request or error response fails it.
//
// Vite is this repository's (a consumer's would be the same package); it resolves
// `outcome-elements/define` from the folder the tarball was installed in, through the package's
// own "exports", and keeps `import 'outcome-elements/define'` by its "sideEffects".
//
// PACK_CHECK_README=<path> runs the examples of another README (a proposed change) instead;
// PACK_CHECK_KEEP=1 keeps the temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const TAGS = ['outcome-provider', 'outcome-picker', 'disposition-popup', 'outcome-type-editor', 'outcome-outbox'];
const work = mkdtempSync(join(tmpdir(), 'outcome-elements-pack-'));
const app = join(work, 'app');
const problems = [];
const timings = [];
let phaseStart = performance.now();
const started = phaseStart;

function step(text) {
  console.log(`pack-check: ${text}`);
}

/** Ends the current phase: its time goes into the summary line. */
function lap(name) {
  const now = performance.now();
  timings.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = now;
}

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Runs a command that reports on stdout; returns its output and exit status. */
function report(command, args, cwd) {
  try {
    return { ok: true, output: execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

// ---------------------------------------------------------------------------------------------
// README.md's "## Install" section: the example (bundler or not) and the import map.

function readmeInstall(readme) {
  const section = readme.match(/^## Install\n([\s\S]*?)(?=^## )/m)?.[1];
  if (!section) throw new Error('README.md has no "## Install" section');
  if (!/```sh\n[^`]*npm install outcome-elements\b/.test(section)) throw new Error('README "Install" does not say `npm install outcome-elements`');
  const blocks = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]);
  const example = blocks.find((block) => /<script type="module">/.test(block));
  if (!example) throw new Error('README "Install" has no ```html example with a <script type="module">');
  const mapBlock = blocks.find((block) => /<script type="importmap">/.test(block));
  const json = mapBlock?.match(/<script type="importmap">([\s\S]*?)<\/script>/)?.[1];
  if (!json) throw new Error('README "Install" has no ```html block with a <script type="importmap">');
  let imports;
  try {
    ({ imports } = JSON.parse(json));
  } catch (error) {
    throw new Error(`the README's import map is not JSON: ${error.message}`);
  }
  return { example, mapBlock, imports };
}

// ---------------------------------------------------------------------------------------------
// A static server: the app folder, node_modules included, as plain files.

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
};

function serve(folder) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    const file = join(folder, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(folder + sep)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A page that reports what a user would never want to see: errors, failed or refused requests. */
async function openPage(browser, label) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`${label}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${label}: console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`${label}: request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${label}: ${response.status()} for ${response.url()}`);
  });
  return page;
}

/** Waits until every tag is registered and each element on the page has rendered its content. */
async function rendered(page) {
  const result = await page.waitForFunction(
    (tags) => {
      if (!tags.every((tag) => customElements.get(tag))) return false;
      const all = (tag) => [...document.querySelectorAll(tag)];
      const shows = (element, selector) => element.shadowRoot?.querySelector(selector);
      const ready =
        all('outcome-picker').every((element) => shows(element, '[role="radio"]')) &&
        all('outcome-type-editor').every((element) => shows(element, '[part~="row"]')) &&
        all('disposition-popup').every((element) => shows(element, 'dialog')) &&
        all('outcome-outbox').every((element) => shows(element, '[part~="entry"]'));
      if (!ready) return false;
      const elements = tags.flatMap(all).filter((element) => element.localName !== 'outcome-provider');
      const picker = all('outcome-picker')[0];
      return {
        elements: elements.map((element) => element.localName),
        choices: all('outcome-picker').map((element) => element.shadowRoot.querySelectorAll('[role="radio"]').length),
        rows: all('outcome-type-editor').map((element) => element.shadowRoot.querySelectorAll('[part~="row"]').length),
        outbox: all('outcome-outbox').map((element) => element.count),
        classification: picker?.shadowRoot.querySelector('[part~="classification"]')?.textContent.trim() ?? null,
        lang: document.querySelector('outcome-provider')?.getAttribute('lang') ?? null,
        locales: elements.map((element) => element.locale),
      };
    },
    { timeout: 15000 },
    TAGS,
  );
  const seen = await result.jsonValue();
  if (seen.elements.length === 0) problems.push('the example puts no outcome element on the page, so nothing can be seen to render');
  if (seen.lang && seen.locales.some((locale) => locale !== seen.lang)) {
    problems.push(`the elements did not take the provider's lang="${seen.lang}": ${seen.locales.join(', ')}`);
  }
  return seen;
}

/** Focuses the picker's outcome list, presses ArrowDown: the next outcome is chosen and the page hears `change`. */
async function chooseByKeyboard(page, label) {
  const before = await page.evaluate(() => {
    const picker = document.querySelector('outcome-picker');
    window.heardChange = [];
    picker.addEventListener('change', () => window.heardChange.push(picker.value));
    const radios = [...picker.shadowRoot.querySelectorAll('[role="radio"]')];
    const tabbable = radios.find((radio) => radio.tabIndex === 0) ?? radios[0];
    tabbable.focus();
    const at = radios.indexOf(tabbable);
    return { value: picker.value, next: radios[at + 1]?.querySelector('[part~="name"]')?.textContent.trim() };
  });
  await page.keyboard.press('ArrowDown');
  try {
    await page.waitForFunction(() => window.heardChange.length > 0, { timeout: 5000 });
  } catch {
    problems.push(`${label}: ArrowDown on the picker chose nothing (no change event)`);
    return null;
  }
  const after = await page.evaluate(() => {
    const picker = document.querySelector('outcome-picker');
    const checked = picker.shadowRoot.querySelector('[role="radio"][aria-checked="true"] [part~="name"]');
    return { value: picker.value, heard: window.heardChange, checked: checked?.textContent.trim() ?? null };
  });
  if (!after.value || after.value === before.value) problems.push(`${label}: the picker's value did not change (${before.value} → ${after.value})`);
  if (after.checked !== before.next) problems.push(`${label}: ArrowDown checked "${after.checked}", not the next outcome "${before.next}"`);
  if (after.heard.at(-1) !== after.value) problems.push(`${label}: the change event reported ${after.heard.at(-1)}, the picker ${after.value}`);
  return after;
}

// ---------------------------------------------------------------------------------------------

/** Every file "exports" points at, and every module of the manifest, is in the tarball. */
function checkTarball(files, pkg) {
  const wanted = new Set(['package.json', 'README.md']);
  for (const target of Object.values(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) wanted.add(file.replace(/^\.\//, ''));
  }
  if (pkg.customElements) {
    wanted.add(pkg.customElements);
    const manifest = JSON.parse(readFileSync(join(root, pkg.customElements), 'utf8'));
    for (const module of manifest.modules) {
      wanted.add(module.path);
      if (module.typeDefinitionPath) wanted.add(module.typeDefinitionPath);
    }
  }
  const missing = [...wanted].filter((file) => !files.has(file));
  if (missing.length) problems.push(`the tarball lacks ${missing.join(', ')}`);
}

function lint(tarball) {
  const publint = report(bin('publint'), ['run', '--strict', tarball], work);
  const verdict = publint.output.trim().split('\n').at(-1);
  if (!publint.ok) problems.push(`publint:\n${publint.output}`);
  step(`publint --strict: ${verdict}`);

  const attw = report(bin('attw'), ['--profile', 'esm-only', '--format', 'json', tarball], work);
  let analysis;
  try {
    ({ analysis } = JSON.parse(attw.output));
  } catch {
    problems.push(`attw gave no analysis:\n${attw.output}`);
    return;
  }
  // The ESM-only profile leaves out node10 and require() from CommonJS: this package is ESM only.
  const counted = analysis.problems.filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind));
  for (const problem of counted) problems.push(`attw: ${problem.kind} at ${problem.entrypoint} (${problem.resolutionKind})`);
  if (!attw.ok && counted.length === 0) problems.push(`attw failed:\n${attw.output}`);
  step(`attw --profile esm-only: ${Object.keys(analysis.entrypoints).length} entry points, ${counted.length} problems`);
}

/** The page of the "without a bundler" route: the README's map and example, and every element. */
function noBundlerPage(readme, imports) {
  const extra = `<script type="module">
  // Beyond the README's example: every entry of the map loads, the popup and the outbox join
  // the provider, and a wrap-up left for later gives the outbox something to list.
  import { Recorder } from 'outcome-elements';
  const imports = ${JSON.stringify(imports)};
  window.imported = Promise.all(Object.keys(imports).filter((name) => !name.endsWith('/')).map((name) =>
    import(name).then(() => name, (error) => { console.error(\`import \${name}: \${error.message}\`); throw error; })));
  const provider = document.querySelector('outcome-provider');
  const popup = document.createElement('disposition-popup');
  popup.setAttribute('subject-id', 'call-1');
  popup.addEventListener('outcome-recorded', (event) => (window.recorded = event.detail));
  provider.append(popup, document.createElement('outcome-outbox'));
  await Recorder.for(provider.adapter).defer('call-2');
</script>`;
  return `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>Without a bundler</title>\n${readme.mapBlock}</head>\n<body>\n${readme.example}\n${extra}\n</body>\n</html>\n`;
}

async function runNoBundler(browser, origin, pkg, imports) {
  const label = 'without a bundler';
  // The map names every JavaScript entry point the package has.
  const entries = Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object' && target.default)
    .map(([subpath]) => `outcome-elements${subpath.slice(1)}`);
  const unmapped = entries.filter((name) => !imports[name]);
  if (unmapped.length) problems.push(`the README's import map lacks ${unmapped.join(', ')}`);

  const page = await openPage(browser, label);
  await page.goto(`${origin}/no-bundler.html`, { waitUntil: 'load' });
  const seen = await rendered(page);
  step(`${label}: rendered ${JSON.stringify(seen)}`);
  const imported = await page.evaluate(() => window.imported.then((names) => names.length, (error) => `failed: ${error.message}`));
  if (typeof imported !== 'number') problems.push(`${label}: an entry of the import map did not load (${imported})`);
  else step(`${label}: all ${imported} specifiers of the import map load`);
  await chooseByKeyboard(page, label);

  // The popup: shown, its list focused, 1 chooses the first outcome and Enter records it.
  await page.evaluate(() => void document.querySelector('disposition-popup').show());
  await page.waitForFunction(
    () => document.querySelector('disposition-popup').shadowRoot.querySelector('outcome-picker')?.shadowRoot?.activeElement?.getAttribute('role') === 'radio',
    { timeout: 10000 },
  );
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  const recorded = await page
    .waitForFunction(() => window.recorded, { timeout: 10000 })
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (!recorded) problems.push(`${label}: the popup recorded nothing on 1, Enter`);
  else step(`${label}: the popup recorded ${recorded.outcomeKey ?? JSON.stringify(recorded)} for ${recorded.subjectId}`);
  await page.close();
}

try {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  step('npm pack (prepack builds the library)');
  // The build's own report (sizes of every chunk) is shown only when it fails.
  const pack = report('npm', ['pack', '--json', '--pack-destination', work], root);
  if (!pack.ok) throw new Error(`npm pack failed:\n${pack.output}`);
  const [packed] = JSON.parse(pack.output);
  const tarball = join(work, packed.filename);
  checkTarball(new Set(packed.files.map((file) => file.path)), pkg);
  step(`${packed.filename}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);
  lap('pack');

  lint(tarball);
  lap('publint+attw');

  step('installing the tarball into an empty folder');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check-app', private: true, type: 'module' }, null, 2));
  run('npm', ['install', tarball, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], app);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules/outcome-elements/package.json'), 'utf8'));
  lap('install');

  const readmePath = process.env.PACK_CHECK_README ?? join(app, 'node_modules/outcome-elements/README.md');
  step(`examples of ${process.env.PACK_CHECK_README ? readmePath : 'the installed README.md'}`);
  const readme = readmeInstall(readFileSync(readmePath, 'utf8'));

  step('building the example with Vite');
  writeFileSync(join(app, 'index.html'), `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>With Vite</title>\n</head>\n<body>\n${readme.example}</body>\n</html>\n`);
  await build({ root: app, configFile: false, base: './', logLevel: 'error', build: { outDir: 'vite-dist', emptyOutDir: true } });
  writeFileSync(join(app, 'no-bundler.html'), noBundlerPage(readme, readme.imports));
  lap('vite build');

  const server = await serve(app);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await openPage(browser, 'Vite');
    await page.goto(`${origin}/vite-dist/index.html`, { waitUntil: 'load' });
    step(`Vite: rendered ${JSON.stringify(await rendered(page))}`);
    const chosen = await chooseByKeyboard(page, 'Vite');
    if (chosen) step(`Vite: ArrowDown chose ${chosen.value} ("${chosen.checked}")`);
    await page.close();

    await runNoBundler(browser, origin, installed, readme.imports);
  } catch (error) {
    problems.push(`the examples did not run: ${error.message}`);
  } finally {
    await browser.close();
    server.close();
  }
  lap('Chromium');
} catch (error) {
  problems.push(error.message);
} finally {
  if (!process.env.PACK_CHECK_KEEP) rmSync(work, { recursive: true, force: true });
  else step(`kept ${work}`);
}

const total = `${((performance.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`;
if (problems.length) {
  for (const problem of problems) console.error(`pack-check: FAIL ${problem}`);
  console.error(`pack-check: failed after ${total}`);
  process.exit(1);
}
step(`the tarball installs, lints clean, and runs with Vite and without a bundler: ${total}`);
