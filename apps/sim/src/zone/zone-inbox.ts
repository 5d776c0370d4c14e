import type { ZoneConnection } from './player';
import type { ZoneCommand } from './zone-commands';

/** How a command's caller hears the outcome: a result, or the error applying it threw. */
export type Settle = (err: unknown, result?: unknown) => void;

export interface InboxEntry {
  /** arrival order in this zone (1, 2, …; never reused) */
  readonly seq: number;
  readonly cmd: ZoneCommand;
  /** the client connection the command came through (client commands only) */
  readonly conn: ZoneConnection | null;
  readonly settle: Settle | undefined;
}

/**
 * A zone's inbox. Every command gets the next sequence number as it is pushed;
 * `take` hands the tick everything pushed so far, in that order, and starts a
 * new batch — commands pushed while a tick applies (e.g. by an ack callback)
 * wait for the next tick. So the order within a tick is arrival order on this
 * process, the same order a recording stores and a replay applies.
 *
 * Not capped here: client commands are rate-limited per socket before they are
 * pushed (movement by the per-player input cap, see Zone.submit), database results
 * follow from those, and the tick empties the inbox every TICK_MS.
 */
export class ZoneInbox {
  private entries: InboxEntry[] = [];
  private nextSeq = 1;

  get size(): number {
    return this.entries.length;
  }

  push(cmd: ZoneCommand, conn: ZoneConnection | null, settle: Settle | undefined): InboxEntry {
    const entry: InboxEntry = { seq: this.nextSeq++, cmd, conn, settle };
    this.entries.push(entry);
    return entry;
  }

  take(): InboxEntry[] {
    const batch = this.entries;
    this.entries = [];
    return batch;
  }
}
