import { describe, expect, it } from 'vitest';
import { damageTaken, isLowHealth, LOW_HEALTH_FRACTION } from './vitals';

const v = (health: number, dead = false) => ({ health, maxHealth: 100, dead });

describe('vitals', () => {
  it('is low below 30 % of the maximum, never while dead or at zero', () => {
    expect(LOW_HEALTH_FRACTION).toBe(0.3);
    expect(isLowHealth(v(29))).toBe(true);
    expect(isLowHealth(v(30))).toBe(false);
    expect(isLowHealth(v(0))).toBe(false);
    expect(isLowHealth(v(10, true))).toBe(false);
    expect(isLowHealth({ health: 0, maxHealth: 0, dead: false })).toBe(false);
  });
  it('counts a drop in health as a hit, not a heal, a respawn or a new maximum', () => {
    expect(damageTaken(v(100), v(88))).toBe(12);
    expect(damageTaken(v(50), v(60))).toBe(0);
    expect(damageTaken(v(0, true), v(100))).toBe(0);
    expect(damageTaken(null, v(40))).toBe(0);
    expect(damageTaken(v(100), { health: 90, maxHealth: 120, dead: false })).toBe(0);
  });
});
