// Contracts racing each other and the clock, against the real database: the worker's
// timeouts (acceptance window, delivery deadline, the 72 h release) twice and at once,
// two takers of one contract, a delivery racing the deadline, a dispute after the
// release, a cancel racing an accept — one winner each time, conserved throughout.
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_RELEASE_AFTER_MS, contractPostFee, type ContractView } from '@necp/shared';
import { FakeClock } from '../core/clock';
import { domainError, expectEveryTransactionDirect, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give } from '../inventory/test-helpers';
import { purgeExpiredCharacters } from '../characters/purge-expired-characters';
import { checkInvariants } from '../ledger/check-invariants';
import {
  abandonContract,
  acceptContract,
  cancelContract,
  confirmContract,
  contractBoard,
  deliverContract,
  disputeContract,
  runContractTimeouts,
} from '.';
import { contractDeps, contractMail, eddiesOf, party, post } from './test-kit';

// the earliest year of the contract tests: this file's sweeps never reach another file's contracts
const db = testDb(8);
const deps = contractDeps(db, 2040);
afterAll(() => db.$disconnect());
// posts, the sides' moves, the timeouts: raw statements straight on the connection
expectEveryTransactionDirect();

const stateOf = async (id: string) =>
  (await db.contract.findUniqueOrThrow({ where: { id } })).state;
const H = 3_600_000;
const later = (ms: number) => testDeps(db, { clock: new FakeClock(deps.clock.ms() + ms) });

describe('the worker’s timeouts', () => {
  it('expire, fail and release what is due — once, however often and however many run', async () => {
    const poster = await party(db, 3000);
    const taker = await party(db, 500);
    const stim = await give(db, poster, 'stim_basic', 2);
    const terms = {
      kind: 'deliver' as const,
      targetId: 'scrap_metal',
      quantity: 5,
      reward: 100,
      collateral: 50,
    };
    const unwanted = await post(deps, poster, { ...terms, acceptH: 24, rewardItemId: stim });
    const late = await post(deps, poster, { ...terms, acceptH: 168, deliverH: 2 });
    const quiet = await post(deps, poster, { ...terms, acceptH: 168, deliverH: 72 });
    await acceptContract(deps, { characterId: taker.characterId, contractId: late.id });
    await acceptContract(deps, { characterId: taker.characterId, contractId: quiet.id });
    await give(db, taker, 'scrap_metal', 5);
    await deliverContract(deps, { characterId: taker.characterId, contractId: quiet.id });
    // nothing is due yet
    expect(await runContractTimeouts(later(H))).toEqual({ expired: 0, failed: 0, released: 0 });
    // after the release window: all three are due; two workers at once, then again
    const w = later(CONTRACT_RELEASE_AFTER_MS + H);
    const runs = await Promise.all([runContractTimeouts(w), runContractTimeouts(w)]);
    const again = await runContractTimeouts(w);
    const sum = (k: 'expired' | 'failed' | 'released') => runs[0][k] + runs[1][k] + again[k];
    expect([sum('expired'), sum('failed'), sum('released')]).toEqual([1, 1, 1]);
    expect(again).toEqual({ expired: 0, failed: 0, released: 0 });
    expect([await stateOf(unwanted.id), await stateOf(late.id), await stateOf(quiet.id)]).toEqual([
      'expired',
      'failed',
      'confirmed',
    ]);
    // expired: reward back, the stack by mail; failed: the collateral to the poster; released: to the taker
    expect(await eddiesOf(db, poster)).toBe(3000 - 3 * contractPostFee(100) - 100 + 50);
    expect(await eddiesOf(db, taker)).toBe(500 - 50 - 50 + 150);
    expect(await contractMail(db, poster)).toEqual([
      { subject: 'Contract delivery', items: [['scrap_metal', 5]] },
      { subject: 'Contract reward returned', items: [['stim_basic', 2]] },
    ]);
    // a dispute after the release reads what happened
    const e = await domainError(
      disputeContract(w, { characterId: poster.characterId, contractId: quiet.id, reason: 'late' }),
    );
    expect(e.userMessage).toBe('That contract is confirmed now.');
    await expectBalanced(db, [poster, taker]);
  });

  it('settles what a purged character left: its share to the house, the other side paid', async () => {
    const poster = await party(db, 1000);
    const taker = await party(db, 100);
    const gone = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 2,
      reward: 90,
    });
    const taken = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 2,
      reward: 70,
    });
    await acceptContract(deps, { characterId: taker.characterId, contractId: taken.id });
    await give(db, taker, 'scrap_metal', 2);
    await deliverContract(deps, { characterId: taker.characterId, contractId: taken.id });
    // the poster deletes the character and the restore window runs out
    const row = await db.character.update({
      where: { id: poster.characterId },
      data: { deletedAt: new Date(Date.UTC(2000, 0, 1)) },
    });
    expect(await purgeExpiredCharacters(deps, { nameKey: row.nameLower })).toBe(1);
    // its open contract is off the board and cannot be taken
    expect(
      (await contractBoard(deps, { characterId: taker.characterId })).map((c) => c.id),
    ).not.toContain(gone.id);
    expect(
      (
        await domainError(
          acceptContract(deps, { characterId: taker.characterId, contractId: gone.id }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const w = later(CONTRACT_RELEASE_AFTER_MS + 80 * H);
    await runContractTimeouts(w);
    expect([await stateOf(gone.id), await stateOf(taken.id)]).toEqual(['expired', 'confirmed']);
    expect(await eddiesOf(db, taker)).toBe(100 + 70);
    // the delivery had nobody to go to: destroyed, in the ledger
    expect(await db.contractItem.count({ where: { contractId: taken.id } })).toBe(0);
    expect(
      await checkInvariants(db, { characterIds: [poster.characterId, taker.characterId] }),
    ).toEqual([]);
  });

  it('refuses a dispute past the release time even before the worker ran', async () => {
    const poster = await party(db, 500);
    const taker = await party(db, 0);
    const c = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 1,
      reward: 20,
    });
    await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
    await give(db, taker, 'scrap_metal', 1);
    await deliverContract(deps, { characterId: taker.characterId, contractId: c.id });
    const e = await domainError(
      disputeContract(later(CONTRACT_RELEASE_AFTER_MS), {
        characterId: poster.characterId,
        contractId: c.id,
        reason: 'too late',
      }),
    );
    expect(e.code).toBe('INVALID_STATE');
    expect(await stateOf(c.id)).toBe('delivered');
  });
});

describe('races', () => {
  it('two takers at once: one takes it, the other is told it is taken', async () => {
    const poster = await party(db, 2000);
    const takers = await Promise.all([party(db, 100), party(db, 100)]);
    for (let round = 0; round < 5; round++) {
      const c = await post(deps, poster, {
        kind: 'deliver',
        targetId: 'scrap_metal',
        quantity: 1,
        reward: 20,
        collateral: 10,
      });
      const out = await Promise.allSettled(
        takers.map((t) => acceptContract(deps, { characterId: t.characterId, contractId: c.id })),
      );
      expect(out.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = out.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason.userMessage).toBe('That contract is accepted now.');
      const won = (
        out.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<ContractView>
      ).value;
      // the winner gives it up (failed: the collateral to the poster), so the next round starts even
      await abandonContract(deps, { characterId: won.taker!.id!, contractId: c.id });
    }
    // each round's winner lost the collateral: 5 × 10 from the two
    expect((await eddiesOf(db, takers[0]!)) + (await eddiesOf(db, takers[1]!))).toBe(200 - 50);
    await expectBalanced(db, [poster, ...takers]);
  });

  it('a delivery racing the deadline: delivered or failed, never both', async () => {
    const poster = await party(db, 5000);
    const taker = await party(db, 1000);
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      const c = await post(deps, poster, {
        kind: 'deliver',
        targetId: 'scrap_metal',
        quantity: 3,
        reward: 50,
        collateral: 20,
        deliverH: 2,
      });
      await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
      await give(db, taker, 'scrap_metal', 3);
      const before = later(2 * H - 1000); // the taker's click, a second before the deadline
      const after = later(2 * H + 1000); // the worker, a second after
      await Promise.allSettled([
        deliverContract(before, { characterId: taker.characterId, contractId: c.id }),
        runContractTimeouts(after),
      ]);
      const state = await stateOf(c.id);
      outcomes.push(state);
      const held = await db.contractItem.count({ where: { contractId: c.id, role: 'delivery' } });
      expect([state, held]).toEqual(state === 'delivered' ? ['delivered', 1] : ['failed', 0]);
      if (state === 'delivered')
        await confirmContract(deps, { characterId: poster.characterId, contractId: c.id });
    }
    expect(outcomes.every((s) => s === 'delivered' || s === 'failed')).toBe(true);
    await expectBalanced(db, [poster, taker]);
  });

  it('a cancel racing an accept, and a confirm clicked twice: one wins', async () => {
    const poster = await party(db, 2000);
    const taker = await party(db, 100);
    const c = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 1,
      reward: 30,
    });
    const [cancel, accept] = await Promise.allSettled([
      cancelContract(deps, { characterId: poster.characterId, contractId: c.id }),
      acceptContract(deps, { characterId: taker.characterId, contractId: c.id }),
    ]);
    expect([cancel.status, accept.status].sort()).toEqual(['fulfilled', 'rejected']);
    const d = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 1,
      reward: 30,
    });
    await acceptContract(deps, { characterId: taker.characterId, contractId: d.id });
    await give(db, taker, 'scrap_metal', 1);
    await deliverContract(deps, { characterId: taker.characterId, contractId: d.id });
    const before = await eddiesOf(db, taker);
    const twice = await Promise.allSettled([
      confirmContract(deps, { characterId: poster.characterId, contractId: d.id }),
      confirmContract(deps, { characterId: poster.characterId, contractId: d.id }),
    ]);
    expect(twice.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await eddiesOf(db, taker)).toBe(before + 30);
    await expectBalanced(db, [poster, taker]);
  });
});
