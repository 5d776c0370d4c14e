import { afterAll, describe, expect, it } from 'vitest';
import { BASE_MOVE_SPEED, MIN_ENCUMBRANCE_FACTOR, encumbrance } from '@necp/shared';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { give, newPlayer } from '../inventory/test-helpers';
import { loadCharacterStats } from './character-stats';

const db = testDb(2);
afterAll(() => db.$disconnect());

describe('loadCharacterStats', () => {
  it('moves at base speed with a light bag', async () => {
    const p = await newPlayer(db);
    await give(db, p, 'scrap_metal', 10);
    expect(await loadCharacterStats({ db }, p.characterId)).toEqual({
      level: 1,
      health: 110,
      maxHealth: 110,
      speed: BASE_MOVE_SPEED,
      weight: 2,
      carryWeight: expect.any(Number),
    });
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
