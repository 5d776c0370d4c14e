import { lineOfSight, type NpcTemplate, type ZoneContent } from '@necp/shared';
import { seededStream, type Rng } from '@necp/game';
import type { CombatSink } from '../outcomes/combat-sink';
import { CombatEngine } from '../combat/engine';
import type { Fighter } from '../combat/fighter';
import { NpcDirector } from '../npc/director';
import type { NpcWorld } from '../npc/npc-world';
import type { TickClock } from './tick-clock';
import { zoneCombatHooks } from './zone-combat-hooks';
import { zoneNpcWorld } from './zone-npc-world';
import type { ZoneRoster } from './zone-roster';
import type { ZoneSpace } from './zone-space';

/** The random streams of a zone, each seeded from the zone seed and its purpose. */
export interface ZoneStreams {
  /** NPC brains: patrol targets, think jitter */
  ai: Rng;
  /** ability resolution: hit, crit, damage rolls */
  combat: Rng;
  /** the NPC director: spawn and respawn positions */
  spawn: Rng;
}
export const zoneStreams = (seed: number): ZoneStreams => ({
  ai: seededStream(seed, 'ai'),
  combat: seededStream(seed, 'combat'),
  spawn: seededStream(seed, 'spawn'),
});

/** What acts in a zone besides its players: the NPC director, the combat engine, the NPC brains' world. */
export interface ZoneActors {
  npcs: NpcDirector;
  combat: CombatEngine;
  npcWorld: NpcWorld;
}

/**
 * Builds a zone's NPC director, combat engine and NPC world over its space. The
 * director comes first: combat's hooks feed its threat tables, and NPC eids follow
 * the crates' and contacts' already handed out.
 */
export function createZoneActors(o: {
  content: ZoneContent;
  /** false: no NPCs (pure tests of other things) */
  npcs: boolean;
  templates?: ((id: string) => NpcTemplate | undefined) | undefined;
  streams: ZoneStreams;
  clock: TickClock;
  space: ZoneSpace;
  players: ZoneRoster;
  allocEid: () => number;
  tick: () => number;
  /** players first, then the NPCs in view (the engine steps them in this order) */
  fighters: () => Fighter[];
  sink: () => CombatSink;
}): ZoneActors {
  const { content: c, space, clock, players } = o;
  const bounds = { width: c.width, height: c.height };
  const npcs = new NpcDirector({
    spawns: o.npcs ? c.npcSpawns : [],
    ...(o.templates ? { templates: o.templates } : {}),
    obstacles: c.obstacles,
    bounds,
    allocEid: o.allocEid,
    rng: o.streams.spawn,
    now: clock.ms(),
    onDespawn: (npc) => space.hide(npc.eid),
    onRespawn: (npc) => {
      space.show(npc);
      combat.announceRespawn(npc); // made below; a respawn comes ticks later
    },
  });
  const combat = new CombatEngine({
    world: {
      zoneId: c.id,
      tick: o.tick,
      fighter: (eid) => space.fighter(eid),
      fighters: o.fighters,
      fightersNear: (x, y, r) => space.fightersNear(x, y, r),
      lineOfSight: (a, b) => lineOfSight(a, b, c.obstacles),
      positionAt: (eid, tick) => space.positionAt(eid, tick),
    },
    clock,
    rng: o.streams.combat,
    hooks: zoneCombatHooks({
      zoneId: c.id,
      clock,
      npcs,
      sink: o.sink,
      characterOf: (eid) => players.characterOf(eid),
      playersNear: (at, range) => players.liveNear(at, range),
    }),
  });
  const npcWorld = zoneNpcWorld({
    clock,
    rng: o.streams.ai,
    space,
    npcs,
    combat,
    bounds,
    obstacles: c.obstacles,
  });
  return { npcs, combat, npcWorld };
}
