import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  addDays,
  checkFollowUp,
  formatCallableHours,
  formatMinuteOfDay,
  isCallable,
  parseCallableHours,
  readFollowUpSettings,
} from '../../src/model/follow-up.js';
import { DEFAULT_QUICK_TIMES, quickTimeInstant, type QuickTime } from '../../src/model/quick-times.js';
import {
  dateTimePattern,
  formatTypedDateTime,
  parseTypedDateTime,
  patternPlaceholder,
} from '../../src/model/typed-date-time.js';

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

describe('callable hours', () => {
  it('reads spans in the usual spellings, several separated by commas, and across midnight', () => {
    expect(parseCallableHours('08:00-21:00')).to.deep.equal([{ start: 480, end: 1260 }]);
    expect(parseCallableHours(' 8-21 ')).to.deep.equal([{ start: 480, end: 1260 }]);
    expect(parseCallableHours('0800–2100')).to.deep.equal([{ start: 480, end: 1260 }]);
    expect(parseCallableHours('8.30 to 12, 14:00-20:30')).to.deep.equal([
      { start: 510, end: 720 },
      { start: 840, end: 1230 },
    ]);
    expect(parseCallableHours('21:00-08:00')).to.deep.equal([{ start: 1260, end: 480 }]);
    expect(parseCallableHours('00:00-24:00')).to.deep.equal([{ start: 0, end: 1440 }]);
  });

  it('refuses what it cannot read, and empty spans', () => {
    for (const bad of ['', 'always', '8', '08:00', '08:00-', '25:00-26:00', '08:60-21:00', '24:00-08:00', '24:30-08:00', '09:00-09:00', '08:00-21:00,', '8am-9pm']) {
      expect(parseCallableHours(bad), bad).to.equal(null);
    }
  });

  it('includes both ends, and wraps around midnight', () => {
    const day = parseCallableHours('08:00-21:00')!;
    expect([479, 480, 1260, 1261].map((minute) => isCallable(day, minute))).to.deep.equal([false, true, true, false]);
    const night = parseCallableHours('21:00-08:00')!;
    expect([1259, 1260, 0, 480, 481].map((minute) => isCallable(night, minute))).to.deep.equal([false, true, true, true, false]);
  });

  it('writes times the locale’s way: 24-hour in Spanish, 12-hour in American English', () => {
    expect(formatCallableHours(parseCallableHours('08:00-21:00')!, 'es')).to.equal('08:00–21:00');
    expect(formatCallableHours(parseCallableHours('08:00-21:00')!, 'en')).to.match(/^8:00\sAM–9:00\sPM$/);
    expect(formatMinuteOfDay(1440, 'en')).to.equal('24:00');
  });
});

describe('readFollowUpSettings', () => {
  it('imposes nothing for unset or blank settings', () => {
    expect(readFollowUpSettings({})).to.deep.equal({ ok: true, rules: {} });
    expect(readFollowUpSettings({ customerTimeZone: '', callableHours: '  ', maxDaysAhead: null })).to.deep.equal({ ok: true, rules: {} });
  });

  it('reads good settings, numbers or text', () => {
    expect(readFollowUpSettings({ customerTimeZone: 'America/Chicago', callableHours: '08:00-21:00', maxDaysAhead: '14' })).to.deep.equal({
      ok: true,
      rules: { customerTimeZone: 'America/Chicago', callableHours: [{ start: 480, end: 1260 }], maxDaysAhead: 14 },
    });
    expect(readFollowUpSettings({ maxDaysAhead: 0 })).to.deep.equal({ ok: true, rules: { maxDaysAhead: 0 } });
  });

  it('names the first setting it cannot read, with its text', () => {
    expect(readFollowUpSettings({ customerTimeZone: 'Mars/Olympus' })).to.deep.equal({ ok: false, setting: 'customerTimeZone', value: 'Mars/Olympus' });
    expect(readFollowUpSettings({ callableHours: 'office hours' })).to.deep.equal({ ok: false, setting: 'callableHours', value: 'office hours' });
    for (const days of ['soon', '-1', '1.5', '1e3', 'NaN', -1, 2.5, Number.NaN, Infinity]) {
      expect(readFollowUpSettings({ maxDaysAhead: days }).ok, String(days)).to.equal(false);
    }
  });

  it('never throws, whatever text a host or a draft supplies', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('08:00-21:00', '24:00-00:00', 'America/Chicago', 'UTC', '+05:30', '7', '00', '99999999'));
    fc.assert(
      fc.property(fc.option(text), fc.option(text), fc.option(fc.oneof(text, fc.double(), fc.integer())), (customerTimeZone, callableHours, maxDaysAhead) => {
        const read = readFollowUpSettings({ customerTimeZone, callableHours, maxDaysAhead });
        if (read.ok) {
          checkFollowUp(Date.now() + 86_400_000, read.rules.customerTimeZone ?? 'UTC', read.rules);
          if (read.rules.callableHours) formatCallableHours(read.rules.callableHours, 'es');
        } else {
          expect(read.value).to.be.a('string');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkFollowUp', () => {
  const rules = readFollowUpSettings({ customerTimeZone: 'America/Chicago', callableHours: '08:00-21:00', maxDaysAhead: 2 });
  if (!rules.ok) throw new Error('rules');
  // Saturday 9 March 2030, 23:30 in Chicago: already Sunday 10 March in UTC.
  const now = Date.parse('2030-03-10T05:30:00Z');

  it('checks the callable hours in the customer’s zone, across the day the clocks change', () => {
    // Sunday 10 March 2030 is the first day of daylight time in Chicago (UTC−5 from 02:00).
    expect(checkFollowUp(Date.parse('2030-03-10T13:00:00Z'), 'America/Chicago', rules.rules, now)).to.equal(null); // 08:00 CDT
    expect(checkFollowUp(Date.parse('2030-03-10T12:59:00Z'), 'America/Chicago', rules.rules, now)).to.deep.equal({ issue: 'outsideCallableHours', localMinute: 7 * 60 + 59 });
    expect(checkFollowUp(Date.parse('2030-03-11T02:00:00Z'), 'America/Chicago', rules.rules, now)).to.equal(null); // 21:00 CDT
    expect(checkFollowUp(Date.parse('2030-03-11T02:30:00Z'), 'America/Chicago', rules.rules, now)).to.deep.equal({ issue: 'outsideCallableHours', localMinute: 21 * 60 + 30 });
  });

  it('counts days ahead as calendar days in the customer’s zone, today being 0', () => {
    // Today in Chicago is 9 March: the last day is 11 March, until its end.
    expect(checkFollowUp(Date.parse('2030-03-12T04:59:00Z'), 'America/Chicago', rules.rules, now)).to.deep.equal({ issue: 'outsideCallableHours', localMinute: 23 * 60 + 59 });
    expect(checkFollowUp(Date.parse('2030-03-12T13:00:00Z'), 'America/Chicago', rules.rules, now)).to.deep.equal({ issue: 'rangeOverflow', lastDay: '2030-03-11' });
    expect(checkFollowUp(Date.parse('2030-03-11T20:00:00Z'), 'America/Chicago', rules.rules, now)).to.equal(null);
    expect(checkFollowUp(Number.NaN, 'America/Chicago', rules.rules, now)).to.equal(null);
    expect(addDays('2030-02-28', 1)).to.equal('2030-03-01');
  });
});

describe('quick times', () => {
  // Saturday 9 March 2030, 14:00 in Chicago (CST, UTC−6); the clocks go forward that night.
  const saturday = Date.parse('2030-03-09T20:00:00Z');

  it('computes the defaults in the zone, across a daylight-saving change', () => {
    const [inOneHour, inTwoHours, tomorrow, nextBusinessDay] = DEFAULT_QUICK_TIMES.map((quick) => iso(quickTimeInstant(quick, saturday, 'America/Chicago')));
    expect(inOneHour).to.equal('2030-03-09T21:00:00.000Z');
    expect(inTwoHours).to.equal('2030-03-09T22:00:00.000Z');
    expect(tomorrow).to.equal('2030-03-10T14:00:00.000Z'); // 09:00 CDT, UTC−5
    expect(nextBusinessDay).to.equal('2030-03-11T14:00:00.000Z'); // Monday
    // Same moment, in Madrid (CET until 31 March): tomorrow at 09:00 is 08:00Z.
    expect(iso(quickTimeInstant({ at: '09:00', days: 1 }, saturday, 'Europe/Madrid'))).to.equal('2030-03-10T08:00:00.000Z');
    // Madrid's own change: Saturday 30 March → Sunday 31 March 09:00 CEST (UTC+2).
    expect(iso(quickTimeInstant({ at: '09:00', days: 1 }, Date.parse('2030-03-30T12:00:00Z'), 'Europe/Madrid'))).to.equal('2030-03-31T07:00:00.000Z');
  });

  it('moves whole days on the wall clock, rounds times from now up to the minute, and skips weekends', () => {
    // 14:00 CST Saturday + 1 day = 14:00 CDT Sunday: 23 hours later.
    expect(iso(quickTimeInstant({ after: { days: 1 } }, saturday, 'America/Chicago'))).to.equal('2030-03-10T19:00:00.000Z');
    expect(iso(quickTimeInstant({ after: { minutes: 30 } }, saturday + 1_500, 'UTC'))).to.equal('2030-03-09T20:31:00.000Z');
    const friday = Date.parse('2030-03-08T20:00:00Z');
    expect(iso(quickTimeInstant({ at: '09:00', businessDays: 1 }, friday, 'America/Chicago'))).to.equal('2030-03-11T14:00:00.000Z');
    expect(iso(quickTimeInstant({ at: '17:30', businessDays: 2 }, friday, 'UTC'))).to.equal('2030-03-12T17:30:00.000Z');
    expect(iso(quickTimeInstant({ at: '8:15', days: 0 }, friday, 'UTC'))).to.equal('2030-03-08T08:15:00.000Z');
  });

  it('gives null, never a throw, for what cannot be computed', () => {
    const cannot: QuickTime[] = [
      { at: '02:30', days: 1 }, // skipped by the clocks in Chicago on 10 March 2030
      { at: '25:00', days: 1 },
      { at: 'nine', days: 1 },
      { label: 'Broken', compute: () => { throw new Error('no'); } },
      { label: 'Nothing', compute: () => null },
      { label: 'Bad', compute: () => 'someday' },
    ];
    for (const quick of cannot) expect(quickTimeInstant(quick, saturday, 'America/Chicago'), JSON.stringify(quick)).to.equal(null);
    expect(quickTimeInstant({ label: 'Date', compute: (now) => new Date(now.getTime() + 5_000) }, saturday, 'UTC')).to.equal(saturday + 5_000);
    expect(quickTimeInstant({ label: 'Text', compute: () => '2030-03-10T12:00:00Z' }, saturday, 'UTC')).to.equal(Date.parse('2030-03-10T12:00:00Z'));
  });
});

describe('typed date and time', () => {
  const today = '2026-12-06';
  const es = dateTimePattern('es');
  const en = dateTimePattern('en-US');
  const read = (text: string, pattern = es) => {
    const result = parseTypedDateTime(text, pattern, today);
    return result.ok ? result.local : result.problem;
  };

  it('takes the field order, separator and clock from Intl', () => {
    expect(es).to.deep.include({ order: ['day', 'month', 'year'], separator: '/', hour12: false });
    expect(en).to.deep.include({ order: ['month', 'day', 'year'], separator: '/', hour12: true, am: 'AM', pm: 'PM' });
    expect(dateTimePattern('de')).to.deep.include({ order: ['day', 'month', 'year'], separator: '.', hour12: false });
    expect(dateTimePattern('ja').order).to.deep.equal(['year', 'month', 'day']);
    expect(dateTimePattern('not a tag').locale).to.equal('en');
    expect(patternPlaceholder(es, 'dd mm aaaa')).to.equal('dd/mm/aaaa hh:mm');
    expect(patternPlaceholder(en, 'dd mm yyyy')).to.equal('mm/dd/yyyy hh:mm am');
  });

  it('reads Spanish day-first 24-hour text with any separator', () => {
    for (const text of ['15/03/2030 14:30', '15-3-2030 14.30', '15.3.2030 14h30', '15 3 2030 14 30', '15/3/30 1430', '2030-03-15T14:30']) {
      expect(read(text), text).to.equal('2030-03-15T14:30');
    }
    expect(read('15/3 9')).to.equal('2027-03-15T09:00'); // no year: the next 15 March
    expect(read('7/12 9:05')).to.equal('2026-12-07T09:05');
    expect(read('6/12 9:05')).to.equal('2026-12-06T09:05'); // today counts as coming
    expect(read('16:30')).to.equal('2026-12-06T16:30'); // a time alone is today's
  });

  it('reads American month-first text on a 12-hour clock, asking for am or pm when it matters', () => {
    expect(read('3/15/2030 2:30 PM', en)).to.equal('2030-03-15T14:30');
    expect(read('3/15/2030 2:30p', en)).to.equal('2030-03-15T14:30');
    expect(read('03-15-2030 2.30 p. m.', en)).to.equal('2030-03-15T14:30');
    expect(read('3/15/2030 12 am', en)).to.equal('2030-03-15T00:00');
    expect(read('3/15/2030 12:15 pm', en)).to.equal('2030-03-15T12:15');
    expect(read('3/15/2030 14:30', en)).to.equal('2030-03-15T14:30'); // unambiguous
    expect(read('3/15/2030 2:30', en)).to.equal('needsDayPeriod');
    expect(read('15/3/2030 2:30 pm', es)).to.equal('2030-03-15T14:30');
    expect(read('p. m. 2:30', dateTimePattern('es-MX'))).to.equal('2026-12-06T14:30');
  });

  it('says what is missing or wrong', () => {
    expect(read('15/03/2030')).to.equal('missingTime');
    expect(read('15/3')).to.equal('missingTime');
    for (const bad of ['31/02/2030 10:00', '15/13/2030 10:00', '15/03/2030 24:00', '15/03/2030 10:60', '15/03/2030 14:30 xm', 'mañana', '15', '15/03/2030 10:00:00', '1/2/3/4 5', '15/03/2030 13:00 pm']) {
      expect(read(bad), bad).to.equal('badInput');
    }
  });

  it('writes a local time back in the locale’s pattern, which reads back the same', () => {
    expect(formatTypedDateTime('2030-03-15T14:05', es)).to.equal('15/03/2030 14:05');
    expect(formatTypedDateTime('2030-03-15T00:05', en)).to.equal('03/15/2030 12:05 AM');
    for (const locale of ['es', 'en-US', 'en-GB', 'de', 'ja', 'fr-CA', 'es-MX', 'ar', 'ko']) {
      const pattern = dateTimePattern(locale);
      for (const local of ['2030-03-15T14:05', '2031-11-02T00:00', '2030-01-09T12:30']) {
        expect(read(formatTypedDateTime(local, pattern), pattern), `${locale} ${local}`).to.equal(local);
      }
    }
  });

  it('never throws on arbitrary text, in any locale', () => {
    const patterns = ['es', 'en', 'de', 'ja', 'ar', 'ko', 'es-MX', 'xx'].map(dateTimePattern);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\d/.: apm-]{0,20}$/)), fc.constantFrom(...patterns), (text, pattern) => {
        const result = parseTypedDateTime(text, pattern, today);
        if (result.ok) expect(result.local).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
      }),
      { numRuns: 3000 },
    );
  });
});
