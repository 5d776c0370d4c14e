import { afterAll, describe, expect, it } from 'vitest';
import {
  ATTRIBUTE_MAX,
  LEVEL_CAP,
  SKILLS,
  deriveStats,
  itemTemplateById,
  maxHealthFor,
  respecCost,
  startingAttributes,
  xpToNextLevel,
} from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { getCharacterSheet } from './get-character-sheet';
import { equipDirect, freshCharacter } from './test-helpers';

const db = testDb(4);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

// the factory makes a streetkid solo with exactly its starting attributes
const START = startingAttributes('streetkid', 'solo');

const fresh = () => freshCharacter(db);

describe('getCharacterSheet', () => {
  it('shows a new character: level 1, no points, unarmed stats, skills at 0, respec price', async () => {
    const ref = await fresh();
    const s = await getCharacterSheet(deps, ref);
    expect(s).toMatchObject({
      characterId: ref.characterId,
      level: 1,
      levelCap: LEVEL_CAP,
      xp: 0,
      xpIntoLevel: 0,
      xpToNext: xpToNextLevel(1),
      attributes: START,
      startingAttributes: START,
      attributePoints: 0,
      attributeMax: ATTRIBUTE_MAX,
      eddies: 0,
      respecCount: 0,
      respecCost: respecCost(1, 0),
      weight: { carried: 0, speedFactor: 1 },
    });
    expect(s.stats).toEqual(deriveStats({ attributes: START, level: 1, equipped: [] }));
    expect(s.stats.maxHealth).toBe(maxHealthFor(START, 1));
    expect(s.skills.map((k) => k.id)).toEqual(SKILLS.map((k) => k.id));
    expect(s.skills.every((k) => k.level === 0 && k.perks.length === 0 && k.nextPerk)).toBe(true);
  });

  it('derives stats from equipped items that are not broken; broken ones still weigh', async () => {
    const ref = await fresh();
    await equipDirect(db, ref.characterId, 'jacket_kevlar', 'body');
    await equipDirect(db, ref.characterId, 'pistol_unity', 'main_hand', 0); // broken
    await equipDirect(db, ref.characterId, 'cyber_optics_kiroshi', 'cyber_1');
    const jacket = itemTemplateById('jacket_kevlar')!;
    const optics = itemTemplateById('cyber_optics_kiroshi')!;
    const pistol = itemTemplateById('pistol_unity')!;
    const s = await getCharacterSheet(deps, ref);
    expect(s.stats).toEqual(
      deriveStats({ attributes: START, level: 1, equipped: [jacket, optics] }),
    );
    expect(s.stats.damageType).toBe('physical');
    expect(s.stats.range).toBe(1.5); // fists: the pistol is broken
    expect(s.stats.attributes.reflexes).toBe(START.reflexes + 1);
    expect(s.attributes).toEqual(START); // the spendable attributes exclude item bonuses
    expect(s.weight.carried).toBeCloseTo(jacket.weight + optics.weight + pistol.weight);
  });

  it('gives NOT_FOUND for a missing or a deleted character', async () => {
    const ref = await fresh();
    await expectDomainError(
      getCharacterSheet(deps, { characterId: 'no-such-character' }),
      'NOT_FOUND',
      'Character not found',
    );
    await db.character.update({ where: { id: ref.characterId }, data: { deletedAt: new Date() } });
    await expectDomainError(getCharacterSheet(deps, ref), 'NOT_FOUND');
  });
});
