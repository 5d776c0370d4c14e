import {
  CONTRACT_RELEASE_AFTER_MS,
  ContractRefSchema,
  type ContractRef,
  type ContractView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { notify } from '../notifications/notifications';
import { moveBy } from './move-by';
import { craftedSince } from './crafted-since';
import { contractNotNow, notDoneYet } from './errors';
import { handOverItems } from './hand-over-items';

/**
 * The taker says it is done, before the deadline (a delivery racing the worker's
 * deadline: whichever takes the contract's lock first wins, the other reads the new
 * state). Deliver: the items move into the contract. Kill: the kills counted since
 * accepting (contract-progress.ts) must reach the number. Craft: the taker's successful
 * crafts of the item since accepting must make the number, and those pieces (or units)
 * move into the contract. The poster then has CONTRACT_RELEASE_AFTER_MS to confirm or
 * dispute; after that the worker releases the reward.
 */
export async function deliverContract(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractRef,
): Promise<ContractView> {
  const r = parseInput(ContractRefSchema, input);
  return moveBy(deps, r, 'deliver', async (tx, c, to, now) => {
    if (c.deadline && c.deadline <= now) throw contractNotNow('failed');
    if (c.kind === 'kill' && c.progress < c.quantity) throw notDoneYet(c.progress, c.quantity);
    if (c.kind === 'craft') {
      const made = await craftedSince(tx, r.characterId, c.targetId, c.acceptedAt ?? now);
      if (made.units < c.quantity) throw notDoneYet(made.units, c.quantity);
      await handOverItems(tx, r.characterId, c.targetId, c.quantity, c.id, made.itemIds);
    }
    if (c.kind === 'deliver') await handOverItems(tx, r.characterId, c.targetId, c.quantity, c.id);
    await tx.$executeRaw`UPDATE "Contract" SET "state" = ${to}, "progress" = ${c.quantity}::int,
      "deliveredAt" = ${now}::timestamp,
      "releaseAt" = ${new Date(now.getTime() + CONTRACT_RELEASE_AFTER_MS)}::timestamp
      WHERE "id" = ${c.id}`;
    if (c.posterId)
      await notify(tx, now, {
        characterId: c.posterId,
        kind: 'contract_update',
        title: `Contract delivered: ${c.targetName} ×${c.quantity}`,
        body: 'Confirm it, or dispute it within 72 hours.',
      });
  });
}
