// Player contracts against the real database: post (fee, reward and a reward stack in
// escrow), accept (collateral), deliver (items, kills counted by the subscriber, crafted
// pieces), confirm, cancel, abandon — each one transaction, conserved throughout
// (checkInvariants with the contracts' escrow) — and the refusals.
import { afterAll, describe, expect, it } from 'vitest';
import { contractPostFee, emitTo, toCharacters } from '@necp/shared';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { expectBalanced, give, secondCharacter } from '../inventory/test-helpers';
import { finishCraft, startCraft } from '../crafting';
import { recipe, seedWhere, setSeed, giveInputs } from '../crafting/test-kit';
import {
  abandonContract,
  acceptContract,
  cancelContract,
  confirmContract,
  contractBoard,
  deliverContract,
  myContracts,
} from '.';
import {
  contractDeps,
  contractMail,
  eddiesOf,
  killFor,
  party,
  post,
  toContractsSubscriber,
} from './test-kit';
import { parseOutboxEvent } from '../outbox/events';

const db = testDb(6);
const deps = contractDeps(db, 2041);
afterAll(() => db.$disconnect());
// posts, the sides' moves, the timeouts: raw statements straight on the connection
expectEveryTransactionDirect();

const escrowOf = async (id: string) =>
  (await db.contract.findUniqueOrThrow({ where: { id } })).escrow;

describe('a delivery contract', () => {
  it('posted, taken with collateral, delivered and confirmed: everything where it belongs', async () => {
    const poster = await party(db, 1000);
    const taker = await party(db, 300);
    const stim = await give(db, poster, 'stim_basic', 3);
    const c = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 30,
      reward: 500,
      rewardItemId: stim,
      collateral: 200,
      note: 'Clean metal only',
    });
    expect(c).toMatchObject({
      state: 'posted',
      targetName: 'Scrap Metal',
      fee: contractPostFee(500),
      rewardItem: { templateId: 'stim_basic', quantity: 3 },
      you: 'poster',
    });
    expect(await eddiesOf(db, poster)).toBe(1000 - 500 - contractPostFee(500));
    expect(await escrowOf(c.id)).toBe(500);
    const board = await contractBoard(deps, { characterId: taker.characterId, search: 'scrap' });
    expect(board.map((x) => x.id)).toContain(c.id);

    const took = await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
    expect(took).toMatchObject({ state: 'accepted', you: 'taker' });
    expect(took.deadline).not.toBeNull();
    expect(await eddiesOf(db, taker)).toBe(100);
    expect(await escrowOf(c.id)).toBe(700);
    expect(
      (await contractBoard(deps, { characterId: taker.characterId })).map((x) => x.id),
    ).not.toContain(c.id);

    await expectDomainError(
      deliverContract(deps, { characterId: taker.characterId, contractId: c.id }),
      'INVALID_STATE',
      'You have 0 of the 30 asked, free in your bag.',
    );
    await give(db, taker, 'scrap_metal', 40);
    const done = await deliverContract(deps, { characterId: taker.characterId, contractId: c.id });
    expect(done).toMatchObject({ state: 'delivered', progress: 30 });
    expect(done.releaseAt).not.toBeNull();
    // the poster confirms: reward and collateral to the taker, stacks by mail
    const ok = await confirmContract(deps, { characterId: poster.characterId, contractId: c.id });
    expect(ok).toMatchObject({ state: 'confirmed', canRate: true });
    expect(await eddiesOf(db, taker)).toBe(100 + 700);
    expect(await escrowOf(c.id)).toBe(0);
    expect(await contractMail(db, poster)).toEqual([
      { subject: 'Contract delivery', items: [['scrap_metal', 30]] },
    ]);
    expect(await contractMail(db, taker)).toEqual([
      { subject: 'Contract reward', items: [['stim_basic', 3]] },
    ]);
    const mine = await myContracts(deps, { characterId: taker.characterId });
    expect(mine.find((x) => x.id === c.id)?.state).toBe('confirmed');
    await expectBalanced(db, [poster, taker]);
  });

  it('a double-submitted post is one contract; terms that cannot be are refused', async () => {
    const poster = await party(db, 1000);
    const a = await post(deps, poster, {
      idempotencyKey: 'same-key',
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 5,
      reward: 50,
    });
    const b = await post(deps, poster, {
      idempotencyKey: 'same-key',
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 5,
      reward: 50,
    });
    expect(b.id).toBe(a.id);
    expect(await eddiesOf(db, poster)).toBe(1000 - 50 - contractPostFee(50));
    const metal = await give(db, poster, 'scrap_metal', 5);
    await expectDomainError(
      post(deps, poster, {
        kind: 'deliver',
        targetId: 'scrap_metal',
        quantity: 5,
        reward: 50,
        rewardItemId: metal,
      }),
      'VALIDATION',
      'What you give and what you ask cannot be the same item.',
    );
    await expectDomainError(
      post(deps, poster, { kind: 'kill', targetId: 'no_such_npc', quantity: 5, reward: 50 }),
      'VALIDATION',
      'There is no such enemy.',
    );
    await expectDomainError(
      post(deps, poster, { kind: 'craft', targetId: 'scrap_metal', quantity: 1, reward: 50 }),
      'VALIDATION',
      'No recipe makes that item.',
    );
    await expectDomainError(
      post(deps, poster, { kind: 'deliver', targetId: 'scrap_metal', quantity: 5, reward: 5 }),
      'VALIDATION',
    );
    await expectDomainError(
      post(deps, poster, { kind: 'deliver', targetId: 'scrap\u0000', quantity: 5, reward: 50 }),
      'VALIDATION',
    );
    await expectDomainError(
      post(deps, poster, { kind: 'deliver', targetId: 'scrap_metal', quantity: 1, reward: 10_000 }),
      'INVALID_STATE',
      'Not enough eddies',
    );
    // nothing of the refused posts was written
    expect(await db.contract.count({ where: { posterId: poster.characterId } })).toBe(1);
    await expectBalanced(db, [poster]);
  });

  it('refuses takers from the poster account, the poster, and strangers acting for a side', async () => {
    const poster = await party(db, 500);
    const alt = await secondCharacter(db, poster);
    const stranger = await party(db, 0);
    const taker = await party(db, 0);
    const c = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 2,
      reward: 40,
    });
    await expectDomainError(
      acceptContract(deps, { characterId: poster.characterId, contractId: c.id }),
      'FORBIDDEN',
    );
    await expectDomainError(
      acceptContract(deps, { characterId: alt.characterId, contractId: c.id }),
      'FORBIDDEN',
      'You cannot take a contract posted from your own account.',
    );
    await expectDomainError(
      cancelContract(deps, { characterId: stranger.characterId, contractId: c.id }),
      'FORBIDDEN',
    );
    await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
    await expectDomainError(
      acceptContract(deps, { characterId: stranger.characterId, contractId: c.id }),
      'INVALID_STATE',
      'That contract is accepted now.',
    );
    await expectDomainError(
      cancelContract(deps, { characterId: poster.characterId, contractId: c.id }),
      'INVALID_STATE',
    );
    await expectDomainError(
      deliverContract(deps, { characterId: stranger.characterId, contractId: c.id }),
      'FORBIDDEN',
    );
    await expectDomainError(
      confirmContract(deps, { characterId: poster.characterId, contractId: c.id }),
      'INVALID_STATE',
    );
    await expectDomainError(
      acceptContract(deps, { characterId: taker.characterId, contractId: 'nope' }),
      'NOT_FOUND',
    );
    await expectBalanced(db, [poster, taker, stranger]);
  });

  it('cancelled before anyone took it: reward and stack back, the fee kept; abandoned: collateral to the poster', async () => {
    const poster = await party(db, 1000);
    const taker = await party(db, 100);
    const stim = await give(db, poster, 'stim_basic', 2);
    const c = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 2,
      reward: 100,
      rewardItemId: stim,
    });
    await cancelContract(deps, { characterId: poster.characterId, contractId: c.id });
    expect(await eddiesOf(db, poster)).toBe(1000 - contractPostFee(100));
    expect(await contractMail(db, poster)).toEqual([
      { subject: 'Contract reward returned', items: [['stim_basic', 2]] },
    ]);
    const d = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 2,
      reward: 100,
      collateral: 60,
    });
    await acceptContract(deps, { characterId: taker.characterId, contractId: d.id });
    const gone = await abandonContract(deps, { characterId: taker.characterId, contractId: d.id });
    expect(gone.state).toBe('failed');
    expect(await eddiesOf(db, taker)).toBe(40);
    expect(await eddiesOf(db, poster)).toBe(1000 - 2 * contractPostFee(100) + 60);
    await expectBalanced(db, [poster, taker]);
  });
});

describe('kill and craft contracts', () => {
  it('counts the taker’s kills of that kind after accepting, up to the number; then delivers', async () => {
    const poster = await party(db, 500);
    const taker = await party(db, 0);
    const other = await party(db, 0);
    const c = await post(deps, poster, {
      kind: 'kill',
      targetId: 'watson_scavenger',
      quantity: 2,
      reward: 80,
    });
    await killFor(db, deps.clock.now(), 'watson_scavenger', [taker]); // before accepting: not counted
    deps.clock.advance(1000);
    await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
    deps.clock.advance(1000);
    expect(await killFor(db, deps.clock.now(), 'tyger_claws_punk', [taker])).toEqual([]); // another kind
    expect(await killFor(db, deps.clock.now(), 'watson_scavenger', [other])).toEqual([]); // someone else
    // counted: both sides are told at once
    expect(await killFor(db, deps.clock.now(), 'watson_scavenger', [taker, other])).toEqual([
      emitTo(toCharacters(taker.characterId, poster.characterId), 'contract:progress', {
        contractId: c.id,
        progress: 1,
        quantity: 2,
      }),
    ]);
    await expectDomainError(
      deliverContract(deps, { characterId: taker.characterId, contractId: c.id }),
      'INVALID_STATE',
      'Only 1 of 2 done since you took it.',
    );
    for (let i = 0; i < 3; i++) await killFor(db, deps.clock.now(), 'watson_scavenger', [taker]);
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.id } })).progress).toBe(2);
    await deliverContract(deps, { characterId: taker.characterId, contractId: c.id });
    await confirmContract(deps, { characterId: poster.characterId, contractId: c.id });
    expect(await eddiesOf(db, taker)).toBe(80);
    await expectBalanced(db, [poster, taker]);
  });

  it('a craft contract takes the very pieces the taker crafted after accepting', async () => {
    const knife = recipe('ws_combat_knife');
    const poster = await party(db, 500);
    const taker = await party(db, 0);
    const c = await post(deps, poster, {
      kind: 'craft',
      targetId: 'knife_combat',
      quantity: 1,
      reward: 120,
    });
    await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
    await give(db, taker, 'knife_combat', 1); // bought, not crafted: does not count
    await expectDomainError(
      deliverContract(deps, { characterId: taker.characterId, contractId: c.id }),
      'INVALID_STATE',
      'Only 0 of 1 done since you took it.',
    );
    // the crafting station is elsewhere: the taker walks there
    const { AT_STATION } = await import('../crafting/test-kit');
    await db.character.update({ where: { id: taker.characterId }, data: AT_STATION });
    await giveInputs(db, taker, knife);
    const v = await startCraft(deps, {
      ...taker.ref,
      recipeId: knife.id,
      idempotencyKey: `k-${c.id}`,
    });
    await setSeed(
      db,
      v.id,
      seedWhere(knife, 0, (o) => o.success),
    );
    deps.clock.advance(knife.castMs);
    const done = await finishCraft(deps, { ...taker.ref, craftId: v.id });
    const made = done.outcome!.outputItemId!;
    // the finish published craft.finished: the subscriber tells both sides the count
    const row = await db.outboxEvent.findUniqueOrThrow({
      where: { key: `craft.finished:${v.id}` },
    });
    const event = parseOutboxEvent(row);
    if (event.type !== 'craft.finished') throw new Error(`unexpected ${event.type}`);
    expect(await toContractsSubscriber(db, event)).toEqual([
      emitTo(toCharacters(taker.characterId, poster.characterId), 'contract:progress', {
        contractId: c.id,
        progress: 1,
        quantity: 1,
      }),
    ]);
    await deliverContract(deps, { characterId: taker.characterId, contractId: c.id });
    const held = await db.contractItem.findMany({ where: { contractId: c.id } });
    expect(held.map((h) => h.itemId)).toEqual([made]);
    await confirmContract(deps, { characterId: poster.characterId, contractId: c.id });
    expect(await eddiesOf(db, taker)).toBe(120);
    await expectBalanced(db, [poster, taker]);
  });
});
