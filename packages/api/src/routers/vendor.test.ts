import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { checkInvariants, grantItem, recordCurrency } from '@necp/game';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
// limited stock is shared by the whole database: trade on a day no other suite uses
deps.clock.set(Date.UTC(2105, 5, 1, 12));
afterAll(() => db.$disconnect());

const VIK = { contactId: 'vik' } as const;
const NEXT_TO_VIK = { x: 418, y: 262 }; // Viktor Vektor stands at (416, 262) in Watson

async function player(eddies = 0) {
  const s = await signedIn(deps, db);
  const c = await s.caller.character.create({
    name: uniq('V'),
    origin: 'streetkid',
    class: 'netrunner',
  });
  await db.character.update({ where: { id: c.id }, data: NEXT_TO_VIK });
  if (eddies > 0)
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: eddies }),
    );
  const give = async (templateId: string, quantity = 1) =>
    (await grantItem(deps, { characterId: c.id, templateId, quantity, reason: 'admin' }))[0]!
      .itemId;
  return { ...s, characterId: c.id, give };
}

describe('vendor router', () => {
  it('requires a session', async () => {
    const c = anonCaller(deps);
    for (const call of [
      () => c.vendor.get({ characterId: 'x', ...VIK }),
      () =>
        c.vendor.buy({
          characterId: 'x',
          ...VIK,
          templateId: 'stim_basic',
          quantity: 1,
          idempotencyKey: uniq('k-'),
        }),
      () => c.vendor.sell({ characterId: 'x', ...VIK, itemId: 'y', idempotencyKey: uniq('k-') }),
      () => c.vendor.buyback({ characterId: 'x', ...VIK, itemId: 'y' }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('walks get → buy → sell → buy back, balanced', async () => {
    const p = await player(500);
    const { characterId } = p;
    const v = await p.caller.vendor.get({ characterId, ...VIK });
    expect(v.vendor.name).toBe("Viktor's Clinic");
    expect(v.eddies).toBe(500);
    const stim = v.stock.find((s) => s.templateId === 'stim_basic')!;
    let r = await p.caller.vendor.buy({
      characterId,
      ...VIK,
      templateId: 'stim_basic',
      quantity: 4,
      expectedPrice: stim.price,
      idempotencyKey: uniq('k-'),
    });
    expect(r.eddiesDelta).toBe(-60);
    const bought = (await p.caller.inventory.get({ characterId })).bag.find(
      (i) => i.templateId === 'stim_basic',
    )!;
    expect(r.view.sellPrices[bought.id]).toBe(3);
    r = await p.caller.vendor.sell({
      characterId,
      ...VIK,
      itemId: bought.id,
      quantity: 1,
      idempotencyKey: uniq('k-'),
    });
    expect(r.eddiesDelta).toBe(3);
    const back = r.view.buyback[0]!;
    expect(back).toMatchObject({ templateId: 'stim_basic', quantity: 1, price: 3 });
    r = await p.caller.vendor.buyback({ characterId, ...VIK, itemId: back.itemId });
    expect(r.eddiesDelta).toBe(-3);
    expect(r.view.eddies).toBe(440);
    expect(r.view.buyback).toEqual([]);
    expect(
      await checkInvariants(db, { characterIds: [characterId], userIds: [p.user.id] }),
    ).toEqual([]);
  });

  it('rejects bad input with BAD_REQUEST before touching anything', async () => {
    const p = await player(100);
    const { characterId } = p;
    const stims = await p.give('stim_basic', 2);
    const buy = () => ({
      characterId,
      ...VIK,
      templateId: 'stim_basic',
      quantity: 1,
      idempotencyKey: uniq('k-'),
    });
    for (const call of [
      () => p.caller.vendor.get({ characterId, contactId: '' }),
      () => p.caller.vendor.get({ characterId: '', ...VIK }),
      () => p.caller.vendor.get({ characterId, contactId: 'VIK' }),
      () => p.caller.vendor.buy({ ...buy(), quantity: 0 }),
      () => p.caller.vendor.buy({ ...buy(), quantity: 100 }),
      () => p.caller.vendor.buy({ ...buy(), quantity: 2.5 }),
      () => p.caller.vendor.buy({ ...buy(), expectedPrice: -1 }),
      () => p.caller.vendor.buy({ ...buy(), templateId: '../stim' }),
      () =>
        p.caller.vendor.sell({
          characterId,
          ...VIK,
          itemId: stims,
          quantity: 0,
          idempotencyKey: uniq('k-'),
        }),
      () =>
        p.caller.vendor.sell({
          characterId,
          ...VIK,
          itemId: 'x'.repeat(65),
          idempotencyKey: uniq('k-'),
        }),
      () => p.caller.vendor.buyback({ characterId, ...VIK, itemId: '' }),
      () => p.caller.vendor.buy({ characterId, ...VIK, idempotencyKey: uniq('k-') } as never),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'BAD_REQUEST' });
    // a valid shape the domain refuses: more than the stack
    expect(
      await rejection(
        p.caller.vendor.sell({
          characterId,
          ...VIK,
          itemId: stims,
          quantity: 3,
          idempotencyKey: uniq('k-'),
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: "You don't have that many" });
    const inv = await p.caller.inventory.get({ characterId });
    expect(inv.eddies).toBe(100);
    expect(inv.bag.map((i) => [i.id, i.quantity])).toEqual([[stims, 2]]);
  });

  it('maps refusals: range FORBIDDEN, no trade PRECONDITION_FAILED, stale price CONFLICT, unknown NOT_FOUND', async () => {
    const p = await player(100);
    const { characterId } = p;
    expect(
      await rejection(
        p.caller.vendor.buy({
          characterId,
          ...VIK,
          templateId: 'stim_basic',
          quantity: 1,
          expectedPrice: 1,
          idempotencyKey: uniq('k-'),
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'The price changed' });
    expect(
      await rejection(p.caller.vendor.get({ characterId, contactId: 'nobody' })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'Unknown contact' });
    expect(await rejection(p.caller.vendor.get({ characterId, contactId: 'koji' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You need to be next to Koji',
    });
    await db.character.update({ where: { id: characterId }, data: { x: 236, y: 254 } });
    expect(
      await rejection(p.caller.vendor.get({ characterId, contactId: 'regina' })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message: "Regina Jones doesn't trade" });
  });

  it("gives another account NOT_FOUND for A's character and A's shelf", async () => {
    const a = await player(100);
    const b = await player(100);
    const stims = await a.give('stim_basic', 2);
    const sold = await a.caller.vendor.sell({
      characterId: a.characterId,
      ...VIK,
      itemId: stims,
      idempotencyKey: uniq('k-'),
    });
    const shelved = sold.view.buyback[0]!.itemId;
    for (const call of [
      () => b.caller.vendor.get({ characterId: a.characterId, ...VIK }),
      () =>
        b.caller.vendor.buy({
          characterId: a.characterId,
          ...VIK,
          templateId: 'stim_basic',
          quantity: 1,
          idempotencyKey: uniq('k-'),
        }),
      () => b.caller.vendor.buyback({ characterId: a.characterId, ...VIK, itemId: shelved }),
      () => b.caller.vendor.buyback({ characterId: b.characterId, ...VIK, itemId: shelved }),
      () =>
        b.caller.vendor.sell({
          characterId: b.characterId,
          ...VIK,
          itemId: shelved,
          idempotencyKey: uniq('k-'),
        }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'NOT_FOUND' });
    const view = await a.caller.vendor.get({ characterId: a.characterId, ...VIK });
    expect(view.buyback.map((x) => x.itemId)).toEqual([shelved]);
    expect(view.eddies).toBe(106);
  });
});
