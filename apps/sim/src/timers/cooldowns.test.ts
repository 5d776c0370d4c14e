import { describe, expect, it } from 'vitest';
import { FakeClock } from '@necp/game';
import { Cooldowns } from './cooldowns';

describe('Cooldowns', () => {
  it('counts down on the game clock; cleared or never started, a key is ready', () => {
    const clock = new FakeClock();
    const c = new Cooldowns(clock);
    expect(c.leftMs('a')).toBe(0);
    c.start('a', 1_000);
    c.start('b', 0); // no cooldown at all
    expect(c.leftMs('a')).toBe(1_000);
    expect(c.leftMs('b')).toBe(0);
    clock.advance(999);
    expect(c.leftMs('a')).toBe(1);
    clock.advance(1);
    expect(c.leftMs('a')).toBe(0);
    c.start('a', 500);
    c.clear('a');
    expect(c.leftMs('a')).toBe(0);
  });

  it('sweeps the keys that ran out once it holds too many, keeping the running ones', () => {
    const clock = new FakeClock();
    const c = new Cooldowns(clock, 4);
    c.start('old-1', 10);
    c.start('old-2', 10);
    c.start('long', 1_000);
    c.start('old-3', 10);
    clock.advance(10);
    c.start('new', 10); // the fifth: the three that ran out go first
    expect(c.size).toBe(2);
    expect(c.leftMs('long')).toBe(990);
    expect(c.leftMs('new')).toBe(10);
  });
});
