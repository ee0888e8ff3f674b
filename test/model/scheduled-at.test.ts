import { expect } from '@open-wc/testing';
import { checkScheduledAt, isValidTimeZone, parseInstant } from '../../src/model/scheduled-at.js';
import { instantToLocalDateTime, localDateTimeToInstant, timeZoneOffsetMinutes } from '../../src/model/zoned-time.js';

const now = Date.parse('2026-11-24T12:00:00Z');
const needsDate = { requiresFutureScheduledAt: true };
const noDate = { requiresFutureScheduledAt: false };

describe('checkScheduledAt', () => {
  it('requires a date exactly when the outcome says so', () => {
    expect(checkScheduledAt(needsDate, undefined, now)).to.equal('valueMissing');
    expect(checkScheduledAt(needsDate, '', now)).to.equal('valueMissing');
    expect(checkScheduledAt(noDate, undefined, now)).to.equal(null);
    expect(checkScheduledAt(noDate, '2027-01-01T00:00:00Z', now)).to.equal('notAllowed');
  });

  it('accepts only instants strictly after now', () => {
    expect(checkScheduledAt(needsDate, '2026-11-24T12:00:00Z', now)).to.equal('rangeUnderflow');
    expect(checkScheduledAt(needsDate, '2026-11-24T11:59:59Z', now)).to.equal('rangeUnderflow');
    expect(checkScheduledAt(needsDate, '2026-11-24T12:00:01Z', now)).to.equal(null);
    // The same instant written with an offset is still in the past.
    expect(checkScheduledAt(needsDate, '2026-11-24T13:00:00+01:00', now)).to.equal('rangeUnderflow');
  });

  it('rejects what is not an ISO date-time', () => {
    for (const bad of ['tomorrow', '2026-13-45T00:00:00Z', '1700000000000', 'Tue Nov 24 2026']) {
      expect(checkScheduledAt(needsDate, bad, now), bad).to.equal('badInput');
    }
  });

  it('rejects what Date.parse would roll over or half-accept (issue 13): every field is checked', () => {
    for (const bad of [
      '2026-13-01T10:00:00Z',
      '2027-01-01T10:60:00Z',
      '2027-01-01T24:00:00Z',
      '2027-01-01T10:00:60Z',
      '2027-01-01T10:00:00+25:00',
      '2027-01-01T10:00:00+01:60',
      '2027-02-29T10:00:00Z',
      '2027-04-31T10:00:00Z',
      '2027-01-01T10:00:00',
      '2027-01-01 10:00:00Z',
      ' 2027-01-01T10:00:00Z',
    ]) {
      expect(parseInstant(bad), bad).to.equal(null);
      expect(checkScheduledAt(needsDate, bad, now), bad).to.equal('badInput');
      expect(instantToLocalDateTime(bad, 'Europe/Madrid'), bad).to.equal('');
    }
  });
});

describe('parseInstant', () => {
  it('reads instants in Z and with offsets, to the millisecond, leap days included', () => {
    expect(parseInstant('2027-01-02T03:04:05Z')).to.equal(Date.UTC(2027, 0, 2, 3, 4, 5));
    expect(parseInstant('2027-01-02T03:04Z')).to.equal(Date.UTC(2027, 0, 2, 3, 4));
    expect(parseInstant('2027-01-02t03:04:05.678z')).to.equal(Date.UTC(2027, 0, 2, 3, 4, 5, 678));
    expect(parseInstant('2027-01-02T03:04:05+05:30')).to.equal(Date.UTC(2027, 0, 1, 21, 34, 5));
    expect(parseInstant('2027-01-02T03:04:05-0345')).to.equal(Date.UTC(2027, 0, 2, 6, 49, 5));
    expect(parseInstant('2028-02-29T12:00:00Z')).to.equal(Date.UTC(2028, 1, 29, 12));
    // Years before 100 are those years (not 1900 + year, Date.UTC's legacy rule).
    expect(parseInstant('0050-06-01T00:00:00Z')).to.equal(Date.parse('0050-06-01T00:00:00Z'));
    expect(parseInstant(new Date(Date.UTC(2030, 4, 6, 7, 8, 9, 10)).toISOString())).to.equal(Date.UTC(2030, 4, 6, 7, 8, 9, 10));
  });
});

describe('localDateTimeToInstant', () => {
  it('converts a plain local time in zones with whole, half and three-quarter hour offsets', () => {
    expect(localDateTimeToInstant('2026-11-24T14:05', 'Europe/Madrid')).to.deep.equal({ ok: true, instant: '2026-11-24T13:05:00.000Z' });
    expect(localDateTimeToInstant('2026-11-24T14:05', 'Asia/Kolkata')).to.deep.equal({ ok: true, instant: '2026-11-24T08:35:00.000Z' });
    expect(localDateTimeToInstant('2026-11-24T14:05', 'Asia/Kathmandu')).to.deep.equal({ ok: true, instant: '2026-11-24T08:20:00.000Z' });
    expect(localDateTimeToInstant('2026-11-24T14:05:30', 'UTC')).to.deep.equal({ ok: true, instant: '2026-11-24T14:05:30.000Z' });
  });

  it('reports a local time skipped by a DST gap instead of moving it', () => {
    // New York springs forward at 02:00 on 2026-03-08: 02:30 never happens.
    expect(localDateTimeToInstant('2026-03-08T02:30', 'America/New_York')).to.deep.equal({ ok: false, reason: 'nonexistentLocalTime' });
    expect(localDateTimeToInstant('2026-03-08T01:59', 'America/New_York').ok).to.be.true;
    expect(localDateTimeToInstant('2026-03-08T03:00', 'America/New_York')).to.deep.equal({ ok: true, instant: '2026-03-08T07:00:00.000Z' });
    // Lord Howe Island moves by half an hour: 02:15 on 2026-10-04 does not exist.
    expect(localDateTimeToInstant('2026-10-04T02:15', 'Australia/Lord_Howe')).to.deep.equal({ ok: false, reason: 'nonexistentLocalTime' });
  });

  it('resolves a time repeated by a DST overlap to the earlier instant', () => {
    // New York falls back at 02:00 on 2026-11-01: 01:30 happens in EDT, then in EST.
    expect(localDateTimeToInstant('2026-11-01T01:30', 'America/New_York')).to.deep.equal({ ok: true, instant: '2026-11-01T05:30:00.000Z' });
  });

  it('rejects malformed and impossible local times', () => {
    for (const bad of ['', '2026-11-24', '2026-02-30T10:00', '2026-11-24T24:00', '24/11/2026 10:00']) {
      expect(localDateTimeToInstant(bad, 'UTC'), bad).to.deep.equal({ ok: false, reason: 'badInput' });
    }
  });

  it('round-trips with instantToLocalDateTime', () => {
    for (const zone of ['America/Los_Angeles', 'Asia/Kolkata', 'Australia/Adelaide', 'Pacific/Chatham']) {
      const local = '2026-07-15T09:45';
      const result = localDateTimeToInstant(local, zone);
      expect(result.ok).to.be.true;
      if (result.ok) expect(instantToLocalDateTime(result.instant, zone)).to.equal(local);
    }
  });
});

describe('time zone helpers', () => {
  it('give offsets in minutes and know which zones exist', () => {
    expect(timeZoneOffsetMinutes(Date.parse('2026-01-15T00:00:00Z'), 'Asia/Kathmandu')).to.equal(345);
    expect(timeZoneOffsetMinutes(Date.parse('2026-07-15T00:00:00Z'), 'America/New_York')).to.equal(-240);
    expect(isValidTimeZone('Europe/Madrid')).to.be.true;
    expect(isValidTimeZone('Mars/Olympus_Mons')).to.be.false;
  });
});
