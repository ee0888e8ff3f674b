import { addDays } from './follow-up.js';
import { instantToLocalDateTime, localDateTimeToInstant } from './zoned-time.js';

/**
 * One quick choice of follow-up time, declared rather than computed so that it can be computed
 * in any zone (the customer's) and labelled in any language:
 *
 * - `{ after: { hours: 2 } }` — a time from now (`minutes`, `hours`; `days` are calendar days,
 *   the same wall-clock time across a daylight-saving change). Label: "In 2 hours".
 * - `{ at: '09:00', days: 1 }` — a wall-clock time on a later day (0 = today). "Tomorrow 09:00".
 * - `{ at: '09:00', businessDays: 1 }` — on the next Monday–Friday day. "Next business day 09:00".
 * - `{ label, compute: (now, timeZone) => … }` — anything else: a `Date`, epoch milliseconds or
 *   an ISO string; null (or something unreadable) leaves the choice out.
 *
 * `label` replaces the generated one (the host translates it). Choices that land in the past,
 * outside the callable hours or beyond the last allowed day are left out.
 */
export type QuickTime =
  | { label?: string; after: { minutes?: number; hours?: number; days?: number } }
  | { label?: string; at: string; days?: number; businessDays?: number }
  | { label: string; compute: (now: Date, timeZone: string) => Date | number | string | null | undefined };

/** In 1 hour, in 2 hours, tomorrow at 09:00, the next business day at 09:00. */
export const DEFAULT_QUICK_TIMES: readonly QuickTime[] = Object.freeze([
  { after: { hours: 1 } },
  { after: { hours: 2 } },
  { at: '09:00', days: 1 },
  { at: '09:00', businessDays: 1 },
]);

const MINUTE = 60_000;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** `YYYY-MM-DD` moved forward by business days (Monday–Friday). */
function addBusinessDays(date: string, count: number): string {
  let day = date;
  for (let left = Math.max(1, Math.floor(count)); left > 0; ) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day;
}

/** A local date-time in a zone as epoch milliseconds; null when the zone skips it. */
function inZone(local: string, timeZone: string): number | null {
  const result = localDateTimeToInstant(local, timeZone);
  return result.ok ? Date.parse(result.instant) : null;
}

/**
 * The instant a quick choice stands for, at `now`, in `timeZone`; whole minutes (a time from
 * now rounds up). Null when it cannot be computed (a bad `at`, a time the zone skips, a
 * `compute` that throws or answers nothing usable).
 */
export function quickTimeInstant(quick: QuickTime, now: number, timeZone: string): number | null {
  try {
    if ('compute' in quick) {
      const value = quick.compute(new Date(now), timeZone);
      const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
      return typeof time === 'number' && Number.isFinite(time) ? time : null;
    }
    if ('after' in quick) {
      const { minutes = 0, hours = 0, days = 0 } = quick.after;
      let time = now + (minutes + hours * 60) * MINUTE;
      if (days) {
        const local = instantToLocalDateTime(time, timeZone);
        const moved = inZone(`${addDays(local.slice(0, 10), days)}${local.slice(10)}`, timeZone);
        if (moved === null) return null;
        time = moved + (time % MINUTE);
      }
      return Number.isFinite(time) ? Math.ceil(time / MINUTE) * MINUTE : null;
    }
    const match = TIME.exec(quick.at);
    if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
    const today = instantToLocalDateTime(now, timeZone).slice(0, 10);
    const day = quick.businessDays ? addBusinessDays(today, quick.businessDays) : addDays(today, quick.days ?? 0);
    return inZone(`${day}T${match[1]!.padStart(2, '0')}:${match[2]}`, timeZone);
  } catch {
    return null;
  }
}
