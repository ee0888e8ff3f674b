/**
 * Everything the editor needs to change outcome types and its list does not (the form, its
 * checks and strings, reordering): fetched when an editor that may write first renders, so
 * pages that only show outcomes (an agent desktop importing `define`) never download it.
 */
export { enEditorForm as messages } from '../../localization/en-editor-form.js';
export { checkDraft } from './draft-checks.js';
export { differences, heldBy, rebase, renderClash } from './conflict.js';
export { changesOf, createInputOf, draftFrom, followName } from './draft.js';
export { issueText } from './field-text.js';
export { controlId, formFields, renderFormFields } from './form-fields.js';
export { ordinalChanges, placeAt } from './reorder.js';
