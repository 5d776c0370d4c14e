import { afterAll, describe, expect, it } from 'vitest';
import { maxHealthFor, respecCost, startingAttributes, totalXpForLevel } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { fund, freshCharacter } from './test-helpers';
import { respecAttributes } from './respec-attributes';
import { spendAttributePoint } from './spend-attribute-point';

const db = testDb(6);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

// the factory makes a streetkid solo with exactly its starting attributes
const START = startingAttributes('streetkid', 'solo');

const fresh = () => freshCharacter(db);

const row = (id: string) => db.character.findUniqueOrThrow({ where: { id } });

describe('respecAttributes', () => {
  async function spent(points: number) {
    const ref = await fresh();
    await db.character.update({
      where: { id: ref.characterId },
      data: { attributePoints: points, level: 5, xp: totalXpForLevel(5) },
    });
    for (let i = 0; i < points; i++)
      await spendAttributePoint(deps, { ...ref, attribute: i % 2 ? 'cool' : 'body' });
    return ref;
  }

  it('resets to the starting attributes, refunds the points and charges eddies through the ledger', async () => {
    const ref = await spent(4);
    const cost = respecCost(5, 0);
    await fund(db, ref.characterId, cost + 25);
    const s = await respecAttributes(deps, ref);
    expect(s).toMatchObject({
      attributes: START,
      attributePoints: 4,
      eddies: 25,
      respecCount: 1,
      respecCost: respecCost(5, 1),
    });
    expect(s.respecCost).toBeGreaterThan(cost);
    const c = await row(ref.characterId);
    expect(c).toMatchObject({ ...START, attributePoints: 4, eddies: 25, respecCount: 1 });
    expect(c.maxHealth).toBe(maxHealthFor(START, 5));
    expect(c.health).toBeLessThanOrEqual(c.maxHealth);
    const ledger = await db.ledgerEntry.findMany({
      where: { characterId: ref.characterId, reason: 'respec' },
    });
    expect(ledger).toEqual([
      expect.objectContaining({
        reason: 'respec',
        characterId: ref.characterId,
        eddiesDelta: -cost,
        balanceAfter: 25,
      }),
    ]);
    const all = await db.ledgerEntry.findMany({ where: { characterId: ref.characterId } });
    expect(all.reduce((n, e) => n + e.eddiesDelta, 0)).toBe(c.eddies);
  });

  it('without enough eddies refuses and writes nothing', async () => {
    const ref = await spent(2);
    await fund(db, ref.characterId, respecCost(5, 0) - 1);
    const before = await row(ref.characterId);
    const ledgerBefore = await db.ledgerEntry.count({ where: { characterId: ref.characterId } });
    await expectDomainError(
      respecAttributes(deps, ref),
      'INVALID_STATE',
      `A respec costs ${respecCost(5, 0)} eddies; you have ${respecCost(5, 0) - 1}`,
    );
    expect(await row(ref.characterId)).toEqual(before);
    expect(await db.ledgerEntry.count({ where: { characterId: ref.characterId } })).toBe(
      ledgerBefore,
    );
  });

  it('refuses when nothing was spent, and for a missing character', async () => {
    const ref = await fresh();
    await fund(db, ref.characterId, 10_000);
    await expectDomainError(
      respecAttributes(deps, ref),
      'INVALID_STATE',
      'You have not spent any attribute points',
    );
    await expectDomainError(
      respecAttributes(deps, { characterId: 'no-such-character' }),
      'NOT_FOUND',
    );
    expect((await row(ref.characterId)).eddies).toBe(10_000);
  });

  it('charges once when two respecs race', async () => {
    const ref = await spent(2);
    await fund(db, ref.characterId, 100_000);
    const results = await Promise.allSettled([
      respecAttributes(deps, ref),
      respecAttributes(deps, ref),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await row(ref.characterId)).eddies).toBe(100_000 - respecCost(5, 0));
  });
});
