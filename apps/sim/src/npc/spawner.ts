/**
 * Creates a zone's NPCs from its spawn areas and runs their life cycle: alive →
 * dead (corpse in view for NPC_CORPSE_MS) → hidden (out of the zone's view) →
 * respawned at home after respawnSeconds with full health and a new lifeId.
 */
import { randomUUID } from 'node:crypto';
import {
  NPC_CORPSE_MS,
  RESOURCE_MAX,
  npcCombatStats,
  type NpcSpawn,
  type NpcTemplate,
  type Vec2,
} from '@necp/shared';
import { createCombatState } from '../combat/combat-state';
import { PATROL_PAUSE_MAX_MS } from './ai-constants';
import { randomPointInArea } from './area';
import { enterState } from './brain';
import type { Npc } from './npc';
import type { NpcWorld } from './npc-world';
import { clearThreat } from './threat';

export interface NpcSpawnerOptions {
  templates: (id: string) => NpcTemplate | undefined;
  /** a fresh zone eid */
  allocEid: () => number;
  /** float in [0, 1), seeded */
  random: () => number;
  /** false for points an NPC cannot stand on (inside buildings, outside the zone) */
  walkable: (p: Vec2) => boolean;
  /** the NPC's corpse leaves view: the zone removes it from its AOI grid */
  onDespawn?: (npc: Npc) => void;
  /** the NPC is back at its home, alive with full health: the zone puts it in its AOI grid again */
  onRespawn?: (npc: Npc) => void;
}

export class NpcSpawner {
  private readonly hidden = new Set<number>();

  constructor(private readonly opts: NpcSpawnerOptions) {}

  /** `spawn.count` NPCs, each with its own home at a free random point of the area. */
  spawnArea(spawn: NpcSpawn, now: number): Npc[] {
    const template = this.opts.templates(spawn.templateId);
    if (!template) throw new Error(`npc spawn ${spawn.id}: unknown template ${spawn.templateId}`);
    const npcs: Npc[] = [];
    for (let index = 0; index < spawn.count; index++) {
      const home = randomPointInArea(spawn, this.opts.random, this.opts.walkable);
      npcs.push({
        kind: 'npc',
        eid: this.opts.allocEid(),
        template,
        spawnId: spawn.id,
        index,
        lifeId: randomUUID(),
        home,
        x: home.x,
        y: home.y,
        speed: 0,
        health: template.health,
        maxHealth: template.health,
        level: template.level,
        combat: createCombatState(npcCombatStats(template), RESOURCE_MAX),
        // staggered first thoughts: a fresh zone's patrols do not all start at once
        ai: {
          state: 'idle',
          targetEid: null,
          moveTo: null,
          nextThinkAt: now + Math.floor(this.opts.random() * PATROL_PAUSE_MAX_MS),
          since: now,
        },
        threat: new Map(),
        damageBy: new Map(),
        respawnAt: null,
      });
      enterState(npcs[npcs.length - 1]!, 'idle', now);
    }
    return npcs;
  }

  /** The NPC died: it lies as a corpse until NPC_CORPSE_MS, then waits hidden for its respawn. */
  died(npc: Npc, now: number): void {
    if (npc.ai.state === 'dead') return;
    enterState(npc, 'dead', now);
    npc.ai.targetEid = null;
    npc.ai.moveTo = null;
    clearThreat(npc);
    // damageBy stays: kill credit is read after the death
    npc.combat.dead = true;
    npc.combat.diedAt ??= now;
    npc.respawnAt = now + Math.max(npc.template.respawnSeconds * 1000, NPC_CORPSE_MS);
  }

  /** True while a dead NPC is out of view (after its corpse time, before its respawn). */
  isHidden(eid: number): boolean {
    return this.hidden.has(eid);
  }

  /** Hides corpses whose time is up and brings back NPCs whose respawn is due. */
  step(npc: Npc, world: NpcWorld, now: number): void {
    if (npc.ai.state !== 'dead') return;
    const diedAt = npc.combat.diedAt ?? npc.ai.since;
    if (!this.hidden.has(npc.eid) && now >= diedAt + NPC_CORPSE_MS) {
      this.hidden.add(npc.eid);
      this.opts.onDespawn?.(npc);
    }
    if (npc.respawnAt !== null && now >= npc.respawnAt) this.respawn(npc, world, now);
  }

  private respawn(npc: Npc, world: NpcWorld, now: number): void {
    npc.lifeId = randomUUID();
    npc.x = npc.home.x;
    npc.y = npc.home.y;
    npc.health = npc.maxHealth;
    npc.combat.dead = false;
    npc.combat.diedAt = null;
    npc.respawnAt = null;
    clearThreat(npc);
    npc.damageBy.clear();
    npc.ai = { state: 'idle', targetEid: null, moveTo: null, nextThinkAt: now, since: now };
    enterState(npc, 'idle', now);
    world.resetNpc(npc.eid);
    this.hidden.delete(npc.eid);
    this.opts.onRespawn?.(npc);
  }
}
