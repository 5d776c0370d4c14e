import { describe, expect, it } from 'vitest';
import {
  SendStatus,
  countDeliveries,
  hasBit,
  newBits,
  setBit,
  type DeliveryBot,
} from './deliveries';
import type { ScheduledChat } from './schedule';

function bot(sim: number, zone: number, got: number[], steady = true): DeliveryBot {
  const bits = newBits(8);
  for (const s of got) setBit(bits, s);
  return { sim, zone, steady, bits };
}

describe('bits', () => {
  it('set and read one bit per seq', () => {
    const b = newBits(20);
    expect(b.length).toBe(3);
    setBit(b, 0);
    setBit(b, 19);
    setBit(b, 999); // outside: ignored
    expect([0, 1, 18, 19].map((i) => hasBit(b, i))).toEqual([true, false, false, true]);
  });
});

describe('countDeliveries', () => {
  const schedule: ScheduledChat[] = [
    { seq: 0, kind: 'channel', sender: 0, dueMs: 0 },
    { seq: 1, kind: 'whisper', sender: 1, to: 2, dueMs: 10 },
    { seq: 2, kind: 'channel', sender: 3, dueMs: 20 },
    { seq: 3, kind: 'channel', sender: 2, dueMs: 30 },
    { seq: 4, kind: 'whisper', sender: 0, to: 3, dueMs: 40 },
  ];
  const ok = [
    SendStatus.ok,
    SendStatus.ok,
    SendStatus.refused,
    SendStatus.ackTimeout,
    SendStatus.skipped,
  ];

  it('expects a district message in its district, a whisper at both ends, nothing of refused or skipped sends', () => {
    // bots 0, 1 in district 0 on sim 0; bots 2, 3 in district 1 on sim 1; bot 4 dropped
    const bots = [
      bot(0, 0, [0]),
      bot(0, 0, [0, 1]),
      bot(1, 1, [1, 3]),
      bot(1, 1, []), // lost seq 3
      bot(1, 1, [3], false),
    ];
    const t = countDeliveries({
      schedule,
      status: ok,
      bots,
      worldwide: false,
      blockers: new Map(),
    });
    expect(t.sends).toEqual({ sent: 3, skipped: 1, refused: 1, ackTimeouts: 1, pending: 0 });
    // seq 0 → bots 0, 1; seq 1 → 1 (sender), 2; seq 3 → 2, 3
    expect(t.all).toEqual({ expected: 6, delivered: 5, lost: 1 });
    expect(t.by['channel:local']).toEqual({ expected: 4, delivered: 3, lost: 1 });
    expect(t.by['whisper:local']).toEqual({ expected: 1, delivered: 1, lost: 0 });
    expect(t.by['whisper:remote']).toEqual({ expected: 1, delivered: 1, lost: 0 });
    expect(t.misdelivered).toBe(0);
  });

  it('sends global messages to every steady bot, skips blockers and flags what reached them', () => {
    const bots = [
      bot(0, 0, [0]),
      bot(0, 0, [0, 1]),
      bot(1, 1, [0, 1, 3]), // blocks bot 0: seq 0 reached it anyway
      bot(1, 1, [0, 3]),
    ];
    const blockers = new Map([[0, new Set([2])]]);
    const t = countDeliveries({ schedule, status: ok, bots, worldwide: true, blockers });
    // seq 0 → 0, 1, 3 (2 blocks the sender); seq 1 → 1, 2; seq 3 → all four
    expect(t.all).toEqual({ expected: 9, delivered: 7, lost: 2 });
    // bot 3 hears seq 0 from sim 0; bots 0 and 1 miss seq 3 from sim 1
    expect(t.by['channel:remote']).toEqual({ expected: 3, delivered: 1, lost: 2 });
    expect(t.misdelivered).toBe(1);
  });

  it('expects a whisper to a blocker back at its sender only', () => {
    const bots = [bot(0, 0, []), bot(0, 0, [1]), bot(0, 0, [])];
    const t = countDeliveries({
      schedule: [schedule[1]!],
      status: [SendStatus.none, SendStatus.ok],
      bots,
      worldwide: false,
      blockers: new Map([[1, new Set([2])]]),
    });
    expect(t.all).toEqual({ expected: 1, delivered: 1, lost: 0 });
  });
});
