/**
 * A dungeon's or raid's rules, run at the end of each of its zone's ticks (like
 * ArenaRules): it watches the boss's spawn, and the tick in which the boss is dead
 * it decides — once — that the instance is cleared, with the members standing in
 * it then (docs/instances.md "Dungeons", "The raid"). What follows (the event, the
 * push, the close) is the host's, the same for both kinds.
 */
import type { Zone } from '../zone/zone';

export interface InstanceClear {
  /** the members inside when the boss died (credited) */
  present: string[];
  /** clock ms of the tick that saw it */
  at: number;
}

export interface InstanceClearRulesOptions {
  /** the npcSpawns id of the boss */
  bossSpawnId: string;
  /** every member of the match now (asked at the clear: a backfilled member counts) */
  members(): readonly string[];
  /** called once, from inside the tick that saw the boss dead */
  onCleared(clear: InstanceClear): void;
}

type EncounterZone = Pick<Zone, 'player' | 'npcs'>;

export class InstanceClearRules {
  cleared: InstanceClear | null = null;

  constructor(private readonly opts: InstanceClearRulesOptions) {}

  afterTick(zone: EncounterZone, now: number): void {
    if (this.cleared) return;
    let boss;
    for (const npc of zone.npcs.npcs())
      if (npc.spawnId === this.opts.bossSpawnId) {
        boss = npc;
        break;
      }
    if (!boss?.combat.dead) return;
    const present = this.opts.members().filter((id) => zone.player(id) !== undefined);
    this.cleared = { present, at: now };
    this.opts.onCleared(this.cleared);
  }
}
