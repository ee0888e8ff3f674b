import { defineConfig } from 'vite';

/**
 * Elements with their own entry point, each at src/components/<tag>/<tag>.ts and built to
 * dist/<tag>.js. Add a tag here and its export in package.json; `npm run size` and
 * test/node/exports.test.mjs read the entries from this config.
 */
const ELEMENT_TAGS = ['outcome-provider', 'outcome-picker', 'disposition-popup', 'outcome-type-editor', 'outcome-outbox'];

/** The public entry points: dist/<name>.js ← source. */
const entry: Record<string, string> = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  model: 'src/model-package.ts',
  adapters: 'src/adapters/index.ts',
  'locales/es': 'src/locales/es.ts',
  'strict-csp': 'src/model/strict-csp.ts',
  ...Object.fromEntries(ELEMENT_TAGS.map((tag) => [tag, `src/components/${tag}/${tag}.ts`])),
};

/** Dependencies stay imports, resolved (and deduplicated) by the consumer's bundler. */
const external = /^(?:lit|zod|d3-dsv)(?:\/|$)|^@lit\//;

// TypeScript (legacy decorators, no define semantics for class fields) is compiled by Vite's oxc
// transform, which takes `experimentalDecorators` and `useDefineForClassFields` from tsconfig.json.
export default defineConfig({
  build: {
    lib: { entry, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external,
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
