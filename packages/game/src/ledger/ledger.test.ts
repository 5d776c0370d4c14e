import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { purgeExpiredCharacters } from '../characters/purge-expired-characters';
import { equipItem } from '../inventory/equip-item';
import { destroyItem } from '../inventory/destroy-item';
import { expectBalanced, give, newPlayer } from '../inventory/test-helpers';
import { checkInvariants, formatDifferences } from './check-invariants';
import { recordCurrency, recordCurrencySteps } from './record-currency';
import { recordItem } from './record-item';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const pay = (characterId: string, delta: number) =>
  db.$transaction((tx) => recordCurrency(tx, { reason: 'admin', characterId, delta }));

describe('recordCurrency', () => {
  it('changes the balance and appends a row with balanceAfter', async () => {
    const p = await newPlayer(db);
    expect(await pay(p.characterId, 100)).toBe(100);
    expect(await pay(p.characterId, -30)).toBe(70);
    const rows = await db.ledgerEntry.findMany({
      where: { characterId: p.characterId },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => [r.reason, r.eddiesDelta, r.balanceAfter])).toEqual([
      ['admin', 100, 100],
      ['admin', -30, 70],
    ]);
    await expectBalanced(db, [p]);
  });

  it('never goes below zero or past the integer range, and writes nothing then', async () => {
    const p = await newPlayer(db);
    await pay(p.characterId, 10);
    await expectDomainError(pay(p.characterId, -11), 'INVALID_STATE', 'Not enough eddies');
    await pay(p.characterId, 2_147_483_647 - 10);
    await expectDomainError(pay(p.characterId, 1), 'INVALID_STATE');
    await expectDomainError(pay('nope', 5), 'NOT_FOUND');
    expect(await db.ledgerEntry.count({ where: { characterId: p.characterId } })).toBe(2);
    await expectBalanced(db, [p]);
  });

  it('parallel spends cannot overdraw: exactly as many succeed as the balance allows', async () => {
    const p = await newPlayer(db);
    await pay(p.characterId, 50);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => pay(p.characterId, -10)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect((await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).eddies).toBe(0);
    await expectBalanced(db, [p]);
  });
});

describe('recordCurrencySteps', () => {
  const steps = (characterId: string, deltas: number[]) =>
    deltas.map((delta, i) => ({ reason: 'admin' as const, characterId, delta, ref: `step${i}` }));
  const holderRow = (ref: string) => ({
    reason: 'admin' as const,
    eddiesDelta: 40,
    balanceAfter: 40,
    fromOwner: 'sink:admin',
    toOwner: `mail:${ref}`,
    ref,
  });

  it('writes a row a step, each with the balance after it, and the other rows with them', async () => {
    const p = await newPlayer(db);
    await pay(p.characterId, 100);
    const ref = `steps-${p.characterId}`;
    const after = await db.$transaction((tx) =>
      recordCurrencySteps(tx, steps(p.characterId, [-5, -40, 10]), [holderRow(ref)]),
    );
    expect(after).toBe(65);
    const rows = await db.ledgerEntry.findMany({
      where: { characterId: p.characterId, ref: { startsWith: 'step' } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => [r.ref, r.eddiesDelta, r.balanceAfter])).toEqual([
      ['step0', -5, 95],
      ['step1', -40, 55],
      ['step2', 10, 65],
    ]);
    expect(await db.ledgerEntry.count({ where: { ref } })).toBe(1);
  });

  it('refuses the whole when any step would go below zero, and writes no row at all', async () => {
    const p = await newPlayer(db);
    await pay(p.characterId, 100);
    const ref = `refused-${p.characterId}`;
    // read inside the transaction: the refusal itself must have written nothing, not only
    // the rollback after it
    const seen = await db.$transaction(async (tx) => {
      // −120 first: the balance would be −20 between the steps, though +50 ends it at 30
      const err = await recordCurrencySteps(tx, steps(p.characterId, [-120, 50]), [
        holderRow(ref),
      ]).catch((e: unknown) => e);
      const rows = await tx.ledgerEntry.count({
        where: { OR: [{ ref }, { characterId: p.characterId, ref: { startsWith: 'step' } }] },
      });
      const c = await tx.character.findUniqueOrThrow({ where: { id: p.characterId } });
      return { err, rows, eddies: c.eddies };
    });
    expect((seen.err as { message?: string }).message).toBe('balance would go negative');
    expect(seen).toMatchObject({ rows: 0, eddies: 100 });
    // +50 then −120 never dips below zero: allowed
    expect(
      await db.$transaction((tx) => recordCurrencySteps(tx, steps(p.characterId, [50, -120]))),
    ).toBe(30);
    await expectBalanced(db, [p]);
  });

  it('refuses steps of two characters before anything is sent', async () => {
    const [a, b] = [await newPlayer(db), await newPlayer(db)];
    await expect(
      db.$transaction((tx) =>
        recordCurrencySteps(tx, [...steps(a.characterId, [1]), ...steps(b.characterId, [1])]),
      ),
    ).rejects.toThrow('steps of one character');
  });
});

describe('checkInvariants', () => {
  it('reports every kind of difference, and only inside the scope asked for', async () => {
    const p = await newPlayer(db);
    const clean = await newPlayer(db);
    const stims = await give(db, p, 'stim_basic', 5);
    const gone = await give(db, p, 'scrap_metal', 3);
    await give(db, clean, 'stim_basic', 5);
    await pay(p.characterId, 40);
    // tamper behind the ledger's back
    await db.character.update({ where: { id: p.characterId }, data: { eddies: 45 } });
    await db.item.update({ where: { id: stims }, data: { quantity: 7 } });
    await db.item.delete({ where: { id: gone } });
    const scope = { characterIds: [p.characterId], userIds: [p.userId] };
    const diffs = await checkInvariants(db, scope);
    expect(diffs).toEqual([
      { kind: 'character_eddies', id: p.characterId, ledger: 40, actual: 45 },
      ...[
        { kind: 'item_quantity', id: stims, ledger: 5, actual: 7, templateId: 'stim_basic' },
        { kind: 'deleted_item', id: gone, ledger: 3, actual: 0, templateId: 'scrap_metal' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      { kind: 'template_total', id: 'scrap_metal', ledger: 3, actual: 0 },
      { kind: 'template_total', id: 'stim_basic', ledger: 5, actual: 7 },
    ]);
    expect(formatDifferences(diffs)[0]).toBe(
      `character_eddies ${p.characterId}: ledger 40, actual 45`,
    );
    await expectBalanced(db, [clean]);
    // an item created without any ledger row is caught too
    const stray = await db.item.create({
      data: {
        templateId: 'stim_basic',
        quantity: 1,
        container: 'BAG',
        slot: 9,
        characterId: clean.characterId,
      },
    });
    expect(await checkInvariants(db, { characterIds: [clean.characterId] })).toEqual([
      { kind: 'item_quantity', id: stray.id, ledger: 0, actual: 1, templateId: 'stim_basic' },
      { kind: 'template_total', id: 'stim_basic', ledger: 5, actual: 6 },
    ]);
    // repaired by recording it
    await db.$transaction((tx) =>
      recordItem(tx, {
        reason: 'admin',
        itemId: stray.id,
        templateId: 'stim_basic',
        quantityDelta: 1,
        fromOwner: 'source:admin',
        toOwner: `char:${clean.characterId}`,
      }),
    );
    await expectBalanced(db, [clean]);
  });

  it('runs unscoped over the whole database', async () => {
    const diffs = await checkInvariants(db);
    expect(Array.isArray(diffs)).toBe(true); // other suites' fixtures may differ; the query must work
  });
});

describe('purgeExpiredCharacters', () => {
  it('writes purge sinks for the items and eddies it deletes, so the ledger still balances', async () => {
    const p = await newPlayer(db);
    const jacket = await give(db, p, 'jacket_kevlar');
    const stims = await give(db, p, 'stim_basic', 12);
    await equipItem(deps, { ...p.ref, itemId: jacket });
    await destroyItem(deps, { ...p.ref, itemId: stims, quantity: 2 });
    await pay(p.characterId, 77);
    const c = await db.character.update({
      where: { id: p.characterId },
      data: { deletedAt: new Date(0) },
    });
    // narrowed to this name: other suites' expired characters are theirs to purge
    expect(await purgeExpiredCharacters(deps, { nameKey: c.nameLower })).toBe(1);
    expect(await db.character.findUnique({ where: { id: p.characterId } })).toBeNull();
    expect(await db.item.count({ where: { id: { in: [jacket, stims] } } })).toBe(0);
    const sinks = await db.ledgerEntry.findMany({
      where: {
        reason: 'purge',
        OR: [{ itemId: { in: [jacket, stims] } }, { characterId: p.characterId }],
      },
    });
    expect(sinks.map((r) => [r.itemId, r.quantityDelta, r.eddiesDelta, r.toOwner]).sort()).toEqual(
      [
        [jacket, -1, 0, 'sink:purge'],
        [stims, -10, 0, 'sink:purge'],
        [null, 0, -77, null],
      ].sort(),
    );
    await expectBalanced(db, [p]);
  });
});
