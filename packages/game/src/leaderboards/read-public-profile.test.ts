// A public profile's contract rating, against the real database (the rest of the
// profile — boards, achievements, guild — is leaderboard-reads.test.ts): two finished
// contracts rated by their posters, weighted by reward; the poster rated back; a runner
// with no finished contract reads "none yet".
import { afterAll, describe, expect, it } from 'vitest';
import { testDb, testDeps } from '../accounts/test-deps';
import { acceptContract, confirmContract, deliverContract, rateContract } from '../contracts';
import { contractDeps, party, post } from '../contracts/test-kit';
import { give, type Player } from '../inventory/test-helpers';
import { readPublicProfile } from './read-public-profile';

const db = testDb(4);
const deps = contractDeps(db, 2042);
afterAll(() => db.$disconnect());

const nameOf = async (p: Player) =>
  (await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).name;

/** A delivery contract posted, taken, delivered and confirmed: done, both sides may rate. */
async function finished(poster: Player, taker: Player, reward: number) {
  const c = await post(deps, poster, {
    kind: 'deliver',
    targetId: 'scrap_metal',
    quantity: 5,
    reward,
  });
  await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
  await give(db, taker, 'scrap_metal', 5);
  await deliverContract(deps, { characterId: taker.characterId, contractId: c.id });
  await confirmContract(deps, { characterId: poster.characterId, contractId: c.id });
  return c.id;
}

describe('a public profile', () => {
  it('shows the contract rating: the scores weighted by reward, and how many', async () => {
    const poster = await party(db, 5000);
    const taker = await party(db, 0);
    const big = await finished(poster, taker, 500);
    const small = await finished(poster, taker, 100);
    await rateContract(deps, { characterId: poster.characterId, contractId: big, score: 5 });
    await rateContract(deps, { characterId: poster.characterId, contractId: small, score: 2 });
    await rateContract(deps, { characterId: taker.characterId, contractId: big, score: 4 });

    const read = testDeps(db);
    // (5 × 500 + 2 × 100) / 600 = 4.5
    expect((await readPublicProfile(read, await nameOf(taker))).contractRating).toEqual({
      score: 4.5,
      count: 2,
    });
    expect((await readPublicProfile(read, await nameOf(poster))).contractRating).toEqual({
      score: 4,
      count: 1,
    });
    const stranger = await party(db, 0);
    expect((await readPublicProfile(read, await nameOf(stranger))).contractRating).toEqual({
      score: null,
      count: 0,
    });
  });
});
