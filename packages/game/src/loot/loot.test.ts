import { afterAll, describe, expect, it } from 'vitest';
import { DROP_DESPAWN_MS, DROP_OWNER_MS } from '@necp/shared';
import { expectDomainError, testDb, testDeps, type TestDeps } from '../accounts/test-deps';
import { seededRng } from '../core/rng';
import {
  expectBalanced,
  give,
  ledgerRows,
  newPlayer,
  type Player,
} from '../inventory/test-helpers';
import { createLootDrop, createLootDropTx, type LootDropResult } from './create-loot-drop';
import { dropItemToGround } from './drop-item-to-ground';
import { expireDrops } from './expire-drops';
import { listZoneDrops } from './list-zone-drops';
import { pickupDrop } from './pickup-drop';
import { SCATTER_RADIUS } from './scatter';

const db = testDb(8);
afterAll(() => db.$disconnect());

// Not Watson: the sim tests load Watson's drops at every boot, and a test that
// sweeps with a clock moved minutes ahead must not destroy another suite's drops.
const ZONE = 'westbrook';

/**
 * Rolls the Watson crate table until it gives at least one item (a roll may come
 * up empty); `eddies` sums every roll's.
 */
async function lootSome(
  deps: TestDeps,
  ownerCharacterId: string | null,
  at = { x: 100, y: 100 },
): Promise<LootDropResult> {
  let eddies = 0;
  for (let i = 0; i < 20; i++) {
    const res = await createLootDrop(deps, {
      zoneId: ZONE,
      ...at,
      tableId: 'crate_watson_common',
      level: 1,
      ownerCharacterId,
    });
    eddies += res.eddies;
    if (res.drops.length > 0) return { drops: res.drops, eddies };
  }
  throw new Error('the crate table kept rolling nothing');
}

const bagOf = (p: Player) =>
  db.item.findMany({ where: { characterId: p.characterId, container: 'BAG' } });

describe('createLootDrop', () => {
  it('puts rolled items on the ground with ledger sources, and credits eddies to the owner', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const before = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    const { drops, eddies } = await lootSome(deps, p.characterId);

    for (const d of drops) {
      expect(d).toMatchObject({
        zoneId: ZONE,
        ownerCharacterId: p.characterId,
        freeAt: deps.clock.ms() + DROP_OWNER_MS,
        despawnAt: deps.clock.ms() + DROP_DESPAWN_MS,
      });
      expect(Math.hypot(d.x - 100, d.y - 100)).toBeLessThanOrEqual(SCATTER_RADIUS + 1e-9);
      const item = await db.item.findUniqueOrThrow({ where: { id: d.itemId } });
      expect(item).toMatchObject({
        container: 'GROUND',
        characterId: null,
        userId: null,
        quantity: d.quantity,
        templateId: d.templateId,
      });
      expect(await ledgerRows(db, d.itemId)).toEqual([
        expect.objectContaining({
          reason: 'loot',
          quantityDelta: d.quantity,
          fromOwner: 'source:loot',
          toOwner: `ground:${ZONE}`,
        }),
      ]);
    }
    const after = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    expect(after.eddies - before.eddies).toBe(eddies);
    const currency = await db.ledgerEntry.findMany({
      where: { characterId: p.characterId, reason: 'loot' },
      orderBy: { id: 'asc' },
    });
    expect(currency.reduce((s, r) => s + r.eddiesDelta, 0)).toBe(eddies);
    if (eddies > 0) expect(currency.at(-1)?.balanceAfter).toBe(after.eddies);
    const listed = await listZoneDrops(deps, ZONE);
    expect(listed.filter((l) => drops.some((d) => d.id === l.id))).toHaveLength(drops.length);
    await expectBalanced(db, [p]);
  });

  it('replays the same drops from the same seed', async () => {
    const p = await newPlayer(db);
    const roll = (seed: number) =>
      createLootDrop(
        { ...testDeps(db), rng: seededRng(seed) },
        {
          zoneId: ZONE,
          x: 50,
          y: 50,
          tableId: 'crate_watson_common',
          level: 3,
          ownerCharacterId: p.characterId,
        },
      );
    const shape = (r: LootDropResult) => ({
      eddies: r.eddies,
      drops: r.drops.map((d) => [d.templateId, d.quantity, d.x, d.y]),
    });
    expect(shape(await roll(42))).toEqual(shape(await roll(42)));
  });

  it('refuses an unknown table, an unknown zone and a missing owner without writing', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const base = { zoneId: ZONE, x: 1, y: 1, tableId: 'crate_watson_common', level: 1 };
    await expectDomainError(
      createLootDrop(deps, { ...base, tableId: 'no_such_table', ownerCharacterId: p.characterId }),
      'NOT_FOUND',
    );
    await expectDomainError(
      createLootDrop(deps, { ...base, zoneId: 'atlantis', ownerCharacterId: p.characterId }),
      'NOT_FOUND',
    );
    await expectDomainError(
      createLootDrop(deps, { ...base, ownerCharacterId: 'ghost' }),
      'NOT_FOUND',
    );
  });
});

describe('createLootDropTx', () => {
  it("writes in the caller's transaction: a rollback leaves no drop, item or eddies", async () => {
    const p = await newPlayer(db);
    const rolledBack = new Error('the kill award failed');
    let made: LootDropResult | undefined;
    const err = await db
      .$transaction(async (tx) => {
        // same seed as a drop that gives items (found by trying, as lootSome does)
        for (let seed = 1; seed < 50 && !made?.drops.length; seed++)
          made = await createLootDropTx(
            tx,
            { ...testDeps(db), rng: seededRng(seed) },
            {
              zoneId: ZONE,
              x: 10,
              y: 10,
              tableId: 'crate_watson_common',
              level: 1,
              ownerCharacterId: p.characterId,
            },
          );
        throw rolledBack;
      })
      .catch((e: unknown) => e);
    expect(err).toBe(rolledBack);
    expect(made?.drops.length).toBeGreaterThan(0);
    for (const d of made?.drops ?? []) {
      expect(await db.worldDrop.findUnique({ where: { id: d.id } })).toBeNull();
      expect(await db.item.findUnique({ where: { id: d.itemId } })).toBeNull();
    }
    expect((await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).eddies).toBe(0);
    await expectBalanced(db, [p]);
  });
});

describe('pickupDrop', () => {
  it('is owner-only until freeAt, then free for all', async () => {
    const deps = testDeps(db);
    const owner = await newPlayer(db);
    const other = await newPlayer(db);
    const {
      drops: [drop],
    } = await lootSome(deps, owner.characterId);
    if (!drop) throw new Error('no drop');

    await expectDomainError(
      pickupDrop(deps, { characterId: other.characterId, dropId: drop.id }),
      'FORBIDDEN',
      `Reserved for ${drop.ownerName} — free in ${DROP_OWNER_MS / 1000} s.`,
    );
    expect(drop.ownerName).toBe(
      (await db.character.findUniqueOrThrow({ where: { id: owner.characterId } })).name,
    );
    deps.clock.advance(DROP_OWNER_MS - 1);
    await expectDomainError(
      pickupDrop(deps, { characterId: other.characterId, dropId: drop.id }),
      'FORBIDDEN',
      `Reserved for ${drop.ownerName} — free in 1 s.`,
    );
    deps.clock.advance(1);
    const got = await pickupDrop(deps, { characterId: other.characterId, dropId: drop.id });
    expect(got).toMatchObject({
      id: drop.id,
      templateId: drop.templateId,
      quantity: drop.quantity,
    });

    expect(await db.worldDrop.findUnique({ where: { id: drop.id } })).toBeNull();
    const bag = await bagOf(other);
    expect(bag.find((i) => i.templateId === drop.templateId)?.quantity).toBe(drop.quantity);
    const rows = await db.ledgerEntry.findMany({
      where: { reason: 'pickup', toOwner: `char:${other.characterId}` },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.fromOwner === `ground:${ZONE}`)).toBe(true);
    await expectBalanced(db, [owner, other]);
    expect(
      await db.outboxEvent.findUnique({ where: { key: `item.picked_up:${drop.id}` } }),
    ).toMatchObject({
      type: 'item.picked_up',
      payload: {
        characterId: other.characterId,
        itemId: drop.itemId,
        templateId: drop.templateId,
        quantity: drop.quantity,
        zoneId: ZONE,
      },
    });
  });

  it('keeps the drop on the ground when the bag is full', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db, { bagSlots: 1 });
    await give(db, p, 'pistol_unity');
    const {
      drops: [drop],
    } = await lootSome(deps, p.characterId);
    if (!drop) throw new Error('no drop');

    await expectDomainError(
      pickupDrop(deps, { characterId: p.characterId, dropId: drop.id }),
      'INVALID_STATE',
      'Your bag is full',
    );
    expect(await db.worldDrop.findUnique({ where: { id: drop.id } })).not.toBeNull();
    expect(await db.item.findUniqueOrThrow({ where: { id: drop.itemId } })).toMatchObject({
      container: 'GROUND',
      quantity: drop.quantity,
    });
    await expectBalanced(db, [p]);
    // the failed pickup published nothing
    expect(await db.outboxEvent.count({ where: { key: `item.picked_up:${drop.id}` } })).toBe(0);
  });

  it('gives a contested drop to exactly one of two players picking it up at once', async () => {
    const deps = testDeps(db);
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    for (let round = 0; round < 5; round++) {
      const {
        drops: [drop],
      } = await lootSome(deps, null);
      if (!drop) throw new Error('no drop');
      const results = await Promise.allSettled([
        pickupDrop(deps, { characterId: a.characterId, dropId: drop.id }),
        pickupDrop(deps, { characterId: b.characterId, dropId: drop.id }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect(failed?.status === 'rejected' && failed.reason).toMatchObject({ code: 'NOT_FOUND' });
    }
    const held = await db.item.aggregate({
      where: { characterId: { in: [a.characterId, b.characterId] } },
      _count: true,
    });
    expect(held._count).toBeGreaterThan(0);
    await expectBalanced(db, [a, b]);
  });

  it('refuses a drop that is gone', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    await expectDomainError(
      pickupDrop(deps, { characterId: p.characterId, dropId: 'nope' }),
      'NOT_FOUND',
    );
  });
});

describe('expireDrops', () => {
  it('destroys drops past despawnAt with a despawn sink and leaves younger ones', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const old = await lootSome(deps, p.characterId);
    deps.clock.advance(DROP_DESPAWN_MS / 2);
    const young = await lootSome(deps, p.characterId);
    deps.clock.advance(DROP_DESPAWN_MS / 2);

    // past despawnAt a drop is gone for players even before the sweep
    const [first] = old.drops;
    if (!first) throw new Error('no drop');
    await expectDomainError(
      pickupDrop(deps, { characterId: p.characterId, dropId: first.id }),
      'NOT_FOUND',
    );

    const removed = await expireDrops(deps, ZONE);
    expect(removed).toEqual(expect.arrayContaining(old.drops.map((d) => d.id)));
    expect(removed).not.toEqual(expect.arrayContaining([young.drops[0]?.id]));
    for (const d of old.drops) {
      expect(await db.item.findUnique({ where: { id: d.itemId } })).toBeNull();
      expect(await db.worldDrop.findUnique({ where: { id: d.id } })).toBeNull();
      const rows = await ledgerRows(db, d.itemId);
      expect(rows.at(-1)).toMatchObject({
        reason: 'despawn',
        quantityDelta: -d.quantity,
        fromOwner: `ground:${ZONE}`,
        toOwner: 'sink:despawn',
      });
      expect(rows.reduce((s, r) => s + r.quantityDelta, 0)).toBe(0);
    }
    const listed = (await listZoneDrops(deps, ZONE)).map((d) => d.id);
    expect(listed).toEqual(expect.arrayContaining(young.drops.map((d) => d.id)));
    expect(listed.some((id) => old.drops.some((d) => d.id === id))).toBe(false);
    expect(await expireDrops(deps, ZONE)).not.toEqual(
      expect.arrayContaining(old.drops.map((d) => d.id)),
    );
  });
});

describe('dropItemToGround', () => {
  it('drops part of a stack, owner first, and the dropper can pick it up again', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const other = await newPlayer(db);
    const stackId = await give(db, p, 'scrap_metal', 10);

    const drop = await dropItemToGround(deps, {
      characterId: p.characterId,
      itemId: stackId,
      quantity: 4,
      zoneId: ZONE,
      x: 120,
      y: 130,
    });
    expect(drop).toMatchObject({
      templateId: 'scrap_metal',
      quantity: 4,
      x: 120,
      y: 130,
      ownerCharacterId: p.characterId,
      freeAt: deps.clock.ms() + DROP_OWNER_MS,
    });
    expect(drop.itemId).not.toBe(stackId);
    expect((await db.item.findUniqueOrThrow({ where: { id: stackId } })).quantity).toBe(6);
    const split = await ledgerRows(db, drop.itemId);
    expect(split).toEqual([
      expect.objectContaining({
        reason: 'drop',
        quantityDelta: 4,
        fromOwner: `char:${p.characterId}`,
        toOwner: `ground:${ZONE}`,
      }),
    ]);
    await expectBalanced(db, [p]);

    await expectDomainError(
      pickupDrop(deps, { characterId: other.characterId, dropId: drop.id }),
      'FORBIDDEN',
    );
    await pickupDrop(deps, { characterId: p.characterId, dropId: drop.id });
    const bag = await bagOf(p);
    expect(bag.filter((i) => i.templateId === 'scrap_metal').map((i) => i.quantity)).toEqual([10]);
    await expectBalanced(db, [p, other]);
  });

  it('drops a whole item as it is (an owner change), clamped into the zone', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const pistol = await give(db, p, 'pistol_unity');
    const drop = await dropItemToGround(deps, {
      characterId: p.characterId,
      itemId: pistol,
      zoneId: ZONE,
      x: -5,
      y: 99_999,
    });
    expect(drop).toMatchObject({ itemId: pistol, quantity: 1, x: 0, y: 768 });
    expect((await ledgerRows(db, pistol)).at(-1)).toMatchObject({
      reason: 'drop',
      quantityDelta: 0,
      fromOwner: `char:${p.characterId}`,
      toOwner: `ground:${ZONE}`,
    });
    await expectBalanced(db, [p]);
  });

  it('refuses bound, equipped, foreign and over-quantity items without writing', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const other = await newPlayer(db);
    const at = { zoneId: ZONE, x: 10, y: 10 };

    const bound = await give(db, p, 'pistol_unity');
    await db.item.update({ where: { id: bound }, data: { boundCharacterId: p.characterId } });
    await expectDomainError(
      dropItemToGround(deps, { characterId: p.characterId, itemId: bound, ...at }),
      'INVALID_STATE',
      'Bound items cannot be dropped. Destroy it instead.',
    );

    const jacket = await give(db, p, 'jacket_kevlar');
    await db.item.update({ where: { id: jacket }, data: { container: 'EQUIPMENT', slot: 1 } });
    await expectDomainError(
      dropItemToGround(deps, { characterId: p.characterId, itemId: jacket, ...at }),
      'INVALID_STATE',
    );

    const scrap = await give(db, p, 'scrap_metal', 3);
    await expectDomainError(
      dropItemToGround(deps, { characterId: other.characterId, itemId: scrap, ...at }),
      'NOT_FOUND',
    );
    await expectDomainError(
      dropItemToGround(deps, { characterId: p.characterId, itemId: scrap, quantity: 4, ...at }),
      'VALIDATION',
    );
    await expectDomainError(
      dropItemToGround(deps, { characterId: p.characterId, itemId: scrap, quantity: 0, ...at }),
      'VALIDATION',
    );

    expect(await db.worldDrop.count({ where: { ownerCharacterId: p.characterId } })).toBe(0);
    expect((await db.item.findUniqueOrThrow({ where: { id: scrap } })).quantity).toBe(3);
    await expectBalanced(db, [p, other]);
  });
});
