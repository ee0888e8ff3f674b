/**
 * English strings `<outcome-outbox>` shows without its view: loading, nothing pending, the
 * count it announces, and the view that could not be fetched. All that pages importing `define`
 * load of the outbox's words.
 */
export const enOutboxHost = {
  'outbox.loading': 'Loading pending wrap-ups…',
  'outbox.empty': 'No wrap-ups are pending.',
  'outbox.count': (count: number) => (count === 0 ? 'No wrap-ups pending' : count === 1 ? '1 wrap-up pending' : `${count} wrap-ups pending`),
  'outbox.unavailable': (count: number) =>
    `${count === 1 ? '1 wrap-up is' : `${count} wrap-ups are`} pending, kept on this device, but the list could not be loaded. Check the connection and retry.`,
};
