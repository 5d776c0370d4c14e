import { afterAll, describe, expect, it } from 'vitest';
import { ATTRIBUTE_MAX, maxHealthFor, startingAttributes } from '@necp/shared';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { freshCharacter } from './test-helpers';
import { spendAttributePoint } from './spend-attribute-point';

const db = testDb(6);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

// the factory makes a streetkid solo with exactly its starting attributes
const START = startingAttributes('streetkid', 'solo');

const fresh = () => freshCharacter(db);

const row = (id: string) => db.character.findUniqueOrThrow({ where: { id } });

describe('spendAttributePoint', () => {
  it('moves a point into an attribute; Body raises max and current health', async () => {
    const ref = await fresh();
    await db.character.update({
      where: { id: ref.characterId },
      data: { attributePoints: 2, health: 50 },
    });
    const s = await spendAttributePoint(deps, { ...ref, attribute: 'body' });
    expect(s.attributes.body).toBe(START.body + 1);
    expect(s.attributePoints).toBe(1);
    expect(s.stats.maxHealth).toBe(maxHealthFor({ body: START.body + 1 }, 1));
    expect(await row(ref.characterId)).toMatchObject({
      body: START.body + 1,
      attributePoints: 1,
      health: 60,
      maxHealth: s.stats.maxHealth,
    });
  });

  it('refuses without points, above the maximum, and for a bad attribute', async () => {
    const ref = await fresh();
    await expectDomainError(
      spendAttributePoint(deps, { ...ref, attribute: 'cool' }),
      'INVALID_STATE',
      'You have no attribute points to spend',
    );
    await db.character.update({
      where: { id: ref.characterId },
      data: { attributePoints: 1, cool: ATTRIBUTE_MAX },
    });
    await expectDomainError(
      spendAttributePoint(deps, { ...ref, attribute: 'cool' }),
      'INVALID_STATE',
    );
    const e = await domainError(spendAttributePoint(deps, { ...ref, attribute: 'luck' as 'cool' }));
    expect(e.code).toBe('VALIDATION');
    expect((await row(ref.characterId)).attributePoints).toBe(1);
  });

  it('gives NOT_FOUND for a deleted character, and spends nothing', async () => {
    const ref = await fresh();
    await db.character.update({
      where: { id: ref.characterId },
      data: { attributePoints: 1, deletedAt: new Date() },
    });
    await expectDomainError(spendAttributePoint(deps, { ...ref, attribute: 'body' }), 'NOT_FOUND');
    expect((await row(ref.characterId)).attributePoints).toBe(1);
  });

  it('never overspends under parallel calls', async () => {
    const ref = await fresh();
    await db.character.update({ where: { id: ref.characterId }, data: { attributePoints: 3 } });
    const attrs = ['body', 'reflexes', 'technical', 'intelligence', 'cool'] as const;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        spendAttributePoint(deps, { ...ref, attribute: attrs[i % attrs.length]! }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results)
      if (r.status === 'rejected')
        expect((r.reason as { code?: string }).code).toBe('INVALID_STATE');
    const c = await row(ref.characterId);
    expect(c.attributePoints).toBe(0);
    const gained = attrs.reduce((n, k) => n + c[k] - START[k], 0);
    expect(gained).toBe(3);
  });
});
