// Salvage against the real database: an item broken into the materials of its table in
// one transaction (the item to the salvage sink, the materials from its source, ref =
// the salvage), the same key returning the first result, and the refusals — held,
// equipped, not salvageable, someone else's, no room for every yield. Conserved
// throughout (checkInvariants).
import { afterAll, describe, expect, it } from 'vitest';
import { itemTemplateById, resolveSalvage } from '@necp/shared';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { tradeReservation } from '../core/item-reserved';
import { equipItem } from '../inventory/equip-item';
import { expectBalanced, give, holdings } from '../inventory/test-helpers';
import { charOwner } from '../ledger/owners';
import { salvageItem } from '.';
import { bagCount, craftDeps, crafter } from './test-kit';

const db = testDb(4);
const deps = craftDeps(db, 2043);
afterAll(() => db.$disconnect());
// salvage: raw statements straight on the connection
expectEveryTransactionDirect();
const katana = itemTemplateById('katana_tsumetogi')!; // weapon, rare: gun parts and chrome always
let n = 0;
const key = () => `salvage-${++n}`;

describe('salvage', () => {
  it('destroys the item and creates the materials its table rolls on the recorded seed', async () => {
    // anywhere: no station needed
    const p = await crafter(db, { at: { x: 40, y: 40 } });
    const item = await give(db, p, katana.id);
    const v = await salvageItem(deps, { ...p.ref, itemId: item, idempotencyKey: key() });
    const row = await db.salvage.findUniqueOrThrow({ where: { id: v.id } });
    const rolled = resolveSalvage({ seed: row.seed, template: katana });
    expect(v).toEqual({
      id: row.id,
      itemId: item,
      templateId: katana.id,
      tableId: 'weapon_rare',
      yields: rolled.materials,
      at: deps.clock.ms(),
    });
    expect(rolled.materials.map((m) => m.templateId)).toEqual(
      expect.arrayContaining(['gun_parts', 'chrome_plating']),
    );
    expect(await db.item.findUnique({ where: { id: item } })).toBeNull();
    for (const m of rolled.materials) expect(await bagCount(db, p, m.templateId)).toBe(m.quantity);
    const me = charOwner(p.characterId);
    const rows = await db.ledgerEntry.findMany({ where: { ref: v.id }, orderBy: { id: 'asc' } });
    expect(
      rows.map((r) => [r.reason, r.templateId, r.quantityDelta, r.fromOwner, r.toOwner]),
    ).toEqual([
      ['salvage', katana.id, -1, me, 'sink:salvage'],
      ...rolled.materials.map((m) => ['salvage', m.templateId, m.quantity, 'source:salvage', me]),
    ]);
    await expectBalanced(db, [p]);
  });

  it('retried with the same key returns the first result and changes nothing', async () => {
    const p = await crafter(db);
    const item = await give(db, p, katana.id);
    const k = key();
    const first = await salvageItem(deps, { ...p.ref, itemId: item, idempotencyKey: k });
    const bag = await holdings(db, [p]);
    const ledger = await db.ledgerEntry.count({ where: { ref: first.id } });
    expect(await salvageItem(deps, { ...p.ref, itemId: item, idempotencyKey: k })).toEqual(first);
    expect(await holdings(db, [p])).toEqual(bag);
    expect(await db.ledgerEntry.count({ where: { ref: first.id } })).toBe(ledger);
    expect(await db.salvage.count({ where: { characterId: p.characterId } })).toBe(1);
    // the key names that salvage: another item with it is refused, not salvaged
    const other = await give(db, p, katana.id);
    await expectDomainError(
      salvageItem(deps, { ...p.ref, itemId: other, idempotencyKey: k }),
      'CONFLICT',
    );
    expect(await db.item.findUnique({ where: { id: other } })).not.toBeNull();
    await expectBalanced(db, [p]);
  });

  it('refuses an offered (held) item, an equipped one, one without a table, someone else’s', async () => {
    const p = await crafter(db, { level: 10 });
    const held = await give(db, p, katana.id);
    await db.item.update({ where: { id: held }, data: { reservation: tradeReservation('t1') } });
    await expectDomainError(
      salvageItem(deps, { ...p.ref, itemId: held, idempotencyKey: key() }),
      'INVALID_STATE',
      'That item is held by a trade or a craft: finish or cancel it first.',
    );
    const pistol = await give(db, p, 'pistol_unity');
    await equipItem(deps, { ...p.ref, itemId: pistol });
    await expectDomainError(
      salvageItem(deps, { ...p.ref, itemId: pistol, idempotencyKey: key() }),
      'INVALID_STATE',
      'Unequip that item first',
    );
    const stim = await give(db, p, 'stim_basic');
    const scrap = await give(db, p, 'scrap_metal', 5);
    for (const itemId of [stim, scrap])
      await expectDomainError(
        salvageItem(deps, { ...p.ref, itemId, idempotencyKey: key() }),
        'INVALID_STATE',
        'That cannot be salvaged.',
      );
    const other = await crafter(db);
    await expectDomainError(
      salvageItem(deps, { ...other.ref, itemId: held, idempotencyKey: key() }),
      'NOT_FOUND',
    );
    expect(
      await db.salvage.count({
        where: { characterId: { in: [p.characterId, other.characterId] } },
      }),
    ).toBe(0);
    // a bound item is yours: it can be salvaged
    await db.item.update({ where: { id: held }, data: { reservation: null } });
    await db.item.update({ where: { id: held }, data: { boundCharacterId: p.characterId } });
    await salvageItem(deps, { ...p.ref, itemId: held, idempotencyKey: key() });
    await expectBalanced(db, [p, other]);
  });

  it('refuses whole when the bag has no room for every yield', async () => {
    // three slots: the katana (its slot frees), a stim, a jacket — two yields need two
    const p = await crafter(db, { bagSlots: 3 });
    const item = await give(db, p, katana.id);
    await give(db, p, 'stim_basic');
    await give(db, p, 'jacket_kevlar');
    const bag = await holdings(db, [p]);
    const k = key();
    await expectDomainError(
      salvageItem(deps, { ...p.ref, itemId: item, idempotencyKey: k }),
      'INVALID_STATE',
      'Your bag is full',
    );
    expect(await holdings(db, [p])).toEqual(bag);
    expect(await db.item.findUniqueOrThrow({ where: { id: item } })).toMatchObject({
      container: 'BAG',
    });
    expect(await db.salvage.count({ where: { characterId: p.characterId } })).toBe(0);
    // room made, the same key salvages it
    await db.character.update({ where: { id: p.characterId }, data: { bagSlots: 6 } });
    const v = await salvageItem(deps, { ...p.ref, itemId: item, idempotencyKey: k });
    expect(v.yields.length).toBeGreaterThanOrEqual(2);
    await expectBalanced(db, [p]);
  });
});
