import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { recordAreaEntered } from './record-area-entered';

const db = testDb(2);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

async function character() {
  const u = await createTestUser(db);
  return createTestCharacter(db, u.id);
}

const events = (key: string) => db.outboxEvent.findMany({ where: { key } });

describe('recordAreaEntered', () => {
  it('publishes area.entered once per key', async () => {
    const c = await character();
    const key = `area.entered:${c.id}:kabuki_market:${uniq()}`;
    const input = { characterId: c.id, zoneId: 'watson', areaId: 'kabuki_market', key };
    expect(await recordAreaEntered(deps, input)).toBe(true);
    // a retry after a lost reply publishes nothing more
    expect(await recordAreaEntered(deps, input)).toBe(false);
    const rows = await events(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'area.entered',
      payload: { characterId: c.id, zoneId: 'watson', areaId: 'kabuki_market' },
      publishedAt: null,
    });
  });

  it('refuses an area of another zone, an unknown zone and a missing or deleted character', async () => {
    const c = await character();
    const key = `area.entered:${uniq()}`;
    const base = { characterId: c.id, zoneId: 'watson', areaId: 'kabuki_market', key };
    await expectDomainError(
      recordAreaEntered(deps, { ...base, areaId: 'no_such_area' }),
      'NOT_FOUND',
    );
    await expectDomainError(recordAreaEntered(deps, { ...base, zoneId: 'atlantis' }), 'NOT_FOUND');
    await expectDomainError(
      recordAreaEntered(deps, { ...base, characterId: 'no-such-character' }),
      'NOT_FOUND',
    );
    await db.character.update({ where: { id: c.id }, data: { deletedAt: new Date() } });
    await expectDomainError(recordAreaEntered(deps, base), 'NOT_FOUND');
    expect(await events(key)).toEqual([]);
  });

  it('refuses malformed input with VALIDATION', async () => {
    const c = await character();
    const key = `area.entered:${uniq()}`;
    const base = { characterId: c.id, zoneId: 'watson', areaId: 'kabuki_market', key };
    for (const bad of [
      { ...base, key: '' },
      { ...base, characterId: '' },
      { ...base, areaId: 'x'.repeat(65) },
      { ...base, zoneId: 7 },
    ]) {
      await expectDomainError(recordAreaEntered(deps, bad as unknown as typeof base), 'VALIDATION');
    }
    expect(await events(key)).toEqual([]);
  });
});
