import { AdminGrantEddiesInputSchema, type AdminGrantEddiesInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { recordCurrency } from '../ledger/record-currency';
import { inTransaction } from '../core/transaction';

/**
 * Staff tool: adds (or, negative, takes away — never below zero) eddies of any
 * live character (ledger reason `admin`) and writes an audit log line.
 */
export async function adminGrantEddies(
  deps: Pick<GameDeps, 'db' | 'log'>,
  input: AdminGrantEddiesInput & { adminUserId: string },
): Promise<{ characterId: string; eddies: number }> {
  const { characterId, amount } = parseInput(AdminGrantEddiesInputSchema, input);
  const eddies = await inTransaction(deps.db, async (tx) => {
    await lockCharacter(tx, characterId);
    return recordCurrency(tx, {
      reason: 'admin',
      characterId,
      delta: amount,
      ref: `admin:${input.adminUserId}`,
    });
  });
  deps.log.info(
    { audit: true, adminUserId: input.adminUserId, characterId, amount, eddies },
    'admin granted eddies',
  );
  return { characterId, eddies };
}
