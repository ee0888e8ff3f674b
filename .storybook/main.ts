import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

/**
 * Lit decorators: src/ uses legacy decorators (`experimentalDecorators: true`) with
 * `useDefineForClassFields: false`. Vite 8's oxc transform reads both from the tsconfig.json
 * nearest to each file, in `storybook dev` and `storybook build` alike, so they need no option
 * here. Storybook also loads the root vite.config.ts, minus its `build` section (the library
 * build), so what is added there (aliases, plugins, an `oxc` block) applies to Storybook too.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // The favicon of the Storybook page and of each story's frame (preview-head.html links it there).
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      optimizeDeps: {
        // Storybook's web-components renderer imports `lit/directive-helpers.js`, which the dev
        // dependency scan misses: served unbundled, it loads a second lit-html next to the
        // pre-bundled `lit` ("Multiple versions of Lit loaded"). Pre-bundling it shares one copy.
        include: ['lit/directive-helpers.js'],
      },
    }),
};

export default config;
