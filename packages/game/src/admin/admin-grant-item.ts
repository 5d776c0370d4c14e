import { AdminGrantItemInputSchema, type AdminGrantItemInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { grantItem } from '../inventory/grant-item';
import type { Placement } from '../inventory/write-placement';

/**
 * Staff tool: creates items in any live character's bag (ledger source `admin`,
 * ref `admin:<adminUserId>`) and writes an audit log line. Role checks happen at
 * the transport (adminProcedure re-reads the role from the database).
 */
export async function adminGrantItem(
  deps: Pick<GameDeps, 'db' | 'log'>,
  input: AdminGrantItemInput & { adminUserId: string },
): Promise<Placement[]> {
  const { characterId, templateId, quantity } = parseInput(AdminGrantItemInputSchema, input);
  const placed = await grantItem(deps, {
    characterId,
    templateId,
    quantity,
    reason: 'admin',
    ref: `admin:${input.adminUserId}`,
  });
  deps.log.info(
    { audit: true, adminUserId: input.adminUserId, characterId, templateId, quantity, placed },
    'admin granted items',
  );
  return placed;
}
