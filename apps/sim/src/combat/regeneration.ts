import { HEALTH_REGEN_PCT_PER_S, RESOURCE_REGEN_PER_S, inCombat } from '@necp/shared';
import type { Fighter } from './fighter';

/**
 * Resource always regenerates; health only out of combat. Health is whole
 * points, so the fraction regenerated per tick is carried over per fighter.
 */
export class Regeneration {
  /** fractional health regenerated but not yet whole, by eid */
  private readonly carry = new Map<number, number>();

  /** `dt` ms of regeneration for a living fighter. */
  tick(f: Fighter, now: number, dt: number): void {
    const c = f.combat;
    if (c.resource < c.maxResource) {
      const before = Math.floor(c.resource);
      c.resource = Math.min(c.maxResource, c.resource + (RESOURCE_REGEN_PER_S * dt) / 1000);
      if (Math.floor(c.resource) !== before) c.dirty = true;
    }
    if (f.health >= f.maxHealth || inCombat(c.lastCombatAt, now)) {
      if (this.carry.size > 0) this.carry.delete(f.eid);
      return;
    }
    const carry = (this.carry.get(f.eid) ?? 0) + (HEALTH_REGEN_PCT_PER_S * f.maxHealth * dt) / 1000;
    const whole = Math.floor(carry);
    if (whole > 0) f.health = Math.min(f.maxHealth, f.health + whole);
    this.carry.set(f.eid, carry - whole);
  }

  /** Drops the carried fraction (death, reset, leaving the zone). */
  forget(eid: number): void {
    this.carry.delete(eid);
  }
}
