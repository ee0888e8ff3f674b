import { isValidTimeZone } from './scheduled-at.js';
import { instantToLocalDateTime } from './zoned-time.js';

/**
 * The rules a follow-up time obeys beyond "in the future" (see `checkScheduledAt`): the hours in
 * which the customer may be called, in the customer's zone, and how far ahead it may be. Hosts
 * give them as text (element attributes), so reading them never throws: what cannot be read is
 * reported as a problem with the setting, which the elements show as `badInput`.
 */

/** A span of the day in which calls are allowed, in minutes after local midnight; `end` before `start` spans midnight. */
export interface CallableSpan {
  start: number;
  end: number;
}

/** The settings as a host gives them (attributes or properties), unread. */
export interface FollowUpSettings {
  /** IANA zone of the customer, e.g. `America/Chicago`. */
  customerTimeZone?: unknown;
  /** E.g. `08:00-21:00`; several spans separated by commas: `08:00-12:00, 14:00-20:00`. */
  callableHours?: unknown;
  /** Calendar days after today (in the zone the time is read in): 0 = today only. */
  maxDaysAhead?: unknown;
}

/** The settings, read. Absent ones are undefined. */
export interface FollowUpRules {
  customerTimeZone?: string;
  callableHours?: CallableSpan[];
  maxDaysAhead?: number;
}

export type FollowUpSetting = keyof FollowUpSettings;

export type ReadFollowUpSettings =
  | { ok: true; rules: FollowUpRules }
  | { ok: false; setting: FollowUpSetting; value: string };

/** Why a follow-up time breaks a rule. */
export type FollowUpIssue =
  | { issue: 'rangeOverflow'; lastDay: string }
  | { issue: 'outsideCallableHours'; localMinute: number };

const SPAN = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:-|–|—|to)\s*(\d{1,2})(?:[:.h]?(\d{2}))?$/i;

function minuteOfDay(hours: string, minutes = '0'): number | null {
  const hour = Number(hours);
  const minute = Number(minutes);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}

/**
 * Reads callable hours such as `08:00-21:00`, `8-21`, `0800–2100` or `21:00-08:00` (across
 * midnight); several spans separated by commas or semicolons. Null when it cannot be read, or a
 * span is empty (start = end).
 */
export function parseCallableHours(text: string): CallableSpan[] | null {
  const spans: CallableSpan[] = [];
  for (const piece of text.split(/[,;]/)) {
    const match = SPAN.exec(piece.trim());
    if (!match) return null;
    const start = minuteOfDay(match[1]!, match[2]);
    const end = minuteOfDay(match[3]!, match[4]);
    if (start === null || end === null || start === end || start === 1440) return null;
    spans.push({ start, end });
  }
  return spans;
}

/** True when a local minute of the day (0–1439) is inside one of the spans, both ends included. */
export function isCallable(spans: readonly CallableSpan[], minute: number): boolean {
  return spans.some(({ start, end }) =>
    start < end ? minute >= start && minute <= end : minute >= start || minute <= end,
  );
}

function text(value: unknown): string {
  try {
    return typeof value === 'string' ? value.trim() : String(value);
  } catch {
    return '?';
  }
}

/**
 * Reads the settings; the first that cannot be read is named with its text. Unset (undefined,
 * null or blank) settings impose nothing.
 */
export function readFollowUpSettings(settings: FollowUpSettings): ReadFollowUpSettings {
  const rules: FollowUpRules = {};
  const given = (value: unknown) => value !== undefined && value !== null && text(value) !== '';
  const { customerTimeZone, callableHours, maxDaysAhead } = settings;
  if (given(customerTimeZone)) {
    const zone = text(customerTimeZone);
    if (typeof customerTimeZone !== 'string' || !isValidTimeZone(zone)) {
      return { ok: false, setting: 'customerTimeZone', value: zone };
    }
    rules.customerTimeZone = zone;
  }
  if (given(callableHours)) {
    const spans = typeof callableHours === 'string' ? parseCallableHours(callableHours) : null;
    if (!spans) return { ok: false, setting: 'callableHours', value: text(callableHours) };
    rules.callableHours = spans;
  }
  if (given(maxDaysAhead)) {
    const days =
      typeof maxDaysAhead === 'number' ? maxDaysAhead : /^\d{1,5}$/.test(text(maxDaysAhead)) ? Number(text(maxDaysAhead)) : NaN;
    if (!Number.isInteger(days) || days < 0 || days > 99_999) {
      return { ok: false, setting: 'maxDaysAhead', value: text(maxDaysAhead) };
    }
    rules.maxDaysAhead = days;
  }
  return { ok: true, rules };
}

/** `YYYY-MM-DD` plus a number of days, in the proleptic calendar (no zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Checks a follow-up instant against the rules, in `timeZone` (the customer's when known): the
 * last allowed day first, then the callable hours. Null when it obeys them (or is no instant).
 */
export function checkFollowUp(
  instant: number,
  timeZone: string,
  rules: FollowUpRules,
  now: number = Date.now(),
): FollowUpIssue | null {
  if (!Number.isFinite(instant)) return null;
  const local = instantToLocalDateTime(instant, timeZone);
  if (rules.maxDaysAhead !== undefined) {
    const lastDay = addDays(instantToLocalDateTime(now, timeZone).slice(0, 10), rules.maxDaysAhead);
    if (local.slice(0, 10) > lastDay) return { issue: 'rangeOverflow', lastDay };
  }
  if (rules.callableHours) {
    const localMinute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
    if (!isCallable(rules.callableHours, localMinute)) return { issue: 'outsideCallableHours', localMinute };
  }
  return null;
}

/**
 * A minute of the day as the locale writes a time: `09:00` on a 24-hour clock, `9:00 AM` on a
 * 12-hour one; 1440 is `24:00`.
 */
export function formatMinuteOfDay(minute: number, locale: string): string {
  if (minute === 1440) return '24:00';
  const format = (hour: 'numeric' | '2-digit') => new Intl.DateTimeFormat(locale, { hour, minute: '2-digit', timeZone: 'UTC' });
  const twelve = format('numeric');
  return (twelve.resolvedOptions().hour12 ? twelve : format('2-digit')).format(
    Date.UTC(2000, 0, 1, Math.floor(minute / 60), minute % 60),
  );
}

/** Callable spans as the locale writes them: `08:00–21:00` (several joined by commas). */
export function formatCallableHours(spans: readonly CallableSpan[], locale: string): string {
  return spans.map(({ start, end }) => `${formatMinuteOfDay(start, locale)}–${formatMinuteOfDay(end, locale)}`).join(', ');
}
