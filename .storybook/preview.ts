import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Wraps every story in an element carrying the toolbar's `lang`: outcome elements take their
 * locale from the nearest `lang`, so switching it here switches their strings.
 */
const withLang: Decorator = (story, { globals }) =>
  html`<div lang=${globals['lang'] ?? 'en'}>${story()}</div>`;

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
  },
  initialGlobals: { lang: 'en' },
  decorators: [withLang],
};

export default preview;
