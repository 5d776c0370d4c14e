/**
 * A dungeon's rules, run at the end of each of its zone's ticks (like ArenaRules):
 * it watches the boss's spawn, and the tick in which the boss is dead it decides —
 * once — that the dungeon is cleared, with the members standing in it then
 * (docs/instances.md "Dungeons"). What follows (the event, the push, the close)
 * is the host's.
 */
import type { Zone } from '../zone/zone';

export interface DungeonClear {
  /** the members inside when the boss died (credited) */
  present: string[];
  /** clock ms of the tick that saw it */
  at: number;
}

export interface DungeonRulesOptions {
  /** the npcSpawns id of the boss */
  bossSpawnId: string;
  /** every member of the match */
  memberIds: readonly string[];
  /** called once, from inside the tick that saw the boss dead */
  onCleared(clear: DungeonClear): void;
}

type DungeonZone = Pick<Zone, 'player' | 'npcs'>;

export class DungeonRules {
  cleared: DungeonClear | null = null;

  constructor(private readonly opts: DungeonRulesOptions) {}

  afterTick(zone: DungeonZone, now: number): void {
    if (this.cleared) return;
    let boss;
    for (const npc of zone.npcs.npcs())
      if (npc.spawnId === this.opts.bossSpawnId) {
        boss = npc;
        break;
      }
    if (!boss?.combat.dead) return;
    const present = this.opts.memberIds.filter((id) => zone.player(id) !== undefined);
    this.cleared = { present, at: now };
    this.opts.onCleared(this.cleared);
  }
}
