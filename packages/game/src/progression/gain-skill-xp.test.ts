import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { SKILLS, skillTotalXpForLevel } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { gainSkillXp } from './gain-skill-xp';
import { getCharacterSheet } from './get-character-sheet';

const db = testDb(4);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

async function fresh() {
  const user = await createTestUser(db);
  const c = await createTestCharacter(db, user.id);
  return { userId: user.id, characterId: c.id };
}

describe('gainSkillXp', () => {
  it('levels a skill by use and reports the perks it unlocks', async () => {
    const ref = await fresh();
    const handguns = SKILLS.find((s) => s.id === 'handguns')!;
    const firstPerk = handguns.perks[0]!;
    const r = await gainSkillXp(deps, {
      characterId: ref.characterId,
      skillId: 'handguns',
      amount: skillTotalXpForLevel(firstPerk.level),
    });
    expect(r).toEqual({
      skillId: 'handguns',
      xp: skillTotalXpForLevel(firstPerk.level),
      level: firstPerk.level,
      levelsGained: firstPerk.level,
      newPerks: [firstPerk],
    });
    const again = await gainSkillXp(deps, {
      characterId: ref.characterId,
      skillId: 'handguns',
      amount: 1,
    });
    expect(again).toMatchObject({ levelsGained: 0, newPerks: [] });
    const sheet = await getCharacterSheet(deps, ref);
    const hg = sheet.skills.find((s) => s.id === 'handguns')!;
    expect(hg).toMatchObject({ level: firstPerk.level, xpIntoLevel: 1, perks: [firstPerk] });
    expect(hg.nextPerk).toEqual(handguns.perks[1]);
  });

  it('stops at the skill cap and adds up concurrent gains', async () => {
    const ref = await fresh();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        gainSkillXp(deps, { characterId: ref.characterId, skillId: 'medicine', amount: 10 }),
      ),
    );
    const s = await db.characterSkill.findUniqueOrThrow({
      where: { characterId_skillId: { characterId: ref.characterId, skillId: 'medicine' } },
    });
    expect(s.xp).toBe(60);
    const capped = await gainSkillXp(deps, {
      characterId: ref.characterId,
      skillId: 'medicine',
      amount: 1_000_000,
    });
    expect(capped.level).toBe(20);
    expect(capped.xp).toBe(skillTotalXpForLevel(20));
  });

  it('refuses unknown skills and bad amounts', async () => {
    const ref = await fresh();
    await expectDomainError(
      gainSkillXp(deps, { characterId: ref.characterId, skillId: 'juggling', amount: 5 }),
      'VALIDATION',
      'Unknown skill',
    );
    await expectDomainError(
      gainSkillXp(deps, { characterId: ref.characterId, skillId: 'blades', amount: -5 }),
      'VALIDATION',
    );
  });
});
