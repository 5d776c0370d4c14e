/**
 * Conservation under concurrent load (SPEC rule 2): many parallel operations on the
 * same items must neither duplicate nor lose anything. Each operation either
 * succeeds or fails with a typed DomainError; afterwards the holdings equal the
 * start plus recorded sources minus recorded sinks, and checkInvariants is clean.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { DomainError } from '../core/errors';
import { seededRng } from '../core/rng';
import { testDb, testDeps } from '../accounts/test-deps';
import { depositItem } from '../bank/deposit-item';
import { withdrawItem } from '../bank/withdraw-item';
import { moveInBank } from '../bank/move-in-bank';
import { destroyItem } from './destroy-item';
import { equipItem } from './equip-item';
import { getInventory } from './get-inventory';
import { grantItem } from './grant-item';
import { moveItem } from './move-item';
import { splitStack } from './split-stack';
import { unequipItem } from './unequip-item';
import {
  expectBalanced,
  give,
  holdings,
  newPlayer,
  secondCharacter,
  type Player,
} from './test-helpers';

const db = testDb(12);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

/** Runs all at once; returns how many succeeded. Anything but a DomainError fails the test. */
async function race(ops: (() => Promise<unknown>)[]): Promise<{ ok: number; errors: string[] }> {
  const results = await Promise.allSettled(ops.map((op) => op()));
  const errors: string[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    if (!(r.reason instanceof DomainError)) throw r.reason;
    errors.push(r.reason.userMessage);
  }
  return { ok: results.length - errors.length, errors };
}

const n = (k: number) => Array.from({ length: k }, (_, i) => i);

/** No stack above its size, no two rows in one slot of one container. */
async function expectSaneLayout(players: readonly Player[]) {
  const items = await db.item.findMany({
    where: {
      OR: [
        { characterId: { in: players.map((p) => p.characterId) } },
        { userId: { in: players.map((p) => p.userId) } },
      ],
    },
    include: { template: { select: { stackSize: true } } },
  });
  for (const i of items) {
    expect(i.quantity).toBeGreaterThan(0);
    expect(i.quantity).toBeLessThanOrEqual(i.template.stackSize);
    expect(i.slot).toBeGreaterThanOrEqual(0);
  }
}

describe('concurrency', () => {
  it('20 parallel splits of one stack: every unit is accounted for', async () => {
    const p = await newPlayer(db);
    const stims = await give(db, p, 'stim_basic', 20);
    const r = await race(
      n(20).map(() => () => splitStack(deps, { ...p.ref, itemId: stims, quantity: 1 })),
    );
    expect(r.ok).toBe(19); // the last unit cannot be split off
    expect((await getInventory(deps, p.ref)).bag.map((i) => i.quantity).sort()).toEqual(
      n(20).map(() => 1),
    );
    expect(await holdings(db, [p])).toEqual({ stim_basic: 20 });
    await expectBalanced(db, [p]);
  });

  it('20 parallel destroys of one unit on a stack of 10: exactly 10 succeed', async () => {
    const p = await newPlayer(db);
    const stims = await give(db, p, 'stim_basic', 10);
    const r = await race(
      n(20).map(() => () => destroyItem(deps, { ...p.ref, itemId: stims, quantity: 1 })),
    );
    expect(r.ok).toBe(10);
    expect(await holdings(db, [p])).toEqual({});
    await expectBalanced(db, [p]);
  });

  it('parallel grants into a small bag: exactly what fits is created, the rest refused', async () => {
    const p = await newPlayer(db, { bagSlots: 5 });
    const pistols = await race(
      n(20).map(
        () => () =>
          grantItem(deps, {
            characterId: p.characterId,
            templateId: 'pistol_unity',
            quantity: 1,
            reason: 'admin',
          }),
      ),
    );
    expect(pistols.ok).toBe(5);
    expect(new Set(pistols.errors)).toEqual(new Set(['Your bag is full']));
    const q = await newPlayer(db, { bagSlots: 3 }); // 3 × 99 scrap = 297
    const scrap = await race(
      n(20).map(
        () => () =>
          grantItem(deps, {
            characterId: q.characterId,
            templateId: 'scrap_metal',
            quantity: 30,
            reason: 'admin',
          }),
      ),
    );
    expect(scrap.ok).toBe(9);
    expect(await holdings(db, [p, q])).toEqual({ pistol_unity: 5, scrap_metal: 270 });
    await expectBalanced(db, [p, q]);
  });

  it('parallel moves and merges onto the same stacks keep the total', async () => {
    const p = await newPlayer(db);
    await give(db, p, 'stim_basic', 20);
    const base = (await getInventory(deps, p.ref)).bag[0]!.id;
    for (const _ of n(7)) await splitStack(deps, { ...p.ref, itemId: base, quantity: 2 });
    const ids = (await getInventory(deps, p.ref)).bag.map((i) => i.id); // 8 stacks
    const rng = seededRng(7);
    const r = await race(
      n(24).map(() => {
        const itemId = ids[rng.int(0, ids.length - 1)]!;
        const toSlot = rng.int(0, 9);
        return () => moveItem(deps, { ...p.ref, itemId, toSlot });
      }),
    );
    expect(r.ok).toBeGreaterThan(0);
    expect(await holdings(db, [p])).toEqual({ stim_basic: 20 });
    await expectSaneLayout([p]);
    await expectBalanced(db, [p]);
  });

  it('parallel equips of many weapons leave one in hand and the rest in the bag', async () => {
    const p = await newPlayer(db);
    await grantItem(deps, {
      characterId: p.characterId,
      templateId: 'pistol_unity',
      quantity: 6,
      reason: 'admin',
    });
    await grantItem(deps, {
      characterId: p.characterId,
      templateId: 'knife_combat',
      quantity: 4,
      reason: 'admin',
    });
    const ids = (await getInventory(deps, p.ref)).bag.map((i) => i.id);
    const r = await race([
      ...ids.map((itemId) => () => equipItem(deps, { ...p.ref, itemId })),
      ...ids.map((itemId) => () => unequipItem(deps, { ...p.ref, itemId })),
    ]);
    expect(r.ok).toBeGreaterThanOrEqual(10);
    const inv = await getInventory(deps, p.ref);
    expect(inv.equipment.length).toBeLessThanOrEqual(1);
    expect(inv.bag.length + inv.equipment.length).toBe(10);
    expect(await holdings(db, [p])).toEqual({ pistol_unity: 6, knife_combat: 4 });
    await expectBalanced(db, [p]);
  });

  it('a storm of mixed operations by two characters of one account over bag and bank', async () => {
    const a = await newPlayer(db, { atBank: true, bagSlots: 12 });
    const b = await secondCharacter(db, a, { atBank: true });
    await give(db, a, 'stim_basic', 60);
    await give(db, a, 'scrap_metal', 150);
    await give(db, a, 'jacket_kevlar');
    await give(db, a, 'pistol_unity');
    await give(db, b, 'stim_basic', 10);
    const start = await holdings(db, [a, b]);
    const rng = seededRng(42);
    const destroyed: Record<string, number> = {};
    const snapshot = async () => ({
      a: (await getInventory(deps, a.ref)).bag,
      b: (await getInventory(deps, b.ref)).bag,
      bank: (await db.item.findMany({ where: { userId: a.userId, container: 'BANK' } })).map(
        (i) => i.id,
      ),
    });

    for (const round of n(4)) {
      const s = await snapshot();
      const ops = n(25).map(() => {
        const who = rng.int(0, 1) === 0 ? a : b;
        const bag = who === a ? s.a : s.b;
        const pick = () => bag[rng.int(0, Math.max(0, bag.length - 1))];
        const item = pick();
        const itemId = item?.id ?? 'none';
        const kind = rng.int(0, 8);
        const quantity = rng.int(1, 5);
        const toSlot = rng.int(0, 14);
        const bankId = s.bank[rng.int(0, Math.max(0, s.bank.length - 1))] ?? 'none';
        switch (kind) {
          case 0:
            return () => splitStack(deps, { ...who.ref, itemId, quantity });
          case 1:
            return () => moveItem(deps, { ...who.ref, itemId, toSlot });
          case 2:
            return () => moveItem(deps, { ...who.ref, itemId, toSlot: pick()?.slot ?? 0 });
          case 3:
            return async () => {
              await destroyItem(deps, { ...who.ref, itemId, quantity: 1 });
              const t = item!.templateId;
              destroyed[t] = (destroyed[t] ?? 0) + 1;
            };
          case 4:
            return () => equipItem(deps, { ...who.ref, itemId });
          case 5:
            return () =>
              depositItem(deps, {
                ...who.ref,
                itemId,
                ...(rng.int(0, 1) ? { quantity } : {}),
                idempotencyKey: uniq('k-'),
              });
          case 6:
            return () =>
              withdrawItem(deps, {
                ...who.ref,
                itemId: bankId,
                ...(rng.int(0, 1) ? { quantity } : {}),
                idempotencyKey: uniq('k-'),
              });
          case 7:
            return () => moveInBank(deps, { ...who.ref, itemId: bankId, toSlot });
          default:
            return () =>
              grantItem(deps, {
                characterId: who.characterId,
                templateId: 'stim_basic',
                quantity,
                reason: 'admin',
              }).then(() => {
                destroyed.stim_basic = (destroyed.stim_basic ?? 0) - quantity; // a source: negative sink
              });
        }
      });
      const r = await race(ops);
      expect(r.ok, `round ${round}: ${r.errors.join('; ')}`).toBeGreaterThan(0);
    }

    const expected = { ...start };
    for (const [t, k] of Object.entries(destroyed)) expected[t] = (expected[t] ?? 0) - k;
    for (const t of Object.keys(expected)) if (expected[t] === 0) delete expected[t];
    expect(await holdings(db, [a, b])).toEqual(expected);
    await expectSaneLayout([a, b]);
    await expectBalanced(db, [a, b]);
  });

  it('20 parallel one-unit deposits of one stack move exactly its 20 units', async () => {
    const p = await newPlayer(db, { atBank: true });
    const stims = await give(db, p, 'stim_basic', 20);
    const r = await race(
      n(24).map(
        () => () =>
          depositItem(deps, { ...p.ref, itemId: stims, quantity: 1, idempotencyKey: uniq('k-') }),
      ),
    );
    expect(r.ok).toBe(20);
    expect(
      await db.item.findMany({ where: { userId: p.userId }, select: { quantity: true } }),
    ).toEqual([{ quantity: 20 }]);
    expect(await holdings(db, [p])).toEqual({ stim_basic: 20 });
    await expectBalanced(db, [p]);
  });
});
