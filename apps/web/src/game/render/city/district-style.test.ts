import { describe, expect, it } from 'vitest';
import { INSTANCE_TEMPLATES, instanceZoneId, ZONES } from '@necp/shared';
import { DISTRICT_STYLES, districtStyle } from './district-style';

describe('district styles', () => {
  it('give every district of the city its own look', () => {
    const keys = ZONES.map((z) => districtStyle(z.id).key);
    expect(keys).toEqual(ZONES.map((z) => z.id));
    const grounds = new Set(ZONES.map((z) => districtStyle(z.id).ground));
    expect(grounds.size).toBe(ZONES.length);
  });

  it('dress an instance by its kind, and anything unknown as Watson', () => {
    for (const t of INSTANCE_TEMPLATES) {
      const style = districtStyle(instanceZoneId(t.content.id, 'abc123'));
      expect(style.key).toBe(t.kind === 'arena' ? 'arena' : 'deep');
    }
    expect(districtStyle('somewhere-new').key).toBe('watson');
  });

  it('rain where the ambience rains, and hold colours a canvas can parse', () => {
    expect(DISTRICT_STYLES.watson.rain).toBeGreaterThan(DISTRICT_STYLES.westbrook.rain);
    expect(DISTRICT_STYLES['city-center'].rain).toBe(0);
    const colour = /^(#[0-9a-f]{6}|rgba\(\d+, \d+, \d+, (0|1|0?\.\d+)\))$/i;
    for (const s of Object.values(DISTRICT_STYLES)) {
      for (const c of [
        s.void,
        s.ground,
        s.asphalt,
        s.pavement,
        s.slabLine,
        s.kerb,
        s.laneMark,
        s.roofBox,
        s.lamp,
        ...s.neon,
        ...s.windows,
        ...s.wall,
        ...s.roof,
      ])
        expect(c).toMatch(colour);
      expect(s.ads.length).toBeGreaterThan(0);
    }
  });
});
