import {
  GCD_MS,
  TICK_MS,
  abilityById,
  checkAbilityUse,
  checkTarget,
  effectById,
  insideTelegraph,
  telegraphBounds,
  type AbilityTargetState,
  type AbilityTemplate,
  type CombatEvent,
  type CombatRefusal,
  type CombatRng,
  type EffectTemplate,
  type TelegraphArea,
} from '@necp/shared';
import type { Clock } from '@necp/game';
import { CombatReport } from './combat-report';
import type { CombatHooks, CombatWorld } from './combat-world';
import { runEffects } from './effect-ticks';
import { hostile, knowsAbility, type Fighter } from './fighter';
import { Regeneration } from './regeneration';
import { AbilityResolver, type AreaHit } from './resolution';
import { MISSING, targetState } from './targeting';

export type UseResult = { ok: true; castMs: number } | { ok: false; refusal: CombatRefusal };

export interface CombatEngineOptions {
  world: CombatWorld;
  clock: Clock;
  rng: CombatRng;
  hooks?: CombatHooks;
  /** default: the shipped content */
  abilities?: (id: string) => AbilityTemplate | undefined;
  effects?: (id: string) => EffectTemplate | undefined;
}

/** A stalled zone does not regenerate more than this much time in one step. */
const MAX_STEP_MS = 1000;

/**
 * The combat rules of one zone, run inside its tick: abilities used now (from a
 * socket handler or an NPC brain) are validated and resolved or start a cast;
 * `step` completes casts, ticks and expires effects, regenerates resource and
 * health. Every outcome becomes a CombatEvent (taken by the zone each tick and
 * routed to the clients that see it), a combat log row and a hook call.
 *
 * The engine owns the use and cast flow; what an ability does once it goes off
 * is AbilityResolver's, effect ticks are effect-ticks.ts', regeneration Regeneration's.
 */
export class CombatEngine {
  private readonly world: CombatWorld;
  private readonly clock: Clock;
  private readonly abilities: (id: string) => AbilityTemplate | undefined;
  private readonly report: CombatReport;
  private readonly regen = new Regeneration();
  private readonly resolver: AbilityResolver;
  private lastStepAt: number | null = null;

  constructor(opts: CombatEngineOptions) {
    this.world = opts.world;
    this.clock = opts.clock;
    const hooks = opts.hooks ?? {};
    this.abilities = opts.abilities ?? abilityById;
    this.report = new CombatReport(opts.world.zoneId, hooks.log);
    this.resolver = new AbilityResolver({
      world: opts.world,
      rng: opts.rng,
      hooks,
      report: this.report,
      regen: this.regen,
      abilities: this.abilities,
      effects: opts.effects ?? effectById,
    });
  }

  /** The events since the last call (the zone routes them into this tick's snapshots). */
  takeEvents(): CombatEvent[] {
    return this.report.take();
  }

  /**
   * `user` uses an ability on `targetEid` (omit for self; ally abilities then mean
   * the user). `viewTick` is the tick the client saw the target at: range and line
   * are judged against the nearer of its current and its rewound position.
   */
  use(user: Fighter, abilityId: string, targetEid?: number, viewTick?: number): UseResult {
    const now = this.clock.ms();
    const ability = this.abilities(abilityId);
    const c = user.combat;
    let target: Fighter | null = null;
    let state: AbilityTargetState | null = null;
    if (ability && ability.target !== 'self' && targetEid !== undefined) {
      target = targetEid === user.eid ? user : (this.world.fighter(targetEid) ?? null);
      state = target ? targetState(this.world, user, target, viewTick) : MISSING;
    }
    const refusal = checkAbilityUse({
      ability,
      known: ability !== undefined && knowsAbility(user, ability.id),
      now,
      dead: c.dead,
      effects: c.effects,
      casting: c.cast !== null,
      gcdUntil: c.gcdUntil,
      ...(ability && c.cooldowns.has(ability.id) ? { readyAt: c.cooldowns.get(ability.id) } : {}),
      resource: c.resource,
      weaponRange: c.stats.range,
      target: state,
    });
    if (refusal || !ability) return { ok: false, refusal: refusal ?? 'UNKNOWN_ABILITY' };
    if (ability.target === 'ally' && !target) target = user;

    if (ability.gcd) c.gcdUntil = now + GCD_MS;
    c.dirty = true;
    if (ability.castMs > 0) {
      const dst = ability.target === 'self' ? user.eid : (target?.eid ?? user.eid);
      c.cast = {
        abilityId: ability.id,
        targetEid: dst,
        startedAt: now,
        endsAt: now + ability.castMs,
        viewTick,
      };
      this.report.emit({ k: 'cast', src: user.eid, dst, ab: ability.id, ms: ability.castMs });
      return { ok: true, castMs: ability.castMs };
    }
    this.resolver.resolve(user, ability, target, now);
    return { ok: true, castMs: 0 };
  }

  /** Stops the fighter's cast (cancelled, moved): an `interrupt` event; nothing is spent. */
  interrupt(f: Fighter): boolean {
    return this.resolver.interrupt(f);
  }

  /** One zone tick: casts that finish, effect ticks and expiry, regeneration. */
  step(now: number): void {
    const dt = Math.min(MAX_STEP_MS, Math.max(0, now - (this.lastStepAt ?? now - TICK_MS)));
    this.lastStepAt = now;
    for (const f of this.world.fighters()) {
      const c = f.combat;
      if (c.dead) continue;
      if (c.cast && now >= c.cast.endsAt) this.completeCast(f, now);
      if (c.effects.length > 0) runEffects(this.world, this.resolver, f, now);
      if (!c.dead) this.regen.tick(f, now, dt);
    }
  }

  /** Full health, no effects, cooldowns or cast, out of combat (NPC leash reset and respawn). */
  reset(f: Fighter): void {
    const c = f.combat;
    f.health = f.maxHealth;
    c.dead = false;
    c.diedAt = null;
    c.effects = [];
    c.cooldowns.clear();
    c.cast = null;
    c.gcdUntil = 0;
    c.resource = c.maxResource;
    c.lastCombatAt = -Infinity;
    c.dirty = true;
    this.regen.forget(f.eid);
  }

  /** A dead player comes back with `health` (respawn): a `respawn` event. */
  revive(f: Fighter, health: number): void {
    const c = f.combat;
    const now = this.clock.ms();
    f.health = Math.max(1, Math.min(f.maxHealth, Math.round(health)));
    c.dead = false;
    c.diedAt = null;
    c.effects = [];
    c.cast = null;
    c.lastCombatAt = -Infinity;
    c.dirty = true;
    this.report.emit({ k: 'respawn', src: f.eid, dst: f.eid });
    this.report.log('respawn', f, f, now, { targetHealth: f.health });
  }

  /**
   * A heal from outside the ability rules (a consumable): reported like a
   * self-heal ability — a `heal` event and a log row. Returns the health restored.
   */
  healDirect(f: Fighter, amount: number): number {
    const before = f.health;
    this.resolver.heal(f, f, amount, this.clock.ms(), {});
    return f.health - before;
  }

  /** Announces a fighter that came back on its own (an NPC respawn). */
  announceRespawn(f: Fighter): void {
    this.report.emit({ k: 'respawn', src: f.eid, dst: f.eid });
  }

  /** Reports what no rule produced: a boss's telegraph, phase change or cancelled telegraph. */
  announce(e: CombatEvent): void {
    this.report.emit(e);
  }

  /**
   * A telegraphed area attack lands now: every living enemy of `user` standing in
   * `area` at this moment takes it (AbilityResolver.areaHit). Returns the eids hit,
   * in eid order (the order damage is rolled in, so a replay rolls the same).
   */
  strikeArea(user: Fighter, hit: AreaHit, area: TelegraphArea): number[] {
    if (user.combat.dead) return [];
    const now = this.clock.ms();
    const b = telegraphBounds(area);
    const victims = this.world
      .fightersNear(b.x, b.y, b.r)
      .filter((t) => !t.combat.dead && hostile(user, t) && insideTelegraph(area, t))
      .sort((a, c) => a.eid - c.eid);
    for (const t of victims) this.resolver.areaHit(user, t, hit, now);
    return victims.map((t) => t.eid);
  }

  /** Forgets per-fighter bookkeeping of an entity that left the zone. */
  forget(eid: number): void {
    this.regen.forget(eid);
  }

  /** A cast that is due goes off if its target is still valid and the resource still there; else it is interrupted. */
  private completeCast(f: Fighter, now: number): void {
    const cast = f.combat.cast;
    if (!cast) return;
    const ability = this.abilities(cast.abilityId);
    let target: Fighter | null = null;
    let refusal: CombatRefusal | null = ability ? null : 'UNKNOWN_ABILITY';
    if (ability && ability.target !== 'self') {
      target = cast.targetEid === f.eid ? f : (this.world.fighter(cast.targetEid) ?? null);
      const state = target ? targetState(this.world, f, target, cast.viewTick) : MISSING;
      refusal = checkTarget(ability, f.combat.stats.range, state);
    }
    if (!refusal && ability && f.combat.resource < ability.cost) refusal = 'NO_RESOURCE';
    if (refusal || !ability) {
      this.interrupt(f);
      return;
    }
    f.combat.cast = null;
    this.resolver.resolve(f, ability, target, now);
  }
}
