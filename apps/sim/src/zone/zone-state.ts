import type { Bounds, Obstacle, Vec2, ZoneInfo } from '@necp/shared';
import type { CombatEngine } from '../combat/engine';
import type { NpcDirector } from '../npc/director';
import type { DropsAndCrates } from './drops-and-crates';
import type { PositionSaves } from './position-saves';
import type { TickClock } from './tick-clock';
import type { ZoneRoster } from './zone-roster';
import type { ZoneSpace } from './zone-space';

/**
 * What a zone is made of, shared by its tick (zone.ts) and the handlers of the
 * commands that change it (zone-command-table.ts, zone-arrivals.ts, zone-respawn.ts).
 * The zone builds it once and hands it to nothing outside the zone, so commands
 * still change a zone only through its inbox.
 */
export interface ZoneState {
  readonly id: string;
  readonly info: ZoneInfo;
  readonly bounds: Bounds;
  readonly obstacles: readonly Obstacle[];
  /** frozen for the length of a tick */
  readonly clock: TickClock;
  /** who is here: players, the characters of each account, the eids seen (kill credit) */
  readonly players: ZoneRoster;
  /** where things are and what viewers are told changed */
  readonly space: ZoneSpace;
  readonly saves: PositionSaves;
  readonly objects: DropsAndCrates;
  readonly combat: CombatEngine;
  readonly npcs: NpcDirector;
  readonly medicalCenters: readonly Vec2[];
  /** an instance's refusal of respawns (ZoneOptions.instance.noRespawn); none in the open world */
  readonly noRespawn: string | undefined;
  /** the zone's tick count now */
  tick(): number;
  /** the next entity id (handed out in order, so a replay hands out the same ones) */
  allocEid(): number;
}
