import { describe, expect, it } from 'vitest';
import { FLOAT_LIFETIME_MS, FloatingTexts, MAX_FLOATING, lifetimeOf } from './floating-text';

const pos = { x: 10, y: 10 };

describe('FloatingTexts', () => {
  it('rises and fades over its lifetime, then is gone', () => {
    const f = new FloatingTexts();
    f.add({ text: '12', kind: 'damage', anchor: 5, pos }, 0);
    const [start] = f.live(0);
    expect(start).toMatchObject({ text: '12', rise: 0, alpha: 1 });
    const mid = f.live(FLOAT_LIFETIME_MS / 2)[0]!;
    expect(mid.rise).toBeGreaterThan(0);
    const late = f.live(FLOAT_LIFETIME_MS * 0.9)[0]!;
    expect(late.rise).toBeGreaterThan(mid.rise);
    expect(late.alpha).toBeLessThan(1);
    expect(late.alpha).toBeGreaterThan(0);
    expect(f.live(FLOAT_LIFETIME_MS)).toHaveLength(0);
    expect(f.size).toBe(0);
  });

  it('keeps crits and XP longer, and makes crits bigger', () => {
    expect(lifetimeOf('crit')).toBeGreaterThan(lifetimeOf('damage'));
    expect(lifetimeOf('xp')).toBeGreaterThan(lifetimeOf('miss'));
    const f = new FloatingTexts();
    f.add({ text: '30', kind: 'crit', anchor: 5, pos }, 0);
    f.add({ text: '10', kind: 'damage', anchor: 6, pos }, 0);
    const [crit, normal] = f.live(10);
    expect(crit!.scale).toBeGreaterThan(normal!.scale);
    expect(f.live(FLOAT_LIFETIME_MS + 10).map((t) => t.text)).toEqual(['30']);
  });

  it('fans out numbers landing on one target at once', () => {
    const f = new FloatingTexts();
    f.add({ text: '1', kind: 'damage', anchor: 5, pos }, 0);
    f.add({ text: '2', kind: 'dot', anchor: 5, pos }, 50);
    f.add({ text: '3', kind: 'damage', anchor: 9, pos }, 50);
    const [a, b, c] = f.live(60);
    expect(a!.dx).not.toBe(b!.dx);
    expect(c!.dx).toBe(0);
  });

  it('is bounded: the oldest go first', () => {
    const f = new FloatingTexts();
    for (let i = 0; i < MAX_FLOATING + 5; i++)
      f.add({ text: String(i), kind: 'damage', anchor: 1, pos }, i);
    const live = f.live(MAX_FLOATING + 5);
    expect(live).toHaveLength(MAX_FLOATING);
    expect(live[0]!.text).toBe('5');
  });

  it('faint texts (others fighting) are dimmer', () => {
    const f = new FloatingTexts();
    f.add({ text: '7', kind: 'damage', anchor: 1, pos, faint: true }, 0);
    expect(f.live(0)[0]!.alpha).toBeLessThan(1);
  });
});
