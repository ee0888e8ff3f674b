/** What an agent has entered in the popup for one subject, kept across a reload. */
export interface Draft {
  outcomeKey: string;
  scheduledAt: string;
  notes: string;
  /** The idempotency key of this exact record, so a retry after a reload is not a second record. */
  idempotencyKey: string;
}

import { webStorage } from './web-storage.js';

const PREFIX = 'outcome-elements:draft:';

/**
 * Drafts live in sessionStorage, per subject: they survive a reload of the agent's tab but not
 * the end of the session, and never reach another tab's calls.
 */
export const draftStorage = {
  read(subjectId: string, storage: Storage = webStorage('sessionStorage')): Draft | null {
    try {
      const value: unknown = JSON.parse(storage.getItem(PREFIX + subjectId) ?? 'null');
      if (!value || typeof value !== 'object') return null;
      const draft = value as Record<string, unknown>;
      const text = (name: string) => (typeof draft[name] === 'string' ? (draft[name] as string) : '');
      return { outcomeKey: text('outcomeKey'), scheduledAt: text('scheduledAt'), notes: text('notes'), idempotencyKey: text('idempotencyKey') };
    } catch {
      return null;
    }
  },

  write(subjectId: string, draft: Draft, storage: Storage = webStorage('sessionStorage')): void {
    try {
      storage.setItem(PREFIX + subjectId, JSON.stringify(draft));
    } catch {
      // A full or blocked storage only loses the draft's survival of a reload, not the draft.
    }
  },

  clear(subjectId: string, storage: Storage = webStorage('sessionStorage')): void {
    try {
      storage.removeItem(PREFIX + subjectId);
    } catch {
      // Nothing to clear where nothing could be stored.
    }
  },
};
