import { DispositionPopup } from './components/disposition-popup/disposition-popup.js';
import { OutcomeOutbox } from './components/outcome-outbox/outcome-outbox.js';
import { OutcomePicker } from './components/outcome-picker/outcome-picker.js';
import { OutcomeProvider } from './components/outcome-provider/outcome-provider.js';
import { OutcomeTypeEditor } from './components/outcome-type-editor/outcome-type-editor.js';

/**
 * Every element of the library, by tag: the one list a new element is added to (README,
 * "Adding an element"); `define` registers them in this order. The build reads the same list
 * without running it (scripts/element-registry.mjs): one entry point per element, dist/<tag>.js, built
 * from the module each class is imported from here; `npm run elements` writes the package's
 * subpath exports and the React and Vue typings from it and from custom-elements.json, and
 * test/node/elements.test.mjs fails when any of them is out of date.
 */
export const ELEMENTS = {
  'outcome-provider': OutcomeProvider,
  'outcome-picker': OutcomePicker,
  'outcome-type-editor': OutcomeTypeEditor,
  'disposition-popup': DispositionPopup,
  'outcome-outbox': OutcomeOutbox,
} as const;
