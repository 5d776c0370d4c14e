import { ContractRateInputSchema, type ContractRateInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { actorOf, lockContract } from './contract-rows';
import { alreadyRated, contractNotNow, notYourContract } from './errors';

/**
 * One side rates the other once a contract is done (confirmed or ruled): 1–5, weighted
 * by the reward in the other's public rating (ratings.ts). Once per side: a second
 * rating is refused (the unique row decides a double-click).
 */
export async function rateContract(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractRateInput,
): Promise<{ score: number }> {
  const r = parseInput(ContractRateInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const c = await lockContract(tx, r.contractId);
    const side = actorOf(c, r.characterId);
    if (side !== 'poster' && side !== 'taker') throw notYourContract();
    if (c.state !== 'confirmed' && c.state !== 'arbitrated') throw contractNotNow(c.state);
    const inserted = await tx.$executeRaw`
      INSERT INTO "ContractRating" ("id", "contractId", "side", "rateeId", "score", "weight", "at")
      VALUES (gen_random_uuid()::text, ${c.id}, ${side},
              ${side === 'poster' ? c.takerId : c.posterId}, ${r.score}, ${c.reward}, ${now})
      ON CONFLICT ("contractId", "side") DO NOTHING`;
    if (inserted === 0) throw alreadyRated();
    return { score: r.score };
  });
}
