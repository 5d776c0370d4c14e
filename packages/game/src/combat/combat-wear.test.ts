import { afterAll, describe, expect, it } from 'vitest';
import { skillLevelForXp } from '@necp/shared';
import { testDb, testDeps } from '../accounts/test-deps';
import { seededRng } from '../core/rng';
import { newPlayer } from '../inventory/test-helpers';
import { equipDirect } from '../progression/test-helpers';
import {
  HITS_PER_ARMOR_DURABILITY,
  SKILL_XP_PER_WEAPON_USE,
  WEAPON_USES_PER_DURABILITY,
  applyCombatWear,
  randomRound,
} from './combat-wear';

const db = testDb(4);
afterAll(() => db.$disconnect());

const durabilityOf = async (id: string) =>
  (await db.item.findUniqueOrThrow({ where: { id } })).durability;
const skillXp = async (characterId: string, skillId: string) =>
  (await db.characterSkill.findUnique({ where: { characterId_skillId: { characterId, skillId } } }))
    ?.xp ?? 0;

describe('applyCombatWear', () => {
  it('wears the weapon per uses and armour per hits, and trains the weapon skill', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const pistol = await equipDirect(db, p.characterId, 'pistol_unity', 'main_hand'); // 100
    const jacket = await equipDirect(db, p.characterId, 'jacket_kevlar', 'body'); // 120
    const uses = 3 * WEAPON_USES_PER_DURABILITY; // whole multiples: no random rounding
    const hits = 4 * HITS_PER_ARMOR_DURABILITY;
    const [r] = await applyCombatWear(deps, [
      { characterId: p.characterId, weaponUses: uses, hitsTaken: hits },
    ]);
    expect(await durabilityOf(pistol.id)).toBe(97);
    expect(await durabilityOf(jacket.id)).toBe(116); // the only armour piece takes every point
    expect(r).toMatchObject({
      characterId: p.characterId,
      broke: false,
      skill: { skillId: 'handguns', xp: uses * SKILL_XP_PER_WEAPON_USE },
    });
    expect(r?.worn.toSorted((a, b) => a.durability - b.durability)).toEqual([
      { itemId: pistol.id, durability: 97 },
      { itemId: jacket.id, durability: 116 },
    ]);
    expect(await skillXp(p.characterId, 'handguns')).toBe(uses * SKILL_XP_PER_WEAPON_USE);
    expect(r?.skill?.level).toBe(skillLevelForXp(uses * SKILL_XP_PER_WEAPON_USE));
  });

  it('spreads armour wear over the pieces worn, never below 0, and says when something broke', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const jacket = await equipDirect(db, p.characterId, 'jacket_kevlar', 'body', 2);
    const pants = await equipDirect(db, p.characterId, 'pants_cargo', 'legs', 3);
    const [r] = await applyCombatWear(deps, [
      { characterId: p.characterId, weaponUses: 0, hitsTaken: 50 * HITS_PER_ARMOR_DURABILITY },
    ]);
    expect(await durabilityOf(jacket.id)).toBe(0);
    expect(await durabilityOf(pants.id)).toBe(0);
    expect(r).toMatchObject({ broke: true, skill: null });
  });

  it('batches characters, sums repeats, skips gone characters and leaves broken weapons alone', async () => {
    const deps = testDeps(db);
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    const gone = await newPlayer(db);
    await db.character.update({ where: { id: gone.characterId }, data: { deletedAt: new Date() } });
    const knife = await equipDirect(db, a.characterId, 'knife_combat', 'main_hand');
    const broken = await equipDirect(db, b.characterId, 'pistol_unity', 'main_hand', 0);
    const half = WEAPON_USES_PER_DURABILITY / 2;
    const out = await applyCombatWear(deps, [
      { characterId: a.characterId, weaponUses: half, hitsTaken: 0 },
      { characterId: gone.characterId, weaponUses: 100, hitsTaken: 100 },
      { characterId: b.characterId, weaponUses: 100, hitsTaken: 0 },
      { characterId: a.characterId, weaponUses: half, hitsTaken: 0 },
      { characterId: 'no-such-character', weaponUses: 5, hitsTaken: 5 },
    ]);
    expect(out.map((r) => r.characterId)).toEqual([a.characterId, b.characterId]);
    // two halves of WEAPON_USES_PER_DURABILITY add up to exactly one point
    expect(await durabilityOf(knife.id)).toBe((knife.durability ?? 0) - 1);
    expect(out[0]?.skill).toMatchObject({ skillId: 'blades', xp: WEAPON_USES_PER_DURABILITY });
    // a broken weapon is not in use: no wear, no skill
    expect(await durabilityOf(broken.id)).toBe(0);
    expect(out[1]).toMatchObject({ worn: [], broke: false, skill: null });
  });

  it('refuses malformed batches', async () => {
    const deps = testDeps(db);
    await expect(
      applyCombatWear(deps, [{ characterId: 'x', weaponUses: -1, hitsTaken: 0 }]),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('randomRound', () => {
  it('rounds whole numbers exactly and fractions up or down, at the right rate', () => {
    const rng = seededRng(7);
    expect(randomRound(3, rng)).toBe(3);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = randomRound(0.25, rng);
      expect([0, 1]).toContain(v);
      sum += v;
    }
    expect(sum / 10_000).toBeCloseTo(0.25, 1);
  });
});
