import {
  damageTakenFactor,
  dueTicks,
  expireEffects,
  resistMitigation,
  tickAmount,
} from '@necp/shared';
import type { EffectInstance } from './combat-state';
import type { CombatWorld } from './combat-world';
import type { Fighter } from './fighter';
import type { AbilityResolver } from './resolution';

/**
 * Runs the fighter's due effect ticks (catching up on missed ones, but not past
 * its death), then drops the effects that ran out.
 */
export function runEffects(
  world: CombatWorld,
  resolver: AbilityResolver,
  f: Fighter,
  now: number,
): void {
  const c = f.combat;
  for (const e of [...c.effects]) {
    const due = dueTicks(e, now);
    if (due.ticks === 0) continue;
    e.nextTickAt = due.nextTickAt;
    for (let i = 0; i < due.ticks && !c.dead; i++) tickEffect(world, resolver, f, e, now);
  }
  if (c.dead) return;
  const { effects, expired } = expireEffects(c.effects, now);
  if (expired.length > 0) {
    c.effects = effects;
    c.dirty = true;
  }
}

/** One tick of a heal or damage over time; damage is resisted by type (no armour, no miss). */
function tickEffect(
  world: CombatWorld,
  resolver: AbilityResolver,
  f: Fighter,
  e: EffectInstance,
  now: number,
): void {
  const source = world.fighter(e.sourceEid);
  const raw = tickAmount(e);
  if (e.effect.kind === 'hot') {
    resolver.heal(source, f, raw, now, { fx: e.effect.id });
    return;
  }
  const type = e.effect.damageType ?? 'physical';
  const resisted = 1 - resistMitigation(f.combat.stats.resist[type] ?? 0);
  const amount = Math.max(1, Math.round(raw * resisted * damageTakenFactor(f.combat.effects)));
  resolver.damage(f, amount, source, now, { k: 'tick', fx: e.effect.id, type, threat: 1 });
}
