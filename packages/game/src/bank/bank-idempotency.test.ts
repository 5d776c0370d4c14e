// A bank deposit or withdrawal of part of a stack happens once per idempotency key
// (core/command-receipt.ts): retried, or sent twice at once, it moves the units once and
// answers the bag and bank as they are; the key with other terms is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give, newPlayer, type Player } from '../inventory/test-helpers';
import { depositItem } from './deposit-item';
import { withdrawItem } from './withdraw-item';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

/** Units in the character's bag and in the account's bank. */
async function where(p: Player) {
  const sum = async (o: { characterId: string } | { userId: string }) =>
    (await db.item.aggregate({ where: o, _sum: { quantity: true } }))._sum.quantity ?? 0;
  return { bag: await sum({ characterId: p.characterId }), bank: await sum({ userId: p.userId }) };
}

const quantities = (items: readonly { templateId: string; quantity: number }[]) =>
  items.map((i) => [i.templateId, i.quantity]);

describe('bank moves, once per key', () => {
  it('part of a stack deposited, retried and sent twice at once, moves once', async () => {
    const p = await newPlayer(db, { atBank: true });
    const stims = await give(db, p, 'stim_basic', 15);
    const deposit = { ...p.ref, itemId: stims, quantity: 5, idempotencyKey: uniq('k-') };
    const first = await depositItem(deps, deposit);
    const retry = await depositItem(deps, deposit);
    expect(quantities(retry.bank.items)).toEqual([['stim_basic', 5]]);
    expect(quantities(retry.inventory.bag)).toEqual([['stim_basic', 10]]);
    expect(retry).toEqual(first);

    const twin = { ...deposit, idempotencyKey: uniq('k-') };
    await Promise.all([depositItem(deps, twin), depositItem(deps, twin)]);
    expect(await where(p)).toEqual({ bag: 5, bank: 10 });
    await expectBalanced(db, [p]);
  });

  it('a withdrawal retried moves once; the key with other terms is refused', async () => {
    const p = await newPlayer(db, { atBank: true });
    const stims = await give(db, p, 'stim_basic', 12);
    await depositItem(deps, { ...p.ref, itemId: stims, idempotencyKey: uniq('k-') });
    const withdraw = { ...p.ref, itemId: stims, quantity: 4, idempotencyKey: uniq('k-') };
    await withdrawItem(deps, withdraw);
    const again = await withdrawItem(deps, withdraw);
    expect(quantities(again.bank.items)).toEqual([['stim_basic', 8]]);
    expect(quantities(again.inventory.bag)).toEqual([['stim_basic', 4]]);
    await expectDomainError(withdrawItem(deps, { ...withdraw, quantity: 5 }), 'CONFLICT');
    // a deposit under a withdrawal's key is another command: refused too
    await expectDomainError(depositItem(deps, withdraw), 'CONFLICT');
    expect(await where(p)).toEqual({ bag: 4, bank: 8 });
    await expectBalanced(db, [p]);
  });
});
