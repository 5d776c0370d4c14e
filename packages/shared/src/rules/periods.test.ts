import { describe, expect, it } from 'vitest';
import {
  dailyPeriodKey,
  loginStreak,
  nextDailyReset,
  nextWeeklyReset,
  weeklyPeriodKey,
} from './periods';

const d = (iso: string) => new Date(iso);

describe('dailyPeriodKey', () => {
  it('keys the UTC day, splitting exactly at midnight UTC', () => {
    expect(dailyPeriodKey(d('2026-11-22T00:00:00.000Z'))).toBe('d:2026-11-22');
    expect(dailyPeriodKey(d('2026-11-22T12:34:56.000Z'))).toBe('d:2026-11-22');
    expect(dailyPeriodKey(d('2026-11-22T23:59:59.999Z'))).toBe('d:2026-11-22');
    expect(dailyPeriodKey(d('2026-11-23T00:00:00.000Z'))).toBe('d:2026-11-23');
  });

  it('uses the UTC day for dates written with an offset', () => {
    // 23:30 in New York on the 22nd is 04:30 UTC on the 23rd
    expect(dailyPeriodKey(d('2026-11-22T23:30:00-05:00'))).toBe('d:2026-11-23');
    // 08:00 in Tokyo on the 23rd is 23:00 UTC on the 22nd
    expect(dailyPeriodKey(d('2026-11-23T08:00:00+09:00'))).toBe('d:2026-11-22');
  });

  it('crosses the year boundary', () => {
    expect(dailyPeriodKey(d('2026-12-31T23:59:59.999Z'))).toBe('d:2026-12-31');
    expect(dailyPeriodKey(d('2027-01-01T00:00:00.000Z'))).toBe('d:2027-01-01');
  });

  it('ignores daylight saving: days around a DST switch are 24 h UTC days', () => {
    // US DST ended 2026-11-01; Europe's ended 2026-10-25
    expect(dailyPeriodKey(d('2026-11-01T01:30:00-04:00'))).toBe('d:2026-11-01');
    expect(dailyPeriodKey(d('2026-11-01T01:30:00-05:00'))).toBe('d:2026-11-01');
    expect(nextDailyReset(d('2026-10-25T12:00:00Z')).toISOString()).toBe(
      '2026-10-26T00:00:00.000Z',
    );
  });

  it('rejects an invalid date', () => {
    expect(() => dailyPeriodKey(new Date('nope'))).toThrow(RangeError);
    expect(() => weeklyPeriodKey(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => nextDailyReset(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => nextWeeklyReset(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('weeklyPeriodKey', () => {
  it('keys by the Monday 00:00 UTC that starts the ISO week', () => {
    // 2026-11-16 is a Monday, 2026-11-22 a Sunday
    expect(weeklyPeriodKey(d('2026-11-16T00:00:00.000Z'))).toBe('w:2026-11-16');
    expect(weeklyPeriodKey(d('2026-11-19T10:00:00.000Z'))).toBe('w:2026-11-16');
    expect(weeklyPeriodKey(d('2026-11-22T23:59:59.999Z'))).toBe('w:2026-11-16');
    expect(weeklyPeriodKey(d('2026-11-23T00:00:00.000Z'))).toBe('w:2026-11-23');
  });

  it('uses UTC for offset dates', () => {
    // Monday 01:00 in Berlin is still Sunday in UTC
    expect(weeklyPeriodKey(d('2026-11-23T00:30:00+01:00'))).toBe('w:2026-11-16');
    // Sunday evening in Los Angeles is already Monday in UTC
    expect(weeklyPeriodKey(d('2026-11-22T18:00:00-08:00'))).toBe('w:2026-11-23');
  });

  it('spans the year boundary', () => {
    // 2026-12-28 is a Monday; the week runs into 2027
    expect(weeklyPeriodKey(d('2027-01-01T12:00:00Z'))).toBe('w:2026-12-28');
    expect(weeklyPeriodKey(d('2027-01-03T23:59:59.999Z'))).toBe('w:2026-12-28');
    expect(weeklyPeriodKey(d('2027-01-04T00:00:00Z'))).toBe('w:2027-01-04');
  });
});

describe('next resets', () => {
  it('nextDailyReset is the next UTC midnight, strictly after', () => {
    expect(nextDailyReset(d('2026-11-22T23:59:59.999Z')).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
    expect(nextDailyReset(d('2026-11-23T00:00:00.000Z')).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(nextDailyReset(d('2026-12-31T18:00:00Z')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect(nextDailyReset(d('2026-11-22T20:00:00-05:00')).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
  });

  it('nextWeeklyReset is the next Monday 00:00 UTC, strictly after', () => {
    expect(nextWeeklyReset(d('2026-11-22T23:59:59.999Z')).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
    expect(nextWeeklyReset(d('2026-11-23T00:00:00.000Z')).toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
    expect(nextWeeklyReset(d('2026-12-30T00:00:00Z')).toISOString()).toBe(
      '2027-01-04T00:00:00.000Z',
    );
  });

  it('the next reset starts the next period', () => {
    const now = d('2026-11-19T15:00:00Z');
    expect(dailyPeriodKey(nextDailyReset(now))).toBe('d:2026-11-20');
    expect(weeklyPeriodKey(nextWeeklyReset(now))).toBe('w:2026-11-23');
  });
});

describe('loginStreak', () => {
  it('starts at 1 without history', () => {
    expect(loginStreak(null, 0, d('2026-11-22T10:00:00Z'))).toBe(1);
    expect(loginStreak(null, 7, d('2026-11-22T10:00:00Z'))).toBe(1);
  });

  it('grows on the next UTC day, even a millisecond after midnight', () => {
    expect(loginStreak('d:2026-11-22', 3, d('2026-11-23T00:00:00.000Z'))).toBe(4);
    expect(loginStreak('d:2026-11-22', 3, d('2026-11-23T23:59:59.999Z'))).toBe(4);
  });

  it('is unchanged on the same day, up to 23:59:59.999', () => {
    expect(loginStreak('d:2026-11-22', 3, d('2026-11-22T23:59:59.999Z'))).toBe(3);
    expect(loginStreak('d:2026-11-22', 3, d('2026-11-22T00:00:00.000Z'))).toBe(3);
  });

  it('restarts at 1 after a missed day', () => {
    expect(loginStreak('d:2026-11-22', 3, d('2026-11-24T00:00:00.000Z'))).toBe(1);
    expect(loginStreak('d:2026-01-01', 30, d('2026-11-24T00:00:00.000Z'))).toBe(1);
  });

  it('continues across the year boundary and a leap day', () => {
    expect(loginStreak('d:2026-12-31', 5, d('2027-01-01T00:00:00Z'))).toBe(6);
    expect(loginStreak('d:2028-02-28', 5, d('2028-02-29T12:00:00Z'))).toBe(6);
    expect(loginStreak('d:2028-02-29', 6, d('2028-03-01T12:00:00Z'))).toBe(7);
  });

  it('uses the UTC day of an offset date', () => {
    // 2026-11-23 20:00 in New York is 2026-11-24 01:00 UTC: a missed day
    expect(loginStreak('d:2026-11-22', 3, d('2026-11-23T20:00:00-05:00'))).toBe(1);
    // 2026-11-23 07:00 in Tokyo is 2026-11-22 22:00 UTC: same day
    expect(loginStreak('d:2026-11-22', 3, d('2026-11-23T07:00:00+09:00'))).toBe(3);
  });

  it('leaves the streak alone when the previous key lies in the future', () => {
    expect(loginStreak('d:2026-11-25', 3, d('2026-11-22T10:00:00Z'))).toBe(3);
  });

  it('treats a stored streak below 1 as 1', () => {
    expect(loginStreak('d:2026-11-22', 0, d('2026-11-23T10:00:00Z'))).toBe(2);
    expect(loginStreak('d:2026-11-22', 0, d('2026-11-22T10:00:00Z'))).toBe(1);
  });

  it('rejects malformed keys and impossible days', () => {
    const now = d('2026-11-22T10:00:00Z');
    expect(() => loginStreak('2026-11-21', 1, now)).toThrow(RangeError);
    expect(() => loginStreak('w:2026-11-16', 1, now)).toThrow(RangeError);
    expect(() => loginStreak('d:2026-02-30', 1, now)).toThrow(RangeError);
    expect(() => loginStreak('d:2026-11-21', 1, new Date(Number.NaN))).toThrow(RangeError);
  });
});
