// Custom Elements Manifest (custom-elements.json) from the elements' JSDoc tags: @tagname,
// @summary, @slot, @event, @csspart, @cssproperty, @cssstate. Read by Storybook (controls,
// autodocs), editors and framework typings; package.json "customElements" points at it.
// `npm run analyze` (part of the build) writes it; it is committed, so the build must write the
// same bytes from the same sources (CI fails on a dirty tree). test/node/manifest.test.mjs checks
// it against README.md and against what the package ships.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * Element classes have no side effects: `src/define.ts` registers every tag (in a loop the
 * analyzer cannot follow). The only `customElements.define` it finds is the popup's fallback
 * registration of the picker, which is not where the tag is defined. So the definitions are
 * taken from each class's `@tagname` and declared once, on the define module.
 */
function definitionsOnDefineModule() {
  return {
    name: 'outcome-elements:definitions-on-define-module',
    packageLinkPhase({ customElementsManifest }) {
      const definitions = [];
      for (const module of customElementsManifest.modules) {
        module.exports = (module.exports ?? []).filter((item) => item.kind !== 'custom-element-definition');
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          // Base classes extend LitElement but are never registered under a tag of their own.
          if (!declaration.tagName) {
            delete declaration.customElement;
            continue;
          }
          definitions.push({
            kind: 'custom-element-definition',
            name: declaration.tagName,
            declaration: { name: declaration.name, module: module.path },
          });
        }
      }
      // By tag, not in the file system's order: the committed manifest is the same on every machine.
      definitions.sort((a, b) => compare(a.name, b.name));
      customElementsManifest.modules.push({ kind: 'javascript-module', path: 'src/define.ts', declarations: [], exports: definitions });
    },
  };
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The package's entry points, by the source each is built from: package.json "exports" pairs
 * the shipped JavaScript with its declarations, and the declarations mirror src/
 * (dist/types/define.d.ts is src/define.ts). Type-only entries (react, vue) have no module.
 */
function shippedEntries() {
  const entries = new Map();
  for (const target of Object.values(pkg.exports)) {
    if (typeof target !== 'object' || !target.default || !target.types) continue;
    const source = target.types.replace(/^\.\/dist\/types\//, 'src/').replace(/\.d\.ts$/, '.ts');
    entries.set(source, { path: target.default.replace(/^\.\//, ''), typeDefinitionPath: target.types.replace(/^\.\//, '') });
  }
  return entries;
}

/** A reference's module as a source path: '/src/a/b.js', './b.js' (from src/a/c.ts) → 'src/a/b.ts'. */
function sourcePath(module, from) {
  const path = module.startsWith('.') ? posix.join(posix.dirname(from), module) : module.replace(/^\//, '');
  return path.replace(/\.js$/, '.ts');
}

/**
 * Modules are the package's entry points, as the schema asks ("the public entrypoints that other
 * packages may import from"): each names the JavaScript a consumer loads (dist/outcome-picker.js)
 * and, in `typeDefinitionPath`, its declarations — not a TypeScript source nobody can load. A
 * class from an internal module that an entry re-exports (the base classes, from the main entry)
 * is declared on that entry; other internal modules (views, helpers) are bundled into chunks and
 * left out. Every reference then points at the entry that exports its declaration.
 */
function shippedModulePaths() {
  return {
    name: 'outcome-elements:shipped-module-paths',
    packageLinkPhase({ customElementsManifest }) {
      const entries = shippedEntries();
      const modules = customElementsManifest.modules;
      const entryModules = modules.filter((module) => entries.has(module.path));
      /** `${source}#${name}` → the entry module that ships that declaration. */
      const home = new Map();
      for (const module of entryModules) {
        for (const declaration of module.declarations ?? []) home.set(`${module.path}#${declaration.name}`, module);
      }
      const bySource = new Map(modules.map((module) => [module.path, module]));
      for (const module of entryModules) {
        for (const item of module.exports ?? []) {
          if (item.kind !== 'js' || !item.declaration.module) continue;
          const source = sourcePath(item.declaration.module, module.path);
          const key = `${source}#${item.declaration.name}`;
          const declaration = bySource.get(source)?.declarations?.find((candidate) => candidate.name === item.declaration.name);
          if (entries.has(source) || home.has(key) || !declaration) continue;
          (module.declarations ??= []).push(declaration);
          home.set(key, module);
        }
      }

      const shipped = new Set([...entries.values()].map((entry) => entry.path));
      const rewrite = (reference, from) => {
        if (!reference.module || reference.package || shipped.has(reference.module)) return true;
        const module = home.get(`${sourcePath(reference.module, from)}#${reference.name}`);
        if (!module) return false;
        reference.module = entries.get(module.path).path;
        return true;
      };
      const REFERENCE_KEYS = new Set(['superclass', 'inheritedFrom', 'declaration', 'mixins', 'references']);
      const unshipped = [];
      const visit = (value, from, where) => {
        if (Array.isArray(value)) return value.forEach((item) => visit(item, from, where));
        if (!value || typeof value !== 'object') return;
        for (const [key, child] of Object.entries(value)) {
          if (REFERENCE_KEYS.has(key)) {
            for (const reference of [child].flat()) {
              if (!rewrite(reference, from)) unshipped.push(`${where}: ${key} ${reference.name} from ${reference.module}`);
            }
          }
          visit(child, from, where);
        }
      };
      for (const module of entryModules) {
        // What an entry re-exports from modules the manifest does not describe (types, the
        // recorder, …) is not listed; its own declarations and the elements' are.
        module.exports = (module.exports ?? []).filter((item) => item.kind !== 'js' || rewrite(item.declaration, module.path));
        visit(module.declarations, module.path, module.path);
        visit(module.exports, module.path, module.path);
      }
      if (unshipped.length) {
        throw new Error(`The manifest refers to declarations no entry point ships:\n  ${unshipped.join('\n  ')}`);
      }

      customElementsManifest.modules = entryModules
        .map(({ kind, path, ...rest }) => ({ kind, ...entries.get(path), ...rest }))
        .sort((a, b) => compare(a.path, b.path));
    },
  };
}

export default {
  // The main entry only for what it re-exports: the base classes are declared there.
  globs: ['src/components/**/*.ts', 'src/index.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [definitionsOnDefineModule(), shippedModulePaths()],
};
