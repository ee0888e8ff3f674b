import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Wraps every story in an element carrying the toolbar's `lang` and `dir`: outcome elements
 * take their locale from the nearest `lang`, and mirror with the writing direction.
 */
const withLangAndDir: Decorator = (story, { globals }) =>
  html`<div lang=${globals['lang'] ?? 'en'} dir=${globals['dir'] ?? 'ltr'}>${story()}</div>`;

/**
 * Sets the preview page's CSS `color-scheme` from the toolbar, as a host page with a dark mode
 * does: the elements follow the page's scheme (and `system` follows the OS preference). On the
 * root element, so that the popup's top-layer dialog follows it too. The page paints its own
 * `Canvas` background, as a real host does: an implicit canvas is white to axe's contrast check.
 */
const withColorScheme: Decorator = (story, { globals }) => {
  const scheme = globals['scheme'] ?? 'light';
  const root = document.documentElement.style;
  root.colorScheme = scheme === 'system' ? 'light dark' : scheme;
  root.backgroundColor = 'Canvas';
  root.color = 'CanvasText';
  return story();
};

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of the outcome elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'es', title: 'Español', right: 'es' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme of the page (CSS color-scheme)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System (light dark)', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Writing direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en', scheme: 'light', dir: 'ltr' },
  decorators: [withLangAndDir, withColorScheme],
};

export default preview;
