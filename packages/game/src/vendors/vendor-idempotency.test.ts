// A vendor purchase or sale happens once per idempotency key (core/command-receipt.ts):
// a retry, or two presses at once, answer the first outcome; the key with other terms is
// refused; a refusal leaves the key free; bad keys are refused at the edge.
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give } from '../inventory/test-helpers';
import { fund } from '../progression/test-helpers';
import { buyFromVendor } from './buy-from-vendor';
import { sellToVendor } from './sell-to-vendor';
import { daysOf, VIK, vikKit } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
const day = daysOf(2112);
afterAll(() => db.$disconnect());
const { eddiesOf, bagOf, atVik } = vikKit(db, deps);

const vendorLedger = (characterId: string) =>
  db.ledgerEntry.count({ where: { characterId, reason: 'vendor', eddiesDelta: { not: 0 } } });

describe('vendor commands, once per key', () => {
  it('a purchase retried, or pressed twice at once, buys once and answers the first outcome', async () => {
    day(deps.clock);
    const p = await atVik({}, 1_000);
    const buy = {
      ...p.ref,
      ...VIK,
      templateId: 'stim_trauma',
      quantity: 2,
      idempotencyKey: uniq('k-'),
    };
    const first = await buyFromVendor(deps, buy);
    const retry = await buyFromVendor(deps, buy);
    expect(retry.eddiesDelta).toBe(first.eddiesDelta);
    expect(retry.view.eddies).toBe(first.view.eddies);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_trauma', 2]]);
    expect(await vendorLedger(p.characterId)).toBe(1);

    // two at once with one key: the second waits for the first's commit, then answers it
    const twin = { ...buy, idempotencyKey: uniq('k-') };
    const both = await Promise.all([buyFromVendor(deps, twin), buyFromVendor(deps, twin)]);
    expect(both[0].eddiesDelta).toBe(both[1].eddiesDelta);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_trauma', 4]]);
    expect(await eddiesOf(p.characterId)).toBe(1_000 + 2 * first.eddiesDelta);
    expect(await vendorLedger(p.characterId)).toBe(2);
    await expectBalanced(db, [p]);
  });

  it('the key with other terms, or for another command, is refused and changes nothing', async () => {
    day(deps.clock);
    const p = await atVik({}, 1_000);
    const key = uniq('k-');
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'stim_trauma',
      quantity: 1,
      idempotencyKey: key,
    });
    const before = await eddiesOf(p.characterId);
    await expectDomainError(
      buyFromVendor(deps, {
        ...p.ref,
        ...VIK,
        templateId: 'stim_trauma',
        quantity: 3,
        idempotencyKey: key,
      }),
      'CONFLICT',
    );
    const [stim] = await db.item.findMany({ where: { characterId: p.characterId } });
    await expectDomainError(
      sellToVendor(deps, { ...p.ref, ...VIK, itemId: stim!.id, idempotencyKey: key }),
      'CONFLICT',
    );
    expect(await eddiesOf(p.characterId)).toBe(before);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_trauma', 1]]);
  });

  it('a refused purchase leaves its key free: the same key buys once the eddies are there', async () => {
    day(deps.clock);
    const p = await atVik({}, 10);
    const buy = {
      ...p.ref,
      ...VIK,
      templateId: 'stim_trauma',
      quantity: 1,
      idempotencyKey: uniq('k-'),
    };
    await expectDomainError(buyFromVendor(deps, buy), 'INVALID_STATE');
    expect(await db.commandReceipt.count({ where: { characterId: p.characterId } })).toBe(0);
    await fund(db, p.characterId, 1_000);
    const r = await buyFromVendor(deps, buy);
    expect(r.eddiesDelta).toBeLessThan(0);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_trauma', 1]]);
  });

  it('part of a stack sold, retried, sells once; the answer shows the shelf as it is now', async () => {
    day(deps.clock);
    const p = await atVik({}, 0);
    const itemId = await give(db, p, 'scrap_metal', 10);
    const sell = { ...p.ref, ...VIK, itemId, quantity: 4, idempotencyKey: uniq('k-') };
    const first = await sellToVendor(deps, sell);
    const again = await sellToVendor(deps, sell);
    expect(again.eddiesDelta).toBe(first.eddiesDelta);
    expect(await bagOf(p.ref)).toEqual([[0, 'scrap_metal', 6]]);
    expect(again.view.buyback.map((b) => b.quantity)).toEqual([4]);
    expect(await eddiesOf(p.characterId)).toBe(first.eddiesDelta);
    await expectBalanced(db, [p]);
  });

  it('refuses a missing or malformed key at the edge', async () => {
    day(deps.clock);
    const p = await atVik({}, 1_000);
    const base = { ...p.ref, ...VIK, templateId: 'stim_trauma', quantity: 1 };
    for (const idempotencyKey of [
      undefined,
      '',
      'a\u0000b',
      'x'.repeat(65),
      'no spaces',
      '\ud800',
    ]) {
      await expectDomainError(
        buyFromVendor(deps, { ...base, idempotencyKey } as unknown as Parameters<
          typeof buyFromVendor
        >[1]),
        'VALIDATION',
      );
    }
    expect(await eddiesOf(p.characterId)).toBe(1_000);
  });
});
