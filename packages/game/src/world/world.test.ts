import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, testCharacterData, uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { loadCharacterForSim } from './load-character';
import { POSITION_SAVE_CHUNK, saveCharacterPositions } from './save-positions';

const db = testDb(2);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

describe('loadCharacterForSim', () => {
  it("loads the user's own character", async () => {
    const u = await createTestUser(db);
    const c = await createTestCharacter(db, u.id, { x: 10, y: 20 });
    const got = await loadCharacterForSim(deps, { userId: u.id, characterId: c.id });
    expect(got).toEqual({
      id: c.id,
      userId: u.id,
      name: c.name,
      level: 1,
      classId: 'solo',
      origin: c.origin,
      health: 110,
      maxHealth: 110,
      zoneId: 'watson',
      instanceId: null,
      x: 10,
      y: 20,
      guildTag: null,
      title: null,
    });
  });

  it("refuses another user's character like a missing one", async () => {
    const owner = await createTestUser(db);
    const other = await createTestUser(db);
    const c = await createTestCharacter(db, owner.id);
    await expectDomainError(
      loadCharacterForSim(deps, { userId: other.id, characterId: c.id }),
      'NOT_FOUND',
    );
  });

  it('refuses a soft-deleted or missing character', async () => {
    const u = await createTestUser(db);
    const c = await createTestCharacter(db, u.id, { deletedAt: new Date() });
    await expectDomainError(
      loadCharacterForSim(deps, { userId: u.id, characterId: c.id }),
      'NOT_FOUND',
    );
    await expectDomainError(
      loadCharacterForSim(deps, { userId: u.id, characterId: 'nope' }),
      'NOT_FOUND',
    );
  });
});

describe('saveCharacterPositions', () => {
  it('writes a batch in one go and skips rows that no longer exist', async () => {
    const u = await createTestUser(db);
    const a = await createTestCharacter(db, u.id);
    const b = await createTestCharacter(db, u.id);
    await saveCharacterPositions(deps, [
      { characterId: a.id, zoneId: 'watson', x: 1.5, y: 2.25 },
      { characterId: b.id, zoneId: 'watson', x: 300, y: 400 },
      { characterId: 'gone', zoneId: 'watson', x: 0, y: 0 },
    ]);
    const rows = await db.character.findMany({
      where: { id: { in: [a.id, b.id] } },
      orderBy: { x: 'asc' },
    });
    expect(rows.map((r) => [r.x, r.y])).toEqual([
      [1.5, 2.25],
      [300, 400],
    ]);
    expect(rows[0]?.lastPlayedAt?.getTime()).toBe(deps.clock.ms());
  });

  it('saves health with the position when given, and leaves it alone otherwise', async () => {
    const u = await createTestUser(db);
    const a = await createTestCharacter(db, u.id);
    const b = await createTestCharacter(db, u.id);
    await saveCharacterPositions(deps, [
      { characterId: a.id, zoneId: 'watson', x: 5, y: 6, health: 42.4 },
      { characterId: b.id, zoneId: 'watson', x: 7, y: 8 },
    ]);
    const [ra, rb] = await Promise.all(
      [a, b].map((c) => db.character.findUniqueOrThrow({ where: { id: c.id } })),
    );
    expect(ra).toMatchObject({ x: 5, y: 6, health: 42 });
    expect(rb).toMatchObject({ x: 7, y: 8, health: 110 });
    await saveCharacterPositions(deps, [
      { characterId: a.id, zoneId: 'watson', x: 5, y: 6, health: -3 },
    ]);
    expect((await db.character.findUniqueOrThrow({ where: { id: a.id } })).health).toBe(0);
  });

  it('does nothing for an empty batch', async () => {
    await expect(saveCharacterPositions(deps, [])).resolves.toEqual([]);
  });

  it("keeps a character's last position when it appears twice in one batch", async () => {
    const u = await createTestUser(db);
    const a = await createTestCharacter(db, u.id);
    await saveCharacterPositions(deps, [
      { characterId: a.id, zoneId: 'watson', x: 1, y: 1, health: 50 },
      { characterId: a.id, zoneId: 'westbrook', x: 2, y: 3 },
    ]);
    expect(await db.character.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      zoneId: 'westbrook',
      x: 2,
      y: 3,
      health: 110,
    });
  });

  it('saves a flush of 2,500 characters (several statements) and every row is right', async () => {
    const n = 2 * POSITION_SAVE_CHUNK + 500;
    const u = await createTestUser(db);
    const prefix = uniq('pos');
    const rows = await db.character.createManyAndReturn({
      data: Array.from({ length: n }, (_, i) =>
        testCharacterData(u.id, { name: `${prefix}${i}`, x: 0, y: 0 }),
      ),
      select: { id: true },
    });
    const zones = ['watson', 'westbrook', 'city-center'];
    // every third character leaves its health alone
    const positions = rows.map((r, i) => ({
      characterId: r.id,
      zoneId: zones[i % 3]!,
      x: i + 0.25,
      y: 2 * i + 0.5,
      ...(i % 3 === 0 ? {} : { health: i % 100 }),
    }));
    await saveCharacterPositions(deps, positions);
    const saved = await db.character.findMany({
      where: { userId: u.id },
      select: { id: true, zoneId: true, x: true, y: true, health: true, lastPlayedAt: true },
    });
    const byId = new Map(saved.map((s) => [s.id, s]));
    expect(saved).toHaveLength(n);
    for (const p of positions)
      expect(byId.get(p.characterId)).toEqual({
        id: p.characterId,
        zoneId: p.zoneId,
        x: p.x,
        y: p.y,
        health: p.health ?? 110,
        lastPlayedAt: deps.clock.now(),
      });
  });
});
