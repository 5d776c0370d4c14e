/**
 * One bot thread's side of the chat bench: it sends its bots' scheduled messages when
 * they are due (open loop: a late timer sends at once, and latency still counts from
 * the due time) and files every chat:message its bots receive — latency from due,
 * from leaving the sender and from the sim's own timestamp, in time or late, a
 * duplicate, or not the bench's at all. No sockets here: the worker hands them in.
 */
import type { Ack, ChatMessage, ChatSendResult } from '@necp/shared';
import { count } from '../stats';
import { SendStatus, hasBit, newBits, setBit } from './deliveries';
import { Histogram, type HistogramData } from './histogram';
import type { ArmRequest, ChatBotResult } from './protocol';
import { chatText, readChatText, type ScheduledChat } from './schedule';

/** What the traffic needs of a bot's socket: sending a chat:send and hearing its ack. */
export interface ChatSender {
  send(
    payload: { channel: string; text: string; to?: string },
    timeoutMs: number,
  ): Promise<Ack<ChatSendResult>>;
}

interface BotState {
  readyAt: number | null;
  goneAt: number | null;
  /** any receipt by seq (duplicates), and the in-time ones */
  seen: Uint8Array;
  inTime: Uint8Array;
}

export type Receipt = 'in-time' | 'late' | 'duplicate' | 'unreadable' | 'stray';

export class ChatTraffic {
  private readonly bots = new Map<number, BotState>();
  private plan: ArmRequest | undefined;
  status = new Uint8Array(0);
  readonly refusals: Record<string, number> = {};
  private readonly histograms = new Map<string, Histogram>();
  late = 0;
  duplicates = 0;
  unreadable = 0;
  stray = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** epoch ms, sub-millisecond (performance.timeOrigin + performance.now()) */
    private readonly now: () => number,
  ) {}

  /** A bot of this thread (its receipts are kept from now on). */
  addBot(index: number): void {
    if (!this.bots.has(index))
      this.bots.set(index, { readyAt: null, goneAt: null, seen: newBits(0), inTime: newBits(0) });
  }

  /** Its chat:history arrived: the sim had put it in the chat rooms. */
  ready(index: number): void {
    const b = this.bots.get(index);
    if (b && b.readyAt === null) b.readyAt = this.now();
  }

  /** Bots in the chat and still connected (as far as their sockets told). */
  inChat(): number[] {
    return [...this.bots].flatMap(([i, b]) => (b.readyAt !== null && b.goneAt === null ? [i] : []));
  }

  gone(index: number): void {
    const b = this.bots.get(index);
    if (b && b.goneAt === null) b.goneAt = this.now();
  }

  private histogram(name: string): Histogram {
    let h = this.histograms.get(name);
    if (!h) this.histograms.set(name, (h = new Histogram()));
    return h;
  }

  /**
   * Starts a window: receipts are filed against `plan.schedule` from now on, and this
   * thread's own sends go out at `plan.t0 + dueMs` through `senderOf(bot)` (undefined:
   * not connected, the send is skipped).
   */
  arm(plan: ArmRequest, senderOf: (bot: number) => ChatSender | undefined): void {
    this.plan = plan;
    const n = plan.schedule.length;
    this.status = new Uint8Array(n);
    for (const b of this.bots.values()) {
      b.seen = newBits(n);
      b.inTime = newBits(n);
    }
    const mine = plan.schedule.filter((m) => this.bots.has(m.sender));
    let next = 0;
    const tick = () => {
      const now = this.now();
      while (next < mine.length && plan.t0 + mine[next]!.dueMs <= now) {
        this.send(mine[next]!, senderOf(mine[next]!.sender));
        next++;
      }
      if (next < mine.length)
        this.timer = setTimeout(tick, Math.max(0, plan.t0 + mine[next]!.dueMs - this.now()));
    };
    tick();
  }

  private send(m: ScheduledChat, sender: ChatSender | undefined): void {
    const plan = this.plan!;
    if (!sender) {
      this.status[m.seq] = SendStatus.skipped;
      return;
    }
    const sentAt = this.now();
    this.histogram('lag').record(sentAt - (plan.t0 + m.dueMs));
    const text = chatText(m.seq, sentAt);
    const to = m.to === undefined ? undefined : plan.names[m.to];
    const payload =
      m.kind === 'whisper'
        ? { channel: 'whisper', text, to: to ?? '' }
        : { channel: plan.room, text };
    this.status[m.seq] = SendStatus.pending;
    sender.send(payload, plan.ackTimeoutMs).then(
      (res) => {
        if (res.ok) {
          this.status[m.seq] = SendStatus.ok;
          this.histogram('ack').record(this.now() - sentAt);
        } else {
          this.status[m.seq] = SendStatus.refused;
          count(this.refusals, res.error.code);
        }
      },
      () => {
        this.status[m.seq] = SendStatus.ackTimeout;
      },
    );
  }

  /** A chat:message reached bot `index`. */
  received(index: number, msg: Pick<ChatMessage, 'text' | 'at'>): Receipt {
    const at = this.now();
    const plan = this.plan;
    const bot = this.bots.get(index);
    if (!plan || !bot) return this.file('stray');
    const read = readChatText(msg.text);
    if (!read) return this.file('unreadable');
    const m = plan.schedule[read.seq];
    if (!m) return this.file('stray');
    if (hasBit(bot.seen, m.seq)) return this.file('duplicate');
    setBit(bot.seen, m.seq);
    const local = plan.simOf[index] === plan.simOf[m.sender] ? 'local' : 'remote';
    const key = `${m.kind}:${local}`;
    const fromDue = at - (plan.t0 + m.dueMs);
    this.histogram(`due:${key}`).record(fromDue);
    this.histogram(`send:${key}`).record(at - read.sentEpochMs);
    this.histogram(`post:${key}`).record(at - msg.at);
    if (fromDue > plan.lossMs) return this.file('late');
    setBit(bot.inTime, m.seq);
    return 'in-time';
  }

  private file(r: Exclude<Receipt, 'in-time'>): Receipt {
    if (r === 'late') this.late++;
    else if (r === 'duplicate') this.duplicates++;
    else if (r === 'unreadable') this.unreadable++;
    else this.stray++;
    return r;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  botResults(bytesIn: (index: number) => number): ChatBotResult[] {
    return [...this.bots].map(([index, b]) => ({
      index,
      readyAt: b.readyAt,
      goneAt: b.goneAt,
      bits: b.inTime,
      bytesIn: bytesIn(index),
    }));
  }

  histogramData(): Record<string, HistogramData> {
    return Object.fromEntries([...this.histograms].map(([k, h]) => [k, h.data()]));
  }
}
