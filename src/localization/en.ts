/**
 * The English strings shared by every element, and the first part of the shape every other
 * locale must match key for key. Values are
 * strings or functions of the values they mention, so word order stays the translator's.
 */
export const en = {
  loading: 'Loading outcomes…',
  empty: 'No outcomes are available.',
  loadFailed: 'The outcomes could not be loaded.',
  retry: 'Retry',
  noAdapter: 'No data source is connected.',
  'classification.positive': 'Positive',
  'classification.negative': 'Negative',
  'classification.neutral': 'Neutral',
  'category.impression': 'Impression',
  'category.response': 'Response',
  'error.validation': 'Some values are not valid.',
  'error.unauthorized': 'You are not signed in, or your session has expired.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.not_found': 'It no longer exists.',
  'error.conflict': 'It was changed elsewhere. Reload and try again.',
  'error.unsupported_media_type': 'The server refused the request format.',
  'error.rate_limited': 'Too many requests. Try again in a moment.',
  'error.network': 'The server could not be reached.',
  'error.timeout': 'The server took too long to answer.',
  'error.aborted': 'The request was cancelled.',
  'error.server': 'The server had a problem.',
  'error.bad_response': 'The server sent an answer that could not be read.',
  'scheduled.valueMissing': 'Choose a date and time for the follow-up.',
  'scheduled.rangeUnderflow': (earliest: string) => `Choose a time after ${earliest}.`,
  'scheduled.badInput': 'Enter a complete date and time.',
  'scheduled.badSetting': (setting: string, value: string) =>
    `The ${setting} setting “${value}” cannot be read, so follow-up times cannot be checked. Ask an administrator to correct it.`,
  'picker.search': 'Search outcomes',
  'picker.stale': (time: string) => `Offline — list from ${time}`,
  'picker.noMatches': (query: string) => `No outcome matches “${query}”.`,
  'picker.matches': (count: number) => (count === 1 ? '1 outcome' : `${count} outcomes`),
  'picker.recent': 'Recent',
  'picker.others': 'Other outcomes',
  'scheduled.unavailable': 'The follow-up scheduler could not be loaded. Check the connection and retry.',
  'time.today': (time: string) => `${time} today`,
  'value.required': 'Choose an outcome.',
  'value.unknown': (value: string) => `“${value}” is not an available outcome. Choose another.`,
};

/**
 * Every English string, for the type of a whole catalogue. The strings of each element live
 * beside it (en-popup.ts, en-editor.ts) so that an element's entry carries its own words and
 * the shared ones, not those of every element.
 */
type English = typeof en &
  typeof import('./en-popup.js').enPopup &
  typeof import('./en-popup-view.js').enPopupView &
  typeof import('./en-editor.js').enEditor &
  typeof import('./en-editor-form.js').enEditorForm &
  typeof import('./en-outbox.js').enOutbox &
  typeof import('./en-scheduler.js').enScheduler &
  typeof import('./en-import.js').enImportToolbar & typeof import('./en-import.js').enImport;

export type MessageKey = keyof English;

/** A locale's catalogue: every key of English, each a string or the same kind of function. */
export type Messages = {
  [K in MessageKey]: English[K] extends string ? string : English[K];
};
