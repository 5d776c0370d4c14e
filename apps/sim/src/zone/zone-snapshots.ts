import { FrameWriter, type CombatEvent } from '@necp/shared';
import type { Log } from '@necp/game';
import type { Player } from './player';
import { concerns, diffView, frameDue, isBehind, type ViewTick } from './view';
import type { ZoneSpace } from './zone-space';

/** Snapshots at 10 Hz per client while the zone steps at 20 Hz (apps/sim/README.md, "Snapshot cadence"). */
export const SNAPSHOT_EVERY_TICKS = 2;

/**
 * What a zone sends its clients after each tick: one binary frame per client whose view
 * changed; idle clients cost next to nothing.
 */
export class ZoneSnapshots {
  /** one reusable buffer for every client's frame (the connection copies what it sends) */
  private readonly frames = new FrameWriter();

  constructor(
    private readonly space: ZoneSpace,
    /** a frame every `every` ticks (SNAPSHOT_EVERY_TICKS) */
    private readonly every: number,
    private readonly log: Log,
  ) {}

  send(tick: number, now: number, events: readonly CombatEvent[], players: Iterable<Player>): void {
    const space = this.space;
    space.changes.prepare(tick, now, space.entities, events);
    const at: ViewTick = {
      tick,
      now,
      entities: space.entities,
      grid: space.grid,
      changes: space.changes,
      events,
      eventJson: [],
      every: this.every,
    };
    for (const p of players) this.sendOne(p, at);
  }

  private sendOne(p: Player, at: ViewTick): void {
    const conn = p.conn;
    if (!conn) return;
    try {
      // most of an idle crowd stops here, before the transport is looked at
      if (!frameDue(p, at)) return;
      // behind: hold back frames until it catches up (then one resync frame), unless a fight involves it
      if (isBehind(conn) && !concerns(p, at)) {
        p.view.full = true;
        return;
      }
      const frame = diffView(p, at, this.frames);
      if (frame) conn.snapshot(frame);
    } catch (err) {
      // one broken connection must not starve the others of their snapshots
      this.log.warn({ err, characterId: p.characterId }, 'sending snapshot failed');
    }
  }
}
