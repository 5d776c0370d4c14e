// Crafting against the real database: the inputs held while the craft casts, the cast
// enforced, the outcome drawn once from the recorded seed and skill — consumed inputs,
// the output with its quality, the skill raised, ledger rows naming the craft — and
// retries returning the first outcome; conserved throughout (checkInvariants).
import { afterAll, describe, expect, it } from 'vitest';
import { failureLoss, itemTemplateById, resolveCraft } from '@necp/shared';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { charOwner } from '../ledger/owners';
import { getInventory } from '../inventory/get-inventory';
import { expectBalanced, give, holdings } from '../inventory/test-helpers';
import { cancelCraft, finishCraft, startCraft } from '.';
import {
  bagCount,
  craftDeps,
  crafter,
  heldBy,
  recipe,
  seedWhere,
  setSeed,
  skillIn,
} from './test-kit';

const db = testDb(6);
const deps = craftDeps(db, 2042);
afterAll(() => db.$disconnect());
// starts, finishes, cancels, the sweep: raw statements straight on the connection
expectEveryTransactionDirect();
const knife = recipe('ws_combat_knife'); // 4 scrap_metal + 2 synth_leather, difficulty 5
const pistol = recipe('ws_unity_pistol'); // skillReq 5
const nameOf = (templateId: string) => itemTemplateById(templateId)!.name;
let n = 0;
const key = () => `key-${++n}`;
const ledgerOf = (craftId: string) =>
  db.ledgerEntry.findMany({ where: { ref: craftId }, orderBy: { id: 'asc' } });

describe('a craft', () => {
  it('holds its inputs, then consumes them, makes the item with its quality and raises the skill', async () => {
    const p = await crafter(db);
    const scrap = await give(db, p, 'scrap_metal', 10);
    const leather = await give(db, p, 'synth_leather', 2);
    const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    expect(v).toMatchObject({
      recipeId: knife.id,
      name: knife.name,
      discipline: 'weaponsmithing',
      state: 'casting',
      startedAt: deps.clock.ms(),
      completesAt: deps.clock.ms() + knife.castMs,
      outcome: null,
    });
    // whole stacks are held where they lie, until the finish
    expect((await heldBy(db, v.id)).map((i) => [i.id, i.quantity])).toEqual([
      [scrap, 10],
      [leather, 2],
    ]);
    const seed = seedWhere(knife, 0, (o) => o.success);
    await setSeed(db, v.id, seed);
    const expected = resolveCraft({ seed, skill: 0, recipe: knife });

    deps.clock.advance(knife.castMs);
    const done = await finishCraft(deps, { ...p.ref, craftId: v.id });
    expect(done.state).toBe('done');
    expect(done.outcome).toMatchObject({
      success: true,
      quality: expected.quality,
      skillUp: true, // orange: every success teaches
      skillBefore: 0,
      skillAfter: 1,
      consumed: knife.inputs,
      output: knife.output,
      byMail: false,
      seed,
      rolls: expected.rolls,
      chances: expected.chances,
    });
    const made = await db.item.findUniqueOrThrow({ where: { id: done.outcome!.outputItemId! } });
    expect(made).toMatchObject({
      templateId: 'knife_combat',
      container: 'BAG',
      characterId: p.characterId,
      quality: expected.quality,
      boundCharacterId: null,
    });
    // the bag shows it (the tooltip names the tier)
    const bag = (await getInventory(deps, p.ref)).bag;
    expect(bag.find((i) => i.id === made.id)).toMatchObject({ quality: expected.quality });
    expect(bag.find((i) => i.id === scrap)).toMatchObject({ quality: null });
    expect(await db.item.findUniqueOrThrow({ where: { id: scrap } })).toMatchObject({
      quantity: 6,
      reservation: null,
    });
    expect(await db.item.findUnique({ where: { id: leather } })).toBeNull();
    expect(await heldBy(db, v.id)).toEqual([]);
    expect(await skillIn(db, p, 'weaponsmithing')).toBe(1);
    // the ledger: the inputs into the craft's sink, the output out of its source, ref = the craft
    const me = charOwner(p.characterId);
    expect(
      (await ledgerOf(v.id)).map((r) => [
        r.reason,
        r.itemId,
        r.templateId,
        r.quantityDelta,
        r.fromOwner,
        r.toOwner,
      ]),
    ).toEqual([
      ['craft', scrap, 'scrap_metal', -4, me, 'sink:craft'],
      ['craft', leather, 'synth_leather', -2, me, 'sink:craft'],
      ['craft', made.id, 'knife_combat', 1, 'source:craft', me],
    ]);
    expect(await db.craft.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      state: 'done',
      seed,
      success: true,
      quality: expected.quality,
      skillBefore: 0,
      skillAfter: 1,
      outputItemId: made.id,
      outputMailId: null,
    });
    await expectBalanced(db, [p]);
  });

  it('takes its cast time: finishing before completesAt is refused', async () => {
    const p = await crafter(db);
    await give(db, p, 'scrap_metal', 4);
    await give(db, p, 'synth_leather', 2);
    const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    const finish = () => finishCraft(deps, { ...p.ref, craftId: v.id });
    await expectDomainError(finish(), 'INVALID_STATE', 'Still crafting…');
    deps.clock.advance(knife.castMs - 1);
    await expectDomainError(finish(), 'INVALID_STATE', 'Still crafting…');
    expect(await heldBy(db, v.id)).toHaveLength(2);
    deps.clock.advance(1);
    expect((await finish()).state).toBe('done');
    expect(await heldBy(db, v.id)).toEqual([]);
    await expectBalanced(db, [p]);
  });

  it('retried with the same key returns the same craft; a finish retried, the same outcome', async () => {
    const p = await crafter(db);
    await give(db, p, 'scrap_metal', 8);
    await give(db, p, 'synth_leather', 4);
    const k = key();
    const start = () => startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: k });
    const v = await start();
    const held = (await heldBy(db, v.id)).map((i) => i.id);
    expect(await start()).toEqual(v);
    expect((await heldBy(db, v.id)).map((i) => i.id)).toEqual(held);
    expect(await db.craft.count({ where: { characterId: p.characterId } })).toBe(1);
    // the key of another command is not taken for this one
    await expectDomainError(
      startCraft(deps, { ...p.ref, recipeId: 'ws_sluggers_bat', idempotencyKey: k }),
      'CONFLICT',
    );
    deps.clock.advance(knife.castMs);
    const done = await finishCraft(deps, { ...p.ref, craftId: v.id });
    const rows = await ledgerOf(v.id);
    const bag = await holdings(db, [p]);
    const skill = await skillIn(db, p, 'weaponsmithing');
    expect(await finishCraft(deps, { ...p.ref, craftId: v.id })).toEqual(done);
    expect(await start()).toEqual(done); // the start's key names the finished craft
    expect(await ledgerOf(v.id)).toEqual(rows);
    expect(await holdings(db, [p])).toEqual(bag);
    expect(await skillIn(db, p, 'weaponsmithing')).toBe(skill);
    expect(await db.craft.count({ where: { characterId: p.characterId } })).toBe(1);
    await expectBalanced(db, [p]);
  });

  it('that fails consumes half of each input (rounded down, at least one) and makes nothing', async () => {
    const p = await crafter(db);
    const scrap = await give(db, p, 'scrap_metal', 10);
    const leather = await give(db, p, 'synth_leather', 2);
    const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    await setSeed(
      db,
      v.id,
      seedWhere(knife, 0, (o) => !o.success),
    );
    deps.clock.advance(knife.castMs);
    const done = await finishCraft(deps, { ...p.ref, craftId: v.id });
    const lost = failureLoss(knife.inputs); // 2 scrap, 1 leather
    expect(done.outcome).toMatchObject({
      success: false,
      quality: null,
      skillUp: false,
      skillAfter: 0,
      consumed: lost,
      output: null,
      outputItemId: null,
    });
    expect(await db.item.findUniqueOrThrow({ where: { id: scrap } })).toMatchObject({
      quantity: 8,
      reservation: null,
    });
    expect(await db.item.findUniqueOrThrow({ where: { id: leather } })).toMatchObject({
      quantity: 1,
      reservation: null,
    });
    expect(await bagCount(db, p, 'knife_combat')).toBe(0);
    expect(await skillIn(db, p, 'weaponsmithing')).toBe(0);
    expect((await ledgerOf(v.id)).map((r) => [r.templateId, r.quantityDelta, r.toOwner])).toEqual([
      ['scrap_metal', -2, 'sink:craft'],
      ['synth_leather', -1, 'sink:craft'],
    ]);
    await expectBalanced(db, [p]);
  });

  it('raises the skill with use until the recipe teaches nothing more', async () => {
    const p = await crafter(db, { skills: { weaponsmithing: 4 } });
    await give(db, p, 'scrap_metal', 12);
    await give(db, p, 'synth_leather', 6);
    const skills: number[] = [];
    for (let i = 0; i < 3; i++) {
      const skill = await skillIn(db, p, 'weaponsmithing');
      const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
      // a success that raises the skill whenever the colour allows it
      await setSeed(
        db,
        v.id,
        seedWhere(knife, skill, (o) => o.success && o.rolls.skill < 0.2),
      );
      deps.clock.advance(knife.castMs);
      skills.push((await finishCraft(deps, { ...p.ref, craftId: v.id })).outcome!.skillAfter);
    }
    // 4 → 5 (orange), 5 → 6 (orange at the difficulty), 6 → 7 (yellow: 75 %, the roll hits)
    expect(skills).toEqual([5, 6, 7]);
    expect(await skillIn(db, p, 'weaponsmithing')).toBe(7);
    expect(await bagCount(db, p, 'knife_combat')).toBe(3);
    await expectBalanced(db, [p]);
  });
});

describe('refusals', () => {
  it('below the skill, away from a station, without the inputs, or while another casts', async () => {
    const p = await crafter(db);
    await give(db, p, 'scrap_metal', 4);
    await give(db, p, 'synth_leather', 2);
    await give(db, p, 'gun_parts', 3);
    await give(db, p, 'polymer_resin', 1);
    await expectDomainError(
      startCraft(deps, { ...p.ref, recipeId: pistol.id, idempotencyKey: key() }),
      'INVALID_STATE',
      'You need weaponsmithing 5 for that recipe.',
    );
    await expectDomainError(
      startCraft(deps, { ...p.ref, recipeId: 'no_such_recipe', idempotencyKey: key() }),
      'NOT_FOUND',
    );
    await expectDomainError(
      startCraft(deps, { ...p.ref, recipeId: 'Bad Id!', idempotencyKey: key() }),
      'VALIDATION',
    );
    await expectDomainError(
      startCraft(deps, { ...p.ref, recipeId: 'ws_sluggers_bat', idempotencyKey: key() }),
      'INVALID_STATE',
      `You are missing 1 × ${nameOf('scrap_metal')}, 1 × ${nameOf('polymer_resin')}.`,
    );
    const far = await crafter(db, { at: { x: 40, y: 40 } });
    await give(db, far, 'scrap_metal', 4);
    await give(db, far, 'synth_leather', 2);
    await expectDomainError(
      startCraft(deps, { ...far.ref, recipeId: knife.id, idempotencyKey: key() }),
      'FORBIDDEN',
      'You need to be at a crafting station',
    );
    const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    await expectDomainError(
      startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() }),
      'INVALID_STATE',
      'You are already crafting something.',
    );
    // someone else's craft is not found
    await expectDomainError(finishCraft(deps, { ...far.ref, craftId: v.id }), 'NOT_FOUND');
    await expectDomainError(cancelCraft(deps, { ...far.ref, craftId: v.id }), 'NOT_FOUND');
    expect(
      await db.craft.count({ where: { characterId: { in: [p.characterId, far.characterId] } } }),
    ).toBe(1);
    expect(
      await db.item.count({ where: { characterId: far.characterId, reservation: { not: null } } }),
    ).toBe(0);
    await cancelCraft(deps, { ...p.ref, craftId: v.id });
    await expectBalanced(db, [p, far]);
  });

  it('cancelled: the inputs are freed, nothing consumed; twice changes nothing; no finish after', async () => {
    const p = await crafter(db);
    const scrap = await give(db, p, 'scrap_metal', 4);
    await give(db, p, 'synth_leather', 2);
    const bag = await holdings(db, [p]);
    const v = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    const cancelled = await cancelCraft(deps, { ...p.ref, craftId: v.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', outcome: null });
    expect(await cancelCraft(deps, { ...p.ref, craftId: v.id })).toEqual(cancelled);
    expect(await heldBy(db, v.id)).toEqual([]);
    expect(await holdings(db, [p])).toEqual(bag);
    expect(await ledgerOf(v.id)).toEqual([]);
    deps.clock.advance(knife.castMs);
    await expectDomainError(
      finishCraft(deps, { ...p.ref, craftId: v.id }),
      'INVALID_STATE',
      'That craft was cancelled.',
    );
    // free again: a new craft takes them; a finished craft cannot be cancelled
    const again = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    expect((await heldBy(db, again.id)).map((i) => i.id)).toContain(scrap);
    deps.clock.advance(knife.castMs);
    await finishCraft(deps, { ...p.ref, craftId: again.id });
    await expectDomainError(
      cancelCraft(deps, { ...p.ref, craftId: again.id }),
      'INVALID_STATE',
      'That craft is already finished.',
    );
    await expectBalanced(db, [p]);
  });

  it('a craft whose cast is over is finished by the next start', async () => {
    const p = await crafter(db);
    await give(db, p, 'scrap_metal', 8);
    await give(db, p, 'synth_leather', 4);
    const first = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    deps.clock.advance(knife.castMs);
    const second = await startCraft(deps, { ...p.ref, recipeId: knife.id, idempotencyKey: key() });
    expect(second.state).toBe('casting');
    expect((await db.craft.findUniqueOrThrow({ where: { id: first.id } })).state).toBe('done');
    await cancelCraft(deps, { ...p.ref, craftId: second.id });
    await expectBalanced(db, [p]);
  });
});
