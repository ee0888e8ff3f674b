import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

const unsafeHtml = [
  {
    name: 'lit/directives/unsafe-html.js',
    message: 'unsafeHTML is forbidden: render text, never markup from data.',
  },
  {
    name: 'lit/directives/unsafe-svg.js',
    message: 'unsafeSVG is forbidden: render text, never markup from data.',
  },
  {
    name: 'lit/static-html.js',
    importNames: ['unsafeStatic'],
    message: 'unsafeStatic is forbidden.',
  },
];

const noHtmlSinks = [
  {
    selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'innerHTML/outerHTML are forbidden: build DOM with Lit templates.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'insertAdjacentHTML is forbidden.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
    message: 'document.write is forbidden.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'coverage/', 'node_modules/', '.test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', customElements: 'readonly',
        process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly',
      },
    },
    rules: {
      'no-restricted-imports': ['error', { paths: unsafeHtml }],
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The model and adapter layers run in Node too: no Lit, no elements, no DOM helpers.
    files: ['src/model/**/*.ts', 'src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: unsafeHtml,
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'model/ and adapters/ must not depend on Lit.' },
            { group: ['**/components/**', '**/controllers/**', '**/localization/**'], message: 'Layers depend downwards only.' },
          ],
        },
      ],
    },
  },
  {
    // Elements and controllers must stay zod-free: it belongs to the model entry points.
    files: ['src/components/**/*.ts', 'src/controllers/**/*.ts', 'src/localization/**/*.ts', 'src/define.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: unsafeHtml,
          patterns: [
            { group: ['zod', 'zod/*'], message: 'Element code must not import zod.' },
            { group: ['**/model/schemas*', '**/model/index*', '**/model/parse*', '**/model/validate-input*', '**/adapters/memory-adapter*', '**/adapters/index*'], message: 'These modules import zod; element code must not.' },
          ],
        },
      ],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Node scripts: the test servers and tools.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'structuredClone', 'TextEncoder', 'TextDecoder', 'fetch', 'AbortController', 'performance']
          .map((name) => [name, 'readonly']),
      ),
    },
  },
);
