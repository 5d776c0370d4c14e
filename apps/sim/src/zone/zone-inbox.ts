import type { ZoneConnection } from './player';
import type { ZoneCommand, ZoneCommandKind } from './zone-commands';

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
 * Client commands one zone's inbox holds at most between two ticks (default of
 * ZoneOptions.inboxCap). Normal load is far below it — 2,000 players sending 10
 * moves a second put ~1,000 moves in a tick — so it only bites when the tick
 * stalls or a flood gets past the per-connection limits.
 */
export const ZONE_INBOX_CAP = 8_192;

/**
 * The commands the cap counts: what a client asks for, which it may ask again
 * (refused with UNAVAILABLE when the inbox is full). Everything else is never
 * refused and never dropped: database results (drops, stats, heals — the world
 * already changed in PostgreSQL) and the connection lifecycle (attach, detach,
 * remove: one per socket event, bounded by the handshake and the sockets).
 */
export const CAPPED_COMMANDS: ReadonlySet<ZoneCommandKind> = new Set<ZoneCommandKind>([
  'move',
  'use',
  'cancel',
  'respawn',
  'depart',
]);

/**
 * A zone's inbox. Every command gets the next sequence number as it is pushed;
 * `take` hands the tick everything pushed so far, in that order, and starts a
 * new batch — commands pushed while a tick applies (e.g. by an ack callback)
 * wait for the next tick. So the order within a tick is arrival order on this
 * process, the same order a recording stores and a replay applies.
 *
 * Bounded for clients: `clientCommands` counts the CAPPED_COMMANDS waiting and the
 * zone refuses more beyond its cap (Zone.submit); per connection, moves are also
 * capped by the per-player input cap and combat commands by their rate windows.
 * Database results and the connection lifecycle are not counted and always pushed.
 */
export class ZoneInbox {
  private entries: InboxEntry[] = [];
  private nextSeq = 1;
  private capped = 0;

  get size(): number {
    return this.entries.length;
  }

  /** CAPPED_COMMANDS waiting for the next tick. */
  get clientCommands(): number {
    return this.capped;
  }

  push(cmd: ZoneCommand, conn: ZoneConnection | null, settle: Settle | undefined): InboxEntry {
    const entry: InboxEntry = { seq: this.nextSeq++, cmd, conn, settle };
    this.entries.push(entry);
    if (CAPPED_COMMANDS.has(cmd.k)) this.capped++;
    return entry;
  }

  take(): InboxEntry[] {
    const batch = this.entries;
    this.entries = [];
    this.capped = 0;
    return batch;
  }
}
