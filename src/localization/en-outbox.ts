import { enOutboxHost } from './en-outbox-host.js';

/**
 * English strings of `<outcome-outbox>`'s list and discard dialog. Fetched with the outbox's
 * view; those shown without it are in en-outbox-host.ts.
 */
export const enOutbox = {
  ...enOutboxHost,
  'outbox.label': 'Pending wrap-ups',
  'outbox.queued': 'Waiting to be sent',
  'outbox.retrying': (attempts: number) => (attempts === 1 ? 'Sending again after 1 failed attempt' : `Sending again after ${attempts} failed attempts`),
  'outbox.refused': 'Refused by the server',
  'outbox.deferred': 'To finish later',
  'outbox.noOutcome': 'No outcome chosen yet',
  'outbox.lastError': (reason: string) => `Last error: ${reason}`,
  'outbox.retry': 'Retry now',
  'outbox.sending': 'Sending…',
  'outbox.resume': 'Resume',
  'outbox.discard': 'Discard',
  'outbox.cancel': 'Keep it',
  'outbox.sent': (subject: string) => `${subject}: recorded.`,
  'outbox.notSent': (subject: string, reason: string) => `${subject}: not sent. ${reason}`,
  'outbox.discardTitle': (subject: string) => `Discard the wrap-up of ${subject}?`,
  'outbox.discardRecord': (outcome: string, subject: string) =>
    `The outcome “${outcome}” for ${subject} will never be recorded. This cannot be undone.`,
  'outbox.discardDeferred': (subject: string) => `${subject} leaves your pending list with no outcome recorded. This cannot be undone.`,
  'outbox.discardConfirm': (subject: string) => `Discard ${subject}`,
  'outbox.discardFailed': 'Not discarded.',
  'outbox.discarded': (subject: string) => `${subject} discarded.`,
};
