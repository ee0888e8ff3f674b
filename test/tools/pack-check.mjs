// `npm run pack-check`: the package as a user gets it. Builds, packs the tarball, installs it into
// an empty folder (its dependencies from the registry), then runs README.md's plain-HTML example
// — taken from the README inside the tarball — in headless Chromium and checks that the elements
// render and nothing is reported as an error.
//
// The example's module script is bundled with esbuild from the installed package rather than
// served through a hand-written import map: a bundler resolves `outcome-elements/define` through
// the package's own "exports" and keeps or drops `import 'outcome-elements/define'` by its
// "sideEffects", as the users' Vite or webpack would, so a mistake in either fails here. An
// import map would only check a map written by this script.
//
// PACK_CHECK_README=<path> runs the example of another README (a proposed change) instead.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TAGS = ['outcome-provider', 'outcome-picker', 'disposition-popup', 'outcome-type-editor', 'outcome-outbox'];
const work = mkdtempSync(join(tmpdir(), 'outcome-elements-pack-'));
const problems = [];

function step(text) {
  console.log(`pack-check: ${text}`);
}

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The ```html block of the README's "Use it in a plain HTML page" section. */
function readmeExample(readme) {
  const section = readme.match(/^## Use it in a plain HTML page\n([\s\S]*?)(?=^## )/m)?.[1];
  const block = section?.match(/```html\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('README.md has no ```html example under "## Use it in a plain HTML page"');
  const script = block.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!script) throw new Error('the README example has no <script type="module">');
  return { script: script[1], html: block.replace(script[0], '<script type="module" src="./example.js"></script>') };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

function serve(folder) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    const file = join(folder, path === '/' ? 'index.html' : path);
    if (!file.startsWith(folder)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

try {
  step('building');
  run('npm', ['run', '--silent', 'build'], root);

  step('packing');
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed.filename);
  const shipped = new Set(packed.files.map((file) => file.path));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pkg.customElements && !shipped.has(pkg.customElements)) {
    problems.push(`package.json "customElements" names ${pkg.customElements}, which the tarball does not contain`);
  }
  step(`${packed.filename}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);

  step('installing the tarball into an empty folder');
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check-app', private: true, type: 'module' }, null, 2));
  run('npm', ['install', tarball, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], app);

  const readmePath = process.env.PACK_CHECK_README ?? join(app, 'node_modules/outcome-elements/README.md');
  step(`running the plain-HTML example of ${process.env.PACK_CHECK_README ? readmePath : 'the installed README.md'}`);
  const example = readmeExample(readFileSync(readmePath, 'utf8'));
  writeFileSync(join(app, 'example.src.js'), example.script);
  await build({
    absWorkingDir: app,
    entryPoints: ['example.src.js'],
    outfile: 'example.js',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'error',
  });
  writeFileSync(join(app, 'index.html'), `<!doctype html>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>README example</title>\n${example.html}`);

  const server = await serve(app);
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });

    // Every tag registered, and each element the example puts on the page rendered its content.
    const result = await page.waitForFunction(
      (tags) => {
        if (!tags.every((tag) => customElements.get(tag))) return false;
        const picker = [...document.querySelectorAll('outcome-picker')];
        const editor = [...document.querySelectorAll('outcome-type-editor')];
        const popup = [...document.querySelectorAll('disposition-popup')];
        const ready =
          picker.every((element) => element.shadowRoot?.querySelector('[role="radio"]')) &&
          editor.every((element) => element.shadowRoot?.querySelector('[part~="row"]')) &&
          popup.every((element) => element.shadowRoot?.querySelector('dialog'));
        if (!ready) return false;
        return {
          elements: [...picker, ...editor, ...popup].map((element) => element.localName),
          choices: picker.map((element) => element.shadowRoot.querySelectorAll('[role="radio"]').length),
          rows: editor.map((element) => element.shadowRoot.querySelectorAll('[part~="row"]').length),
          classification: picker[0]?.shadowRoot.querySelector('[part~="classification"]')?.textContent.trim() ?? null,
          lang: document.querySelector('outcome-provider')?.getAttribute('lang') ?? null,
          locales: [...picker, ...editor, ...popup].map((element) => element.locale),
        };
      },
      { timeout: 10000 },
      TAGS,
    );
    const seen = await result.jsonValue();
    step(`rendered: ${JSON.stringify(seen)}`);
    if (seen.elements.length === 0) problems.push('the README example puts no outcome element on the page, so nothing can be seen to render');
    if (seen.lang && seen.locales.some((locale) => locale !== seen.lang)) {
      problems.push(`the elements did not take the provider's lang="${seen.lang}": ${seen.locales.join(', ')}`);
    }
  } catch (error) {
    problems.push(`the example did not render: ${error.message}`);
  } finally {
    await browser.close();
    server.close();
  }
} catch (error) {
  problems.push(error.message);
} finally {
  if (!process.env.PACK_CHECK_KEEP) rmSync(work, { recursive: true, force: true });
  else step(`kept ${work}`);
}

if (problems.length) {
  for (const problem of problems) console.error(`pack-check: FAIL ${problem}`);
  process.exit(1);
}
step('the README example works from the installed tarball');
