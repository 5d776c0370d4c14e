import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { testDb, testDeps } from '../accounts/test-deps';
import { inTransaction } from '../core/transaction';
import { depositItem } from '../bank/deposit-item';
import { withdrawItem } from '../bank/withdraw-item';
import { destroyItem } from '../inventory/destroy-item';
import { equipItem } from '../inventory/equip-item';
import { moveItem } from '../inventory/move-item';
import { repairItem } from '../inventory/repair-item';
import { splitStack } from '../inventory/split-stack';
import { give, newPlayer, type Player } from '../inventory/test-helpers';
import { unequipItem } from '../inventory/unequip-item';
import { grantXp } from '../progression/grant-xp';
import { respecAttributes } from '../progression/respec-attributes';
import { spendAttributePoint } from '../progression/spend-attribute-point';
import { fund } from '../progression/test-helpers';
import { playerAt, storeRun } from '../quests/test-helpers';
import { turnInQuest } from '../quests/turn-in-quest';
import { buyBackFromVendor } from '../vendors/buy-back-from-vendor';
import { buyFromVendor } from '../vendors/buy-from-vendor';
import { sellToVendor } from '../vendors/sell-to-vendor';
import { daysOf, moveTo, nextTo } from '../vendors/test-helpers';
import { publishStatsChanged } from './publish-stats-changed';

const db = testDb(4);
const deps = testDeps(db);
const day = daysOf(2111);
afterAll(() => db.$disconnect());

/** The causes of the character's character.stats_changed events, oldest first. */
async function causes(p: Player): Promise<string[]> {
  const rows = await db.outboxEvent.findMany({
    where: {
      type: 'character.stats_changed',
      payload: { path: ['characterId'], equals: p.characterId },
    },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => (r.payload as { cause: string }).cause);
}

/** Runs `op` and expects exactly one new event with `cause`. */
async function expectPublishes(p: Player, cause: string, op: () => Promise<unknown>) {
  const before = await causes(p);
  await op();
  expect(await causes(p)).toEqual([...before, cause]);
}

// The sim re-reads a character's stats only when told (there is no client command):
// every operation through the API that changes gear, carried weight, attributes or
// level must say so in its own transaction.
describe('character.stats_changed', () => {
  it('is published by every inventory operation that changes gear or weight', async () => {
    const p = await newPlayer(db);
    await fund(db, p.characterId, 1_000);
    const jacket = await give(db, p, 'jacket_kevlar');
    expect(await causes(p)).toEqual(['grant.admin']);
    await expectPublishes(p, 'inventory.equip', () =>
      equipItem(deps, { ...p.ref, itemId: jacket }),
    );
    await db.item.update({ where: { id: jacket }, data: { durability: 0 } });
    await expectPublishes(p, 'inventory.repair', () =>
      repairItem(deps, { ...p.ref, itemId: jacket }),
    );
    await expectPublishes(p, 'inventory.unequip', () =>
      unequipItem(deps, { ...p.ref, itemId: jacket }),
    );
    // a move inside the bag changes neither gear nor carried weight: nothing to re-read
    const beforeMove = await causes(p);
    await moveItem(deps, { ...p.ref, itemId: jacket, toSlot: 5 });
    expect(await causes(p)).toEqual(beforeMove);
    const scrap = await give(db, p, 'scrap_metal', 10);
    await expectPublishes(p, 'inventory.split', () =>
      splitStack(deps, { ...p.ref, itemId: scrap, quantity: 4 }),
    );
    await expectPublishes(p, 'inventory.destroy', () =>
      destroyItem(deps, { ...p.ref, itemId: scrap }),
    );
  });

  it('is published by bank deposits and withdrawals', async () => {
    const p = await newPlayer(db, { atBank: true });
    const scrap = await give(db, p, 'scrap_metal', 5);
    await expectPublishes(p, 'bank.deposit', () =>
      depositItem(deps, { ...p.ref, itemId: scrap, idempotencyKey: uniq('k-') }),
    );
    await expectPublishes(p, 'bank.withdraw', () =>
      withdrawItem(deps, { ...p.ref, itemId: scrap, idempotencyKey: uniq('k-') }),
    );
  });

  it('is published by vendor buys, sales and buy-backs', async () => {
    day(deps.clock);
    const p = await newPlayer(db);
    await moveTo(db, p, nextTo('vik'));
    await fund(db, p.characterId, 1_000);
    const vik = { contactId: 'vik' } as const;
    await expectPublishes(p, 'vendor.buy', () =>
      buyFromVendor(deps, {
        ...p.ref,
        ...vik,
        templateId: 'stim_trauma',
        quantity: 1,
        expectedPrice: 90,
        idempotencyKey: uniq('k-'),
      }),
    );
    const stims = await give(db, p, 'stim_basic', 3);
    await expectPublishes(p, 'vendor.sell', () =>
      sellToVendor(deps, { ...p.ref, ...vik, itemId: stims, idempotencyKey: uniq('k-') }),
    );
    await expectPublishes(p, 'vendor.buyback', () =>
      buyBackFromVendor(deps, { ...p.ref, ...vik, itemId: stims }),
    );
  });

  it('is published by attribute points, respecs and level-ups, not by XP alone', async () => {
    const p = await newPlayer(db);
    await fund(db, p.characterId, 100_000);
    await expectPublishes(p, 'xp.admin', () =>
      grantXp(deps, { characterId: p.characterId, amount: 100_000, reason: 'admin' }),
    );
    const before = await causes(p);
    await grantXp(deps, { characterId: p.characterId, amount: 1, reason: 'admin' });
    expect(await causes(p)).toEqual(before);
    await expectPublishes(p, 'progression.spend_point', () =>
      spendAttributePoint(deps, { ...p.ref, attribute: 'body' }),
    );
    await expectPublishes(p, 'progression.respec', () => respecAttributes(deps, p.ref));
  });

  it('is published by a quest turn-in (items out, rewards and XP in)', async () => {
    const p = await playerAt(db, 'regina', { level: 2 });
    await storeRun(db, p, 'q_punk_problem', { state: 'ready' });
    await expectPublishes(p, 'quest.turn_in', () =>
      turnInQuest(deps, {
        ...p.ref,
        questId: 'q_punk_problem',
        contactId: 'regina',
        choice: 'jacket_kevlar',
      }),
    );
  });

  it('is one event per character a transaction changed; two transactions are two', async () => {
    const [p, q] = [await newPlayer(db), await newPlayer(db)];
    const before = await causes(p);
    // the happening is the transaction: a second call in it (a level-up, then the
    // turn-in that caused it) adds nothing for the same character, the first cause stays
    await inTransaction(db, async (tx) => {
      await publishStatsChanged(tx, p.characterId, 'test.first');
      await publishStatsChanged(tx, [p.characterId, q.characterId], 'test.again');
    });
    expect(await causes(p)).toEqual([...before, 'test.first']);
    expect(await causes(q)).toEqual(['test.again']);
    // another transaction is another change, whatever it says
    await inTransaction(db, (tx) => publishStatsChanged(tx, p.characterId, 'test.first'));
    expect(await causes(p)).toEqual([...before, 'test.first', 'test.first']);
  });
});
