// The built package as a Node user gets it: imported BY NAME through the "exports" map (a package
// can import itself by name), with no DOM. Run after `npm run build`: node --test test/node/
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadConfigFromFile } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${root}`), 'utf8'));

before(() => {
  assert.ok(existsSync(`${root}dist/index.js`), 'dist/ is missing: run `npm run build` first');
});

describe('the exports map', () => {
  test('every path it names exists after the build', () => {
    const targets = (value) =>
      typeof value === 'string' ? [value] : Object.values(value).flatMap(targets);
    const missing = Object.values(pkg.exports)
      .flatMap(targets)
      .filter((target) => !existsSync(`${root}${target}`));
    assert.deepEqual(missing, []);
  });

  test('names every entry of vite.config.ts, with its types next to its source', async () => {
    const { config } = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      'vite.config.ts',
      root,
      'silent',
    );
    const expected = Object.fromEntries(
      Object.entries(config.build.lib.entry).map(([name, source]) => [
        name === 'index' ? '.' : `./${name}`,
        {
          types: `./dist/types/${source.replace(/^src\//, '').replace(/\.ts$/, '.d.ts')}`,
          default: `./dist/${name}.js`,
        },
      ]),
    );
    // Type-only entries (framework typings) have no JavaScript of their own.
    const { './package.json': _, './react': _react, './vue': _vue, ...actual } = pkg.exports;
    assert.deepEqual(actual, expected);
  });

  test('subpaths resolve by package name to the built files', () => {
    assert.equal(import.meta.resolve('outcome-elements/model'), new URL('dist/model.js', `file://${root}`).href);
    assert.equal(import.meta.resolve('outcome-elements/adapters'), new URL('dist/adapters.js', `file://${root}`).href);
  });
});

describe('DOM-free layers', () => {
  for (const file of ['dist/model.js', 'dist/adapters.js']) {
    test(`${file} imports no lit, through any chunk`, async () => {
      // esbuild follows the whole static and dynamic import graph and lists the packages left out.
      const result = await build({
        absWorkingDir: root,
        entryPoints: [file],
        bundle: true,
        packages: 'external',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const packages = new Set(
        Object.values(result.metafile.outputs)
          .flatMap((output) => output.imports)
          .filter((imported) => imported.external)
          .map((imported) => imported.path),
      );
      assert.deepEqual([...packages].filter((name) => /^(lit|lit-html|lit-element|@lit\/)/.test(name)), []);
      // zod, and d3-dsv's CSV parser, imported on demand by readImportText.
      assert.deepEqual([...packages].filter((name) => !/^(zod|d3-dsv)(\/|$)/.test(name)), [], 'only zod and d3-dsv may be imported');
    });
  }
});

describe('outcome-elements/adapters', () => {
  const DEFAULT_KEYS = [
    'impression',
    'click',
    'dismiss',
    'accept',
    'convert',
    'not_presented',
    'requested_info',
    'not_interested',
    'expired',
    'deferred',
  ];

  test('a MemoryAdapter lists the ten system defaults in seed order', async () => {
    const { MemoryAdapter, SYSTEM_DEFAULT_OUTCOME_TYPES } = await import('outcome-elements/adapters');
    assert.deepEqual(SYSTEM_DEFAULT_OUTCOME_TYPES.map((type) => type.key), DEFAULT_KEYS);
    const listed = await new MemoryAdapter().listOutcomeTypes();
    assert.deepEqual(listed.map((type) => type.key), DEFAULT_KEYS);
    assert.deepEqual(listed.map((type) => type.ordinal), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(listed.every((type) => type.isSystem && type.status === 'active'));
  });

  test('recordOutcome stores one record for two calls with the same idempotency key', async () => {
    const { MemoryAdapter } = await import('outcome-elements/adapters');
    const adapter = new MemoryAdapter();
    const record = { subjectId: 'call-1', outcomeKey: 'accept', source: 'agent' };
    const first = await adapter.recordOutcome(record, { idempotencyKey: 'key-1' });
    const again = await adapter.recordOutcome({ ...record }, { idempotencyKey: 'key-1' });
    assert.equal(again.id, first.id);
    assert.equal(adapter.listRecords().length, 1);
    // A new key is a new record: de-duplication is by key, not by content.
    await adapter.recordOutcome(record, { idempotencyKey: 'key-2' });
    assert.equal(adapter.listRecords().length, 2);
  });
});

describe('outcome-elements/model', () => {
  test('OutcomeTypeSchema through parseWith: a valid type parses with defaults, garbage fails with paths', async () => {
    const { OutcomeTypeSchema, parseWith } = await import('outcome-elements/model');
    const good = parseWith(OutcomeTypeSchema, { id: 'ot-1', key: 'callback', name: 'Call back' });
    assert.equal(good.ok, true);
    assert.deepEqual(
      good.value,
      {
        id: 'ot-1',
        key: 'callback',
        name: 'Call back',
        description: '',
        classification: 'neutral',
        category: 'response',
        kind: 'disposition',
        ordinal: 99,
        status: 'active',
        requiresFutureScheduledAt: false,
        extras: {},
        isSystem: false,
      },
    );

    const bad = parseWith(OutcomeTypeSchema, { id: 'ot-2', key: '', name: 7, classification: 'great' });
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.issues.map((issue) => issue.path).sort(), ['$.classification', '$.key', '$.name']);
    assert.match(bad.message, /\$\.classification: /);
  });

  test('checkScheduledAt: required and strictly future exactly when the outcome says so', async () => {
    const { checkScheduledAt } = await import('outcome-elements/model');
    const now = Date.parse('2030-06-01T12:00:00Z');
    const dated = { requiresFutureScheduledAt: true };
    assert.equal(checkScheduledAt(dated, '2030-06-01T12:00:01Z', now), null);
    assert.equal(checkScheduledAt(dated, '2030-06-01T12:00:00Z', now), 'rangeUnderflow');
    assert.equal(checkScheduledAt(dated, '', now), 'valueMissing');
    assert.equal(checkScheduledAt(dated, 'tomorrow', now), 'badInput');
    assert.equal(checkScheduledAt({ requiresFutureScheduledAt: false }, undefined, now), null);
    assert.equal(checkScheduledAt({ requiresFutureScheduledAt: false }, '2030-06-02T00:00:00Z', now), 'notAllowed');
  });
});
