/**
 * Test kit for NPC AI: a plain-object NpcWorld with a clock the test advances,
 * players placed by hand, rectangles for buildings and a seeded rng. Its
 * useAbility judges range, line of sight and cooldowns like the engine would
 * and records every call; it deals no damage (tests set health themselves).
 */
import {
  NpcTemplateSchema,
  RANGE_TOLERANCE_M,
  TICK_MS,
  abilityById,
  distance,
  insideTelegraph,
  lineOfSight,
  type BossAttack,
  type CombatEvent,
  type CombatRefusal,
  type NpcBehaviour,
  type NpcSpawn,
  type NpcTemplate,
  type NpcTemplateInput,
  type Obstacle,
  type TelegraphArea,
  type Vec2,
} from '@necp/shared';
import { seededRng, type Rng } from '@necp/game';
import { insideObstacle } from './area';
import { NpcDirector, type NpcDirectorOptions } from './director';
import type { Npc } from './npc';
import type { NpcWorld, PlayerView } from './npc-world';

export interface AbilityUse {
  at: number;
  npcEid: number;
  abilityId: string;
  targetEid: number;
  refusal: CombatRefusal | null;
}

export class FakeNpcWorld implements NpcWorld {
  t = 1_000_000;
  readonly players = new Map<number, PlayerView>();
  readonly npcs = new Map<number, Npc>();
  readonly uses: AbilityUse[] = [];
  readonly resets: number[] = [];
  /** what bosses announced (telegraphs, phases, cancellations) */
  readonly announced: CombatEvent[] = [];
  /** telegraphed impacts: who stood inside (no damage is dealt here) */
  readonly strikes: { at: number; npcEid: number; attackId: string; hit: number[] }[] = [];
  obstacles: Obstacle[];
  private readonly rng: Rng;

  constructor(opts: { obstacles?: Obstacle[]; seed?: number } = {}) {
    this.obstacles = opts.obstacles ?? [];
    this.rng = seededRng(opts.seed ?? 1);
  }

  addNpcs(npcs: Iterable<Npc>): void {
    for (const n of npcs) this.npcs.set(n.eid, n);
  }

  /** Puts (or moves) a player. */
  setPlayer(eid: number, x: number, y: number, dead = false): PlayerView {
    const p = { eid, x, y, level: 5, dead };
    this.players.set(eid, p);
    return p;
  }

  /** Successful uses (the ability went off). */
  hits(abilityId?: string): AbilityUse[] {
    return this.uses.filter((u) => u.refusal === null && (!abilityId || u.abilityId === abilityId));
  }

  now(): number {
    return this.t;
  }

  playersNear(x: number, y: number, radius: number): Iterable<PlayerView> {
    return [...this.players.values()].filter((p) => distance(p, { x, y }) <= radius);
  }

  player(eid: number): PlayerView | undefined {
    return this.players.get(eid);
  }

  lineOfSight(a: Vec2, b: Vec2): boolean {
    return lineOfSight(a, b, this.obstacles);
  }

  /** Straight at `to` without overshooting; a step into a building is not taken. */
  moveNpcToward(npcEid: number, to: Vec2): Vec2 {
    const n = this.mustNpc(npcEid);
    const d = distance(n, to);
    const s = Math.min(d, (n.speed * TICK_MS) / 1000);
    if (d > 0) {
      const next = { x: n.x + ((to.x - n.x) / d) * s, y: n.y + ((to.y - n.y) / d) * s };
      if (!insideObstacle(next, this.obstacles)) [n.x, n.y] = [next.x, next.y];
    }
    return { x: n.x, y: n.y };
  }

  placeNpc(npcEid: number, at: Vec2): void {
    const n = this.mustNpc(npcEid);
    [n.x, n.y] = [at.x, at.y];
  }

  useAbility(npcEid: number, abilityId: string, targetEid: number): CombatRefusal | null {
    const refusal = this.judge(this.mustNpc(npcEid), abilityId, targetEid);
    this.uses.push({ at: this.t, npcEid, abilityId, targetEid, refusal });
    return refusal;
  }

  resetNpc(npcEid: number): void {
    const n = this.mustNpc(npcEid);
    n.health = n.maxHealth;
    n.combat.cooldowns.clear();
    n.combat.effects = [];
    n.combat.cast = null;
    this.resets.push(npcEid);
  }

  announce(e: CombatEvent): void {
    this.announced.push(e);
  }

  strikeArea(npcEid: number, attack: BossAttack, area: TelegraphArea): number[] {
    const hit = [...this.players.values()]
      .filter((p) => !p.dead && insideTelegraph(area, p))
      .map((p) => p.eid)
      .sort((a, b) => a - b);
    this.strikes.push({ at: this.t, npcEid, attackId: attack.id, hit });
    return hit;
  }

  random(): number {
    return this.rng.float();
  }

  private judge(n: Npc, abilityId: string, targetEid: number): CombatRefusal | null {
    const a = abilityById(abilityId);
    if (!a) return 'UNKNOWN_ABILITY';
    if ((n.combat.cooldowns.get(abilityId) ?? -Infinity) > this.t) return 'COOLDOWN';
    if (a.target === 'enemy') {
      const p = this.players.get(targetEid);
      if (!p || p.dead) return 'INVALID_TARGET';
      const range = a.range > 0 ? a.range : n.template.range;
      if (distance(n, p) > range + RANGE_TOLERANCE_M) return 'OUT_OF_RANGE';
      if (!this.lineOfSight(n, p)) return 'NO_LINE_OF_SIGHT';
    }
    if (a.cooldownMs > 0) n.combat.cooldowns.set(abilityId, this.t + a.cooldownMs);
    return null;
  }

  private mustNpc(eid: number): Npc {
    const n = this.npcs.get(eid);
    if (!n) throw new Error(`no npc ${eid}`);
    return n;
  }
}

/** A valid NPC template: a level 5 melee thug unless overridden. */
export function npcTemplate(
  over: Partial<Omit<NpcTemplateInput, 'behaviour'>> & { behaviour?: Partial<NpcBehaviour> } = {},
): NpcTemplate {
  const { behaviour, ...rest } = over;
  return NpcTemplateSchema.parse({
    id: 'test_thug',
    name: 'Test Thug',
    level: 5,
    rank: 'normal',
    health: 100,
    damageMin: 4,
    damageMax: 8,
    damageType: 'physical',
    attackSpeed: 1,
    range: 2,
    armor: 0,
    resist: {},
    abilities: [],
    lootTable: 'thugs_street_low',
    respawnSeconds: 30,
    faction: 'thugs',
    xp: 70,
    ...rest,
    behaviour: { aggroRange: 10, leashRange: 40, ...behaviour },
  });
}

/** A spawn area of `count` NPCs at (x, y); a tiny radius puts every home at the centre. */
export const spawnAt = (
  id: string,
  templateId: string,
  x: number,
  y: number,
  count = 1,
  radius = 0.01,
): NpcSpawn => ({
  id,
  templateId,
  x,
  y,
  radius,
  count,
});

/** A director over `spawns` of `templates`, its NPCs registered in a fresh FakeNpcWorld. */
export function npcKit(
  templates: NpcTemplate[],
  spawns: NpcSpawn[],
  opts: Partial<NpcDirectorOptions> & { seed?: number } = {},
) {
  const world = new FakeNpcWorld({ obstacles: [...(opts.obstacles ?? [])], seed: opts.seed });
  let eid = 100;
  const byId = new Map(templates.map((t) => [t.id, t]));
  const rng = seededRng((opts.seed ?? 1) + 1);
  const director = new NpcDirector({
    spawns,
    templates: (id) => byId.get(id),
    obstacles: opts.obstacles,
    allocEid: () => ++eid,
    rng,
    now: world.t,
    ...opts,
  });
  world.addNpcs(director.npcs());
  return {
    world,
    director,
    /** the NPCs of one spawn area in index order */
    of: (spawnId: string) => [...director.npcs()].filter((n) => n.spawnId === spawnId),
    /** advance the clock one tick and step the director, n times */
    tick(n = 1) {
      for (let i = 0; i < n; i++) {
        world.t += TICK_MS;
        director.step(world, world.t);
      }
    },
    /** tick until `done` holds (at most `max` ticks); returns the ticks taken */
    tickUntil(done: () => boolean, max = 2000): number {
      for (let i = 1; i <= max; i++) {
        world.t += TICK_MS;
        director.step(world, world.t);
        if (done()) return i;
      }
      throw new Error(`condition not reached in ${max} ticks`);
    },
  };
}
