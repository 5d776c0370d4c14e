import { describe, expect, it } from 'vitest';
import { SKILLS } from '../content/skills';
import {
  ATTRIBUTE_POINTS_PER_LEVEL,
  attributePointsEarned,
  LEVEL_CAP,
  levelForTotalXp,
  levelProgress,
  MAX_TOTAL_XP,
  respecCost,
  SKILL_LEVEL_CAP,
  skillLevelForXp,
  skillTotalXpForLevel,
  skillXpToNext,
  totalXpForLevel,
  unlockedPerks,
  xpToNextLevel,
} from './progression';

describe('XP curve', () => {
  it('grows with level and stops at the cap', () => {
    expect(LEVEL_CAP).toBe(50);
    expect(xpToNextLevel(1)).toBe(100);
    for (let l = 2; l < LEVEL_CAP; l++)
      expect(xpToNextLevel(l)).toBeGreaterThan(xpToNextLevel(l - 1));
    expect(xpToNextLevel(LEVEL_CAP)).toBe(0);
    expect(totalXpForLevel(1)).toBe(0);
    expect(totalXpForLevel(2)).toBe(100);
    expect(totalXpForLevel(3)).toBe(100 + xpToNextLevel(2));
    expect(MAX_TOTAL_XP).toBe(totalXpForLevel(50));
  });

  it('levelForTotalXp inverts totalXpForLevel at every boundary', () => {
    for (let l = 1; l <= LEVEL_CAP; l++) {
      expect(levelForTotalXp(totalXpForLevel(l))).toBe(l);
      if (l > 1) expect(levelForTotalXp(totalXpForLevel(l) - 1)).toBe(l - 1);
    }
    expect(levelForTotalXp(0)).toBe(1);
    expect(levelForTotalXp(MAX_TOTAL_XP * 10)).toBe(LEVEL_CAP);
  });

  it('reports progress inside a level, none at the cap', () => {
    expect(levelProgress(150)).toEqual({ level: 2, intoLevel: 50, toNext: xpToNextLevel(2) });
    expect(levelProgress(MAX_TOTAL_XP)).toEqual({ level: 50, intoLevel: 0, toNext: null });
  });

  it('earns attribute points per level gained', () => {
    expect(attributePointsEarned(1)).toBe(0);
    expect(attributePointsEarned(10)).toBe(9 * ATTRIBUTE_POINTS_PER_LEVEL);
  });
});

describe('skills', () => {
  it('levels 0..cap by xp', () => {
    expect(skillLevelForXp(0)).toBe(0);
    expect(skillLevelForXp(skillXpToNext(0) - 1)).toBe(0);
    expect(skillLevelForXp(skillXpToNext(0))).toBe(1);
    for (let l = 0; l <= SKILL_LEVEL_CAP; l++)
      expect(skillLevelForXp(skillTotalXpForLevel(l))).toBe(l);
    expect(skillLevelForXp(1e9)).toBe(SKILL_LEVEL_CAP);
    expect(skillXpToNext(SKILL_LEVEL_CAP)).toBe(0);
  });

  it('unlocks perks at their thresholds', () => {
    const handguns = SKILLS.find((s) => s.id === 'handguns')!;
    const first = handguns.perks[0]!;
    expect(unlockedPerks('handguns', first.level - 1)).toEqual([]);
    expect(unlockedPerks('handguns', first.level)).toEqual([first]);
    expect(unlockedPerks('handguns', SKILL_LEVEL_CAP)).toEqual(handguns.perks);
    expect(unlockedPerks('nope', 20)).toEqual([]);
  });
});

describe('respecCost', () => {
  it('grows with level and with each respec bought, up to a cap on the multiplier', () => {
    expect(respecCost(1, 0)).toBe(150);
    expect(respecCost(10, 0)).toBe(600);
    expect(respecCost(10, 1)).toBe(1200);
    expect(respecCost(10, 100)).toBe(6000);
  });
});
