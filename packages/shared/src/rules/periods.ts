/**
 * Reset periods for dailies, weeklies, vendor restocks and login streaks. All in
 * UTC, so a player's time zone and daylight saving never move a reset: a daily
 * period is one UTC calendar day, a weekly period starts Monday 00:00 UTC (ISO
 * week). Keys are stored (QuestProgress.periodKey, VendorStock.periodKey,
 * LoginReward.lastDayKey) and compared as strings.
 */

const DAY_MS = 86_400_000;
const DAY_KEY = /^d:(\d{4})-(\d{2})-(\d{2})$/;

function assertValid(date: Date): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid date');
  return t;
}

/** Midnight UTC at the start of the day containing t (ms). */
function utcDayStart(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC at the start of the ISO week containing t (ms). */
function utcWeekStart(t: number): number {
  const day = utcDayStart(t);
  // getUTCDay: 0 = Sunday … 6 = Saturday; days since Monday is (dow + 6) % 7
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return day - sinceMonday * DAY_MS;
}

/** 'YYYY-MM-DD' of the UTC day starting at t (ms). */
function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** 'd:2026-11-22' for any instant on that UTC day. */
export function dailyPeriodKey(date: Date): string {
  return `d:${isoDay(utcDayStart(assertValid(date)))}`;
}

/** 'w:2026-11-16': the Monday (UTC) that starts the ISO week containing `date`. */
export function weeklyPeriodKey(date: Date): string {
  return `w:${isoDay(utcWeekStart(assertValid(date)))}`;
}

/** The next UTC midnight strictly after `date` (at exactly midnight: the next one). */
export function nextDailyReset(date: Date): Date {
  return new Date(utcDayStart(assertValid(date)) + DAY_MS);
}

/** The next Monday 00:00 UTC strictly after `date`. */
export function nextWeeklyReset(date: Date): Date {
  return new Date(utcWeekStart(assertValid(date)) + 7 * DAY_MS);
}

/** Start of the UTC day a daily key names (ms); throws on a malformed key. */
function dayKeyStart(key: string): number {
  const m = DAY_KEY.exec(key);
  if (!m) throw new RangeError(`not a daily period key: ${key}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls '2026-02-30' over into March; reject instead of guessing
  if (isoDay(t) !== key.slice(2)) throw new RangeError(`not a calendar day: ${key}`);
  return t;
}

/**
 * The login streak after logging in at `today`, given the day key of the previous
 * counted login and the streak then. Consecutive UTC days add one, a second login
 * on the same day changes nothing, a missed day restarts at 1. A previous key in
 * the future (clock skew) also leaves the streak unchanged rather than punishing.
 */
export function loginStreak(previousDayKey: string | null, streak: number, today: Date): number {
  const todayStart = utcDayStart(assertValid(today));
  if (previousDayKey === null) return 1;
  const diffDays = Math.round((todayStart - dayKeyStart(previousDayKey)) / DAY_MS);
  const current = Math.max(1, Math.trunc(streak));
  if (diffDays <= 0) return current;
  if (diffDays === 1) return current + 1;
  return 1;
}
