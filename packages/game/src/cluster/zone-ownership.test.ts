import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniq } from '@necp/db/testing';
import { testDb } from '../accounts/test-deps';
import { claimZoneOwnership, isCurrentOwner, ownsZoneSql } from './zone-ownership';

const db = testDb();
afterAll(() => db.$disconnect());

const claim = (zoneId: string, token: number, ownerId = `sim-${token}`) =>
  db.$transaction((tx) => claimZoneOwnership(tx, { zoneId, token, ownerId }));
const owns = (zoneId: string, token: number) =>
  db.$transaction((tx) => isCurrentOwner(tx, zoneId, token));

describe('zone ownership (fencing tokens in PostgreSQL)', () => {
  it('a later owner takes over; an earlier token is refused with the current one', async () => {
    const z = uniq('zone');
    expect(await owns(z, 1)).toBe(false); // nobody claimed it yet
    expect(await claim(z, 3)).toEqual({ ok: true });
    expect(await claim(z, 3)).toEqual({ ok: true }); // the same owner again
    expect(await claim(z, 3, 'someone else')).toEqual({ ok: false, current: 3 });
    expect(await claim(z, 5, 'new')).toEqual({ ok: true });
    expect(await claim(z, 4)).toEqual({ ok: false, current: 5 });
    expect(await owns(z, 5)).toBe(true);
    expect(await owns(z, 3)).toBe(false);
    expect(await db.zoneOwner.findUniqueOrThrow({ where: { zoneId: z } })).toMatchObject({
      token: 5n,
      ownerId: 'new',
    });
  });

  it('a takeover waits for a guarded write in flight, and the old owner’s next write is refused', async () => {
    const z = uniq('zone');
    await claim(z, 1);
    const order: string[] = [];
    let checked!: () => void;
    const checkedP = new Promise<void>((r) => (checked = r));
    const oldOwner = db.$transaction(async (tx) => {
      expect(await isCurrentOwner(tx, z, 1)).toBe(true);
      checked();
      await new Promise((r) => setTimeout(r, 150));
      order.push('old owner wrote');
    });
    await checkedP;
    const takeover = claim(z, 2).then((r) => order.push('taken over') && r);
    await oldOwner;
    expect(await takeover).toEqual({ ok: true });
    expect(order).toEqual(['old owner wrote', 'taken over']);
    expect(await owns(z, 1)).toBe(false);
  });

  it('ownsZoneSql makes a single UPDATE a no-op for a stale token', async () => {
    const z = uniq('zone');
    const user = await createTestUser(db);
    const c = await createTestCharacter(db, user.id, { x: 10, y: 10 });
    await claim(z, 7);
    const move = (token: number, x: number) =>
      db.$executeRaw`UPDATE "Character" SET "x" = ${x} WHERE "id" = ${c.id} AND ${ownsZoneSql(z, token)}`;
    expect(await move(6, 99)).toBe(0);
    expect(await move(7, 42)).toBe(1);
    expect((await db.character.findUniqueOrThrow({ where: { id: c.id } })).x).toBe(42);
  });
});
