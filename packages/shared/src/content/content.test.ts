import { describe, expect, it } from 'vitest';
import { ZONES, ZoneContentSchema, STARTING_ZONE_ID, zoneById } from './zones';
import { ORIGINS } from './origins';
import { CLASSES } from './classes';
import { startingAttributes, maxHealthFor } from '../rules/stats';
import { CharacterNameSchema } from '../schemas/character';

describe('content', () => {
  it('has the three districts, the starting one live with a player start', () => {
    expect(ZONES.map((z) => z.id)).toEqual(['watson', 'westbrook', 'city-center']);
    const start = zoneById(STARTING_ZONE_ID);
    expect(start?.live).toBe(true);
    expect(start?.spawnPoints.some((s) => s.kind === 'player_start')).toBe(true);
  });

  it('refuses a zone whose spawn point lies outside it', () => {
    const bad = {
      ...ZONES[0]!,
      spawnPoints: [{ id: 'x', kind: 'player_start', name: 'x', x: 9999, y: 1 }],
    };
    expect(ZoneContentSchema.safeParse(bad).success).toBe(false);
  });

  it('gives every origin × class different, valid starting attributes', () => {
    expect(ORIGINS.length).toBeGreaterThanOrEqual(3);
    expect(CLASSES.length).toBeGreaterThanOrEqual(3);
    const seen = new Set<string>();
    for (const o of ORIGINS)
      for (const c of CLASSES) {
        const a = startingAttributes(o.id, c.id);
        seen.add(JSON.stringify(a));
        expect(Object.values(a).every((v) => v >= 1 && v <= 20)).toBe(true);
      }
    expect(seen.size).toBe(ORIGINS.length * CLASSES.length);
    expect(startingAttributes('nomad', 'solo').body).toBe(8);
    expect(maxHealthFor({ body: 8 }, 1)).toBe(130);
    expect(maxHealthFor({ body: 8 }, 3)).toBe(146);
  });
});

describe('character names', () => {
  const ok = (n: string) => CharacterNameSchema.safeParse(n).success;
  it('accepts 3–16 letters/digits with at most one inner hyphen', () => {
    expect(ok('Vee')).toBe(true);
    expect(ok('Johnny-5')).toBe(true);
    expect(ok('A1234567890123456'.slice(0, 16))).toBe(true);
  });
  it('refuses bad shapes', () => {
    for (const n of [
      'ab',
      'A12345678901234567',
      'two--hy',
      'a-b-c',
      '-lead',
      'trail-',
      'sp ace',
      'ünï',
      '12345',
      'x_y',
    ])
      expect(ok(n), n).toBe(false);
  });
});
