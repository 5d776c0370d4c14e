// Drops made and unmade: a crate roll puts items on the ground with their ledger sources
// and credits eddies to the owner, the same seed replays the same drops, a rollback of
// the caller's transaction leaves nothing, and old drops despawn through a ledger sink.
import { afterAll, describe, expect, it } from 'vitest';
import { DROP_DESPAWN_MS, DROP_OWNER_MS } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { seededRng } from '../core/rng';
import { expectBalanced, ledgerRows, newPlayer } from '../inventory/test-helpers';
import { createLootDrop, createLootDropTx, type LootDropResult } from './create-loot-drop';
import { expireDrops } from './expire-drops';
import { listZoneDrops } from './list-zone-drops';
import { pickupDrop } from './pickup-drop';
import { SCATTER_RADIUS } from './scatter';
import { lootSome, ZONE } from './test-helpers';

const db = testDb(8);
afterAll(() => db.$disconnect());

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
