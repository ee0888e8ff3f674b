/** English strings `<disposition-popup>` shows before its view has arrived (en-popup-view.ts has the rest). */
export const enPopup = {
  'popup.title': 'Record the outcome',
  'popup.close': 'Close',
  'popup.unavailable': 'This form could not be loaded. Check the connection and retry.',
  'popup.unavailableRequired': 'This form could not be loaded. Retry, or finish this wrap-up later: it stays in your pending list.',
  'popup.finishLater': 'Finish later',
};
