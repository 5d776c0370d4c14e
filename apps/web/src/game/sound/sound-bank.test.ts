import { beforeAll, describe, expect, it } from 'vitest';
import { ABILITIES, RARITIES } from '@necp/shared';
import { SOUNDS, abilitySound, lootSound, type SoundId } from './sound-bank';

let build: (...p: number[]) => number[];
beforeAll(async () => {
  // ZzFX makes an AudioContext as its module loads: a stand-in, for its pure sample builder
  (globalThis as { AudioContext?: unknown }).AudioContext ??= class {};
  const { ZZFX } = await import('zzfx');
  build = (...p) => ZZFX.buildSamples(...p);
});

describe('the sound bank', () => {
  it('every sound synthesises a short, audible, finite sample', () => {
    for (const [id, def] of Object.entries(SOUNDS)) {
      const s = build(...def.zzfx);
      expect(s.length, id).toBeGreaterThan(100);
      expect(s.length / 44100, id).toBeLessThanOrEqual(2.5);
      let peak = 0;
      let finite = true;
      for (const v of s) {
        finite &&= Number.isFinite(v);
        peak = Math.max(peak, Math.abs(v));
      }
      expect(finite, id).toBe(true);
      expect(peak, id).toBeGreaterThan(0.005);
      expect(peak, id).toBeLessThanOrEqual(1.5);
    }
  });

  it('every ability and every rarity has its sound', () => {
    for (const a of ABILITIES) expect(SOUNDS[abilitySound(a.id)], a.id).toBeDefined();
    const loot = new Set<SoundId>(RARITIES.map(lootSound));
    expect(loot.size).toBe(RARITIES.length);
    expect(lootSound('not-a-rarity')).toBe('loot_common');
  });
});
