/**
 * The chat bench's sender schedule (open loop): channel messages at `channelRate` a
 * second and whispers at `whisperRate`, each due at a fixed offset from the window's
 * start whatever happened to the ones before. Senders are taken round robin from a
 * seeded shuffle of every bot, so one character's sends are N / (total rate) seconds
 * apart and the flood limit (CHAT_FLOOD_MESSAGES per CHAT_FLOOD_SECONDS per character)
 * is never reached; `floodPeak` checks it. Every text is new (its sequence number is
 * in it), so the repeat limit never applies either.
 */
import { CHAT_FLOOD_MESSAGES, CHAT_FLOOD_SECONDS } from '@necp/shared';
import { seededRng } from '@necp/game';

export type ChatKind = 'channel' | 'whisper';

export interface ScheduledChat {
  /** 0.. in due order: the message's id in its text */
  seq: number;
  kind: ChatKind;
  /** bot index of the sender */
  sender: number;
  /** whispers: bot index of the recipient */
  to?: number;
  /** ms after the window's start */
  dueMs: number;
}

/**
 * Sends per character the bench allows itself in any CHAT_FLOOD_SECONDS: one below the
 * sim's limit, so a send the bench's timer delays into the next one's slot is never refused.
 */
export const FLOOD_BUDGET = CHAT_FLOOD_MESSAGES - 1;
export const FLOOD_WINDOW_MS = CHAT_FLOOD_SECONDS * 1000;

export interface ScheduleOptions {
  /** bot indices that may send (every connected bot) */
  senders: readonly number[];
  /** bot indices a whisper may go to */
  recipients: readonly number[];
  channelRate: number;
  whisperRate: number;
  seconds: number;
  seed: number;
}

/**
 * The highest total rate (messages a second) the bench offers `bots` senders: one send
 * fewer than the budget per window, since two merged streams (channel, whisper) space
 * one sender's sends a little unevenly (floodPeak checks the real schedule).
 */
export const maxTotalRate = (bots: number) =>
  (bots * (FLOOD_BUDGET - 1)) / (FLOOD_WINDOW_MS / 1000);

/** Offsets (ms) of `rate` events a second over `seconds`: i / rate. */
function times(rate: number, seconds: number): number[] {
  const n = Math.round(rate * seconds);
  return Array.from({ length: n }, (_, i) => (i * 1000) / rate);
}

export function buildSchedule(opts: ScheduleOptions): ScheduledChat[] {
  const random = seededRng(opts.seed).float;
  const events: { kind: ChatKind; dueMs: number }[] = [
    ...times(opts.channelRate, opts.seconds).map((dueMs) => ({ kind: 'channel' as const, dueMs })),
    ...times(opts.whisperRate, opts.seconds).map((dueMs) => ({ kind: 'whisper' as const, dueMs })),
  ];
  // a stable sort: channel messages before whispers due at the same moment
  events.sort((a, b) => a.dueMs - b.dueMs);
  const order = shuffle([...opts.senders], random);
  if (order.length === 0 && events.length > 0) throw new Error('no senders');
  return events.map((e, seq) => {
    const sender = order[seq % order.length]!;
    const msg: ScheduledChat = { seq, kind: e.kind, sender, dueMs: e.dueMs };
    if (e.kind === 'whisper') msg.to = pickOther(opts.recipients, sender, random);
    return msg;
  });
}

/** Fisher–Yates with the given random source. */
function shuffle<T>(a: T[], random: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function pickOther(from: readonly number[], not: number, random: () => number): number {
  if (from.length === 0 || (from.length === 1 && from[0] === not))
    throw new Error('a whisper needs a recipient other than its sender');
  for (;;) {
    const c = from[Math.floor(random() * from.length)]!;
    if (c !== not) return c;
  }
}

/** The most sends one sender has within any `windowMs` (the sim's flood limit counts these). */
export function floodPeak(schedule: readonly ScheduledChat[], windowMs = FLOOD_WINDOW_MS): number {
  const bySender = new Map<number, number[]>();
  for (const m of schedule) {
    const list = bySender.get(m.sender);
    if (list) list.push(m.dueMs);
    else bySender.set(m.sender, [m.dueMs]);
  }
  let peak = 0;
  for (const dues of bySender.values()) {
    dues.sort((a, b) => a - b);
    // two pointers: the sends in [dues[lo], dues[hi]] span less than the window
    for (let lo = 0, hi = 0; hi < dues.length; hi++) {
      while (dues[hi]! - dues[lo]! >= windowMs) lo++;
      peak = Math.max(peak, hi - lo + 1);
    }
  }
  return peak;
}

// ── the text ────────────────────────────────────────────────────────────────────
// The sim masks words its filter finds, l33t included ("455" reads "ass"), and a
// masked number could not be read back. Digits the filter never takes for letters
// (2, 8, 9) spell the numbers instead, in base 3 — tested against the filter.

const DIGITS = '289';
const PREFIX = 'bench chat';

function encode(n: number): string {
  let v = Math.max(0, Math.floor(n));
  let s = '';
  do {
    s = DIGITS[v % 3]! + s;
    v = Math.floor(v / 3);
  } while (v > 0);
  return s;
}

function decode(s: string): number | undefined {
  let v = 0;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d < 0) return undefined;
    v = v * 3 + d;
  }
  return s.length > 0 ? v : undefined;
}

/** A message's text: its seq and when it left (epoch µs), both readable by any recipient. */
export const chatText = (seq: number, sentEpochMs: number) =>
  `${PREFIX} ${encode(seq)} ${encode(Math.round(sentEpochMs * 1000))}`;

/** The seq and send time (epoch ms) of a bench text; undefined for anything else. */
export function readChatText(text: string): { seq: number; sentEpochMs: number } | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const [seq, sent, ...rest] = text.slice(PREFIX.length + 1).split(' ');
  if (rest.length > 0 || seq === undefined || sent === undefined) return undefined;
  const s = decode(seq);
  const t = decode(sent);
  return s === undefined || t === undefined ? undefined : { seq: s, sentEpochMs: t / 1000 };
}
