import { AdminGrantItemInputSchema, type AdminGrantItemInput } from '@necp/shared';
import { z } from 'zod';
import { onceByKey } from '../core/command-receipt';
import type { GameDeps } from '../core/deps';
import { lockCharacter } from '../core/row-locks';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { placeInBag } from '../inventory/place-in-bag';
import type { Placement } from '../inventory/write-placement';
import { sourceOwner } from '../ledger/owners';
import { publishStatsChanged } from '../world/publish-stats-changed';

/** What a grant answers, kept for a retry of its key: where the items went. */
const GrantKept = z.array(z.object({ itemId: z.string(), slot: z.int(), quantity: z.int() }));

/**
 * Staff tool: creates items in any live character's bag (ledger source `admin`,
 * ref `admin:<adminUserId>`) and writes an audit log line. Role checks happen at
 * the transport (adminProcedure re-reads the role from the database). The same
 * idempotency key again answers where the first grant put them and grants nothing.
 */
export async function adminGrantItem(
  deps: Pick<GameDeps, 'db' | 'log'>,
  input: AdminGrantItemInput & { adminUserId: string },
): Promise<Placement[]> {
  const parsed = parseInput(AdminGrantItemInputSchema, input);
  const { characterId, templateId, quantity } = parsed;
  const { outcome: placed, again } = await inTransaction(deps.db, async (tx) => {
    await lockCharacter(tx, characterId);
    return onceByKey(tx, 'admin.grantItem', parsed, GrantKept, async () => {
      const placed = await placeInBag(tx, {
        characterId,
        templateId,
        quantity,
        reason: 'admin',
        fromOwner: sourceOwner('admin'),
        ref: `admin:${input.adminUserId}`,
      });
      await publishStatsChanged(tx, characterId, 'grant.admin');
      return placed;
    });
  });
  if (!again)
    deps.log.info(
      { audit: true, adminUserId: input.adminUserId, characterId, templateId, quantity, placed },
      'admin granted items',
    );
  return placed;
}
