// `npm run elements`: writes what follows from src/elements.ts (the list of elements) and from
// the Custom Elements Manifest (each element's properties, attributes and events, read by the
// analyzer from the element's code and JSDoc):
// - src/frameworks/element-props.ts, the props and events the React and Vue typings give each tag;
// - package.json "exports", one `./<tag>` subpath per element (other entries are left as they are).
// `--check` writes nothing and exits 1 naming what is out of date; test/node/elements.test.mjs
// runs the same comparison, so a stale file fails `npm test`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { readElementRegistry } from './element-registry.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
export const ELEMENT_PROPS_PATH = 'src/frameworks/element-props.ts';

/**
 * A form control's `input` and `change` are the browser's own events, which React (`onInput`,
 * `onChange`) and Vue already type for every element: the library's events are the others.
 */
const NATIVE_CONTROL_EVENTS = new Set(['input', 'change']);
const TYPE_KEYWORDS = new Set(['string', 'number', 'boolean', 'undefined', 'null', 'readonly', 'unknown', 'never', 'void', 'any', 'object', 'keyof', 'typeof']);

/** The manifest package.json "customElements" names. */
export function readManifest(projectRoot = root) {
  const pkg = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8'));
  if (!pkg.customElements) throw new Error('package.json has no "customElements" (the Custom Elements Manifest)');
  return JSON.parse(readFileSync(`${projectRoot}${pkg.customElements}`, 'utf8'));
}

/** The manifest's declaration of each tag. */
function declarationsByTag(manifest) {
  const declarations = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) declarations.set(declaration.tagName, declaration);
    }
  }
  return declarations;
}

/**
 * Where each name a type mentions comes from, as the element's module sees it: declared and
 * exported there, or imported. A name found in neither is a global (`Event`, `CustomEvent`);
 * if it is not, type checking the generated file says so.
 */
function typeSources(modulePath, projectRoot) {
  const text = readFileSync(`${projectRoot}${modulePath}`, 'utf8');
  const source = ts.createSourceFile(modulePath, text, ts.ScriptTarget.Latest, false);
  const sources = new Map();
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && statement.name && ts.isIdentifier(statement.name)) sources.set(statement.name.text, modulePath);
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (bindings && ts.isNamedImports(bindings)) {
      const from = statement.moduleSpecifier.text;
      const target = from.startsWith('.') ? posix.join(posix.dirname(modulePath), from).replace(/\.js$/, '.ts') : from;
      for (const binding of bindings.elements) sources.set(binding.name.text, target);
    }
  }
  return sources;
}

const quoteKey = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const typeNames = (text) => (text.match(/[A-Za-z_$][\w$]*/g) ?? []).filter((name) => !TYPE_KEYWORDS.has(name));

/**
 * The text of src/frameworks/element-props.ts for these elements.
 * @param {import('./element-registry.d.mts').RegisteredElement[]} elements
 * @param {{ modules: unknown[] }} manifest
 */
export function renderElementProps(elements, manifest, projectRoot = root) {
  const declarations = declarationsByTag(manifest);
  /** module (from the project root, or a package) → names imported from it */
  const imports = new Map();
  const use = (module, name) => {
    if (!imports.has(module)) imports.set(module, new Set());
    imports.get(module).add(name);
  };
  const props = [];
  const events = [];

  for (const { tag, className, module } of elements) {
    const declaration = declarations.get(tag);
    if (!declaration) throw new Error(`custom-elements.json has no <${tag}>: run \`npm run analyze\`, and give ${className} a @tagname ${tag} JSDoc tag`);
    if (declaration.name !== className) throw new Error(`custom-elements.json declares <${tag}> as ${declaration.name}, src/elements.ts registers ${className}`);
    use(module, className);

    // Writable public properties, set by frameworks as properties.
    const fields = (declaration.members ?? []).filter(
      (member) => member.kind === 'field' && !member.static && !member.readonly && (member.privacy ?? 'public') === 'public',
    );
    const fieldNames = [...new Set(fields.map((field) => field.name))];
    const fieldType = new Map(fields.map((field) => [field.name, field.type?.text ?? '']));
    // Attributes under their own names; one spelled like a property is that property.
    const attributes = [];
    for (const attribute of declaration.attributes ?? []) {
      if (fieldType.has(attribute.name)) continue;
      let type = 'string';
      if (attribute.fieldName && fieldType.has(attribute.fieldName)) {
        type = `${className}['${attribute.fieldName}']`;
        // An attribute's value is text: a number attribute takes `"45"` as well as 45.
        const own = fieldType.get(attribute.fieldName);
        if (/\bnumber\b/.test(own) && !/\bstring\b/.test(own)) type += ' | string';
      }
      attributes.push(`    ${quoteKey(attribute.name)}?: ${type};`);
    }
    const parts = [];
    if (fieldNames.length) {
      const names = fieldNames.map((name) => `'${name}'`);
      const inline = `Partial<Pick<${className}, ${names.join(' | ')}>>`;
      // One property a line once they do not fit on one: adding a property is a one-line change.
      const stacked = `Partial<\n    Pick<\n      ${className},\n${names.map((name) => `      | ${name}`).join('\n')}\n    >\n  >`;
      parts.push(`  '${tag}': ${inline} & {`.length <= 100 ? inline : stacked);
    }
    if (attributes.length) parts.push(`{\n${attributes.join('\n')}\n  }`);
    props.push(`  '${tag}': ${parts.length ? parts.join(' & ') : 'Record<never, never>'};`);

    const own = (declaration.events ?? []).filter((event) => !(NATIVE_CONTROL_EVENTS.has(event.name) && event.type?.text === 'Event'));
    if (!own.length) {
      events.push(`  '${tag}': Record<never, never>;`);
      continue;
    }
    const sources = typeSources(module, projectRoot);
    const lines = own.map((event) => {
      const type = event.type?.text;
      if (!type) throw new Error(`<${tag}>'s event ${event.name} has no type: write it as @event {CustomEvent<Detail>} ${event.name} in ${module}`);
      for (const name of typeNames(type)) if (sources.has(name)) use(sources.get(name), name);
      return `    ${quoteKey(event.name)}: ${type};`;
    });
    events.push(`  '${tag}': {\n${lines.join('\n')}\n  };`);
  }

  const fromHere = (module) => {
    if (!module.startsWith('src/')) return module;
    const path = relative(dirname(`${projectRoot}${ELEMENT_PROPS_PATH}`), `${projectRoot}${module}`).replace(/\.ts$/, '.js');
    return path.startsWith('.') ? path : `./${path}`;
  };
  const importLines = [...imports]
    .map(([module, names]) => [fromHere(module), [...names].sort()])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([module, names]) => `import type { ${names.join(', ')} } from '${module}';`);

  return `// Generated by \`npm run elements\` from src/elements.ts and custom-elements.json: do not edit.
// Change an element's properties, attributes or @event JSDoc, then run \`npm run elements\`
// (test/node/elements.test.mjs fails while this file is out of date).
// What a framework template may set and hear on each element, for the React and Vue declarations
// next to this file. Types only: nothing here exists at run time.
${importLines.join('\n')}

/**
 * Per tag: the writable properties (frameworks set a prop as a property when the element has
 * one, which is how an adapter object arrives as itself) and the attributes by their own names.
 */
export interface OutcomeElementProps {
${props.join('\n')}
}

/**
 * Per tag: the library's own events (a form control's \`input\` and \`change\` are native events,
 * which frameworks already type).
 */
export interface OutcomeElementEvents {
${events.join('\n')}
}

export type OutcomeTag = keyof OutcomeElementProps;
`;
}

/** An element's subpath in package.json "exports". */
const elementExport = ({ tag, module }) => ({
  types: `./dist/types/${module.replace(/^src\//, '').replace(/\.ts$/, '.d.ts')}`,
  default: `./dist/${tag}.js`,
});
const isElementExport = (key, value) =>
  typeof value === 'object' && value !== null && value.default === `./dist/${key.slice(2)}.js` && /^\.\/dist\/types\/components\//.test(value.types ?? '');

/**
 * package.json "exports" with exactly one `./<tag>` subpath per element: stale element subpaths
 * removed, missing ones added after the last element subpath, everything else kept in place.
 */
export function syncExports(exports, elements) {
  const wanted = new Map(elements.map((element) => [`./${element.tag}`, elementExport(element)]));
  const entries = Object.entries(exports).filter(([key, value]) => wanted.has(key) || !isElementExport(key, value));
  const present = new Set(entries.map(([key]) => key));
  const missing = [...wanted].filter(([key]) => !present.has(key));
  let at = entries.findLastIndex(([key]) => wanted.has(key)) + 1;
  if (at === 0) at = entries.length;
  entries.splice(at, 0, ...missing);
  return Object.fromEntries(entries.map(([key, value]) => [key, wanted.get(key) ?? value]));
}

/** Each generated file's path and its text as it should be. */
export function expectedFiles(projectRoot = root) {
  const elements = readElementRegistry(projectRoot);
  const pkgText = readFileSync(`${projectRoot}package.json`, 'utf8');
  const pkg = JSON.parse(pkgText);
  const synced = `${JSON.stringify({ ...pkg, exports: syncExports(pkg.exports, elements) }, null, 2)}\n`;
  return [
    { path: ELEMENT_PROPS_PATH, text: renderElementProps(elements, readManifest(projectRoot), projectRoot) },
    { path: 'package.json', text: synced },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = expectedFiles().filter(({ path, text }) => readFileSync(`${root}${path}`, 'utf8') !== text);
  if (check) {
    if (stale.length) {
      console.error(`Out of date: ${stale.map(({ path }) => path).join(', ')}. Run \`npm run elements\`.`);
      process.exitCode = 1;
    }
  } else {
    for (const { path, text } of stale) writeFileSync(`${root}${path}`, text);
    console.log(stale.length ? `Wrote ${stale.map(({ path }) => path).join(', ')}.` : 'Up to date.');
  }
}
