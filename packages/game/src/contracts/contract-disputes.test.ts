// Disputes and arbitration against the real database: a moderator rules release, refund
// or split and the losing side pays the fee; a moderator related to a side (same
// account, a shared browser, a shared public address) may not rule; evidence and
// rulings are append-only; ratings once per side, weighted by reward.
import { afterAll, describe, expect, it } from 'vitest';
import { contractArbitrationFee, contractPostFee } from '@necp/shared';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { expectBalanced, give } from '../inventory/test-helpers';
import type { Player } from '../inventory/test-helpers';
import {
  acceptContract,
  addContractEvidence,
  arbitrationQueue,
  contractCase,
  deliverContract,
  disputeContract,
  rateContract,
  ratingsOf,
  ruleContract,
} from '.';
import { isPersonalAddress } from './conflict-of-interest';
import { contractDeps, contractMail, eddiesOf, makeModerator, party, post } from './test-kit';

const db = testDb(6);
const deps = contractDeps(db, 2042);
afterAll(() => db.$disconnect());
// posts, the sides' moves, the timeouts: raw statements straight on the connection
expectEveryTransactionDirect();

/** A delivered contract of 10 scrap metal for `reward`, collateral 100, disputed by its poster. */
async function disputed(reward = 400) {
  const poster = await party(db, 2000);
  const taker = await party(db, 500);
  const c = await post(deps, poster, {
    kind: 'deliver',
    targetId: 'scrap_metal',
    quantity: 10,
    reward,
    collateral: 100,
  });
  await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
  await give(db, taker, 'scrap_metal', 10);
  await deliverContract(deps, { characterId: taker.characterId, contractId: c.id });
  await disputeContract(deps, {
    characterId: poster.characterId,
    contractId: c.id,
    reason: 'Half of it is rust',
  });
  return { poster, taker, id: c.id };
}

async function moderator(): Promise<Player> {
  const m = await party(db, 0);
  await makeModerator(db, m);
  return m;
}

describe('arbitration', () => {
  it('release: all to the taker, the items to the poster, the poster pays the fee', async () => {
    const { poster, taker, id } = await disputed();
    await addContractEvidence(deps, {
      characterId: taker.characterId,
      contractId: id,
      text: 'Fresh from the foundry',
    });
    const mod = await moderator();
    const queue = await arbitrationQueue(deps, { moderatorId: mod.userId });
    const mine = queue.find((c) => c.id === id)!;
    expect(mine).toMatchObject({ state: 'disputed', mayRule: true });
    expect(mine.evidence.map((e) => [e.by, e.text])).toEqual([
      ['poster', 'Half of it is rust'],
      ['taker', 'Fresh from the foundry'],
    ]);
    expect(mine.delivered).toEqual([
      { templateId: 'scrap_metal', name: 'Scrap Metal', quantity: 10 },
    ]);
    const posterBefore = await eddiesOf(db, poster);
    const ruled = await ruleContract(deps, {
      moderatorId: mod.userId,
      contractId: id,
      ruling: 'release',
      note: 'Inspected: it is fine',
    });
    expect(ruled).toMatchObject({ state: 'arbitrated', mayRule: false });
    expect(ruled.ruling).toMatchObject({
      ruling: 'release',
      takerPct: 100,
      note: 'Inspected: it is fine',
    });
    expect(await eddiesOf(db, taker)).toBe(500 + 400);
    expect(await eddiesOf(db, poster)).toBe(posterBefore - contractArbitrationFee(400));
    expect(await contractMail(db, poster)).toEqual([
      { subject: 'Contract delivery', items: [['scrap_metal', 10]] },
    ]);
    // a second ruling is refused by the state table
    await expectDomainError(
      ruleContract(deps, {
        moderatorId: mod.userId,
        contractId: id,
        ruling: 'refund',
        note: 'again',
      }),
      'INVALID_STATE',
    );
    // the case as a side sees it; a stranger does not
    const seen = await contractCase(deps, {
      contractId: id,
      viewer: { characterId: taker.characterId },
    });
    expect(seen.ruling?.ruling).toBe('release');
    await expectDomainError(
      contractCase(deps, { contractId: id, viewer: { characterId: mod.characterId } }),
      'NOT_FOUND',
    );
    await expectBalanced(db, [poster, taker]);
  });

  it('refund: reward and collateral to the poster, the items back, the taker pays; split shares the reward', async () => {
    const a = await disputed(400);
    const mod = await moderator();
    await ruleContract(deps, {
      moderatorId: mod.userId,
      contractId: a.id,
      ruling: 'refund',
      note: 'Rust',
    });
    expect(await eddiesOf(db, a.taker)).toBe(400 - contractArbitrationFee(400));
    expect(await eddiesOf(db, a.poster)).toBe(2000 - contractPostFee(400) + 100);
    expect(await contractMail(db, a.taker)).toEqual([
      { subject: 'Your delivery returned', items: [['scrap_metal', 10]] },
    ]);

    const b = await disputed(400);
    await ruleContract(deps, {
      moderatorId: mod.userId,
      contractId: b.id,
      ruling: 'split',
      takerPct: 25,
      note: 'Some of it was usable',
    });
    const half = Math.ceil(contractArbitrationFee(400) / 2);
    expect(await eddiesOf(db, b.taker)).toBe(400 + 100 + 100 - half);
    expect(await eddiesOf(db, b.poster)).toBe(2000 - contractPostFee(400) - 400 + 300 - half);
    await expectBalanced(db, [a.poster, a.taker, b.poster, b.taker]);
  });

  it('a player, a related moderator or a moderator on their own case may not rule', async () => {
    const { poster, taker, id } = await disputed();
    await expectDomainError(
      ruleContract(deps, {
        moderatorId: poster.userId,
        contractId: id,
        ruling: 'release',
        note: 'me',
      }),
      'FORBIDDEN',
      'You do not have permission to do that',
    );
    // the taker's account made moderator: a party to the case
    await makeModerator(db, taker);
    await expectDomainError(
      ruleContract(deps, {
        moderatorId: taker.userId,
        contractId: id,
        ruling: 'release',
        note: 'mine',
      }),
      'FORBIDDEN',
      'You cannot rule on this case: you are a party to it, or share a device or an address with one.',
    );
    // a moderator seen on the same browser as the poster
    const shared = await moderator();
    await db.sharedDevice.create({
      data: { userId: poster.userId, otherUserId: shared.userId, seenAt: new Date() },
    });
    await expectDomainError(
      ruleContract(deps, {
        moderatorId: shared.userId,
        contractId: id,
        ruling: 'refund',
        note: 'x',
      }),
      'FORBIDDEN',
    );
    // a moderator who signed in from the taker's public address
    const near = await moderator();
    await db.authEvent.createMany({
      data: [
        { userId: taker.userId, kind: 'LOGIN_OK', ip: '81.2.69.142' },
        { userId: near.userId, kind: 'LOGIN_OK', ip: '81.2.69.142' },
      ],
    });
    await expectDomainError(
      ruleContract(deps, { moderatorId: near.userId, contractId: id, ruling: 'refund', note: 'x' }),
      'FORBIDDEN',
    );
    const queue = await arbitrationQueue(deps, { moderatorId: near.userId });
    expect(queue.find((c) => c.id === id)?.mayRule).toBe(false);
    // loopback and private addresses name nobody: every local player shares them
    const local = await moderator();
    await db.authEvent.createMany({
      data: [
        { userId: poster.userId, kind: 'LOGIN_OK', ip: '127.0.0.1' },
        { userId: local.userId, kind: 'LOGIN_OK', ip: '127.0.0.1' },
        { userId: local.userId, kind: 'LOGIN_OK', ip: '192.168.1.4' },
      ],
    });
    expect(isPersonalAddress('127.0.0.1')).toBe(false);
    expect(isPersonalAddress('10.1.2.3')).toBe(false);
    expect(isPersonalAddress('::1')).toBe(false);
    expect(isPersonalAddress('unknown')).toBe(false);
    expect(isPersonalAddress('203.0.113.7')).toBe(false); // TEST-NET: reserved
    expect(isPersonalAddress('81.2.69.142')).toBe(true);
    const ok = await ruleContract(deps, {
      moderatorId: local.userId,
      contractId: id,
      ruling: 'release',
      note: 'ok',
    });
    expect(ok.state).toBe('arbitrated');
  });

  it('keeps evidence and rulings append-only, and lets only the sides add to a case', async () => {
    const { poster, taker, id } = await disputed();
    const stranger = await party(db, 0);
    await expectDomainError(
      addContractEvidence(deps, { characterId: stranger.characterId, contractId: id, text: 'hi' }),
      'FORBIDDEN',
    );
    await expect(
      db.$executeRaw`UPDATE "ContractEvidence" SET "text" = 'edited' WHERE "contractId" = ${id}`,
    ).rejects.toThrow(/append-only/);
    await expect(
      db.$executeRaw`DELETE FROM "ContractEvidence" WHERE "contractId" = ${id}`,
    ).rejects.toThrow(/append-only/);
    const mod = await moderator();
    await ruleContract(deps, {
      moderatorId: mod.userId,
      contractId: id,
      ruling: 'release',
      note: 'fine',
    });
    await expect(
      db.$executeRaw`UPDATE "ContractRuling" SET "ruling" = 'refund' WHERE "contractId" = ${id}`,
    ).rejects.toThrow(/append-only/);
    await expectDomainError(
      addContractEvidence(deps, { characterId: poster.characterId, contractId: id, text: 'late' }),
      'INVALID_STATE',
    );
    await expectBalanced(db, [poster, taker]);
  });
});

describe('ratings', () => {
  it('one per side per finished contract, weighted by the reward', async () => {
    const a = await disputed(1000);
    const mod = await moderator();
    await ruleContract(deps, {
      moderatorId: mod.userId,
      contractId: a.id,
      ruling: 'release',
      note: 'ok',
    });
    await rateContract(deps, { characterId: a.poster.characterId, contractId: a.id, score: 2 });
    await expectDomainError(
      rateContract(deps, { characterId: a.poster.characterId, contractId: a.id, score: 5 }),
      'CONFLICT',
    );
    await rateContract(deps, { characterId: a.taker.characterId, contractId: a.id, score: 4 });
    // a second, smaller contract between the same taker and another poster
    const b = await disputed(100);
    await ruleContract(deps, {
      moderatorId: mod.userId,
      contractId: b.id,
      ruling: 'release',
      note: 'ok',
    });
    await rateContract(deps, { characterId: b.poster.characterId, contractId: b.id, score: 5 });
    const r = await ratingsOf(db, [a.taker.characterId, a.poster.characterId, b.taker.characterId]);
    expect(r.get(a.taker.characterId)).toEqual({ score: 2, count: 1 });
    expect(r.get(a.poster.characterId)).toEqual({ score: 4, count: 1 });
    expect(r.get(b.taker.characterId)).toEqual({ score: 5, count: 1 });
    // not finished, not a side, out of range
    const c = await disputed(100);
    await expectDomainError(
      rateContract(deps, { characterId: c.poster.characterId, contractId: c.id, score: 3 }),
      'INVALID_STATE',
    );
    await expectDomainError(
      rateContract(deps, { characterId: mod.characterId, contractId: a.id, score: 3 }),
      'FORBIDDEN',
    );
    await expectDomainError(
      rateContract(deps, { characterId: a.poster.characterId, contractId: a.id, score: 6 }),
      'VALIDATION',
    );
  });
});
