import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { checkInvariants, grantItem } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

async function player(atBank = true) {
  const s = await signedIn(deps, db);
  const c = await s.caller.character.create({
    name: uniq('B'),
    origin: 'corpo',
    class: 'netrunner',
  });
  // Watson's bank terminal stands at (280, 240)
  if (atBank) await db.character.update({ where: { id: c.id }, data: { x: 282, y: 241 } });
  const give = async (templateId: string, quantity = 1) =>
    (await grantItem(deps, { characterId: c.id, templateId, quantity, reason: 'admin' }))[0]!
      .itemId;
  return { ...s, characterId: c.id, give };
}

describe('bank router', () => {
  it('refuses away from a bank terminal with FORBIDDEN', async () => {
    const p = await player(false);
    expect(await rejection(p.caller.bank.get({ characterId: p.characterId }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You need to be at a bank terminal',
    });
  });

  it('deposits, moves and withdraws; bound items are refused', async () => {
    const p = await player();
    const { characterId } = p;
    const scrap = await p.give('scrap_metal', 40);
    let r = await p.caller.bank.deposit({
      characterId,
      itemId: scrap,
      quantity: 15,
      idempotencyKey: uniq('k-'),
    });
    expect(r.bank.items.map((i) => [i.slot, i.quantity])).toEqual([[0, 15]]);
    expect(r.inventory.bag.map((i) => i.quantity)).toEqual([25]);
    const banked = r.bank.items[0]!.id;
    const bank = await p.caller.bank.move({ characterId, itemId: banked, toSlot: 20 });
    expect(bank.items.map((i) => i.slot)).toEqual([20]);
    r = await p.caller.bank.withdraw({ characterId, itemId: banked, idempotencyKey: uniq('k-') });
    expect(r.bank.items).toEqual([]);
    expect(r.inventory.bag.map((i) => i.quantity)).toEqual([40]);

    await db.character.update({ where: { id: characterId }, data: { level: 2 } });
    const optics = await p.give('cyber_optics_kiroshi');
    await p.caller.inventory.equip({ characterId, itemId: optics });
    await p.caller.inventory.unequip({ characterId, itemId: optics });
    expect(
      await rejection(
        p.caller.bank.deposit({ characterId, itemId: optics, idempotencyKey: uniq('k-') }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Bound items cannot be stored in the bank',
    });
    expect(
      await checkInvariants(db, { characterIds: [characterId], userIds: [p.user.id] }),
    ).toEqual([]);
  });

  it("keeps another account out of A's bank", async () => {
    const a = await player();
    const b = await player();
    const stims = await a.give('stim_basic', 3);
    const r = await a.caller.bank.deposit({
      characterId: a.characterId,
      itemId: stims,
      idempotencyKey: uniq('k-'),
    });
    const banked = r.bank.items[0]!.id;
    expect(await rejection(b.caller.bank.get({ characterId: a.characterId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await b.caller.bank.get({ characterId: b.characterId })).items).toEqual([]);
    for (const call of [
      () =>
        b.caller.bank.withdraw({
          characterId: b.characterId,
          itemId: banked,
          idempotencyKey: uniq('k-'),
        }),
      () => b.caller.bank.move({ characterId: b.characterId, itemId: banked, toSlot: 3 }),
      () =>
        b.caller.bank.withdraw({
          characterId: a.characterId,
          itemId: banked,
          idempotencyKey: uniq('k-'),
        }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await a.caller.bank.get({ characterId: a.characterId })).items.map((i) => i.id),
    ).toEqual([banked]);
  });
});
