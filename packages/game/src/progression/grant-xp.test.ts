import { afterAll, describe, expect, it } from 'vitest';
import {
  ATTRIBUTE_POINTS_PER_LEVEL,
  LEVEL_CAP,
  MAX_TOTAL_XP,
  maxHealthFor,
  startingAttributes,
  totalXpForLevel,
  xpToNextLevel,
} from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { freshCharacter } from './test-helpers';
import { getCharacterSheet } from './get-character-sheet';
import { grantXp, grantXpTx } from './grant-xp';

const db = testDb(6);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

// the factory makes a streetkid solo with exactly its starting attributes
const START = startingAttributes('streetkid', 'solo');

const fresh = () => freshCharacter(db);

const row = (id: string) => db.character.findUniqueOrThrow({ where: { id } });

describe('grantXp', () => {
  it('levels up several times at once: points per level and full health', async () => {
    const ref = await fresh();
    await db.character.update({ where: { id: ref.characterId }, data: { health: 3 } });
    const r = await grantXp(deps, {
      characterId: ref.characterId,
      amount: totalXpForLevel(4) + 10,
      reason: 'test',
    });
    const maxHealth = maxHealthFor(START, 4);
    expect(r).toEqual({
      level: 4,
      xp: totalXpForLevel(4) + 10,
      xpGained: totalXpForLevel(4) + 10,
      levelsGained: 3,
      attributePoints: 3 * ATTRIBUTE_POINTS_PER_LEVEL,
      health: maxHealth,
      maxHealth,
    });
    expect(await row(ref.characterId)).toMatchObject({
      level: 4,
      xp: r.xp,
      attributePoints: r.attributePoints,
      health: maxHealth,
      maxHealth,
    });
    const s = await getCharacterSheet(deps, ref);
    expect(s).toMatchObject({ xpIntoLevel: 10, xpToNext: xpToNextLevel(4) });
  });

  it('does not restore health without a level-up', async () => {
    const ref = await fresh();
    await db.character.update({ where: { id: ref.characterId }, data: { health: 3 } });
    const r = await grantXp(deps, { characterId: ref.characterId, amount: 5, reason: 'kill' });
    expect(r).toMatchObject({ levelsGained: 0, level: 1, health: 3 });
  });

  it('stops at the level cap', async () => {
    const ref = await fresh();
    const r = await grantXp(deps, {
      characterId: ref.characterId,
      amount: MAX_TOTAL_XP + 12345,
      reason: 'admin',
    });
    expect(r).toMatchObject({ level: LEVEL_CAP, xp: MAX_TOTAL_XP, levelsGained: LEVEL_CAP - 1 });
    const again = await grantXp(deps, { characterId: ref.characterId, amount: 1000, reason: 'x' });
    expect(again).toMatchObject({ level: LEVEL_CAP, xpGained: 0, levelsGained: 0 });
    expect((await getCharacterSheet(deps, ref)).xpToNext).toBeNull();
  });

  it('adds up concurrent grants', async () => {
    const ref = await fresh();
    await Promise.all(
      Array.from({ length: 8 }, () =>
        grantXp(deps, { characterId: ref.characterId, amount: 30, reason: 'kill' }),
      ),
    );
    expect(await row(ref.characterId)).toMatchObject({ xp: 240, level: 2, attributePoints: 1 });
  });

  it('refuses bad amounts and unknown characters', async () => {
    await expectDomainError(
      grantXp(deps, { characterId: 'x', amount: 0, reason: 'r' }),
      'VALIDATION',
    );
    await expectDomainError(
      grantXp(deps, { characterId: 'no-such-character', amount: 5, reason: 'r' }),
      'NOT_FOUND',
    );
  });

  it('publishes character.leveled for a level-up, and nothing without one', async () => {
    const ref = await fresh();
    await grantXp(deps, { characterId: ref.characterId, amount: 5, reason: 'kill' });
    const leveled = () =>
      db.outboxEvent.findMany({
        where: {
          type: 'character.leveled',
          key: { startsWith: `character.leveled:${ref.characterId}:` },
        },
      });
    expect(await leveled()).toEqual([]);
    await grantXp(deps, {
      characterId: ref.characterId,
      amount: totalXpForLevel(3),
      reason: 'kill',
    });
    expect(await leveled()).toEqual([
      expect.objectContaining({
        key: `character.leveled:${ref.characterId}:3`,
        payload: { characterId: ref.characterId, level: 3, previousLevel: 1 },
      }),
    ]);
  });
});

describe('grantXpTx', () => {
  it("runs in the caller's transaction: a rollback undoes the XP and the event", async () => {
    const ref = await fresh();
    const failed = await db
      .$transaction(async (tx) => {
        const r = await grantXpTx(tx, {
          characterId: ref.characterId,
          amount: totalXpForLevel(2),
          reason: 'kill',
        });
        expect(r).toMatchObject({ level: 2, levelsGained: 1 });
        throw new Error('the rest of the award failed');
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await row(ref.characterId)).toMatchObject({ xp: 0, level: 1 });
    expect(
      await db.outboxEvent.count({ where: { key: `character.leveled:${ref.characterId}:2` } }),
    ).toBe(0);
  });
});
