import { describe, expect, it } from 'vitest';
import { FakeClock } from '@necp/game';
import { CRATE_COOLDOWN_MS, CrateCooldowns } from './crate-cooldowns';

describe('CrateCooldowns', () => {
  it('lets each character open each crate once per cooldown', () => {
    const clock = new FakeClock();
    const c = new CrateCooldowns(clock);
    expect(c.claim('a', 'crate-1')).toBe(0);
    expect(c.claim('a', 'crate-1')).toBe(CRATE_COOLDOWN_MS);
    expect(c.claim('b', 'crate-1')).toBe(0); // per character
    expect(c.claim('a', 'crate-2')).toBe(0); // per crate
    clock.advance(CRATE_COOLDOWN_MS - 1);
    expect(c.claim('a', 'crate-1')).toBe(1);
    clock.advance(1);
    expect(c.claim('a', 'crate-1')).toBe(0);
  });

  it('gives the crate back when the roll failed', () => {
    const c = new CrateCooldowns(new FakeClock());
    c.claim('a', 'crate-1');
    c.release('a', 'crate-1');
    expect(c.claim('a', 'crate-1')).toBe(0);
  });
});
