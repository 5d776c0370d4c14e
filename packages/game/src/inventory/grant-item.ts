import type { GameDeps } from '../core/deps';
import { sourceOwner } from '../ledger/owners';
import type { LedgerReason } from '../ledger/reasons';
import { placeInBag } from './place-in-bag';
import { publishStatsChanged } from '../world/publish-stats-changed';
import type { Placement } from './write-placement';
import { inTransaction } from '../core/transaction';

export interface GrantItemInput {
  characterId: string;
  templateId: string;
  quantity: number;
  /** the ledger source: admin, quest, vendor, loot … */
  reason: LedgerReason;
  ref?: string;
}

/**
 * Creates items in a character's bag in one transaction (a ledger source). Used by
 * admin grants and tests; other domains call `placeInBag` inside their own transaction.
 * Trusted callers only: it does not check who owns the character.
 */
export async function grantItem(
  deps: Pick<GameDeps, 'db'>,
  input: GrantItemInput,
): Promise<Placement[]> {
  return inTransaction(deps.db, async (tx) => {
    const placed = await placeInBag(tx, {
      characterId: input.characterId,
      templateId: input.templateId,
      quantity: input.quantity,
      reason: input.reason,
      fromOwner: sourceOwner(input.reason),
      ...(input.ref !== undefined ? { ref: input.ref } : {}),
    });
    await publishStatsChanged(tx, input.characterId, `grant.${input.reason}`);
    return placed;
  });
}
