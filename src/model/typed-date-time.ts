/**
 * A date and time typed the way a locale writes it — `15/03/2030 14:30` in Spanish,
 * `03/15/2030 2:30 pm` in American English — read into the local `YYYY-MM-DDTHH:mm` of
 * `<input type="datetime-local">` (then placed in a zone by `localDateTimeToInstant`). The field
 * order, the date separator and the 12- or 24-hour clock come from `Intl.DateTimeFormat`, so any
 * locale works without a table.
 */

export type DateField = 'day' | 'month' | 'year';

/** How a locale writes a date and time. */
export interface DateTimePattern {
  /** The locale actually used (an unknown tag falls back to `en`). */
  locale: string;
  /** The order of the date fields, e.g. `['day', 'month', 'year']`. */
  order: DateField[];
  /** The separator between date fields, e.g. `/` or `.`. */
  separator: string;
  /** A 12-hour clock with a day period (am/pm). */
  hour12: boolean;
  /** The locale's day periods as it writes them, e.g. `AM` / `PM`, `a. m.` / `p. m.`. */
  am: string;
  pm: string;
}

const patterns = new Map<string, DateTimePattern>();

/** The pattern of a locale (a BCP 47 tag); `en` when the tag is not one. */
export function dateTimePattern(locale: string): DateTimePattern {
  let pattern = patterns.get(locale);
  if (pattern) return pattern;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale || 'en', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
      numberingSystem: 'latn',
    });
  } catch {
    return dateTimePattern('en');
  }
  const parts = (hour: number) => format.formatToParts(Date.UTC(2001, 10, 22, hour, 5));
  const pm = parts(13);
  const order = pm.filter((part) => part.type === 'day' || part.type === 'month' || part.type === 'year').map((part) => part.type as DateField);
  const first = pm.findIndex((part) => part.type === order[0]);
  const period = (list: Intl.DateTimeFormatPart[]) => list.find((part) => part.type === 'dayPeriod')?.value ?? '';
  pattern = {
    locale: format.resolvedOptions().locale,
    order: order.length === 3 ? order : ['month', 'day', 'year'],
    separator: pm[first + 1]?.value.replace(/[\s\u200e\u200f]/g, '') || '/',
    hour12: pm.some((part) => part.type === 'dayPeriod'),
    am: period(parts(1)) || 'am',
    pm: period(pm) || 'pm',
  };
  patterns.set(locale, pattern);
  return pattern;
}

/** Why typed text is not a date and time. */
export type TypedProblem = 'badInput' | 'missingTime' | 'needsDayPeriod';

export type TypedDateTime = { ok: true; local: string } | { ok: false; problem: TypedProblem };

/** Lower case, without dots, spaces or direction marks: `p. m.` → `pm`. */
const fold = (value: string) => value.toLowerCase().replace(/[.\s\u200e\u200f]/g, '');

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * Reads what an agent typed, tolerant of separators (`/ - . ,` and spaces in the date; `:`,
 * `.` or `h` in the time, or none: `1430`, `9`): day and month in the locale's order, the year
 * optional (then the next such date on or after `today`, a `YYYY-MM-DD`), two-digit years in
 * 2000–2099; a leading four-digit year reads as `YYYY-MM-DD` whatever the locale. On a 12-hour
 * clock, hours 1–12 need a day period (`a`, `am`, `p`, `pm` or the locale's own), since "2:30"
 * alone is ambiguous; 0 and 13–23 read as 24-hour times.
 */
export function parseTypedDateTime(input: string, pattern: DateTimePattern, today: string): TypedDateTime {
  let rest = input.normalize('NFKC').trim();
  // A day period, at the end or (as in Korean) at the start: any run of letters there.
  let period: 'am' | 'pm' | undefined;
  const periods: Record<string, 'am' | 'pm'> = { a: 'am', am: 'am', p: 'pm', pm: 'pm', [fold(pattern.am)]: 'am', [fold(pattern.pm)]: 'pm' };
  for (const atEnd of [true, false]) {
    const found = (atEnd ? /[^\d]+$/u : /^[^\d]+/u).exec(rest)?.[0] ?? '';
    if (!/\p{L}/u.test(found)) continue;
    const known = periods[fold(found)];
    if (!known || period) return { ok: false, problem: 'badInput' };
    period = known;
    rest = (atEnd ? rest.slice(0, -found.length) : rest.slice(found.length)).trim();
  }
  if (!/^\d[\d/.,:\sTh-]*$/i.test(rest)) return { ok: false, problem: 'badInput' };

  const tokens = [...rest.matchAll(/\d+/g)].map((match) => ({ digits: match[0], index: match.index }));
  const separators = tokens.slice(1).map((token, i) => rest.slice(tokens[i]!.index + tokens[i]!.digits.length, token.index));
  const spaced = (separator: string) => /[\sT,]/i.test(separator);
  // Where the time begins: at the hour before the first colon; else after the first separator
  // with a space (or T) when the date's have none; else by the count of numbers.
  let timeAt = separators.findIndex((separator) => separator.includes(':'));
  if (timeAt < 0) {
    const space = separators.findIndex(spaced);
    if (space < 0) timeAt = Math.min(tokens.length, 3);
    else if (space > 0) timeAt = space + 1;
    else timeAt = tokens.length >= 5 || tokens[2]?.digits.length === 4 ? 3 : 2;
  }
  const dateTokens = tokens.slice(0, timeAt).map((token) => token.digits);
  const timeTokens = tokens.slice(timeAt).map((token) => token.digits);
  if (dateTokens.length === 1 || dateTokens.length > 3 || timeTokens.length > 2) return { ok: false, problem: 'badInput' };
  // A time alone is today's.
  if (dateTokens.length === 0) dateTokens.push(...today.split('-'));

  // The date.
  const yearFirst = dateTokens[0]!.length === 4;
  const order: DateField[] = yearFirst
    ? ['year', 'month', 'day']
    : dateTokens.length === 3
      ? pattern.order
      : pattern.order.filter((field) => field !== 'year');
  if (dateTokens.length === 2 && yearFirst) return { ok: false, problem: 'badInput' };
  const fields: Partial<Record<DateField, string>> = {};
  order.forEach((field, i) => (fields[field] = dateTokens[i]));
  const month = Number(fields.month);
  const day = Number(fields.day);
  if (fields.month!.length > 2 || fields.day!.length > 2) return { ok: false, problem: 'badInput' };
  let year: number;
  if (fields.year === undefined) {
    const [thisYear, thisMonth, thisDay] = today.split('-').map(Number) as [number, number, number];
    year = month < thisMonth || (month === thisMonth && day < thisDay) ? thisYear + 1 : thisYear;
  } else if (fields.year.length === 2) year = 2000 + Number(fields.year);
  else if (fields.year.length === 4) year = Number(fields.year);
  else return { ok: false, problem: 'badInput' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'badInput' };
  }

  // The time.
  if (timeTokens.length === 0) return { ok: false, problem: period ? 'badInput' : 'missingTime' };
  let hour: number;
  let minute = 0;
  if (timeTokens.length === 2) {
    if (timeTokens[0]!.length > 2 || timeTokens[1]!.length !== 2) return { ok: false, problem: 'badInput' };
    hour = Number(timeTokens[0]);
    minute = Number(timeTokens[1]);
  } else {
    const digits = timeTokens[0]!;
    if (digits.length > 4) return { ok: false, problem: 'badInput' };
    hour = Number(digits.length > 2 ? digits.slice(0, -2) : digits);
    if (digits.length > 2) minute = Number(digits.slice(-2));
  }
  if (minute > 59 || hour > 23) return { ok: false, problem: 'badInput' };
  if (period) {
    if (hour < 1 || hour > 12) return { ok: false, problem: 'badInput' };
    hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  } else if (pattern.hour12 && hour >= 1 && hour <= 12) {
    return { ok: false, problem: 'needsDayPeriod' };
  }
  return { ok: true, local: `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}` };
}

/** A local `YYYY-MM-DDTHH:mm` as the locale writes it: `15/03/2030 14:30`, `03/15/2030 2:30 PM`. */
export function formatTypedDateTime(local: string, pattern: DateTimePattern): string {
  const fields: Record<DateField, string> = { year: local.slice(0, 4), month: local.slice(5, 7), day: local.slice(8, 10) };
  const date = pattern.order.map((field) => fields[field]).join(pattern.separator);
  const hour = Number(local.slice(11, 13));
  const minute = local.slice(14, 16);
  if (!pattern.hour12) return `${date} ${pad(hour)}:${minute}`;
  return `${date} ${hour % 12 || 12}:${minute} ${hour < 12 ? pattern.am : pattern.pm}`;
}

/**
 * The pattern as a placeholder, with the locale's letters for day, month and year (`letters`,
 * e.g. `dd mm yyyy` or `dd mm aaaa`): `dd/mm/aaaa hh:mm`, `mm/dd/yyyy hh:mm am`.
 */
export function patternPlaceholder(pattern: DateTimePattern, letters: string): string {
  const [day = 'dd', month = 'mm', year = 'yyyy'] = letters.split(/\s+/);
  const names: Record<DateField, string> = { day, month, year };
  const date = pattern.order.map((field) => names[field]).join(pattern.separator);
  return pattern.hour12 ? `${date} hh:mm ${pattern.am.toLowerCase()}` : `${date} hh:mm`;
}
