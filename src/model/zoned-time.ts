import { parseInstant } from './scheduled-at.js';

/**
 * Wall-clock arithmetic in IANA zones through `Intl` (no time-zone database shipped): what a
 * local date and time in a zone is as an instant, and back. Only the follow-up scheduler needs
 * it, so it stays out of the picker's first load.
 */

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

/** "Europe/Madrid (GMT+1)": the zone an agent's date is read in, said plainly. */
export function timeZoneLabel(timeZone: string, at = Date.now()): string {
  const offset = timeZoneOffsetMinutes(at, timeZone);
  const sign = offset < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  const gmt = offset === 0 ? 'GMT' : `GMT${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
  return `${timeZone.replaceAll('_', ' ')} (${gmt})`;
}
