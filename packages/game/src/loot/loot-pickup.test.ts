// Drops taken and given: a pickup is the owner's until freeAt, then anyone's; a full bag
// leaves the drop on the ground; one of two at once gets it. Dropping an item to the
// ground, part of a stack or whole, and what cannot be dropped.
import { afterAll, describe, expect, it } from 'vitest';
import { DROP_OWNER_MS } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import {
  expectBalanced,
  give,
  ledgerRows,
  newPlayer,
  type Player,
} from '../inventory/test-helpers';
import { dropItemToGround } from './drop-item-to-ground';
import { pickupDrop } from './pickup-drop';
import { lootSome, ZONE } from './test-helpers';

const db = testDb(8);
afterAll(() => db.$disconnect());

const bagOf = (p: Player) =>
  db.item.findMany({ where: { characterId: p.characterId, container: 'BAG' } });

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

  it('refuses bad input as VALIDATION: the drop stays, the bag is as it was', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const {
      drops: [drop],
    } = await lootSome(deps, p.characterId);
    if (!drop) throw new Error('no drop');
    const bagBefore = await bagOf(p);
    const fence = { zoneId: ZONE, token: 1 };
    const bad = [
      { characterId: p.characterId, dropId: `${drop.id}\u0000` },
      { characterId: p.characterId, dropId: '\uDC00' },
      { characterId: `${p.characterId}\u0000`, dropId: drop.id },
      { characterId: p.characterId, dropId: drop.id, fence: { ...fence, zoneId: `${ZONE}\u0000` } },
      { characterId: p.characterId, dropId: drop.id, fence: { ...fence, token: 0 } },
    ];
    for (const input of bad) await expectDomainError(pickupDrop(deps, input), 'VALIDATION');
    expect(await db.worldDrop.findUnique({ where: { id: drop.id } })).not.toBeNull();
    expect(await bagOf(p)).toEqual(bagBefore);
    expect(await db.outboxEvent.count({ where: { key: `item.picked_up:${drop.id}` } })).toBe(0);
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

  it('refuses bad input as VALIDATION before anything moves', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const scrap = await give(db, p, 'scrap_metal', 3);
    const ok = { characterId: p.characterId, itemId: scrap, zoneId: ZONE, x: 10, y: 10 };
    const bad = [
      { ...ok, quantity: 1.5 },
      { ...ok, quantity: -1 },
      { ...ok, itemId: `${scrap}\u0000` },
      { ...ok, characterId: '\uD800' },
      { ...ok, zoneId: `${ZONE}\u0000` },
      { ...ok, x: Number.NaN },
      { ...ok, y: Number.POSITIVE_INFINITY },
      { ...ok, fence: { zoneId: ZONE, token: 0.5 } },
    ];
    for (const input of bad) await expectDomainError(dropItemToGround(deps, input), 'VALIDATION');
    expect(await db.worldDrop.count({ where: { ownerCharacterId: p.characterId } })).toBe(0);
    expect(await db.item.findUniqueOrThrow({ where: { id: scrap } })).toMatchObject({
      container: 'BAG',
      quantity: 3,
    });
    await expectBalanced(db, [p]);
  });
});
