import { afterAll, describe, expect, it } from 'vitest';
import {
  BASE_MOVE_SPEED,
  MIN_ENCUMBRANCE_FACTOR,
  deriveStats,
  encumbrance,
  itemTemplateById,
  playerCombatStats,
  startingAttributes,
  type ItemTemplate,
} from '@necp/shared';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { give, newPlayer } from '../inventory/test-helpers';
import { equipDirect } from '../progression/test-helpers';
import { loadCharacterStats } from './character-stats';

const db = testDb(2);
afterAll(() => db.$disconnect());

// the factory makes a streetkid solo with exactly its starting attributes
const START = startingAttributes('streetkid', 'solo');
const combatWith = (...equipped: ItemTemplate[]) =>
  playerCombatStats(deriveStats({ attributes: START, level: 1, equipped }));
const template = (id: string) => {
  const t = itemTemplateById(id);
  if (!t) throw new Error(id);
  return t;
};

describe('loadCharacterStats', () => {
  it('moves at base speed with a light bag, fights unarmed without a weapon', async () => {
    const p = await newPlayer(db);
    await give(db, p, 'scrap_metal', 10);
    expect(await loadCharacterStats({ db }, p.characterId)).toEqual({
      level: 1,
      classId: 'solo',
      health: 110,
      maxHealth: 110,
      speed: BASE_MOVE_SPEED,
      weight: 2,
      carryWeight: expect.any(Number),
      combat: combatWith(),
      weapon: null,
    });
  });

  it('fights with the weapon in hand and the armour worn, but not with broken gear', async () => {
    const p = await newPlayer(db, { class: 'netrunner' });
    const pistol = await equipDirect(db, p.characterId, 'pistol_unity', 'main_hand');
    await equipDirect(db, p.characterId, 'jacket_kevlar', 'body');
    const s = await loadCharacterStats({ db }, p.characterId);
    expect(s.classId).toBe('netrunner');
    expect(s.weapon).toEqual({
      itemId: pistol.id,
      templateId: 'pistol_unity',
      skillId: 'handguns',
    });
    expect(s.combat).toEqual(combatWith(template('pistol_unity'), template('jacket_kevlar')));
    expect(s.combat.range).toBe(20);
    expect(s.combat.armor).toBeGreaterThan(0);

    await db.item.update({ where: { id: pistol.id }, data: { durability: 0 } });
    const broken = await loadCharacterStats({ db }, p.characterId);
    expect(broken.weapon).toBeNull();
    expect(broken.combat).toEqual(combatWith(template('jacket_kevlar')));
  });

  it('slows a character carrying more than its carry weight, down to the floor', async () => {
    const p = await newPlayer(db);
    await give(db, p, 'scrap_metal', 99 * 5); // 99 kg
    const s = await loadCharacterStats({ db }, p.characterId);
    expect(s.weight).toBe(99);
    expect(s.weight).toBeGreaterThan(s.carryWeight);
    expect(s.speed).toBeCloseTo(BASE_MOVE_SPEED * encumbrance(s.weight, s.carryWeight), 2);
    expect(s.speed).toBeLessThan(BASE_MOVE_SPEED);

    await give(db, p, 'scrap_metal', 99 * 20); // 495 kg
    const crushed = await loadCharacterStats({ db }, p.characterId);
    expect(crushed.speed).toBeCloseTo(BASE_MOVE_SPEED * MIN_ENCUMBRANCE_FACTOR, 2);
  });

  it('refuses a missing character', async () => {
    await expectDomainError(loadCharacterStats({ db }, 'nope'), 'NOT_FOUND');
  });
});
