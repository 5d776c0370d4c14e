/**
 * The server clock: with the ping's offset set, a countdown to a time the server
 * stamped reads the same whatever the local clock says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timeLeftText } from '../auction/auction-view';
import { clockText } from '../contracts/contracts-view';
import { countdown } from '../quests/format';
import { epochMs, serverClockOffset, serverNow, setServerClockOffset } from './server-clock';

/** the server's true time in these tests */
const SERVER = Date.UTC(2026, 11, 1, 12, 0, 0);
/** this browser's clock is 7 minutes and 30 s slow */
const SKEW = -450_000;

describe('the server clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SERVER + SKEW);
  });
  afterEach(() => {
    setServerClockOffset(0);
    vi.useRealTimers();
  });

  it('is the local clock until the first ping answers', () => {
    expect(serverClockOffset()).toBe(0);
    expect(serverNow()).toBe(Date.now());
  });

  it('follows the offset the ping measured', () => {
    // what latency.ts computes: server − (local − rtt / 2), here with a 40 ms round trip
    const rtt = 40;
    const stampedByServer = SERVER - rtt / 2;
    setServerClockOffset(stampedByServer - (Date.now() - rtt / 2));
    expect(serverClockOffset()).toBe(-SKEW);
    expect(serverNow()).toBe(SERVER);
    vi.advanceTimersByTime(1_500);
    expect(serverNow()).toBe(SERVER + 1_500);
  });

  it('keeps the last offset when a measure is no number', () => {
    setServerClockOffset(-SKEW);
    setServerClockOffset(Number.NaN);
    expect(serverNow()).toBe(SERVER);
  });

  it('counts down to a server time right although the local clock is skewed', () => {
    setServerClockOffset(-SKEW);
    const auctionEnds = SERVER + 90_000;
    const questDeadline = SERVER + 9_000;
    expect(timeLeftText(auctionEnds, serverNow())).toBe('1 min');
    expect(countdown(questDeadline, serverNow())).toBe('0:09');
    // the local clock alone would have shown them 7½ minutes longer
    expect(timeLeftText(auctionEnds, Date.now())).toBe('9 min');
    expect(countdown(questDeadline, Date.now())).toBe('7:39');
    // and a time already past on the server is past here too
    expect(timeLeftText(SERVER - 1_000, serverNow())).toBe('ended');
    expect(timeLeftText(SERVER - 1_000, Date.now())).not.toBe('ended');
  });

  it('reads an ISO string (a contract deadline) the same as epoch ms', () => {
    setServerClockOffset(-SKEW);
    const deadline = new Date(SERVER + 2 * 3_600_000 + 5 * 60_000).toISOString();
    expect(
      clockText(
        { state: 'accepted', acceptBy: '', deliverH: 24, deadline, releaseAt: null },
        serverNow(),
      ),
    ).toBe('deliver within 2 h 5 m');
  });
});

describe('epochMs', () => {
  it('takes a time in each shape it reaches the browser in', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
    expect(epochMs(at)).toBe(at);
    expect(epochMs(new Date(at))).toBe(at);
    expect(epochMs(new Date(at).toISOString())).toBe(at);
    expect(epochMs('not a date')).toBeNaN();
  });
});
