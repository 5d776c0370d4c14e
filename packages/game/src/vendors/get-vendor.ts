import { VendorGetInputSchema, type VendorGetInput, type VendorView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { readVendorView } from './read-vendor';
import { openVendorSession } from './vendor-session';
import { inTransaction } from '../core/transaction';

/**
 * The vendor window of a contact within INTERACT_RANGE: stock at the character's
 * prices (standing with the vendor's faction), today's limited stock left, the
 * buy-back shelf, what the vendor pays for each bag item. A plain read: trades
 * re-check everything under lock.
 */
export async function getVendor(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: VendorGetInput,
): Promise<VendorView> {
  const { characterId, contactId } = parseInput(VendorGetInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const s = await openVendorSession(tx, { characterId, contactId }, now, {
      lock: false,
    });
    return readVendorView(tx, s);
  });
}
