/**
 * English strings `<outcome-type-editor>` shows before its view has arrived (loading, or the
 * view could not be fetched): all that pages importing `define` load of the editor's words.
 */
export const enEditorHost = {
  'editor.loading': 'Loading outcome types…',
  'editor.loadFailed': 'The outcome types could not be loaded.',
};
