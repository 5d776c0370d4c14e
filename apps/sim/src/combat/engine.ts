import {
  GCD_MS,
  HEALTH_REGEN_PCT_PER_S,
  RESOURCE_REGEN_PER_S,
  TICK_MS,
  abilityById,
  abilityDamage,
  absorb,
  applyEffect,
  checkAbilityUse,
  checkTarget,
  damageDealtFactor,
  damageTakenFactor,
  distance,
  dueTicks,
  effectById,
  expireEffects,
  healAmount,
  inCombat,
  resistMitigation,
  rollDamage,
  tickAmount,
  type AbilityTargetState,
  type AbilityTemplate,
  type CombatEvent,
  type CombatRefusal,
  type CombatRng,
  type DamageType,
  type EffectTemplate,
  type Vec2,
} from '@necp/shared';
import type { Clock, CombatLogKind, CombatLogRow } from '@necp/game';
import type { Player } from '../zone/player';
import type { EffectInstance } from './combat-state';
import { actorOf, hostile, knowsAbility, type Fighter } from './fighter';

/** What the engine needs to know about the zone it runs in. */
export interface CombatWorld {
  readonly zoneId: string;
  /** the current zone tick (lag compensation) */
  tick(): number;
  /** a fighter present in the zone (hidden NPC corpses are not) */
  fighter(eid: number): Fighter | undefined;
  /** every fighter to simulate this tick; a fresh list (hooks may change the zone meanwhile) */
  fighters(): Fighter[];
  /** fighters within `radius` metres of (x, y) */
  fightersNear(x: number, y: number, radius: number): Fighter[];
  lineOfSight(a: Vec2, b: Vec2): boolean;
  /** where the entity was at `tick`, clamped to the rewind window */
  positionAt(eid: number, tick: number): Vec2 | undefined;
}

/** What the zone wants to hear about: threat, deaths, the combat log, gear wear. */
export interface CombatHooks {
  /** `source` hurt `target` for `amount` (0: a miss, or a harmful ability without damage) */
  damaged?(target: Fighter, source: Fighter, amount: number, threat: number): void;
  healed?(healer: Fighter, target: Fighter, amount: number): void;
  died?(victim: Fighter, killer: Fighter | undefined): void;
  log?(row: CombatLogRow): void;
  /** a player used its weapon (a weapon-damage ability went off) */
  weaponUsed?(p: Player): void;
  /** a player was hit by an ability */
  hitTaken?(p: Player): void;
}

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

/** An area ability without maxTargets hits at most this many. */
const DEFAULT_MAX_TARGETS = 10;
/** A stalled zone does not regenerate more than this much time in one step. */
const MAX_STEP_MS = 1000;

/** A target eid that names nobody present: refused as INVALID_TARGET (after the user's own checks). */
const MISSING: AbilityTargetState = {
  self: false,
  hostile: false,
  dead: true,
  distance: Infinity,
  lineOfSight: false,
};

/**
 * The combat rules of one zone, run inside its tick: abilities used now (from a
 * socket handler or an NPC brain) are validated and resolved or start a cast;
 * `step` completes casts, ticks and expires effects, regenerates resource and
 * health. Every outcome becomes a CombatEvent (taken by the zone each tick and
 * routed to the clients that see it), a combat log row and a hook call.
 */
export class CombatEngine {
  private readonly world: CombatWorld;
  private readonly clock: Clock;
  private readonly rng: CombatRng;
  private readonly hooks: CombatHooks;
  private readonly abilities: (id: string) => AbilityTemplate | undefined;
  private readonly effects: (id: string) => EffectTemplate | undefined;
  private events: CombatEvent[] = [];
  /** fractional health regenerated but not yet whole, by eid */
  private readonly regenCarry = new Map<number, number>();
  private lastStepAt: number | null = null;

  constructor(opts: CombatEngineOptions) {
    this.world = opts.world;
    this.clock = opts.clock;
    this.rng = opts.rng;
    this.hooks = opts.hooks ?? {};
    this.abilities = opts.abilities ?? abilityById;
    this.effects = opts.effects ?? effectById;
  }

  /** The events since the last call (the zone routes them into this tick's snapshots). */
  takeEvents(): CombatEvent[] {
    const out = this.events;
    this.events = [];
    return out;
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
    let targetState: AbilityTargetState | null = null;
    if (ability && ability.target !== 'self' && targetEid !== undefined) {
      target = targetEid === user.eid ? user : (this.world.fighter(targetEid) ?? null);
      targetState = target ? this.targetState(user, target, viewTick) : MISSING;
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
      target: targetState,
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
      this.emit({ k: 'cast', src: user.eid, dst, ab: ability.id, ms: ability.castMs });
      return { ok: true, castMs: ability.castMs };
    }
    this.resolve(user, ability, target, now);
    return { ok: true, castMs: 0 };
  }

  /** Stops the fighter's cast (cancelled, moved): an `interrupt` event; nothing is spent. */
  interrupt(f: Fighter): boolean {
    const cast = f.combat.cast;
    if (!cast) return false;
    f.combat.cast = null;
    f.combat.dirty = true;
    this.emit({ k: 'interrupt', src: f.eid, dst: cast.targetEid, ab: cast.abilityId });
    return true;
  }

  /** One zone tick: casts that finish, effect ticks and expiry, regeneration. */
  step(now: number): void {
    const dt = Math.min(MAX_STEP_MS, Math.max(0, now - (this.lastStepAt ?? now - TICK_MS)));
    this.lastStepAt = now;
    for (const f of this.world.fighters()) {
      const c = f.combat;
      if (c.dead) continue;
      if (c.cast && now >= c.cast.endsAt) this.completeCast(f, now);
      if (c.effects.length > 0) this.runEffects(f, now);
      if (!c.dead) this.regenerate(f, now, dt);
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
    this.regenCarry.delete(f.eid);
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
    this.emit({ k: 'respawn', src: f.eid, dst: f.eid });
    this.log('respawn', f, f, now, { targetHealth: f.health });
  }

  /** Announces a fighter that came back on its own (an NPC respawn). */
  announceRespawn(f: Fighter): void {
    this.emit({ k: 'respawn', src: f.eid, dst: f.eid });
  }

  /** Forgets per-fighter bookkeeping of an entity that left the zone. */
  forget(eid: number): void {
    this.regenCarry.delete(eid);
  }

  // ── resolution ─────────────────────────────────────────────────────────────

  private resolve(user: Fighter, ability: AbilityTemplate, target: Fighter | null, now: number) {
    const c = user.combat;
    c.resource = Math.max(0, c.resource - ability.cost);
    if (ability.cooldownMs > 0) c.cooldowns.set(ability.id, now + ability.cooldownMs);
    c.dirty = true;
    if (user.kind === 'player' && ability.damage?.source === 'weapon')
      this.hooks.weaponUsed?.(user);

    if (ability.target === 'self') {
      if (ability.heal)
        this.heal(user, user, healAmount(ability, c.stats, user.maxHealth), now, {
          ab: ability.id,
        });
      if (ability.damage && ability.radius) {
        for (const t of this.areaTargets(user, user, ability)) this.strike(user, t, ability, now);
      }
      this.applyEffects(user, user, ability, now);
      return;
    }

    const primary = target ?? user;
    const victims = ability.radius ? this.areaTargets(user, primary, ability) : [primary];
    for (const t of victims) {
      if (t.combat.dead) continue;
      const enemy = hostile(user, t);
      let landed = true;
      if (enemy && ability.damage) landed = this.strike(user, t, ability, now);
      else if (enemy) this.hooks.damaged?.(t, user, 0, ability.threat);
      if (!enemy && ability.heal)
        this.heal(user, t, healAmount(ability, c.stats, t.maxHealth), now, { ab: ability.id });
      if (landed && !t.combat.dead) this.applyEffects(user, t, ability, now);
    }
  }

  /** Living enemies of `user` within the radius of `centre` and in its sight, nearest first. */
  private areaTargets(user: Fighter, centre: Fighter, ability: AbilityTemplate): Fighter[] {
    const radius = ability.radius ?? 0;
    const max = ability.maxTargets ?? DEFAULT_MAX_TARGETS;
    return this.world
      .fightersNear(centre.x, centre.y, radius)
      .filter(
        (t) =>
          !t.combat.dead && hostile(user, t) && (t === centre || this.world.lineOfSight(centre, t)),
      )
      .map((t) => ({ t, d: distance(centre, t) }))
      .sort((a, b) => a.d - b.d || a.t.eid - b.t.eid)
      .slice(0, max)
      .map((x) => x.t);
  }

  /** One damaging hit of `ability`; false on a miss (a miss applies no effects). */
  private strike(user: Fighter, t: Fighter, ability: AbilityTemplate, now: number): boolean {
    const range = abilityDamage(ability, user.combat.stats);
    if (!range) return true;
    const s = user.combat.stats;
    const roll = rollDamage(
      {
        min: range.min,
        max: range.max,
        damageType: range.damageType,
        critChance: s.critChance,
        armor: t.combat.stats.armor,
        resist: t.combat.stats.resist,
        attackerLevel: user.level,
        defenderLevel: t.level,
        reflexes: s.attributes.reflexes,
        cool: s.attributes.cool,
      },
      this.rng,
    );
    user.combat.lastCombatAt = now;
    t.combat.lastCombatAt = now;
    if (!roll.hit) {
      this.emit({ k: 'miss', src: user.eid, dst: t.eid, ab: ability.id });
      this.log('miss', user, t, now, { abilityId: ability.id, targetHealth: t.health });
      this.hooks.damaged?.(t, user, 0, ability.threat);
      return false;
    }
    const factor = damageDealtFactor(user.combat.effects) * damageTakenFactor(t.combat.effects);
    const amount = Math.max(1, Math.round(roll.amount * factor));
    if (t.kind === 'player') this.hooks.hitTaken?.(t);
    this.damage(t, amount, user, now, {
      k: 'hit',
      ab: ability.id,
      crit: roll.crit,
      type: range.damageType,
      threat: ability.threat,
    });
    return true;
  }

  /** Takes `amount` off `t` (shields first), reports it, and kills at 0 health. */
  private damage(
    t: Fighter,
    amount: number,
    source: Fighter | undefined,
    now: number,
    what: {
      k: 'hit' | 'tick';
      ab?: string;
      fx?: string;
      crit?: boolean;
      type: DamageType;
      threat: number;
    },
  ): void {
    const c = t.combat;
    const soaked = absorb(c.effects, amount);
    if (soaked.absorbed > 0) {
      c.effects = soaked.effects;
      c.dirty = true;
    }
    const dealt = amount - soaked.absorbed;
    t.health = Math.max(0, t.health - dealt);
    c.lastCombatAt = now;
    if (source) source.combat.lastCombatAt = now;
    this.emit({
      k: what.k,
      src: source?.eid ?? 0,
      dst: t.eid,
      n: dealt,
      type: what.type,
      ...(what.ab ? { ab: what.ab } : {}),
      ...(what.fx ? { fx: what.fx } : {}),
      ...(what.crit ? { crit: true } : {}),
      ...(soaked.absorbed > 0 ? { absorbed: soaked.absorbed } : {}),
    });
    this.log(what.k, source, t, now, {
      abilityId: what.ab ?? what.fx ?? null,
      amount: dealt,
      crit: what.crit ?? false,
      damageType: what.type,
      targetHealth: t.health,
    });
    if (source) this.hooks.damaged?.(t, source, amount, what.threat);
    if (t.health <= 0) this.die(t, source, now);
  }

  private heal(
    healer: Fighter | undefined,
    t: Fighter,
    amount: number,
    now: number,
    what: { ab?: string; fx?: string },
  ): void {
    if (t.combat.dead) return;
    const n = Math.max(0, Math.min(Math.round(amount), t.maxHealth - t.health));
    t.health += n;
    if (healer && healer !== t && inCombat(t.combat.lastCombatAt, now))
      healer.combat.lastCombatAt = now;
    const src = healer?.eid ?? 0;
    if (what.fx) this.emit({ k: 'tick', src, dst: t.eid, fx: what.fx, n, heal: true });
    else this.emit({ k: 'heal', src, dst: t.eid, n, ...(what.ab ? { ab: what.ab } : {}) });
    this.log('heal', healer, t, now, {
      abilityId: what.ab ?? what.fx ?? null,
      amount: n,
      targetHealth: t.health,
    });
    if (healer && n > 0) this.hooks.healed?.(healer, t, n);
  }

  private die(t: Fighter, killer: Fighter | undefined, now: number): void {
    const c = t.combat;
    t.health = 0;
    c.dead = true;
    c.diedAt = now;
    c.cast = null;
    c.effects = [];
    c.dirty = true;
    this.regenCarry.delete(t.eid);
    this.emit({ k: 'death', src: killer?.eid ?? 0, dst: t.eid });
    this.log('death', killer, t, now, { targetHealth: 0 });
    this.hooks.died?.(t, killer);
  }

  private applyEffects(user: Fighter, t: Fighter, ability: AbilityTemplate, now: number): void {
    for (const ref of ability.effects) {
      const template = this.effects(ref.effectId);
      if (!template) continue;
      if (ref.chance < 1 && !(this.rng.float() < ref.chance)) continue;
      this.addEffect(t, template, user, now);
    }
  }

  private addEffect(t: Fighter, template: EffectTemplate, source: Fighter, now: number): void {
    const c = t.combat;
    const r = applyEffect(c.effects, template, source.eid, now);
    if (!r.applied) return;
    c.effects = r.effects;
    c.dirty = true;
    if (!template.beneficial && hostile(source, t)) c.lastCombatAt = now;
    this.emit({
      k: 'effect',
      src: source.eid,
      dst: t.eid,
      fx: template.id,
      ms: template.durationMs,
      stacks: r.applied.stacks,
    });
    this.log('effect', source, t, now, { abilityId: template.id, targetHealth: t.health });
    const cast = c.cast && this.abilities(c.cast.abilityId);
    if (
      cast &&
      (template.kind === 'stun' || (template.kind === 'silence' && cast.school === 'tech'))
    )
      this.interrupt(t);
  }

  // ── per tick ───────────────────────────────────────────────────────────────

  private completeCast(f: Fighter, now: number): void {
    const cast = f.combat.cast;
    if (!cast) return;
    const ability = this.abilities(cast.abilityId);
    let target: Fighter | null = null;
    let refusal: CombatRefusal | null = ability ? null : 'UNKNOWN_ABILITY';
    if (ability && ability.target !== 'self') {
      target = cast.targetEid === f.eid ? f : (this.world.fighter(cast.targetEid) ?? null);
      const state = target ? this.targetState(f, target, cast.viewTick) : MISSING;
      refusal = checkTarget(ability, f.combat.stats.range, state);
    }
    if (!refusal && ability && f.combat.resource < ability.cost) refusal = 'NO_RESOURCE';
    if (refusal || !ability) {
      this.interrupt(f);
      return;
    }
    f.combat.cast = null;
    this.resolve(f, ability, target, now);
  }

  private runEffects(f: Fighter, now: number): void {
    const c = f.combat;
    for (const e of [...c.effects]) {
      const due = dueTicks(e, now);
      if (due.ticks === 0) continue;
      e.nextTickAt = due.nextTickAt;
      for (let i = 0; i < due.ticks && !c.dead; i++) this.tickEffect(f, e, now);
    }
    if (c.dead) return;
    const { effects, expired } = expireEffects(c.effects, now);
    if (expired.length > 0) {
      c.effects = effects;
      c.dirty = true;
    }
  }

  private tickEffect(f: Fighter, e: EffectInstance, now: number): void {
    const source = this.world.fighter(e.sourceEid);
    const raw = tickAmount(e);
    if (e.effect.kind === 'hot') {
      this.heal(source, f, raw, now, { fx: e.effect.id });
      return;
    }
    const type = e.effect.damageType ?? 'physical';
    const resisted = 1 - resistMitigation(f.combat.stats.resist[type] ?? 0);
    const amount = Math.max(1, Math.round(raw * resisted * damageTakenFactor(f.combat.effects)));
    this.damage(f, amount, source, now, { k: 'tick', fx: e.effect.id, type, threat: 1 });
  }

  private regenerate(f: Fighter, now: number, dt: number): void {
    const c = f.combat;
    if (c.resource < c.maxResource) {
      const before = Math.floor(c.resource);
      c.resource = Math.min(c.maxResource, c.resource + (RESOURCE_REGEN_PER_S * dt) / 1000);
      if (Math.floor(c.resource) !== before) c.dirty = true;
    }
    if (f.health >= f.maxHealth || inCombat(c.lastCombatAt, now)) {
      if (this.regenCarry.size > 0) this.regenCarry.delete(f.eid);
      return;
    }
    const carry =
      (this.regenCarry.get(f.eid) ?? 0) + (HEALTH_REGEN_PCT_PER_S * f.maxHealth * dt) / 1000;
    const whole = Math.floor(carry);
    if (whole > 0) f.health = Math.min(f.maxHealth, f.health + whole);
    this.regenCarry.set(f.eid, carry - whole);
  }

  // ── helpers ────────────────────────────────────────────────────────────────

  /** The target as the use check sees it, at the nearer of now and the user's view of it. */
  private targetState(user: Fighter, t: Fighter, viewTick: number | undefined): AbilityTargetState {
    const at = this.aimPoint(user, t, viewTick);
    return {
      self: t === user,
      hostile: hostile(user, t),
      dead: t.combat.dead,
      distance: distance(user, at),
      lineOfSight: t === user || this.world.lineOfSight(user, at),
    };
  }

  /** Lag compensation: where the client saw the target, if that was nearer (bounded rewind). */
  private aimPoint(user: Fighter, t: Fighter, viewTick: number | undefined): Vec2 {
    if (viewTick === undefined || user.kind !== 'player' || t === user) return t;
    const past = this.world.positionAt(t.eid, viewTick);
    if (!past) return t;
    return distance(user, past) < distance(user, t) ? past : t;
  }

  private emit(e: CombatEvent): void {
    this.events.push(e);
  }

  private log(
    kind: CombatLogKind,
    source: Fighter | undefined,
    target: Fighter,
    now: number,
    extra: Partial<CombatLogRow>,
  ): void {
    if (!this.hooks.log) return;
    const t = actorOf(target);
    this.hooks.log({
      at: new Date(now),
      zoneId: this.world.zoneId,
      kind,
      ...actorOf(source),
      targetKind: t.sourceKind,
      targetId: t.sourceId,
      targetName: t.sourceName,
      ...extra,
    });
  }
}
