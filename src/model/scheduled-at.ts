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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone, as a UTC timestamp of those fields. */
function wallClock(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at an instant, in minutes (e.g. 330 for Asia/Kolkata). */
export function timeZoneOffsetMinutes(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((wallClock(whole, timeZone) - whole) / 60_000);
}

/** True when the zone is an IANA name (or offset) this browser knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

export type LocalToInstant =
  | { ok: true; instant: string }
  | { ok: false; reason: 'badInput' | 'nonexistentLocalTime' };

/**
 * A local date-time (`YYYY-MM-DDTHH:mm`, as `<input type="datetime-local">` gives it) in a zone,
 * as a UTC instant. A time that the zone skips (a DST gap) is reported, never moved silently;
 * a time that occurs twice (a DST overlap) resolves to the earlier instant, as Temporal's
 * `compatible` disambiguation does.
 */
export function localDateTimeToInstant(local: string, timeZone: string): LocalToInstant {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return { ok: false, reason: 'badInput' };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const naive = Date.UTC(year!, month! - 1, day!, hour!, minute!, second);
  const check = new Date(naive);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23) {
    return { ok: false, reason: 'badInput' };
  }
  const day_ = 86_400_000;
  const candidates = [
    naive - timeZoneOffsetMinutes(naive - day_, timeZone) * 60_000,
    naive - timeZoneOffsetMinutes(naive + day_, timeZone) * 60_000,
  ].filter((instant) => wallClock(instant, timeZone) === naive);
  if (candidates.length === 0) return { ok: false, reason: 'nonexistentLocalTime' };
  return { ok: true, instant: new Date(Math.min(...candidates)).toISOString() };
}

/** An instant as the local `YYYY-MM-DDTHH:mm` of a zone, for a datetime-local field; "" for what is not an instant. */
export function instantToLocalDateTime(instant: string | number, timeZone: string): string {
  const time = typeof instant === 'number' ? instant : parseInstant(instant);
  // Not an instant (a bad value from a host or a draft): nothing to show, never a RangeError.
  return time === null || !Number.isFinite(time) ? '' : new Date(wallClock(time, timeZone)).toISOString().slice(0, 16);
}
