import { defineConfig } from 'vite';
import { readElementRegistry } from './scripts/element-registry.mjs';

/**
 * The public entry points: dist/<name>.js ← source. Each element of src/elements.ts has its own,
 * dist/<tag>.js; `npm run size` and test/node/exports.test.mjs read the entries from this config.
 */
const entry: Record<string, string> = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  model: 'src/model-package.ts',
  adapters: 'src/adapters/index.ts',
  'locales/es': 'src/locales/es.ts',
  'strict-csp': 'src/model/strict-csp.ts',
  ...Object.fromEntries(readElementRegistry().map(({ tag, module }) => [tag, module])),
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
