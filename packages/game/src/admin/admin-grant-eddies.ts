import { AdminGrantEddiesInputSchema, type AdminGrantEddiesInput } from '@necp/shared';
import { z } from 'zod';
import { onceByKey } from '../core/command-receipt';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { recordCurrency } from '../ledger/record-currency';
import { inTransaction } from '../core/transaction';

/** What a grant answers, kept for a retry of its key: the balance it left. */
const GrantKept = z.object({ eddies: z.int() });

/**
 * Staff tool: adds (or, negative, takes away — never below zero) eddies of any
 * live character (ledger reason `admin`) and writes an audit log line. The same
 * idempotency key again answers the first grant's balance and grants nothing.
 */
export async function adminGrantEddies(
  deps: Pick<GameDeps, 'db' | 'log'>,
  input: AdminGrantEddiesInput & { adminUserId: string },
): Promise<{ characterId: string; eddies: number }> {
  const parsed = parseInput(AdminGrantEddiesInputSchema, input);
  const { characterId, amount } = parsed;
  const { outcome, again } = await inTransaction(deps.db, async (tx) => {
    await lockCharacter(tx, characterId);
    return onceByKey(tx, 'admin.grantEddies', parsed, GrantKept, async () => ({
      eddies: await recordCurrency(tx, {
        reason: 'admin',
        characterId,
        delta: amount,
        ref: `admin:${input.adminUserId}`,
      }),
    }));
  });
  if (!again)
    deps.log.info(
      { audit: true, adminUserId: input.adminUserId, characterId, amount, eddies: outcome.eddies },
      'admin granted eddies',
    );
  return { characterId, eddies: outcome.eddies };
}
