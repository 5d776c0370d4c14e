import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestCharacter, uniq } from '@necp/db/testing';
import { checkInvariants } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

describe('admin router', () => {
  it('refuses players and moderators', async () => {
    const deps = testDeps(db);
    const target = await signedIn(deps, db);
    const c = await createTestCharacter(db, target.user.id);
    for (const role of ['PLAYER', 'MODERATOR'] as const) {
      const { caller } = await signedIn(deps, db, role);
      expect(
        await rejection(
          caller.admin.grantItem({
            idempotencyKey: uniq('k-'),
            characterId: c.id,
            templateId: 'stim_basic',
            quantity: 5,
          }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await rejection(
          caller.admin.grantEddies({ idempotencyKey: uniq('k-'), characterId: c.id, amount: 100 }),
        ),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await db.item.count({ where: { characterId: c.id } })).toBe(0);
    expect((await db.character.findUniqueOrThrow({ where: { id: c.id } })).eddies).toBe(0);
  });

  it('a grant retried with its key grants once and answers the first outcome', async () => {
    const deps = testDeps(db);
    const info = vi.spyOn(deps.log, 'info');
    const admin = await signedIn(deps, db, 'ADMIN');
    const target = await signedIn(deps, db);
    const c = await createTestCharacter(db, target.user.id);
    const items = {
      idempotencyKey: uniq('k-'),
      characterId: c.id,
      templateId: 'stim_basic',
      quantity: 3,
    };
    const placed = await admin.caller.admin.grantItem(items);
    expect(await admin.caller.admin.grantItem(items)).toEqual(placed);
    const eddies = { idempotencyKey: uniq('k-'), characterId: c.id, amount: 250 };
    const both = await Promise.all([
      admin.caller.admin.grantEddies(eddies),
      admin.caller.admin.grantEddies(eddies),
    ]);
    expect(both).toEqual([
      { characterId: c.id, eddies: 250 },
      { characterId: c.id, eddies: 250 },
    ]);
    expect((await db.character.findUniqueOrThrow({ where: { id: c.id } })).eddies).toBe(250);
    expect(
      (await db.item.aggregate({ where: { characterId: c.id }, _sum: { quantity: true } }))._sum
        .quantity,
    ).toBe(3);
    // the domain's audit line says what was granted, once each (the procedure logs every call)
    const granted = info.mock.calls.filter((call) => String(call[1]).startsWith('admin granted'));
    expect(granted).toHaveLength(2);
    expect(
      await rejection(admin.caller.admin.grantEddies({ ...eddies, amount: 251 })),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await checkInvariants(db, { characterIds: [c.id] })).toEqual([]);
  });

  it('grants items and eddies to any character, ledger reason admin, audit-logged', async () => {
    const deps = testDeps(db);
    const info = vi.spyOn(deps.log, 'info');
    const admin = await signedIn(deps, db, 'ADMIN');
    const target = await signedIn(deps, db);
    const c = await createTestCharacter(db, target.user.id);
    const placed = await admin.caller.admin.grantItem({
      idempotencyKey: uniq('k-'),
      characterId: c.id,
      templateId: 'stim_basic',
      quantity: 25,
    });
    expect(placed.map((p) => [p.slot, p.quantity])).toEqual([
      [0, 20],
      [1, 5],
    ]);
    expect(
      await admin.caller.admin.grantEddies({
        idempotencyKey: uniq('k-'),
        characterId: c.id,
        amount: 500,
      }),
    ).toEqual({
      characterId: c.id,
      eddies: 500,
    });
    expect(
      await admin.caller.admin.grantEddies({
        idempotencyKey: uniq('k-'),
        characterId: c.id,
        amount: -200,
      }),
    ).toMatchObject({ eddies: 300 });
    expect(
      await rejection(
        admin.caller.admin.grantEddies({
          idempotencyKey: uniq('k-'),
          characterId: c.id,
          amount: -301,
        }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Not enough eddies',
    });
    const rows = await db.ledgerEntry.findMany({
      where: { OR: [{ characterId: c.id }, { toOwner: `char:${c.id}` }] },
    });
    expect(new Set(rows.map((r) => [r.reason, r.ref].join(' ')))).toEqual(
      new Set([`admin admin:${admin.user.id}`]),
    );
    const audit = info.mock.calls
      .map((call) => call[0] as Record<string, unknown>)
      .filter((o) => o.audit);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          adminUserId: admin.user.id,
          characterId: c.id,
          templateId: 'stim_basic',
          quantity: 25,
        }),
        expect.objectContaining({
          adminUserId: admin.user.id,
          characterId: c.id,
          amount: 500,
          eddies: 500,
        }),
        expect.objectContaining({ path: 'admin.grantItem', ok: true }),
      ]),
    );
    expect(await checkInvariants(db, { characterIds: [c.id] })).toEqual([]);
  });

  it('validates admin input and unknown targets', async () => {
    const deps = testDeps(db);
    const admin = await signedIn(deps, db, 'ADMIN');
    const target = await signedIn(deps, db);
    const c = await createTestCharacter(db, target.user.id);
    for (const call of [
      () =>
        admin.caller.admin.grantItem({
          idempotencyKey: uniq('k-'),
          characterId: c.id,
          templateId: 'stim_basic',
          quantity: 0,
        }),
      () =>
        admin.caller.admin.grantItem({
          idempotencyKey: uniq('k-'),
          characterId: c.id,
          templateId: 'stim_basic',
          quantity: 100_000,
        }),
      () =>
        admin.caller.admin.grantEddies({
          idempotencyKey: uniq('k-'),
          characterId: c.id,
          amount: 0,
        }),
      () =>
        admin.caller.admin.grantEddies({
          idempotencyKey: uniq('k-'),
          characterId: c.id,
          amount: 1.5,
        }),
      () =>
        admin.caller.admin.grantEddies({
          idempotencyKey: uniq('k-'),
          characterId: c.id,
          amount: 5_000_000_000,
        }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(
        admin.caller.admin.grantItem({
          idempotencyKey: uniq('k-'),
          characterId: c.id,
          templateId: 'nope',
          quantity: 1,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'Unknown item' });
    expect(
      await rejection(
        admin.caller.admin.grantItem({
          idempotencyKey: uniq('k-'),
          characterId: 'nope',
          templateId: 'stim_basic',
          quantity: 1,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.item.count({ where: { characterId: c.id } })).toBe(0);
  });

  it('grants XP with level-ups to admins only', async () => {
    const deps = testDeps(db);
    const admin = await signedIn(deps, db, 'ADMIN');
    const player = await signedIn(deps, db);
    const c = await createTestCharacter(db, player.user.id);
    expect(
      await rejection(player.caller.admin.grantXp({ characterId: c.id, amount: 500 })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejection(admin.caller.admin.grantXp({ characterId: c.id, amount: -5 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const r = await admin.caller.admin.grantXp({ characterId: c.id, amount: 500 });
    expect(r.levelsGained).toBeGreaterThan(0);
    const row = await db.character.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.level).toBe(r.level);
    expect(row.attributePoints).toBe(r.levelsGained);
    expect(row.health).toBe(row.maxHealth);
  });
});
