/**
 * Who should have received each scheduled message, and who did: every bot keeps one
 * bit per message it received in time (a bitset indexed by seq), and after the window
 * the main thread walks the schedule — a channel message is due to every steady bot of
 * its audience (the sender's district, or everyone for global/trade) except those who
 * block the sender (the sender itself included: the sim sends it its own line); a
 * whisper to its recipient (unless it blocks the sender) and back to its sender. A
 * steady bot is one that had joined the chat before the window and never dropped.
 */
import type { ScheduledChat } from './schedule';

/** What became of a send, as the sender's thread saw it (threads merge by max). */
export const SendStatus = {
  /** not this thread's message */
  none: 0,
  /** its sender was not connected when it was due */
  skipped: 1,
  /** sent; no ack yet when the results were collected */
  pending: 2,
  ok: 3,
  refused: 4,
  /** sent; no ack within the ack timeout */
  ackTimeout: 5,
} as const;
export type SendStatus = (typeof SendStatus)[keyof typeof SendStatus];

export const newBits = (messages: number) => new Uint8Array(Math.ceil(messages / 8));
export const hasBit = (bits: Uint8Array, i: number) => ((bits[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
export function setBit(bits: Uint8Array, i: number): void {
  const byte = i >> 3;
  if (byte < bits.length) bits[byte]! |= 1 << (i & 7);
}

export interface DeliveryBot {
  /** which sim process it is connected to */
  sim: number;
  /** which district (zone) it is in */
  zone: number;
  steady: boolean;
  /** in-time receipts by seq (steady bots) */
  bits?: Uint8Array;
}

export interface DeliveryCount {
  expected: number;
  delivered: number;
  lost: number;
}

export interface DeliveryTotals {
  /** sends by what became of them */
  sends: { sent: number; skipped: number; refused: number; ackTimeouts: number; pending: number };
  all: DeliveryCount;
  /** by `${kind}:${local|remote}` (remote: the recipient is on another sim than the sender) */
  by: Record<string, DeliveryCount>;
  /** receipts by steady bots that were not due one (a blocker, another district, a refused send) */
  misdelivered: number;
}

const isSent = (s: number) =>
  s === SendStatus.ok || s === SendStatus.ackTimeout || s === SendStatus.pending;

export function countDeliveries(input: {
  schedule: readonly ScheduledChat[];
  status: ArrayLike<number>;
  bots: readonly DeliveryBot[];
  /** true: channel messages reach every bot; false: only the sender's district */
  worldwide: boolean;
  /** sender bot → the bots that block it */
  blockers: ReadonlyMap<number, ReadonlySet<number>>;
}): DeliveryTotals {
  const { bots } = input;
  const sends = { sent: 0, skipped: 0, refused: 0, ackTimeouts: 0, pending: 0 };
  const all: DeliveryCount = { expected: 0, delivered: 0, lost: 0 };
  const by: Record<string, DeliveryCount> = {};
  let misdelivered = 0;
  const steady = bots.flatMap((b, i) => (b.steady ? [i] : []));
  for (const m of input.schedule) {
    const status = input.status[m.seq] ?? SendStatus.none;
    if (status === SendStatus.skipped || status === SendStatus.none) sends.skipped++;
    else if (status === SendStatus.refused) sends.refused++;
    else {
      sends.sent++;
      if (status === SendStatus.ackTimeout) sends.ackTimeouts++;
      if (status === SendStatus.pending) sends.pending++;
    }
    const sender = bots[m.sender];
    const blocked = input.blockers.get(m.sender);
    const due = (r: number) => {
      if (!isSent(status) || !bots[r]?.steady || !sender) return false;
      if (blocked?.has(r)) return false;
      if (m.kind === 'whisper') return r === m.to || r === m.sender;
      return input.worldwide || bots[r]!.zone === sender.zone;
    };
    for (const r of steady) {
      const bot = bots[r]!;
      const got = bot.bits ? hasBit(bot.bits, m.seq) : false;
      if (!due(r)) {
        if (got) misdelivered++;
        continue;
      }
      const key = `${m.kind}:${bot.sim === sender?.sim ? 'local' : 'remote'}`;
      const c = (by[key] ??= { expected: 0, delivered: 0, lost: 0 });
      c.expected++;
      all.expected++;
      if (got) {
        c.delivered++;
        all.delivered++;
      } else {
        c.lost++;
        all.lost++;
      }
    }
  }
  return { sends, all, by, misdelivered };
}
