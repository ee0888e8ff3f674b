import type { OutcomeRecord } from '../model/types.js';
import { webStorage } from './web-storage.js';

/** What an agent has entered for one subject, kept across a reload of the tab. */
export interface Draft {
  outcomeKey: string;
  scheduledAt: string;
  notes: string;
  /** The idempotency key of this exact record, so a retry after a reload is not a second record. */
  idempotencyKey: string;
  /**
   * A record sent whose fate is unknown (no answer, a 5xx): until the backend acknowledges it,
   * only it is sent for this subject, with its key, so it can never be stored twice.
   */
  unsettled?: { record: OutcomeRecord; idempotencyKey: string };
  /**
   * The after-call-work countdown, so that a reload continues it rather than restarting it:
   * its `deadline` (clock milliseconds) while it runs, the milliseconds `left` while it is paused,
   * neither once the agent has submitted (it records nothing then), and the extensions used.
   */
  countdown?: { deadline?: number; left?: number; extensions: number };
}

const PREFIX = 'outcome-elements:draft:';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function text(source: Record<string, unknown>, name: string): string {
  return typeof source[name] === 'string' ? (source[name] as string) : '';
}

function readUnsettled(value: unknown): Draft['unsettled'] {
  if (!value || typeof value !== 'object') return undefined;
  const { record, idempotencyKey } = value as { record?: OutcomeRecord; idempotencyKey?: unknown };
  if (typeof idempotencyKey !== 'string' || !idempotencyKey || !record || typeof record !== 'object') return undefined;
  if (typeof record.subjectId !== 'string' || typeof record.outcomeKey !== 'string') return undefined;
  return { record, idempotencyKey };
}

function readCountdown(value: unknown): Draft['countdown'] {
  if (!value || typeof value !== 'object') return undefined;
  const { deadline, left, extensions } = value as Record<string, unknown>;
  return { ...(finite(deadline) && { deadline }), ...(finite(left) && { left }), extensions: finite(extensions) ? extensions : 0 };
}

/**
 * Drafts live in sessionStorage, per adapter and subject: they survive a reload of the agent's
 * tab but not the end of the session, never reach another tab's calls, and never another backend.
 */
export const draftStorage = {
  read(scope: string, subjectId: string, storage: Storage = webStorage('sessionStorage')): Draft | null {
    try {
      const value: unknown = JSON.parse(storage.getItem(`${PREFIX}${scope}:${subjectId}`) ?? 'null');
      if (!value || typeof value !== 'object') return null;
      const draft = value as Record<string, unknown>;
      const unsettled = readUnsettled(draft['unsettled']);
      const countdown = readCountdown(draft['countdown']);
      return {
        outcomeKey: text(draft, 'outcomeKey'),
        scheduledAt: text(draft, 'scheduledAt'),
        notes: text(draft, 'notes'),
        idempotencyKey: text(draft, 'idempotencyKey'),
        ...(unsettled ? { unsettled } : {}),
        ...(countdown ? { countdown } : {}),
      };
    } catch {
      return null;
    }
  },

  write(scope: string, subjectId: string, draft: Draft, storage: Storage = webStorage('sessionStorage')): void {
    try {
      storage.setItem(`${PREFIX}${scope}:${subjectId}`, JSON.stringify(draft));
    } catch {
      // A full or blocked storage only loses the draft's survival of a reload, not the draft.
    }
  },

  clear(scope: string, subjectId: string, storage: Storage = webStorage('sessionStorage')): void {
    try {
      storage.removeItem(`${PREFIX}${scope}:${subjectId}`);
    } catch {
      // Nothing to clear where nothing could be stored.
    }
  },
};
