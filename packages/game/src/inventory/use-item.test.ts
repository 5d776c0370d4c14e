import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { equipItem } from './equip-item';
import {
  expectBalanced,
  give,
  holdings,
  ledgerRows,
  newPlayer,
  testTemplate,
  type Player,
} from './test-helpers';
import { bagItemTemplateId, useItem } from './use-item';

const db = testDb(8);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const at = { zoneId: 'watson', x: 100, y: 120 };
const use = (p: Player, itemId: string) =>
  useItem(deps, { characterId: p.characterId, itemId, ...at });
const usedEvents = (itemId: string) =>
  db.outboxEvent.findMany({
    where: { type: 'item.used', key: { startsWith: `item.used:${itemId}:` } },
    orderBy: { id: 'asc' },
  });

describe('useItem', () => {
  it('takes one unit of a consumable (ledger use → sink:use), publishes item.used and returns its effect', async () => {
    const p = await newPlayer(db);
    const stim = await give(db, p, 'stim_basic', 3);

    expect(await use(p, stim)).toEqual({ templateId: 'stim_basic', heal: 40, cooldownMs: 10_000 });
    expect(await holdings(db, [p])).toEqual({ stim_basic: 2 });
    expect((await ledgerRows(db, stim)).at(-1)).toMatchObject({
      reason: 'use',
      templateId: 'stim_basic',
      quantityDelta: -1,
      fromOwner: `char:${p.characterId}`,
      toOwner: 'sink:use',
    });
    const events = await usedEvents(stim);
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toEqual({
      characterId: p.characterId,
      itemId: stim,
      templateId: 'stim_basic',
      ...at,
    });
    await expectBalanced(db, [p]);
  });

  it('deletes the row with the last unit; every use is its own event', async () => {
    const p = await newPlayer(db);
    const noodles = await give(db, p, 'food_noodles', 2);
    await use(p, noodles);
    await use(p, noodles);
    expect(await db.item.findUnique({ where: { id: noodles } })).toBeNull();
    expect(await usedEvents(noodles)).toHaveLength(2);
    await expectDomainError(use(p, noodles), 'NOT_FOUND');
    expect(await usedEvents(noodles)).toHaveLength(2);
    await expectBalanced(db, [p]);
  });

  it('uses quest items too (no heal, no cooldown)', async () => {
    const p = await newPlayer(db);
    const t = await testTemplate(db, 'scrap_metal', {
      kind: 'quest',
      name: 'Encrypted Shard',
      binding: 'pickup',
      stackSize: 5,
    });
    const shard = await give(db, p, t.id, 1);
    expect(await use(p, shard)).toEqual({ templateId: t.id, heal: 0, cooldownMs: 0 });
    expect(await holdings(db, [p])).toEqual({});
    await expectBalanced(db, [p]);
  });

  it("refuses what can't be used, equipped items, someone else's and missing items — writing nothing", async () => {
    const p = await newPlayer(db);
    const other = await newPlayer(db);
    const scrap = await give(db, p, 'scrap_metal', 2);
    const knife = await give(db, p, 'knife_combat', 1);
    await equipItem(deps, { ...p.ref, itemId: knife });
    const theirs = await give(db, other, 'stim_basic', 1);
    const ledgerBefore = await db.ledgerEntry.count({ where: { reason: 'use', itemId: scrap } });

    await expectDomainError(use(p, scrap), 'INVALID_STATE', "You can't use that");
    await expectDomainError(use(p, knife), 'INVALID_STATE', "You can't use that");
    await expectDomainError(use(p, theirs), 'NOT_FOUND');
    await expectDomainError(use(p, 'no-such-item'), 'NOT_FOUND');
    await expectDomainError(
      useItem(deps, { characterId: 'no-such-character', itemId: theirs, ...at }),
      'NOT_FOUND',
    );

    expect(await holdings(db, [p])).toEqual({ scrap_metal: 2, knife_combat: 1 });
    expect(await holdings(db, [other])).toEqual({ stim_basic: 1 });
    expect(await db.ledgerEntry.count({ where: { reason: 'use', itemId: scrap } })).toBe(
      ledgerBefore,
    );
    expect(await usedEvents(theirs)).toEqual([]);
    await expectBalanced(db, [p, other]);
  });

  it('refuses malformed input with VALIDATION', async () => {
    const p = await newPlayer(db);
    const stim = await give(db, p, 'stim_basic', 1);
    for (const bad of [
      { characterId: p.characterId, itemId: '', ...at },
      { characterId: p.characterId, itemId: stim, ...at, x: Number.NaN },
      { characterId: p.characterId, itemId: stim, ...at, zoneId: '' },
      { characterId: '', itemId: stim, ...at },
    ]) {
      await expectDomainError(useItem(deps, bad), 'VALIDATION');
    }
    expect(await holdings(db, [p])).toEqual({ stim_basic: 1 });
  });

  it('two concurrent uses of the last unit: exactly one succeeds', async () => {
    const p = await newPlayer(db);
    const stim = await give(db, p, 'stim_basic', 1);
    const results = await Promise.allSettled([use(p, stim), use(p, stim)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await usedEvents(stim)).toHaveLength(1);
    await expectBalanced(db, [p]);
  });
});

describe('bagItemTemplateId', () => {
  it("names the template of an item in the character's bag only", async () => {
    const p = await newPlayer(db);
    const other = await newPlayer(db);
    const stim = await give(db, p, 'stim_basic', 1);
    const knife = await give(db, p, 'knife_combat', 1);
    await equipItem(deps, { ...p.ref, itemId: knife });
    const read = (who: Player, itemId: string) =>
      bagItemTemplateId(deps, { characterId: who.characterId, itemId });
    expect(await read(p, stim)).toBe('stim_basic');
    expect(await read(other, stim)).toBeUndefined();
    expect(await read(p, knife)).toBeUndefined();
    expect(await read(p, 'nope')).toBeUndefined();
  });
});
