/**
 * All NPCs of one zone: spawns them, runs their brains each tick, feeds their
 * threat tables from combat outcomes, and runs death and respawn. The zone owns
 * one, implements NpcWorld for it, and calls the on… hooks from the combat engine.
 */
import {
  abilityById,
  distance,
  npcTemplateById,
  type AbilityTemplate,
  type Bounds,
  type NpcSpawn,
  type NpcTemplate,
  type Obstacle,
  type Vec2,
} from '@necp/shared';
import { ASSIST_RADIUS_M, INITIAL_AGGRO_THREAT } from './ai-constants';
import { insideObstacle, type Area } from './area';
import { endBoss, stepBoss } from './boss';
import { enterState, stepNpc, type BrainContext } from './brain';
import type { Npc } from './npc';
import type { NpcWorld } from './npc-world';
import { NpcSpawner } from './spawner';
import { addHealingThreat, addThreat, dropThreat } from './threat';

export interface NpcDirectorOptions {
  spawns: readonly NpcSpawn[];
  /** default: the shipped content */
  templates?: (id: string) => NpcTemplate | undefined;
  abilities?: (id: string) => AbilityTemplate | undefined;
  obstacles?: readonly Obstacle[];
  /** the zone's size: homes and patrol points stay inside it */
  bounds?: Bounds;
  allocEid: () => number;
  /** seeded; spawn points (patrols and specials draw from NpcWorld.random) */
  rng: { float(): number };
  /** clock ms at creation */
  now?: number;
  /** a corpse leaves view: remove the NPC from the AOI grid */
  onDespawn?: (npc: Npc) => void;
  /** an NPC is back at its home with full health: add it to the AOI grid again */
  onRespawn?: (npc: Npc) => void;
}

export class NpcDirector {
  private readonly byEid = new Map<number, Npc>();
  private readonly areas = new Map<string, Area>();
  private readonly spawner: NpcSpawner;
  private readonly abilities: (id: string) => AbilityTemplate | undefined;
  private readonly walkable: (p: Vec2) => boolean;

  constructor(opts: NpcDirectorOptions) {
    const obstacles = opts.obstacles ?? [];
    const b = opts.bounds;
    this.walkable = (p) =>
      !insideObstacle(p, obstacles) &&
      (!b || (p.x >= 0 && p.y >= 0 && p.x <= b.width && p.y <= b.height));
    this.abilities = opts.abilities ?? abilityById;
    this.spawner = new NpcSpawner({
      templates: opts.templates ?? npcTemplateById,
      allocEid: opts.allocEid,
      random: () => opts.rng.float(),
      walkable: this.walkable,
      onDespawn: opts.onDespawn,
      onRespawn: opts.onRespawn,
    });
    const now = opts.now ?? 0;
    for (const spawn of opts.spawns) {
      this.areas.set(spawn.id, spawn);
      for (const npc of this.spawner.spawnArea(spawn, now)) this.byEid.set(npc.eid, npc);
    }
  }

  npcs(): IterableIterator<Npc> {
    return this.byEid.values();
  }

  npc(eid: number): Npc | undefined {
    return this.byEid.get(eid);
  }

  /** Dead and out of view (the zone shows it to nobody). */
  isHidden(eid: number): boolean {
    return this.spawner.isHidden(eid);
  }

  /** One zone tick: respawns due NPCs and runs every living NPC's brain (and a boss's encounter). */
  step(world: NpcWorld, now: number): void {
    for (const npc of this.byEid.values()) {
      // the engine marked it dead but nobody told us: treat it as dying now
      if (npc.combat.dead && npc.ai.state !== 'dead') this.spawner.died(npc, now);
      if (npc.ai.state === 'dead') {
        if (npc.boss) endBoss(npc, world);
        this.spawner.step(npc, world, now);
        continue;
      }
      stepNpc(npc, world, now, this.context(npc));
      // a boss's telegraphs and phases (boss.ts), after its brain chose where to be
      if (npc.template.boss) stepBoss(npc, npc.template.boss, world, now);
    }
  }

  /**
   * A player hurt an NPC (after mitigation; 0 for a miss). Threat is amount × the
   * ability's threat multiplier (a miss or a control effect still angers it); an
   * NPC running home ignores it.
   */
  onDamaged(npcEid: number, attackerEid: number, amount: number, threatMultiplier = 1): void {
    const npc = this.byEid.get(npcEid);
    if (!npc || npc.ai.state === 'dead') return;
    if (amount > 0) npc.damageBy.set(attackerEid, (npc.damageBy.get(attackerEid) ?? 0) + amount);
    if (npc.ai.state === 'leash' || threatMultiplier <= 0) return;
    addThreat(npc, attackerEid, Math.max(amount * threatMultiplier, INITIAL_AGGRO_THREAT));
  }

  /** `healerEid` healed `targetEid`: NPCs fighting the target get angry at the healer. */
  onHealed(healerEid: number, targetEid: number, amount: number): void {
    addHealingThreat(this.byEid.values(), healerEid, targetEid, amount);
  }

  onDeath(npcEid: number, now: number): void {
    const npc = this.byEid.get(npcEid);
    if (npc) this.spawner.died(npc, now);
  }

  /** A player died or left the zone: no NPC fights it any more (they leash if nobody is left). */
  onPlayerGone(eid: number): void {
    for (const npc of this.byEid.values()) {
      dropThreat(npc, eid);
      if (npc.ai.targetEid === eid) npc.ai.targetEid = null;
    }
  }

  private context(npc: Npc): BrainContext {
    return {
      ability: this.abilities,
      area: this.areas.get(npc.spawnId) ?? { ...npc.home, radius: 0 },
      walkable: this.walkable,
      onAggro: (puller, targetEid, now) => this.assist(puller, targetEid, now),
    };
  }

  /** Idle neighbours of the same faction join the fight (one hop: they do not pull further). */
  private assist(puller: Npc, targetEid: number, now: number): void {
    for (const other of this.byEid.values()) {
      if (other === puller || other.template.faction !== puller.template.faction) continue;
      if (other.ai.state !== 'idle' && other.ai.state !== 'patrol') continue;
      if (distance(other, puller) > ASSIST_RADIUS_M) continue;
      addThreat(other, targetEid, INITIAL_AGGRO_THREAT);
      other.ai.targetEid = targetEid;
      other.ai.moveTo = null;
      enterState(other, 'chase', now);
    }
  }
}
