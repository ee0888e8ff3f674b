// src/elements.ts is the one list of the library's elements. What cannot read it at run time is
// generated from it (`npm run elements`) or checked against it here: the React and Vue typings
// (src/frameworks/element-props.ts, from it and custom-elements.json), package.json's element
// subpaths, and src/index.ts's class exports. vite.config.ts and `define` read it directly.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { readElementRegistry } from '../../scripts/element-registry.mjs';
import { expectedFiles, readManifest, renderElementProps, syncExports } from '../../scripts/generate-elements.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const elements = readElementRegistry();

describe('src/elements.ts', () => {
  test('keeps the elements of the public contract, each in src/components/<tag>/<tag>.ts', () => {
    // A subset, not the whole list: a new element is added in src/elements.ts alone.
    const listed = elements.map(({ tag, className }) => `${tag} ${className}`);
    const contract = ['outcome-provider OutcomeProvider', 'outcome-picker OutcomePicker', 'outcome-type-editor OutcomeTypeEditor', 'disposition-popup DispositionPopup', 'outcome-outbox OutcomeOutbox'];
    assert.deepEqual(contract.filter((element) => !listed.includes(element)), []);
    assert.ok(elements.every(({ tag, module }) => module === `src/components/${tag}/${tag}.ts`));
  });

  for (const { path } of expectedFiles()) {
    test(`${path} is what \`npm run elements\` writes from it`, () => {
      const expected = expectedFiles().find((file) => file.path === path).text;
      assert.equal(readFileSync(`${root}${path}`, 'utf8'), expected, `${path} is out of date: run \`npm run elements\``);
    });
  }

  test('src/index.ts exports every element class by name', () => {
    const source = ts.createSourceFile('index.ts', readFileSync(`${root}src/index.ts`, 'utf8'), ts.ScriptTarget.Latest);
    const exported = new Set(
      source.statements
        .filter((statement) => ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause))
        .flatMap((statement) => statement.exportClause.elements.map((element) => element.name.text)),
    );
    assert.deepEqual(elements.map((element) => element.className).filter((name) => !exported.has(name)), []);
  });
});

describe('the generator and the registry reader', () => {
  // Each proves that a list out of step with the registry is caught, not just that today's agree.
  const exports = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).exports;

  test('an element subpath missing from package.json is added after the other elements, a stale one removed', () => {
    const { './outcome-outbox': outbox, ...withoutOutbox } = exports;
    const stale = { ...withoutOutbox, './outcome-retired': { types: './dist/types/components/outcome-retired/outcome-retired.d.ts', default: './dist/outcome-retired.js' } };
    const synced = syncExports(stale, elements);
    assert.deepEqual(synced['./outcome-outbox'], outbox);
    assert.equal(synced['./outcome-retired'], undefined);
    assert.deepEqual(Object.keys(synced).sort(), Object.keys(exports).sort());
    // Entries that are not elements stay where they were.
    assert.deepEqual(Object.keys(synced).filter((key) => !elements.some((element) => `./${element.tag}` === key)), Object.keys(exports).filter((key) => !elements.some((element) => `./${element.tag}` === key)));
  });

  test('a new event, property or attribute in the manifest changes the typings', () => {
    const manifest = readManifest();
    const current = renderElementProps(elements, manifest);
    const changed = structuredClone(manifest);
    const outbox = changed.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'outcome-outbox');
    outbox.events.push({ name: 'outcome-flushed', type: { text: 'CustomEvent<OutcomeResumeDetail>' } });
    outbox.members.push({ kind: 'field', name: 'paused', type: { text: 'boolean' } });
    outbox.attributes.push({ name: 'max-items', fieldName: 'maxItems', type: { text: 'number' } });
    outbox.members.push({ kind: 'field', name: 'maxItems', type: { text: 'number' } });
    const rendered = renderElementProps(elements, changed);
    assert.notEqual(rendered, current);
    assert.match(rendered, /'outcome-flushed': CustomEvent<OutcomeResumeDetail>;/);
    assert.match(rendered, /Partial<Pick<OutcomeOutbox, 'adapter' \| 'userRole' \| 'paused' \| 'maxItems'>>/);
    assert.match(rendered, /'max-items'\?: OutcomeOutbox\['maxItems'\] \| string;/);
  });

  test('an element the manifest lacks, or an untyped event, is refused by name', () => {
    const manifest = readManifest();
    const withoutPicker = { ...manifest, modules: manifest.modules.map((module) => ({ ...module, declarations: (module.declarations ?? []).filter((declaration) => declaration.tagName !== 'outcome-picker') })) };
    assert.throws(() => renderElementProps(elements, withoutPicker), /custom-elements\.json has no <outcome-picker>/);
    const untyped = structuredClone(manifest);
    untyped.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'outcome-outbox').events.push({ name: 'outcome-flushed' });
    assert.throws(() => renderElementProps(elements, untyped), /<outcome-outbox>'s event outcome-flushed has no type/);
  });

  describe('a registry it cannot read', () => {
    const project = mkdtempSync(`${tmpdir()}/elements-registry-`);
    mkdirSync(`${project}/src`);
    after(() => rmSync(project, { recursive: true, force: true }));
    const registry = (body) => {
      writeFileSync(`${project}/src/elements.ts`, body);
      return () => readElementRegistry(project);
    };

    test('a class that is not imported', () => {
      assert.throws(registry(`export const ELEMENTS = {\n  'outcome-thing': OutcomeThing,\n} as const;\n`), /src\/elements\.ts:2: OutcomeThing is not imported by name/);
    });
    test('a module outside src/components/<tag>/<tag>.ts', () => {
      const read = registry(`import { OutcomeThing } from './components/things/thing.js';\nexport const ELEMENTS = { 'outcome-thing': OutcomeThing } as const;\n`);
      assert.throws(read, /<outcome-thing> must live in src\/components\/outcome-thing\/outcome-thing\.ts/);
    });
    test('a tag that is not a custom element name, and a tag listed twice', () => {
      assert.throws(registry(`import { Thing } from './components/thing/thing.js';\nexport const ELEMENTS = { thing: Thing } as const;\n`), /each entry of ELEMENTS is 'tag-name': ImportedClass/);
      assert.throws(registry(`import { Thing } from './components/thing/thing.js';\nexport const ELEMENTS = { 'Thing': Thing } as const;\n`), /'Thing' is not a custom element name/);
      const twice = `import { A } from './components/a-b/a-b.js';\nexport const ELEMENTS = { 'a-b': A, 'a-b': A } as const;\n`;
      assert.throws(registry(twice), /a-b listed twice/);
    });
    test('no ELEMENTS at all', () => {
      assert.throws(registry(`export const elements = {};\n`), /no `export const ELEMENTS/);
    });
  });
});
