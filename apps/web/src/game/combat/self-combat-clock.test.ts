import { describe, expect, it } from 'vitest';
import { GCD_MS, type SelfCombatState } from '@necp/shared';
import {
  castProgress,
  cooldownFraction,
  cooldownLeft,
  gcdFraction,
  respawnTimers,
  type SelfCombatView,
} from './self-combat-clock';

const state = (p: Partial<SelfCombatState> = {}): SelfCombatState => ({
  resource: 100,
  maxResource: 100,
  gcd: 0,
  cd: {},
  cast: null,
  dead: null,
  inCombat: false,
  ...p,
});
const at = (s: SelfCombatState, t = 1000): SelfCombatView => ({ state: s, at: t });

describe('cooldown sweep', () => {
  it('counts down from the time the state arrived', () => {
    const v = at(state({ cd: { quick_shot: [4000, 8000] } }));
    expect(cooldownFraction(v, 'quick_shot', 1000)).toBeCloseTo(0.5);
    expect(cooldownFraction(v, 'quick_shot', 3000)).toBeCloseTo(0.25);
    expect(cooldownLeft(v, 'quick_shot', 3000)).toBe(2000);
  });

  it('is 0 once the cooldown ran out, and for abilities that are not cooling down', () => {
    const v = at(state({ cd: { quick_shot: [4000, 8000] } }));
    expect(cooldownFraction(v, 'quick_shot', 5000)).toBe(0);
    expect(cooldownFraction(v, 'quick_shot', 99_000)).toBe(0);
    expect(cooldownFraction(v, 'other', 1000)).toBe(0);
    expect(cooldownFraction(null, 'quick_shot', 1000)).toBe(0);
  });

  it('never covers more than the whole slot', () => {
    // a clock slightly behind the state (arrived "in the future") must not exceed 1
    const v = at(state({ cd: { a: [9000, 8000] } }), 2000);
    expect(cooldownFraction(v, 'a', 1000)).toBe(1);
  });

  it('sweeps the GCD over GCD_MS', () => {
    const v = at(state({ gcd: GCD_MS }));
    expect(gcdFraction(v, 1000)).toBe(1);
    expect(gcdFraction(v, 1000 + GCD_MS / 2)).toBeCloseTo(0.5);
    expect(gcdFraction(v, 1000 + GCD_MS)).toBe(0);
  });
});

describe('cast and death timers', () => {
  it('reports cast progress', () => {
    const v = at(state({ cast: { ability: 'overheat', target: 7, total: 2000, left: 1500 } }));
    const c = castProgress(v, 1500);
    expect(c).toMatchObject({ ability: 'overheat', target: 7, leftMs: 1000 });
    expect(c?.done).toBeCloseTo(0.5);
    expect(castProgress(at(state()), 1500)).toBeNull();
  });

  it('counts the respawn timers down', () => {
    const v = at(state({ dead: { canRespawnIn: 5000, autoRespawnIn: 60_000 } }));
    expect(respawnTimers(v, 4000)).toEqual({ canRespawnIn: 2000, autoRespawnIn: 57_000 });
    expect(respawnTimers(v, 7000)?.canRespawnIn).toBe(0);
    expect(respawnTimers(at(state()), 4000)).toBeNull();
  });
});
