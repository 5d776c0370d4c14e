import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ack, ChatSendResult } from '@necp/shared';
import { SendStatus, hasBit } from './deliveries';
import { chatText, type ScheduledChat } from './schedule';
import { ChatTraffic } from './traffic';
import type { ArmRequest } from './protocol';

const schedule: ScheduledChat[] = [
  { seq: 0, kind: 'channel', sender: 0, dueMs: 0 },
  { seq: 1, kind: 'whisper', sender: 1, to: 0, dueMs: 100 },
  { seq: 2, kind: 'channel', sender: 5, dueMs: 200 },
];
const plan = (t0: number): ArmRequest => ({
  type: 'arm',
  t0,
  schedule,
  room: 'district',
  simOf: [0, 1, 0, 0, 0, 0],
  names: ['Bench0', 'Bench1', 'Bench2', 'Bench3', 'Bench4', 'Bench5'],
  lossMs: 5_000,
  ackTimeoutMs: 10_000,
});

afterEach(() => vi.useRealTimers());

describe('ChatTraffic', () => {
  it('sends its own bots’ messages when due and files receipts against the due time', async () => {
    vi.useFakeTimers();
    let clock = 1_000_000;
    const t = new ChatTraffic(() => clock);
    t.addBot(0);
    t.addBot(1);
    const sent: { bot: number; payload: object }[] = [];
    const acks: Ack<ChatSendResult>[] = [
      { ok: true, data: { id: 'm', channel: 'district', text: 'x', at: 0 } },
      { ok: false, error: { code: 'RATE_LIMITED', message: 'slow' } },
    ];
    t.arm(plan(clock + 50), (bot) => ({
      send: (payload) => {
        sent.push({ bot, payload });
        return Promise.resolve(acks.shift()!);
      },
    }));
    expect(sent).toHaveLength(0);
    clock += 60;
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toEqual([
      { bot: 0, payload: { channel: 'district', text: expect.stringMatching(/^bench chat /) } },
    ]);
    clock += 100;
    await vi.advanceTimersByTimeAsync(100);
    expect(sent[1]).toEqual({
      bot: 1,
      payload: { channel: 'whisper', to: 'Bench0', text: expect.stringMatching(/^bench chat /) },
    });
    await vi.advanceTimersByTimeAsync(0);
    // bot 5 is not this thread's: its send is not touched
    expect([...t.status]).toEqual([SendStatus.ok, SendStatus.refused, SendStatus.none]);
    expect(t.refusals).toEqual({ RATE_LIMITED: 1 });
    t.stop();

    // bot 0 hears seq 0 (12 ms after due), again (a duplicate), seq 1 from the other sim
    const start = 1_000_050;
    clock = start + 12;
    expect(t.received(0, { text: chatText(0, start + 2), at: Math.floor(start + 5) })).toBe(
      'in-time',
    );
    expect(t.received(0, { text: chatText(0, start + 2), at: start + 5 })).toBe('duplicate');
    clock = start + 100 + 5_001;
    expect(t.received(0, { text: chatText(1, start + 100), at: start + 101 })).toBe('late');
    expect(t.received(0, { text: 'hi there', at: 0 })).toBe('unreadable');
    expect(t.received(0, { text: chatText(77, start), at: 0 })).toBe('stray');
    expect(t.received(3, { text: chatText(0, start), at: 0 })).toBe('stray');
    expect([t.late, t.duplicates, t.unreadable, t.stray]).toEqual([1, 1, 1, 2]);

    const [b0] = t.botResults(() => 0);
    expect(hasBit(b0!.bits, 0)).toBe(true);
    expect(hasBit(b0!.bits, 1)).toBe(false); // late: not in time
    const h = t.histogramData();
    expect(h['due:channel:local']?.max).toBeCloseTo(12);
    expect(h['send:channel:local']?.max).toBeCloseTo(10);
    expect(h['due:whisper:remote']?.max).toBeCloseTo(5_001);
    expect(h.lag?.count).toBe(2);
  });

  it('skips a send whose bot is not connected and knows who is in the chat', () => {
    const t = new ChatTraffic(() => 0);
    t.addBot(0);
    t.addBot(1);
    t.ready(0);
    t.ready(1);
    t.gone(1);
    expect(t.inChat()).toEqual([0]);
    t.arm(plan(-1_000), () => undefined);
    expect(t.status[0]).toBe(SendStatus.skipped);
    expect(t.status[1]).toBe(SendStatus.skipped);
    t.stop();
  });
});
