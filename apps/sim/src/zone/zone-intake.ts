import type { Log } from '@necp/game';
import { MAX_QUEUED_INPUTS, type ZoneConnection } from './player';
import type { CommandOf, QueueResult, ZoneCommandKind, ZoneCommandResults } from './zone-commands';
import { CAPPED_COMMANDS, ZoneInbox, type InboxEntry, type Settle } from './zone-inbox';
import { INPUTS_FULL, SimRefusal, ZONE_BUSY } from '../net/refusals';

export interface ZoneIntakeOptions {
  /** `at-once` (tests): a command is applied as it is submitted, not at the next tick */
  atOnce: boolean;
  /** client commands the inbox holds at most (ZoneOptions.inboxCap) */
  cap: number;
  log: Log;
  /** for the logs: the zone's tick now */
  tick: () => number;
  /** movement inputs the character has queued in the zone already (the input cap counts them) */
  inputsOf: (characterId: string) => number;
  /** applies one command inside the zone (its result goes to the caller) */
  apply: (entry: InboxEntry) => unknown;
}

/**
 * How commands enter a zone: the inbox with its caps, the answers to callers, and
 * applying a batch. The zone's tick takes the batch (`take`) and applies it while
 * submissions wait (`holding`); in `at-once` mode what is submitted is applied at once.
 */
export class ZoneIntake {
  private readonly inbox = new ZoneInbox();
  /** inside a tick or applying at once: submissions wait for the next batch */
  private applying = false;
  /** move commands in the inbox per character (the input cap counts them) */
  private readonly pendingMoves = new Map<string, number>();

  constructor(private readonly opts: ZoneIntakeOptions) {}

  /** Commands waiting for the next tick. */
  get size(): number {
    return this.inbox.size;
  }

  /**
   * Queues a command for the start of the next tick (applied at once in `at-once`
   * mode); `settle` hears the result — or the error applying it threw — from inside
   * that tick. Refused here at once, never queued: a move beyond the per-player input
   * cap (INPUTS_FULL), and any client command while the inbox holds `cap` of them (a
   * SimRefusal UNAVAILABLE as the error).
   */
  submit<K extends ZoneCommandKind>(
    cmd: CommandOf<K>,
    conn: ZoneConnection | null,
    settle?: (err: unknown, result?: ZoneCommandResults[K]) => void,
  ): void {
    const answer = settle as Settle | undefined;
    if (CAPPED_COMMANDS.has(cmd.k) && this.inbox.clientCommands >= this.opts.cap) {
      this.answer(answer, cmd.k, new SimRefusal(ZONE_BUSY));
      return;
    }
    if (cmd.k === 'move') {
      const characterId = (cmd as CommandOf<'move'>).characterId;
      const queued = this.pendingMoves.get(characterId) ?? 0;
      if (queued + this.opts.inputsOf(characterId) >= MAX_QUEUED_INPUTS) {
        this.answer(answer, cmd.k, null, { ok: false, refusal: INPUTS_FULL } satisfies QueueResult);
        return;
      }
      this.pendingMoves.set(characterId, queued + 1);
    }
    this.inbox.push(cmd, conn, answer);
    if (this.opts.atOnce && !this.applying) this.applyWaiting();
  }

  /** The tick's batch: everything submitted so far, in arrival order. */
  take(): InboxEntry[] {
    this.pendingMoves.clear();
    return this.inbox.take();
  }

  /** Runs `fn` (the tick) with submissions held for the next batch. */
  holding(fn: () => void): void {
    this.applying = true;
    try {
      fn();
    } finally {
      this.applying = false;
    }
  }

  /** After a tick in `at-once` mode: what its answers submitted does not wait for a next one. */
  afterTick(): void {
    if (this.opts.atOnce && this.inbox.size > 0) this.applyWaiting();
  }

  /** Applies one command and answers its caller; a failing command is logged, the tick goes on. */
  applyEntry(entry: InboxEntry): void {
    let result: unknown;
    try {
      result = this.opts.apply(entry);
    } catch (err) {
      this.opts.log.error({ err, k: entry.cmd.k, tick: this.opts.tick() }, 'zone command failed');
      this.answer(entry.settle, entry.cmd.k, err, undefined);
      return;
    }
    this.answer(entry.settle, entry.cmd.k, null, result);
  }

  /** `at-once` mode: applies what is in the inbox now (and what its answers submit), in order. */
  private applyWaiting(): void {
    this.holding(() => {
      while (this.inbox.size > 0) for (const entry of this.take()) this.applyEntry(entry);
    });
  }

  private answer(settle: Settle | undefined, k: ZoneCommandKind, err: unknown, result?: unknown) {
    try {
      settle?.(err, result);
    } catch (cbErr) {
      // an ack callback must not take the tick down
      this.opts.log.warn({ err: cbErr, k }, 'answering a zone command failed');
    }
  }
}
