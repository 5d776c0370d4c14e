import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniq } from '@necp/db/testing';
import { FakeClock, claimZoneOwnership, createLog } from '@necp/game';
import { testDb } from '../testing/test-db';
import { DbPositionWriter } from './position-writer';

const db = testDb(2);
afterAll(() => db.$disconnect());

const writerDeps = () => ({ db, clock: new FakeClock(), log: createLog('test', 'silent') });

describe('DbPositionWriter', () => {
  it('lands the newest position when flushes overlap, and remembers it meanwhile', async () => {
    const u = await createTestUser(db);
    const a = await createTestCharacter(db, u.id);
    const b = await createTestCharacter(db, u.id);
    const w = new DbPositionWriter(writerDeps());
    w.enqueue([
      { characterId: a.id, zoneId: 'watson', x: 1, y: 1, health: 90 },
      { characterId: b.id, zoneId: 'watson', x: 5, y: 5 },
    ]);
    const first = w.flush();
    // calls before it starts share it
    expect(w.flush()).toBe(first);
    await new Promise((r) => setImmediate(r));
    // queued while the first flush is on its way: must not be overtaken by it
    w.enqueue([{ characterId: a.id, zoneId: 'westbrook', x: 2, y: 3, health: 80 }]);
    expect(w.latest(a.id)).toMatchObject({ zoneId: 'westbrook', x: 2 });
    const second = w.flush();
    expect(second).not.toBe(first);
    await Promise.all([first, second]);
    const [ra, rb] = await Promise.all(
      [a, b].map((c) => db.character.findUniqueOrThrow({ where: { id: c.id } })),
    );
    expect(ra).toMatchObject({ zoneId: 'westbrook', x: 2, y: 3, health: 80 });
    expect(rb).toMatchObject({ zoneId: 'watson', x: 5, y: 5, health: 110 });
    expect(w.latest(a.id)).toMatchObject({ zoneId: 'westbrook', x: 2 });
  });

  it('keeps a batch that failed and writes it with the next flush', async () => {
    const u = await createTestUser(db);
    const a = await createTestCharacter(db, u.id);
    const w = new DbPositionWriter(writerDeps());
    // a zone that does not exist yet breaks the statement (foreign key) until it does
    const zoneId = uniq('zone-');
    w.enqueue([{ characterId: a.id, zoneId, x: 9, y: 9, health: 70 }]);
    await w.flush();
    expect(await db.character.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      zoneId: 'watson',
    });
    expect(w.latest(a.id)).toMatchObject({ zoneId });
    await db.zone.create({
      data: { id: zoneId, name: zoneId, width: 10, height: 10, minLevel: 1, maxLevel: 1 },
    });
    await w.flush();
    expect(await db.character.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      zoneId,
      x: 9,
      y: 9,
      health: 70,
    });
  });

  it('drops the saves of a zone another process took over (fencing) and writes the current owner’s', async () => {
    const u = await createTestUser(db);
    const [a, b] = await Promise.all([
      createTestCharacter(db, u.id),
      createTestCharacter(db, u.id),
    ]);
    const zoneId = uniq('fz');
    for (const token of [1, 2])
      await db.$transaction((tx) =>
        claimZoneOwnership(tx, { zoneId, token, ownerId: `s${token}` }),
      );
    const w = new DbPositionWriter(writerDeps());
    w.enqueue([
      { characterId: a.id, zoneId: 'westbrook', x: 7, y: 7, fence: { zoneId, token: 1 } },
      { characterId: b.id, zoneId: 'westbrook', x: 8, y: 8, fence: { zoneId, token: 2 } },
    ]);
    expect(await w.landed(a.id)).toBe(false);
    expect(await w.landed(b.id)).toBe(true);
    // refused is final: the next flush does not try the stale save again
    await w.flush();
    const [ra, rb] = await Promise.all(
      [a, b].map((c) => db.character.findUniqueOrThrow({ where: { id: c.id } })),
    );
    expect(ra).toMatchObject({ zoneId: a.zoneId, x: a.x, y: a.y });
    expect(rb).toMatchObject({ zoneId: 'westbrook', x: 8, y: 8 });
  });
});
