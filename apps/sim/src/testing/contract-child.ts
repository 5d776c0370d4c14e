/**
 * A web node running player contracts, as a process of its own, for the contracts'
 * crash test (cluster/contract-crash.test.ts): pairs from CONTRACT_PAIRS (JSON:
 * [{ poster, taker }] character ids) post, take, deliver and confirm (or dispute, or
 * abandon) contracts through the real domain, round after round, until it is killed.
 * It says on stdout when it has begun.
 */
import { createDb } from '@necp/db';
import {
  abandonContract,
  acceptContract,
  confirmContract,
  deliverContract,
  postContract,
  systemClock,
} from '@necp/game';

const db = createDb(process.env.DATABASE_URL!, { max: 6 });
const pairs = JSON.parse(process.env.CONTRACT_PAIRS!) as { poster: string; taker: string }[];
const deps = { db, clock: systemClock };
process.stdout.write('contracting\n');
for (let round = 0; ; round++) {
  await Promise.all(
    pairs.map(async ({ poster, taker }, i) => {
      try {
        const c = await postContract(deps, {
          characterId: poster,
          idempotencyKey: `crash-${round}-${i}`,
          kind: 'deliver',
          targetId: 'scrap_metal',
          quantity: 3,
          reward: 50 + (i % 7),
          collateral: 10,
        });
        const ref = { contractId: c.id };
        await acceptContract(deps, { ...ref, characterId: taker });
        if ((round + i) % 5 === 0) {
          await abandonContract(deps, { ...ref, characterId: taker });
          return;
        }
        await deliverContract(deps, { ...ref, characterId: taker });
        // some are left delivered, for the worker's release after the crash
        if ((round + i) % 3 !== 0) await confirmContract(deps, { ...ref, characterId: poster });
      } catch {
        // out of eddies, items or contract slots: a refusal, as a player would get
      }
    }),
  );
}
