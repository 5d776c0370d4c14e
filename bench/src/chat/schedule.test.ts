import { describe, expect, it } from 'vitest';
import { createWordFilter } from '@necp/game';
import {
  FLOOD_BUDGET,
  buildSchedule,
  chatText,
  floodPeak,
  maxTotalRate,
  readChatText,
  type ScheduledChat,
} from './schedule';

const bots = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('buildSchedule', () => {
  const opts = {
    senders: bots(1000),
    recipients: bots(1000),
    channelRate: 50,
    whisperRate: 20,
    seconds: 30,
    seed: 13,
  };

  it('is due at fixed rates, in order, numbered by seq', () => {
    const s = buildSchedule(opts);
    expect(s).toHaveLength(50 * 30 + 20 * 30);
    expect(s.map((m) => m.seq)).toEqual(bots(s.length));
    expect(s.every((m, i) => i === 0 || m.dueMs >= s[i - 1]!.dueMs)).toBe(true);
    const channel = s.filter((m) => m.kind === 'channel').map((m) => m.dueMs);
    expect(channel.slice(0, 3)).toEqual([0, 20, 40]);
    const whispers = s.filter((m) => m.kind === 'whisper');
    expect(whispers.slice(0, 3).map((m) => m.dueMs)).toEqual([0, 50, 100]);
    // a whisper always has another bot at its other end
    expect(whispers.every((m) => m.to !== undefined && m.to !== m.sender)).toBe(true);
  });

  it('is the same for the same seed and spreads the senders', () => {
    const a = buildSchedule(opts);
    expect(buildSchedule(opts)).toEqual(a);
    expect(buildSchedule({ ...opts, seed: 14 })).not.toEqual(a);
    const perSender = new Map<number, number>();
    for (const m of a) perSender.set(m.sender, (perSender.get(m.sender) ?? 0) + 1);
    // 2,100 sends round robin over 1,000 bots: two or three each
    expect(Math.min(...perSender.values())).toBe(2);
    expect(Math.max(...perSender.values())).toBe(3);
  });

  it('keeps every sender within the flood budget at the default rates', () => {
    expect(floodPeak(buildSchedule(opts))).toBeLessThanOrEqual(FLOOD_BUDGET);
    expect(maxTotalRate(1000)).toBe(300);
    // 70 a second from 100 bots: one every 1.43 s each, 7 within 10 s
    expect(
      floodPeak(buildSchedule({ ...opts, senders: bots(100), recipients: bots(100) })),
    ).toBeGreaterThan(FLOOD_BUDGET);
    // at the highest total rate 100 bots may keep
    const atMax = buildSchedule({
      ...opts,
      senders: bots(100),
      recipients: bots(100),
      channelRate: maxTotalRate(100) - 10,
      whisperRate: 10,
    });
    expect(floodPeak(atMax)).toBeLessThanOrEqual(FLOOD_BUDGET);
  });
});

describe('floodPeak', () => {
  const send = (sender: number, dueMs: number): ScheduledChat => ({
    seq: 0,
    kind: 'channel',
    sender,
    dueMs,
  });
  it('counts the most sends of one sender inside any window', () => {
    expect(floodPeak([])).toBe(0);
    expect(floodPeak([send(1, 0), send(1, 9_999), send(2, 5_000)])).toBe(2);
    // exactly a window apart: the first has left it
    expect(floodPeak([send(1, 0), send(1, 10_000)])).toBe(1);
    expect(floodPeak([0, 2, 4, 6, 8, 20, 21].map((s) => send(7, s * 1000)))).toBe(5);
  });
});

describe('chat text', () => {
  it('round-trips the seq and the send time', () => {
    const sent = 1_795_529_854_472.125;
    const t = chatText(4455, sent);
    expect(t).toMatch(/^bench chat [289]+ [289]+$/);
    const r = readChatText(t);
    expect(r?.seq).toBe(4455);
    expect(r?.sentEpochMs).toBeCloseTo(sent, 3);
    expect(readChatText('hello')).toBeUndefined();
    expect(readChatText('bench chat 2*9 898')).toBeUndefined();
    expect(readChatText('bench chat 29')).toBeUndefined();
  });

  it('is never masked by the chat filter (digits it reads as letters are not used)', () => {
    const filter = createWordFilter();
    const base = 1_795_529_854_472;
    // every length of seq up to 20,000 and every digit in every place of the small ones
    // (20,000 of them took 16–22 s on a loaded 2-core machine: past the test time limit)
    for (let i = 0; i < 2_500; i++) {
      const seq = i < 1_000 ? i : i * 8 + (i % 7);
      const t = chatText(seq, base + seq * 7.3);
      expect(filter.mask(t)).toBe(t);
    }
  });
});
