import {
  TICK_MS,
  distance,
  isStunned,
  lineOfSight,
  speedFactor,
  stepPosition,
  type Bounds,
  type Obstacle,
  type Vec2,
} from '@necp/shared';
import type { Clock, Rng } from '@necp/game';
import type { CombatEngine } from '../combat/engine';
import type { NpcDirector } from '../npc/director';
import type { NpcWorld } from '../npc/npc-world';
import { playerView, type ZoneSpace } from './zone-space';

export interface NpcWorldDeps {
  clock: Clock;
  rng: Rng;
  space: ZoneSpace;
  npcs: NpcDirector;
  combat: CombatEngine;
  bounds: Bounds;
  obstacles: readonly Obstacle[];
}

/** The zone as NPC brains see it (see npc/npc-world.ts): moves and uses go through the zone's rules. */
export function zoneNpcWorld(d: NpcWorldDeps): NpcWorld {
  return {
    now: () => d.clock.ms(),
    playersNear: (x, y, radius) => d.space.playersNear(x, y, radius),
    player: (eid) => {
      const p = d.space.player(eid);
      return p ? playerView(p) : undefined;
    },
    lineOfSight: (a, b) => lineOfSight(a, b, d.obstacles),
    moveNpcToward: (eid, to) => moveNpcToward(d, eid, to),
    placeNpc: (eid, at) => {
      const npc = d.npcs.npc(eid);
      if (!npc) return;
      npc.x = at.x;
      npc.y = at.y;
      d.space.moved(npc);
    },
    useAbility: (eid, abilityId, targetEid) => {
      const npc = d.npcs.npc(eid);
      if (!npc) return 'DEAD';
      const r = d.combat.use(npc, abilityId, targetEid);
      return r.ok ? null : r.refusal;
    },
    resetNpc: (eid) => {
      const npc = d.npcs.npc(eid);
      if (npc) d.combat.reset(npc);
    },
    announce: (e) => d.combat.announce(e),
    strikeArea: (eid, attack, area) => {
      const npc = d.npcs.npc(eid);
      return npc ? d.combat.strikeArea(npc, attack, area) : [];
    },
    random: () => d.rng.float(),
  };
}

/**
 * One tick of walking toward `to` at the NPC's (slowed) speed, stopping on arrival;
 * the stunned and the dead stay put, and a move breaks the NPC's cast like a player's.
 */
function moveNpcToward(d: NpcWorldDeps, eid: number, to: Vec2): Vec2 {
  const npc = d.npcs.npc(eid);
  if (!npc) return to;
  const here = { x: npc.x, y: npc.y };
  if (npc.combat.dead || isStunned(npc.combat.effects)) return here;
  const speed = npc.speed * speedFactor(npc.combat.effects);
  const dist = distance(npc, to);
  if (dist < 1e-6 || speed <= 0) return here;
  const reach = (speed * TICK_MS) / 1000;
  const ms = dist <= reach ? (dist / speed) * 1000 : TICK_MS;
  const next = stepPosition(
    npc,
    (to.x - npc.x) / dist,
    (to.y - npc.y) / dist,
    ms,
    speed,
    d.bounds,
    d.obstacles,
  );
  if (next.x === npc.x && next.y === npc.y) return here;
  npc.x = next.x;
  npc.y = next.y;
  d.space.moved(npc);
  if (npc.combat.cast) d.combat.interrupt(npc);
  return next;
}
