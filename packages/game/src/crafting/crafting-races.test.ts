// A craft's inputs held against every other path, and its races against the real
// database — finishes at once, starts with one key at once, the worker's sweep beside
// the crafter — each ending once; an output without room in the bag comes by mail.
// Conserved throughout (checkInvariants).
import { uniq } from '@necp/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { zoneById } from '@necp/shared';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { listItem } from '../auction/list-item';
import { AT_AUCTION } from '../auction/test-kit';
import { destroyItem } from '../inventory/destroy-item';
import { grantItem } from '../inventory/grant-item';
import { moveItem } from '../inventory/move-item';
import { splitStack } from '../inventory/split-stack';
import { expectBalanced, give } from '../inventory/test-helpers';
import { inTransaction } from '../core/transaction';
import { recordCurrency } from '../ledger/record-currency';
import { mailOwner } from '../ledger/owners';
import { sendMail } from '../mail/send-mail';
import { sellToVendor } from '../vendors/sell-to-vendor';
import { moveTo, nextTo } from '../vendors/test-helpers';
import { finishCraft, finishDueCraft, finishDueCrafts, startCraft } from '.';
import { craftDeps, crafter, heldBy, recipe, seedWhere, setSeed } from './test-kit';

const db = testDb(10);
// the earliest year of the crafting tests: this file's sweep never reaches another file's crafts
const deps = craftDeps(db, 2040);
afterAll(() => db.$disconnect());
// starts, finishes, cancels, the sweep: raw statements straight on the connection
expectEveryTransactionDirect();
const knife = recipe('ws_combat_knife'); // 4 scrap_metal + 2 synth_leather
const HELD = 'That item is held by a trade or a craft: finish or cancel it first.';
let n = 0;
const key = () => `race-${++n}`;

async function casting(o: { scrap?: number; bagSlots?: number; level?: number } = {}) {
  const p = await crafter(db, o);
  const scrap = await give(db, p, 'scrap_metal', o.scrap ?? 10);
  const leather = await give(db, p, 'synth_leather', 2);
  const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
  return { p, scrap, leather, v };
}

describe('held inputs', () => {
  it('cannot be moved, split, destroyed, sold, mailed or listed while the craft casts', async () => {
    const { p, scrap, leather, v } = await casting({ level: 5 });
    await expectDomainError(
      moveItem(deps, { ...p.ref, itemId: scrap, toSlot: 20 }),
      'INVALID_STATE',
      HELD,
    );
    await expectDomainError(
      splitStack(deps, { ...p.ref, itemId: scrap, quantity: 2 }),
      'INVALID_STATE',
      HELD,
    );
    await expectDomainError(
      destroyItem(deps, { ...p.ref, itemId: leather }),
      'INVALID_STATE',
      HELD,
    );
    await moveTo(db, p, nextTo('vik'));
    await expectDomainError(
      sellToVendor(deps, { ...p.ref, contactId: 'vik', itemId: scrap, idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
      HELD,
    );
    await inTransaction(db, (tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: p.characterId, delta: 500 }),
    );
    const mailbox = zoneById('watson')!.spawnPoints.find((s) => s.kind === 'mail_terminal')!;
    await moveTo(db, p, { zoneId: 'watson', x: mailbox.x + 1, y: mailbox.y + 1 });
    const other = await crafter(db);
    const to = await db.character.findUniqueOrThrow({ where: { id: other.characterId } });
    await expectDomainError(
      sendMail(deps, {
        characterId: p.characterId,
        idempotencyKey: uniq('mail-'),
        to: to.name,
        subject: 'scrap',
        attachments: [{ itemId: scrap }],
      }),
      'INVALID_STATE',
      HELD,
    );
    await moveTo(db, p, { zoneId: 'watson', ...AT_AUCTION });
    await expectDomainError(
      listItem(deps, {
        ...p.ref,
        idempotencyKey: uniq('list-'),
        itemId: scrap,
        startBid: 10,
        durationH: 12,
      }),
      'INVALID_STATE',
      HELD,
    );
    // loot of the same kind goes beside the held stack, not into it
    const [loot] = await grantItem(
      { db },
      { characterId: p.characterId, templateId: 'scrap_metal', quantity: 3, reason: 'admin' },
    );
    expect(loot!.itemId).not.toBe(scrap);
    expect((await heldBy(db, v.id)).map((i) => [i.id, i.quantity])).toEqual([
      [scrap, 10],
      [leather, 2],
    ]);
    // finished anywhere (the station is needed to start): the loot is untouched
    deps.clock.advance(knife.castMs);
    await finishCraft(deps, { ...p.ref, craftId: v.id });
    expect((await db.item.findUniqueOrThrow({ where: { id: loot!.itemId } })).quantity).toBe(3);
    await moveItem(deps, { ...p.ref, itemId: scrap, toSlot: 20 });
    await expectBalanced(db, [p, other]);
  });
});

describe('races', () => {
  it('four finishes and the sweep at once: finished once, everyone sees the same outcome', async () => {
    const { p, v } = await casting();
    await setSeed(
      db,
      v.id,
      seedWhere(knife, 0, (o) => o.success),
    );
    deps.clock.advance(knife.castMs);
    const [views, swept] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, () => finishCraft(deps, { ...p.ref, craftId: v.id }))),
      finishDueCraft(deps, { id: v.id, characterId: p.characterId }),
    ]);
    for (const view of views) expect(view).toEqual(views[0]);
    expect(views[0]!.outcome?.success).toBe(true);
    expect([false, 'finished']).toContain(swept);
    const made = await db.ledgerEntry.findMany({
      where: { ref: v.id, fromOwner: 'source:craft' },
    });
    expect(made).toHaveLength(1);
    expect(await db.ledgerEntry.count({ where: { ref: v.id, toOwner: 'sink:craft' } })).toBe(2);
    await expectBalanced(db, [p]);
  });

  it('three starts with one key at once: one craft, its inputs held once', async () => {
    const p = await crafter(db);
    await give(db, p, 'scrap_metal', 20);
    await give(db, p, 'synth_leather', 10);
    const k = key();
    const views = await Promise.all(
      Array.from({ length: 3 }, () =>
        startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: k }),
      ),
    );
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(await db.craft.count({ where: { characterId: p.characterId } })).toBe(1);
    expect(await heldBy(db, views[0]!.id)).toHaveLength(2);
    await expectBalanced(db, [p]);
  });
});

describe('the worker', () => {
  it('finishes what is due, once; a deleted crafter’s craft is cancelled and its inputs freed', async () => {
    const due = await casting();
    const gone = await casting();
    await db.character.update({
      where: { id: gone.p.characterId },
      data: { deletedAt: deps.clock.now() },
    });
    deps.clock.advance(knife.castMs - 1000);
    const early = await casting();
    deps.clock.advance(1000);
    expect(await finishDueCrafts(deps)).toBeGreaterThanOrEqual(2);
    const state = async (id: string) => (await db.craft.findUniqueOrThrow({ where: { id } })).state;
    expect(await state(due.v.id)).toBe('done');
    expect(await state(gone.v.id)).toBe('cancelled');
    expect(await state(early.v.id)).toBe('casting');
    expect(await heldBy(db, gone.v.id)).toEqual([]);
    expect(await db.item.findUniqueOrThrow({ where: { id: gone.scrap } })).toMatchObject({
      quantity: 10,
    });
    // twice changes nothing
    const rows = await db.ledgerEntry.count({ where: { ref: due.v.id } });
    expect(await finishDueCraft(deps, { id: due.v.id, characterId: due.p.characterId })).toBe(
      false,
    );
    expect(await db.ledgerEntry.count({ where: { ref: due.v.id } })).toBe(rows);
    deps.clock.advance(knife.castMs - 1000);
    await finishDueCrafts(deps);
    expect(await state(early.v.id)).toBe('done');
    await expectBalanced(db, [due.p, gone.p, early.p]);
  });
});

describe('a full bag', () => {
  it('gets the output by system mail, with its quality and the craft as its source', async () => {
    // three slots: what is left of the inputs and a pistol fill them
    const p = await crafter(db, { bagSlots: 3 });
    await give(db, p, 'scrap_metal', 10);
    await give(db, p, 'synth_leather', 3);
    await give(db, p, 'pistol_unity');
    const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    await setSeed(
      db,
      v.id,
      seedWhere(knife, 0, (o) => o.success),
    );
    deps.clock.advance(knife.castMs);
    const done = await finishCraft(deps, { ...p.ref, craftId: v.id });
    expect(done.outcome).toMatchObject({ success: true, byMail: true });
    const row = await db.craft.findUniqueOrThrow({ where: { id: v.id } });
    const mail = await db.mail.findUniqueOrThrow({
      where: { id: row.outputMailId! },
      include: { attachments: { include: { item: true } } },
    });
    expect(mail).toMatchObject({ toId: p.characterId, fromName: 'Workbench', kind: 'system' });
    expect(mail.attachments.map((a) => [a.itemId, a.item.templateId, a.item.quality])).toEqual([
      [done.outcome!.outputItemId, 'knife_combat', done.outcome!.quality],
    ]);
    const created = await db.ledgerEntry.findMany({
      where: { itemId: done.outcome!.outputItemId! },
    });
    expect(created.map((r) => [r.reason, r.fromOwner, r.toOwner, r.quantityDelta])).toEqual([
      ['craft', 'source:craft', mailOwner(mail.id), 1],
    ]);
    await expectBalanced(db, [p]);
  });
});
