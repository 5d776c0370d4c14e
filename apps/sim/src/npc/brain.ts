/**
 * NPC AI: one step of the state machine per zone tick (states in npc.ts).
 * idle/patrol → chase on aggro (hostile: nearest living player in aggroRange and in
 * line of sight) or on threat (someone hit it) → attack in reach → leash home when
 * pulled past leashRange or nobody valid is left → idle with full health. Low health
 * makes kinds that do flee once per fight. Everything that hurts goes through
 * world.useAbility: the brain only moves and decides.
 */
import {
  NPC_ATTACK_ABILITY_ID,
  distance,
  type AbilityTemplate,
  type CombatRefusal,
  type Vec2,
} from '@necp/shared';
import {
  ARRIVE_M,
  CHASE_GIVE_UP_MS,
  CHASE_MARGIN_M,
  FLEE_MS,
  INITIAL_AGGRO_THREAT,
  LEASH_MAX_MS,
  NPC_CHASE_SPEED,
  NPC_PATROL_SPEED,
  NPC_RUN_SPEED,
  PATROL_LEG_MAX_MS,
  PATROL_PAUSE_MAX_MS,
  PATROL_PAUSE_MIN_MS,
  SPECIAL_CHANCE,
} from './ai-constants';
import { randomPointInArea, type Area } from './area';
import type { Npc, NpcAiState } from './npc';
import type { NpcWorld, PlayerView } from './npc-world';
import { addThreat, clearThreat, dropThreat, topThreat } from './threat';

/** What the brain needs besides the world: content and the NPC's surroundings. */
export interface BrainContext {
  ability(id: string): AbilityTemplate | undefined;
  /** the NPC's spawn area: patrol points are picked inside it */
  area: Area;
  /** false for points a patrol cannot stand on (inside buildings, outside the zone) */
  walkable(p: Vec2): boolean;
  /** the NPC just started a fight (the director pulls in its neighbours) */
  onAggro?(npc: Npc, targetEid: number, now: number): void;
}

const SPEED: Record<NpcAiState, number> = {
  idle: NPC_PATROL_SPEED,
  patrol: NPC_PATROL_SPEED,
  chase: NPC_CHASE_SPEED,
  attack: NPC_CHASE_SPEED,
  leash: NPC_RUN_SPEED,
  flee: NPC_RUN_SPEED,
  dead: NPC_PATROL_SPEED,
};

export function enterState(npc: Npc, state: NpcAiState, now: number): void {
  npc.ai.state = state;
  npc.ai.since = now;
  npc.speed = SPEED[state];
}

export function stepNpc(npc: Npc, world: NpcWorld, now: number, ctx: BrainContext): void {
  switch (npc.ai.state) {
    case 'dead':
      return;
    case 'idle':
    case 'patrol':
      return stepIdle(npc, world, now, ctx);
    case 'chase':
      return stepChase(npc, world, now, ctx);
    case 'attack':
      return stepAttack(npc, world, now, ctx);
    case 'leash':
      return stepLeash(npc, world, now);
    case 'flee':
      return stepFlee(npc, world, now);
  }
}

// ── idle / patrol ────────────────────────────────────────────────────────────

function stepIdle(npc: Npc, world: NpcWorld, now: number, ctx: BrainContext): void {
  const hitBy = topThreat(npc, validTarget(npc, world));
  if (hitBy !== null) return engage(npc, hitBy, now, ctx);
  // threat from players it cannot reach (beyond its leash) is forgotten
  clearThreat(npc);

  const seen = npc.template.behaviour.aggroRange > 0 ? nearestAggroTarget(npc, world) : null;
  if (seen) {
    addThreat(npc, seen.eid, INITIAL_AGGRO_THREAT);
    return engage(npc, seen.eid, now, ctx);
  }
  wander(npc, world, now, ctx);
}

function engage(npc: Npc, targetEid: number, now: number, ctx: BrainContext): void {
  npc.ai.targetEid = targetEid;
  npc.ai.moveTo = null;
  enterState(npc, 'chase', now);
  ctx.onAggro?.(npc, targetEid, now);
}

/** The closest living player in aggro range, in line of sight, that it may chase. */
function nearestAggroTarget(npc: Npc, world: NpcWorld): PlayerView | null {
  const { aggroRange } = npc.template.behaviour;
  const valid = validTarget(npc, world);
  let best: PlayerView | null = null;
  let bestD = Infinity;
  for (const p of world.playersNear(npc.x, npc.y, aggroRange)) {
    const d = distance(npc, p);
    if (d > aggroRange || d >= bestD || !valid(p.eid)) continue;
    if (!world.lineOfSight(npc, p)) continue;
    best = p;
    bestD = d;
  }
  return best;
}

function wander(npc: Npc, world: NpcWorld, now: number, ctx: BrainContext): void {
  const ai = npc.ai;
  if (!npc.template.behaviour.patrol) return;
  if (ai.state === 'idle') {
    if (now < ai.nextThinkAt) return;
    ai.moveTo = randomPointInArea(ctx.area, () => world.random(), ctx.walkable);
    enterState(npc, 'patrol', now);
  }
  const to = ai.moveTo;
  if (to) moveToward(npc, world, to);
  if (!to || distance(npc, to) <= ARRIVE_M || now - ai.since > PATROL_LEG_MAX_MS) {
    ai.moveTo = null;
    enterState(npc, 'idle', now);
    ai.nextThinkAt = now + pause(world);
  }
}

const pause = (world: NpcWorld) =>
  PATROL_PAUSE_MIN_MS + Math.floor(world.random() * (PATROL_PAUSE_MAX_MS - PATROL_PAUSE_MIN_MS));

// ── chase / attack ───────────────────────────────────────────────────────────

function stepChase(npc: Npc, world: NpcWorld, now: number, ctx: BrainContext): void {
  const target = currentTarget(npc, world);
  if (!target || beyondLeash(npc)) return startLeash(npc, now);
  if (shouldFlee(npc)) return startFlee(npc, target, world, now);
  if (now - npc.ai.since > CHASE_GIVE_UP_MS) {
    // cannot get at it (kited, or stuck behind a building): try someone else
    dropThreat(npc, target.eid);
    npc.ai.since = now;
    return;
  }
  const range = autoAttackRange(npc, ctx);
  const reach = Math.max(range / 2, range - CHASE_MARGIN_M);
  const inReach = () => distance(npc, target) <= reach && world.lineOfSight(npc, target);
  if (!inReach()) moveToward(npc, world, target);
  if (inReach()) {
    enterState(npc, 'attack', now);
    stepAttack(npc, world, now, ctx);
  }
}

function stepAttack(npc: Npc, world: NpcWorld, now: number, ctx: BrainContext): void {
  const target = currentTarget(npc, world);
  if (!target || beyondLeash(npc)) return startLeash(npc, now);
  if (shouldFlee(npc)) return startFlee(npc, target, world, now);
  if (npc.combat.cast) return; // finishing a cast; moving would cancel it
  if (distance(npc, target) > autoAttackRange(npc, ctx) || !world.lineOfSight(npc, target)) {
    return enterState(npc, 'chase', now);
  }
  if (now < (npc.ai.nextSwingAt ?? -Infinity)) return;

  const special = pickSpecial(npc, target, world, now, ctx);
  if (special) {
    const targetEid = special.target === 'self' ? npc.eid : target.eid;
    const refusal = world.useAbility(npc.eid, special.id, targetEid);
    if (refusal === null) return swung(npc, now);
    if (handleRefusal(npc, refusal, target.eid, now)) return;
  }
  const refusal = world.useAbility(npc.eid, NPC_ATTACK_ABILITY_ID, target.eid);
  if (refusal === null) return swung(npc, now);
  handleRefusal(npc, refusal, target.eid, now);
}

/** The next attack (auto or special) waits 1 / attackSpeed seconds. */
function swung(npc: Npc, now: number): void {
  npc.ai.nextSwingAt = now + 1000 / npc.template.attackSpeed;
}

/** true when the refusal changed the plan; false when the NPC just waits (cooldown, gcd, stun …). */
function handleRefusal(npc: Npc, r: CombatRefusal, targetEid: number, now: number): boolean {
  if (r === 'OUT_OF_RANGE' || r === 'NO_LINE_OF_SIGHT') {
    enterState(npc, 'chase', now);
    return true;
  }
  if (r === 'INVALID_TARGET') {
    dropThreat(npc, targetEid);
    return true;
  }
  return false;
}

/** A special off cooldown that can reach the target, each in template order with SPECIAL_CHANCE. */
function pickSpecial(
  npc: Npc,
  target: PlayerView,
  world: NpcWorld,
  now: number,
  ctx: BrainContext,
): AbilityTemplate | null {
  for (const id of npc.template.abilities) {
    if (id === NPC_ATTACK_ABILITY_ID) continue;
    const a = ctx.ability(id);
    if (!a || (npc.combat.cooldowns.get(id) ?? -Infinity) > now) continue;
    if (!reaches(npc, a, target)) continue;
    if (world.random() < SPECIAL_CHANCE) return a;
  }
  return null;
}

function reaches(npc: Npc, a: AbilityTemplate, target: PlayerView): boolean {
  const d = distance(npc, target);
  if (a.target === 'enemy') return d <= (a.range > 0 ? a.range : npc.template.range);
  if (a.target === 'self') return a.radius === undefined || d <= a.radius;
  return false; // ally abilities are for players
}

function autoAttackRange(npc: Npc, ctx: BrainContext): number {
  const a = ctx.ability(NPC_ATTACK_ABILITY_ID);
  return a && a.range > 0 ? a.range : npc.template.range;
}

// ── flee / leash ─────────────────────────────────────────────────────────────

function shouldFlee(npc: Npc): boolean {
  const at = npc.template.behaviour.fleeAtHealth;
  return at !== undefined && !npc.ai.fled && npc.health > 0 && npc.health / npc.maxHealth < at;
}

function startFlee(npc: Npc, from: Vec2, world: NpcWorld, now: number): void {
  let dx = npc.x - from.x;
  let dy = npc.y - from.y;
  let len = Math.hypot(dx, dy);
  if (len < 1e-6) {
    const a = 2 * Math.PI * world.random();
    [dx, dy, len] = [Math.cos(a), Math.sin(a), 1];
  }
  const run = (NPC_RUN_SPEED * FLEE_MS) / 1000;
  npc.ai.fled = true;
  npc.ai.moveTo = { x: npc.x + (dx / len) * run, y: npc.y + (dy / len) * run };
  enterState(npc, 'flee', now);
}

function stepFlee(npc: Npc, world: NpcWorld, now: number): void {
  if (beyondLeash(npc)) return startLeash(npc, now);
  if (now - npc.ai.since >= FLEE_MS || !npc.ai.moveTo) {
    npc.ai.moveTo = null;
    return enterState(npc, 'chase', now);
  }
  moveToward(npc, world, npc.ai.moveTo);
}

/** Runs home, deaf to everything: threat is dropped now and none is taken until home. */
function startLeash(npc: Npc, now: number): void {
  clearThreat(npc);
  npc.ai.targetEid = null;
  npc.ai.moveTo = { ...npc.home };
  enterState(npc, 'leash', now);
}

function stepLeash(npc: Npc, world: NpcWorld, now: number): void {
  const home = npc.home;
  if (distance(npc, home) > ARRIVE_M && now - npc.ai.since <= LEASH_MAX_MS) {
    moveToward(npc, world, home);
    if (distance(npc, home) > ARRIVE_M) return;
  }
  // home (or stuck for too long: put it there): a fresh start
  world.placeNpc(npc.eid, home);
  npc.x = home.x;
  npc.y = home.y;
  world.resetNpc(npc.eid);
  clearThreat(npc);
  npc.damageBy.clear();
  npc.ai.fled = false;
  npc.ai.nextSwingAt = undefined;
  npc.ai.moveTo = null;
  enterState(npc, 'idle', now);
  npc.ai.nextThinkAt = now + pause(world);
}

// ── helpers ──────────────────────────────────────────────────────────────────

/** A target worth fighting: a living player not beyond the NPC's leash from home. */
function validTarget(npc: Npc, world: NpcWorld): (eid: number) => boolean {
  const leash = npc.template.behaviour.leashRange;
  return (eid) => {
    const p = world.player(eid);
    return p !== undefined && !p.dead && distance(p, npc.home) <= leash;
  };
}

/** The top of the threat table (switches when someone out-threatens the current target). */
function currentTarget(npc: Npc, world: NpcWorld): PlayerView | null {
  const eid = topThreat(npc, validTarget(npc, world));
  npc.ai.targetEid = eid;
  return eid === null ? null : (world.player(eid) ?? null);
}

const beyondLeash = (npc: Npc) => distance(npc, npc.home) > npc.template.behaviour.leashRange;

function moveToward(npc: Npc, world: NpcWorld, to: Vec2): void {
  const p = world.moveNpcToward(npc.eid, to);
  npc.x = p.x;
  npc.y = p.y;
}
