import { describe, expect, it } from 'vitest';
import { xpForKill } from './combat';
import { PARTY_XP_BONUS, splitPartyXp } from './party-xp';

const npc = { level: 5, rank: 'normal' as const };

describe('splitPartyXp', () => {
  it('one member gets what a solo kill gives', () => {
    expect(splitPartyXp(npc, [{ characterId: 'a', level: 5 }]).get('a')).toBe(
      xpForKill(5, 5, 'normal'),
    );
  });

  it('equal levels split the pool (with the group bonus) evenly', () => {
    const xp = splitPartyXp(npc, [
      { characterId: 'a', level: 5 },
      { characterId: 'b', level: 5 },
    ]);
    const each = Math.floor((xpForKill(5, 5, 'normal') * (1 + PARTY_XP_BONUS)) / 2);
    expect([xp.get('a'), xp.get('b')]).toEqual([each, each]);
  });

  it('shares by level, priced at the highest level; a kill grey for the highest pays nobody', () => {
    const xp = splitPartyXp(npc, [
      { characterId: 'lo', level: 2 },
      { characterId: 'hi', level: 6 },
    ]);
    const ratio = xp.get('hi')! / xp.get('lo')!;
    expect(ratio).toBeGreaterThan(2.9);
    expect(ratio).toBeLessThan(3.1);
    const pool = xpForKill(5, 6, 'normal') * (1 + PARTY_XP_BONUS);
    expect(xp.get('hi')! + xp.get('lo')!).toBeLessThanOrEqual(pool);
    const grey = splitPartyXp(npc, [
      { characterId: 'lo', level: 1 },
      { characterId: 'hi', level: 30 },
    ]);
    expect([...grey.values()]).toEqual([0, 0]);
  });

  it('never pays more in all than the pool, whatever the levels', () => {
    for (const levels of [
      [1, 2, 3],
      [7, 7, 7, 7, 7],
      [3, 9],
      [10, 11, 12, 13, 14],
    ]) {
      const members = levels.map((level, i) => ({ characterId: `m${i}`, level }));
      const xp = splitPartyXp({ level: 10, rank: 'elite' }, members);
      const pool =
        xpForKill(10, Math.max(...levels), 'elite') * (1 + PARTY_XP_BONUS * (levels.length - 1));
      const sum = [...xp.values()].reduce((a, b) => a + b, 0);
      expect(sum).toBeLessThanOrEqual(pool);
      expect(sum).toBeGreaterThan(pool - levels.length);
    }
  });
});
