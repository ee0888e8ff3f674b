// Time zones, run once per zone under Chromium's time-zone emulation: every DST transition of
// the zone from now to two years ahead (or its last one ever, for zones without DST now).
// In a gap, the model and <outcome-picker> reject the local time with their own message; the
// minute before and the first minute after convert to the right instants; in an overlap the
// earlier instant wins; the picker displays each instant as the zone's wall clock. Then the
// agent's clock ahead of and behind the server's: the picker's "future" is the agent's.
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import { checkScheduledAt } from '../../src/model/scheduled-at.js';
import { instantToLocalDateTime, localDateTimeToInstant, timeZoneOffsetMinutes } from '../../src/model/zoned-time.js';
import { settled, shadow, stage, type, until } from './harness.js';

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;

interface Transition {
  at: number;
  before: number;
  after: number;
}

/** The instants the zone's offset changes in [from, to), to the minute. */
function transitions(zone: string, from: number, to: number, step = WEEK): Transition[] {
  const found: Transition[] = [];
  let previous = timeZoneOffsetMinutes(from, zone);
  for (let t = from + step; t < to + step; t += step) {
    const offset = timeZoneOffsetMinutes(t, zone);
    if (offset === previous) continue;
    let low = t - step;
    let high = t;
    while (high - low > MINUTE) {
      const middle = Math.floor((low + high) / 2 / MINUTE) * MINUTE;
      if (timeZoneOffsetMinutes(middle, zone) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high, before: previous, after: offset });
    previous = offset;
  }
  return found;
}

/** The wall clock `YYYY-MM-DDTHH:mm` for an instant at a given offset. */
const wall = (instant: number, offset: number) => new Date(instant + offset * MINUTE).toISOString().slice(0, 16);

export interface ZoneReport {
  zone: string;
  transitions: number;
  checks: number;
  failures: string[];
}

async function picker(root: HTMLElement): Promise<OutcomePicker> {
  root.replaceChildren();
  const element = document.createElement('outcome-picker') as OutcomePicker;
  element.setAttribute('aria-label', 'Outcome');
  element.adapter = new MemoryAdapter({ outcomeTypes: [{ key: 'callback', name: 'Call back', requiresFutureScheduledAt: true }] });
  element.value = 'callback';
  root.append(element);
  await until(() => shadow(element, 'input[type="datetime-local"]'), 'the date field');
  return element;
}

async function typeDate(element: OutcomePicker, local: string): Promise<HTMLInputElement> {
  const input = shadow<HTMLInputElement>(element, 'input[type="datetime-local"]')!;
  type(input, local);
  await settled(element);
  return input;
}

export async function zoneSection(zone: string, now = Date.now()): Promise<ZoneReport> {
  const report: ZoneReport = { zone, transitions: 0, checks: 0, failures: [] };
  const fail = (text: string) => report.failures.push(`${zone}: ${text}`);
  const check = (ok: boolean, text: string) => {
    report.checks++;
    if (!ok) fail(text);
  };
  // Chromium names some zones by their older canonical id (Asia/Kolkata is Asia/Calcutta).
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sameZone = (name: string) => new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone === browserZone;
  check(sameZone(zone), `the browser's zone is ${browserZone}`);
  const root = stage('30rem');
  const element = await picker(root);
  check(sameZone(element.effectiveTimeZone), `the picker's zone is ${element.effectiveTimeZone}`);

  let found = transitions(zone, now, now + 2 * 365 * 86_400_000);
  if (found.length === 0) {
    // No DST now: the zone's last change of offset, searched back to 1970.
    const history = transitions(zone, Date.UTC(1970, 0, 1), now, 4 * WEEK);
    found = history.slice(-1);
  }
  for (const { at, before, after } of found) {
    report.transitions++;
    const label = `transition ${new Date(at).toISOString()} (${before}→${after} min)`;
    const justBefore = wall(at - MINUTE, before);
    const firstAfter = wall(at, after);
    const beforeResult = localDateTimeToInstant(justBefore, zone);
    check(beforeResult.ok && Date.parse(beforeResult.instant) === at - MINUTE, `${label}: ${justBefore} gave ${JSON.stringify(beforeResult)}`);
    if (after > before) {
      const gap = wall(at + Math.floor((after - before) / 2) * MINUTE, before);
      const inGap = localDateTimeToInstant(gap, zone);
      check(!inGap.ok && inGap.reason === 'nonexistentLocalTime', `${label}: ${gap} in the gap gave ${JSON.stringify(inGap)}`);
      const afterResult = localDateTimeToInstant(firstAfter, zone);
      check(afterResult.ok && Date.parse(afterResult.instant) === at, `${label}: ${firstAfter} gave ${JSON.stringify(afterResult)}`);
      // The picker: the gap time rejected with its own message, naming the zone.
      const input = await typeDate(element, gap);
      check(element.validity.badInput && element.validationMessage.includes(element.effectiveTimeZone), `${label}: the picker said ${JSON.stringify(element.validationMessage)} for ${gap}`);
      check(element.scheduledAt === '', `${label}: the picker kept ${element.scheduledAt} for a gap time`);
      await typeDate(element, firstAfter);
      check(Date.parse(element.scheduledAt) === at && !element.validity.badInput, `${label}: the picker made ${element.scheduledAt} of ${firstAfter}`);
      void input;
    } else {
      const ambiguous = wall(at + Math.floor((before - after) / 2) * MINUTE, after);
      const resolved = localDateTimeToInstant(ambiguous, zone);
      const earlier = Date.parse(`${ambiguous}:00Z`) - before * MINUTE;
      check(resolved.ok && Date.parse(resolved.instant) === earlier, `${label}: ${ambiguous} (twice) gave ${JSON.stringify(resolved)}, not the earlier ${new Date(earlier).toISOString()}`);
      const unique = wall(at + (before - after) * MINUTE + MINUTE, after);
      const uniqueResult = localDateTimeToInstant(unique, zone);
      check(uniqueResult.ok && Date.parse(uniqueResult.instant) === at + (before - after) * MINUTE + MINUTE, `${label}: ${unique} gave ${JSON.stringify(uniqueResult)}`);
      await typeDate(element, ambiguous);
      check(Date.parse(element.scheduledAt) === earlier, `${label}: the picker made ${element.scheduledAt} of ${ambiguous}`);
    }
    // Display: an instant either side shows as the zone's wall clock in the field.
    for (const [instant, offset] of [[at - MINUTE, before], [at + MINUTE, after]] as const) {
      element.scheduledAt = new Date(instant).toISOString();
      await settled(element);
      const shown = shadow<HTMLInputElement>(element, 'input[type="datetime-local"]')!.value;
      check(shown === wall(instant, offset) && instantToLocalDateTime(instant, zone) === wall(instant, offset), `${label}: ${new Date(instant).toISOString()} shown as ${shown}`);
    }
  }

  // The agent's clock ahead of / behind the server's by 10 minutes, a follow-up 5 minutes
  // after the server's now: the picker judges by the agent's clock (and says the earliest time
  // in the zone); the server judges by its own, which the model's rule reproduces.
  const serverNow = Date.now();
  const target = serverNow + 5 * MINUTE;
  const realNow = Date.now;
  for (const skew of [10 * MINUTE, -10 * MINUTE]) {
    Date.now = () => realNow.call(Date) + skew;
    try {
      const local = instantToLocalDateTime(target, zone);
      const fresh = await picker(root);
      await typeDate(fresh, local);
      fresh.reportValidity();
      await settled(fresh);
      const agentSaysFuture = skew < 0;
      check(fresh.validity.rangeUnderflow === !agentSaysFuture, `clock ${skew > 0 ? 'ahead' : 'behind'}: rangeUnderflow ${fresh.validity.rangeUnderflow}`);
      check(checkScheduledAt({ requiresFutureScheduledAt: true }, new Date(target).toISOString(), serverNow) === null, 'the server would refuse a time 5 minutes ahead of it');
      const min = shadow<HTMLInputElement>(fresh, 'input[type="datetime-local"]')!.min;
      check(min === instantToLocalDateTime(serverNow + skew, zone), `clock skew ${skew}: min ${min}`);
    } finally {
      Date.now = realNow;
    }
  }
  root.replaceChildren();
  return report;
}
