// React and React DOM ship only CommonJS, selecting their build by `process.env.NODE_ENV`. The
// test runner serves ES modules to a real browser, so for those packages alone: the development
// build is chosen in the source (a browser has no `process`), then @rollup/plugin-commonjs turns
// the modules into ES modules on the fly. Everything else is served untouched.
import rollupCommonjs from '@rollup/plugin-commonjs';
import { fromRollup } from '@web/dev-server-rollup';

const REACT_PACKAGES = ['react', 'react-dom', 'scheduler'];
const commonjs = fromRollup(rollupCommonjs);

const inReactPackage = (path) => REACT_PACKAGES.some((name) => path.includes(`/node_modules/${name}/`));

/** Dev-server plugins that make `import { createRoot } from 'react-dom/client'` work in tests. */
export function reactForBrowser() {
  return [
    {
      name: 'react-development-build',
      transform(context) {
        if (!inReactPackage(context.path) || typeof context.body !== 'string') return undefined;
        return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
      },
    },
    commonjs({
      include: REACT_PACKAGES.map((name) => `**/node_modules/${name}/**/*.js`),
      // The dev server transforms one module per request, so the plugin cannot know, when it
      // writes the proxy for `require('react')`, that react/index.js is CommonJS too; it would hand
      // over the namespace ({ default }) instead of module.exports. Every module these packages
      // require is CommonJS turned into a default export, so a require returns that default.
      requireReturnsDefault: true,
      // Unwrapped modules end in `export default module.exports`, which the ES importers need.
      strictRequires: false,
    }),
  ];
}
