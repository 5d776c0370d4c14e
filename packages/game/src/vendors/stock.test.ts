import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { dailyPeriodKey } from '@necp/shared';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { inTransaction } from '../core/transaction';
import { expectBalanced, holdings, newPlayer } from '../inventory/test-helpers';
import { fund } from '../progression/test-helpers';
import { buyFromVendor } from './buy-from-vendor';
import { getVendor } from './get-vendor';
import { claimStock } from './stock';
import { daysOf, expectUnchanged, moveTo, nextTo } from './test-helpers';

const db = testDb(10);
const deps = testDeps(db);
const day = daysOf(2103);
afterAll(() => db.$disconnect());

const VIK = { contactId: 'vik' } as const;
const INHALER = 'inhaler_bounce_back'; // dailyLimit 10 at Viktor's

async function buyer(eddies = 2_000) {
  const p = await newPlayer(db);
  await moveTo(db, p, nextTo('vik'));
  await fund(db, p.characterId, eddies);
  return p;
}
const leftOf = async (p: { ref: { userId: string; characterId: string } }, templateId: string) =>
  (await getVendor(deps, { ...p.ref, ...VIK })).stock.find((s) => s.templateId === templateId)
    ?.left;

describe('limited daily stock', () => {
  it('sells exactly the daily limit across many concurrent buyers', async () => {
    day(deps.clock);
    const buyers = await Promise.all(Array.from({ length: 8 }, () => buyer()));
    const results = await Promise.allSettled(
      buyers.map((p) =>
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: INHALER,
          quantity: 2,
          expectedPrice: 40,
          idempotencyKey: uniq('k-'),
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(5);
    for (const r of results)
      if (r.status === 'rejected') {
        const e = await domainError(Promise.reject(r.reason));
        expect(e.code).toBe('INVALID_STATE');
        expect(e.userMessage).toBe('Sold out for today');
      }
    const row = await db.vendorStock.findUniqueOrThrow({
      where: {
        vendorId_templateId_periodKey: {
          vendorId: 'vik_clinic',
          templateId: INHALER,
          periodKey: dailyPeriodKey(deps.clock.now()),
        },
      },
    });
    expect(row.sold).toBe(10);
    expect((await holdings(db, buyers))[INHALER]).toBe(10);
    // the losers paid nothing
    const balances = await db.character.findMany({
      where: { id: { in: buyers.map((b) => b.characterId) } },
      select: { eddies: true },
    });
    expect(balances.map((b) => b.eddies).sort((a, b) => a - b)).toEqual([
      1_920, 1_920, 1_920, 1_920, 1_920, 2_000, 2_000, 2_000,
    ]);
    expect(await leftOf(buyers[0]!, INHALER)).toBe(0);
    await expectBalanced(db, buyers);
  });

  it('refuses more than is left with nothing changed, and says how many are left', async () => {
    day(deps.clock);
    const p = await buyer();
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'cyber_lynx_paws',
      quantity: 1,
      idempotencyKey: uniq('k-'),
    });
    expect(await leftOf(p, 'cyber_lynx_paws')).toBe(1);
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: 'cyber_lynx_paws',
          quantity: 2,
          idempotencyKey: uniq('k-'),
        }),
        'INVALID_STATE',
        'Only 1 left today',
      ),
    );
    // more than the whole day's limit in one go
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: INHALER,
          quantity: 11,
          idempotencyKey: uniq('k-'),
        }),
        'INVALID_STATE',
        'Only 10 left today',
      ),
    );
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'cyber_lynx_paws',
      quantity: 1,
      idempotencyKey: uniq('k-'),
    });
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: 'cyber_lynx_paws',
          quantity: 1,
          idempotencyKey: uniq('k-'),
        }),
        'INVALID_STATE',
        'Sold out for today',
      ),
    );
    // unlimited entries are never sold out
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'stim_basic',
      quantity: 99,
      idempotencyKey: uniq('k-'),
    });
    await expectBalanced(db, [p]);
  });

  it('restocks at 00:00 UTC: sold out at 23:59:59.999, full again at midnight', async () => {
    const noon = day(deps.clock);
    const midnight = noon + 12 * 3_600_000;
    deps.clock.set(midnight - 1);
    const p = await buyer();
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: INHALER,
      quantity: 10,
      idempotencyKey: uniq('k-'),
    });
    const before = await getVendor(deps, { ...p.ref, ...VIK });
    expect(before.stock.find((s) => s.templateId === INHALER)?.left).toBe(0);
    expect(before.restocksAt).toBe(midnight);
    await expectDomainError(
      buyFromVendor(deps, {
        ...p.ref,
        ...VIK,
        templateId: INHALER,
        quantity: 1,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
      'Sold out for today',
    );

    deps.clock.set(midnight);
    const after = await getVendor(deps, { ...p.ref, ...VIK });
    expect(after.stock.find((s) => s.templateId === INHALER)?.left).toBe(10);
    expect(after.restocksAt).toBe(midnight + 86_400_000);
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: INHALER,
      quantity: 4,
      idempotencyKey: uniq('k-'),
    });
    expect(await leftOf(p, INHALER)).toBe(6);
    expect((await holdings(db, [p]))[INHALER]).toBe(14);
    await expectBalanced(db, [p]);
  });
});

describe('claimStock', () => {
  it('never oversells, even when every buyer skips the early check', async () => {
    const now = new Date(Date.UTC(2103, 11, 31, 12));
    const templateId = 'stim_trauma'; // any row key: nobody else claims it that day
    const claims = await Promise.allSettled(
      // the one way (20 s, reruns): twelve at once on one row, two more than the pool,
      // waited past Prisma's 2 s / 5 s defaults on a loaded CI machine
      Array.from({ length: 12 }, () =>
        inTransaction(db, (tx) =>
          claimStock(tx, { vendorId: 'test_vendor', templateId, limit: 5, quantity: 1, now }),
        ),
      ),
    );
    expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(5);
    const row = await db.vendorStock.findUniqueOrThrow({
      where: {
        vendorId_templateId_periodKey: {
          vendorId: 'test_vendor',
          templateId,
          periodKey: dailyPeriodKey(now),
        },
      },
    });
    expect(row.sold).toBe(5);
  });
});
