import type { OutcomeType } from './types.js';

/**
 * Why a scheduled time is not acceptable, named after the ValidityState flag an element sets
 * (`nonexistentLocalTime` is reported as `badInput` with its own message).
 */
export type ScheduledAtIssue =
  | 'valueMissing'
  | 'rangeUnderflow'
  | 'badInput'
  | 'notAllowed'
  | 'nonexistentLocalTime';

/**
 * The rule of DESIGN.md: a date is required, and must be strictly in the future, exactly when
 * the outcome says `requiresFutureScheduledAt`; otherwise none may be given.
 */
export function checkScheduledAt(
  outcome: Pick<OutcomeType, 'requiresFutureScheduledAt'>,
  scheduledAt: string | null | undefined,
  now: number = Date.now(),
): Exclude<ScheduledAtIssue, 'nonexistentLocalTime'> | null {
  const given = scheduledAt !== undefined && scheduledAt !== null && scheduledAt !== '';
  if (!outcome.requiresFutureScheduledAt) return given ? 'notAllowed' : null;
  if (!given) return 'valueMissing';
  const time = parseInstant(scheduledAt);
  if (time === null) return 'badInput';
  return time > now ? null : 'rangeUnderflow';
}

const INSTANT = /^\d{4}-\d\d-(\d\d)T(\d\d):\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$/i;

/**
 * An ISO-8601 instant (`2026-05-01T10:00:00Z`, `…+02:00`) as epoch milliseconds, or null when it
 * is not one: month 13, minute 60 or offset +25:00 (which `Date.parse` refuses), and 31 February,
 * 24:00 or no zone at all (which it rolls over or reads as local time) are all refused.
 */
export function parseInstant(text: string): number | null {
  const match = INSTANT.exec(text);
  const time = match ? Date.parse(text) : Number.NaN;
  // A day that does not exist in its month rolls over into the next one when the date is parsed alone.
  return !Number.isNaN(time) && new Date(Date.parse(text.slice(0, 10))).getUTCDate() === Number(match![1]) && Number(match![2]) < 24 ? time : null;
}

/** Zones found valid: asked on every render, and a formatter is not free to make. */
const knownZones = new Set<string>();

/** True when the zone is an IANA name (or offset) this browser knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    knownZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}
