import {
  abilityDamage,
  absorb,
  applyEffect,
  damageDealtFactor,
  damageTakenFactor,
  healAmount,
  inCombat,
  rollDamage,
  totalMitigation,
  type AbilityTemplate,
  type BossAttack,
  type CombatRng,
  type DamageType,
  type EffectTemplate,
} from '@necp/shared';
import type { CombatReport } from './combat-report';
import type { CombatHooks, CombatWorld } from './combat-world';
import { hostile, type Fighter } from './fighter';
import type { Regeneration } from './regeneration';
import { areaTargets } from './targeting';

export interface ResolverDeps {
  world: CombatWorld;
  rng: CombatRng;
  hooks: CombatHooks;
  report: CombatReport;
  regen: Regeneration;
  abilities: (id: string) => AbilityTemplate | undefined;
  effects: (id: string) => EffectTemplate | undefined;
}

/** A telegraphed area attack's damage (a boss attack: content/npc-schema.ts BossAttack). */
export type AreaHit = Pick<BossAttack, 'id' | 'damageMin' | 'damageMax' | 'damageType'>;

/** What a hit or an effect tick does, for the event and the log row. */
export interface DamageKind {
  k: 'hit' | 'tick';
  ab?: string;
  fx?: string;
  crit?: boolean;
  type: DamageType;
  threat: number;
}

/**
 * What abilities and effects do once they go off: cost and cooldown, damage
 * rolls, shields, heals, deaths and effects applied. Every outcome is reported
 * as an event, a log row and a hook call, in that order.
 */
export class AbilityResolver {
  constructor(private readonly d: ResolverDeps) {}

  /** `user`'s ability goes off now (checks passed): pays for it and applies it to its targets. */
  resolve(user: Fighter, ability: AbilityTemplate, target: Fighter | null, now: number): void {
    const c = user.combat;
    c.resource = Math.max(0, c.resource - ability.cost);
    if (ability.cooldownMs > 0) c.cooldowns.set(ability.id, now + ability.cooldownMs);
    c.dirty = true;
    if (user.kind === 'player' && ability.damage?.source === 'weapon')
      this.d.hooks.weaponUsed?.(user);

    if (ability.target === 'self') {
      if (ability.heal)
        this.heal(user, user, healAmount(ability, c.stats, user.maxHealth), now, {
          ab: ability.id,
        });
      if (ability.damage && ability.radius) {
        for (const t of areaTargets(this.d.world, user, user, ability))
          this.strike(user, t, ability, now);
      }
      this.applyEffects(user, user, ability, now);
      return;
    }

    const primary = target ?? user;
    const victims = ability.radius ? areaTargets(this.d.world, user, primary, ability) : [primary];
    for (const t of victims) {
      if (t.combat.dead) continue;
      const enemy = hostile(user, t);
      let landed = true;
      if (enemy && ability.damage) landed = this.strike(user, t, ability, now);
      else if (enemy) this.d.hooks.damaged?.(t, user, 0, ability.threat);
      if (!enemy && ability.heal)
        this.heal(user, t, healAmount(ability, c.stats, t.maxHealth), now, { ab: ability.id });
      if (landed && !t.combat.dead) this.applyEffects(user, t, ability, now);
    }
  }

  /** Takes `amount` off `t` (shields first), reports it, and kills at 0 health. */
  damage(t: Fighter, amount: number, source: Fighter | undefined, now: number, what: DamageKind) {
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
    this.d.report.emit({
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
    this.d.report.log(what.k, source, t, now, {
      abilityId: what.ab ?? what.fx ?? null,
      amount: dealt,
      crit: what.crit ?? false,
      damageType: what.type,
      targetHealth: t.health,
    });
    if (source) this.d.hooks.damaged?.(t, source, amount, what.threat);
    if (t.health <= 0) this.die(t, source, now);
  }

  /** Heals `t` up to its maximum; a heal over time reports as an effect tick. */
  heal(
    healer: Fighter | undefined,
    t: Fighter,
    amount: number,
    now: number,
    what: { ab?: string; fx?: string },
  ): void {
    if (t.combat.dead) return;
    const n = Math.max(0, Math.min(Math.round(amount), t.maxHealth - t.health));
    t.health += n;
    // healing someone in a fight joins it
    if (healer && healer !== t && inCombat(t.combat.lastCombatAt, now))
      healer.combat.lastCombatAt = now;
    const src = healer?.eid ?? 0;
    const report = this.d.report;
    if (what.fx) report.emit({ k: 'tick', src, dst: t.eid, fx: what.fx, n, heal: true });
    else report.emit({ k: 'heal', src, dst: t.eid, n, ...(what.ab ? { ab: what.ab } : {}) });
    report.log('heal', healer, t, now, {
      abilityId: what.ab ?? what.fx ?? null,
      amount: n,
      targetHealth: t.health,
    });
    if (healer && n > 0) this.d.hooks.healed?.(healer, t, n);
  }

  /**
   * A telegraphed attack lands on `t`, who stayed inside its area: no hit roll and
   * no crit (the warning was the defence), but armour, resist, damage effects and
   * shields apply, and it is reported, logged, threatens and kills like any hit.
   */
  areaHit(user: Fighter, t: Fighter, hit: AreaHit, now: number): void {
    const base = this.d.rng.int(hit.damageMin, hit.damageMax);
    const s = t.combat.stats;
    const m = totalMitigation(s.armor, s.resist[hit.damageType] ?? 0, hit.damageType, user.level);
    const factor = damageDealtFactor(user.combat.effects) * damageTakenFactor(t.combat.effects);
    const amount = Math.max(1, Math.round(base * (1 - m) * factor));
    user.combat.lastCombatAt = now;
    if (t.kind === 'player') this.d.hooks.hitTaken?.(t);
    this.damage(t, amount, user, now, { k: 'hit', ab: hit.id, type: hit.damageType, threat: 1 });
  }

  /** Stops the fighter's cast (cancelled, moved, stunned): an `interrupt` event; nothing is spent. */
  interrupt(f: Fighter): boolean {
    const cast = f.combat.cast;
    if (!cast) return false;
    f.combat.cast = null;
    f.combat.dirty = true;
    this.d.report.emit({ k: 'interrupt', src: f.eid, dst: cast.targetEid, ab: cast.abilityId });
    return true;
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
      this.d.rng,
    );
    user.combat.lastCombatAt = now;
    t.combat.lastCombatAt = now;
    if (!roll.hit) {
      this.d.report.emit({ k: 'miss', src: user.eid, dst: t.eid, ab: ability.id });
      this.d.report.log('miss', user, t, now, { abilityId: ability.id, targetHealth: t.health });
      this.d.hooks.damaged?.(t, user, 0, ability.threat);
      return false;
    }
    const factor = damageDealtFactor(user.combat.effects) * damageTakenFactor(t.combat.effects);
    const amount = Math.max(1, Math.round(roll.amount * factor));
    if (t.kind === 'player') this.d.hooks.hitTaken?.(t);
    this.damage(t, amount, user, now, {
      k: 'hit',
      ab: ability.id,
      crit: roll.crit,
      type: range.damageType,
      threat: ability.threat,
    });
    return true;
  }

  private die(t: Fighter, killer: Fighter | undefined, now: number): void {
    const c = t.combat;
    t.health = 0;
    c.dead = true;
    c.diedAt = now;
    c.cast = null;
    c.effects = [];
    c.dirty = true;
    this.d.regen.forget(t.eid);
    this.d.report.emit({ k: 'death', src: killer?.eid ?? 0, dst: t.eid });
    this.d.report.log('death', killer, t, now, { targetHealth: 0 });
    this.d.hooks.died?.(t, killer);
  }

  private applyEffects(user: Fighter, t: Fighter, ability: AbilityTemplate, now: number): void {
    for (const ref of ability.effects) {
      const template = this.d.effects(ref.effectId);
      if (!template) continue;
      if (ref.chance < 1 && !(this.d.rng.float() < ref.chance)) continue;
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
    this.d.report.emit({
      k: 'effect',
      src: source.eid,
      dst: t.eid,
      fx: template.id,
      ms: template.durationMs,
      stacks: r.applied.stacks,
    });
    this.d.report.log('effect', source, t, now, { abilityId: template.id, targetHealth: t.health });
    // a stun breaks any cast, a silence only tech casts
    const cast = c.cast && this.d.abilities(c.cast.abilityId);
    if (
      cast &&
      (template.kind === 'stun' || (template.kind === 'silence' && cast.school === 'tech'))
    )
      this.interrupt(t);
  }
}
