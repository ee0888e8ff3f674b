/** The wall-clock time of an instant in a zone (e.g. "14:05"), and whether it is today there. */
export function formatWallTime(
  instant: number,
  timeZone: string,
  locale: string,
  now = Date.now(),
): { text: string; today: boolean } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const today = day.format(instant) === day.format(now);
  const text = new Intl.DateTimeFormat(
    locale,
    today ? { timeZone, hour: '2-digit', minute: '2-digit' } : { timeZone, dateStyle: 'medium', timeStyle: 'short' },
  ).format(instant);
  return { text, today };
}
