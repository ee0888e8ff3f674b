// Custom Elements Manifest (custom-elements.json) from the elements' JSDoc tags: @tagname,
// @summary, @slot, @event, @csspart, @cssproperty, @cssstate. Read by Storybook (controls,
// autodocs), editors and framework typings; package.json "customElements" points at it.
// `npm run analyze` writes it; test/node/manifest.test.mjs checks it against README.md.

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
      customElementsManifest.modules.push({ kind: 'javascript-module', path: 'src/define.ts', declarations: [], exports: definitions });
      // In path order, not the file system's: the committed manifest is the same on every machine.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [definitionsOnDefineModule()],
};
