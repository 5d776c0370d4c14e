import type { Tx } from '../core/deps';
import type { LedgerReason } from './reasons';

export interface ItemChange {
  reason: LedgerReason;
  itemId: string;
  templateId: string;
  /** +n created or merged in, −n destroyed or merged out, 0 for an owner change */
  quantityDelta: number;
  /** owner strings (see owners.ts) */
  fromOwner: string;
  toOwner: string;
  ref?: string;
}

/**
 * Appends one ledger row for one side of an item change. The caller writes the
 * Item row itself in the same transaction; `checkInvariants` proves the two agree.
 * Raw: every item move, merge and split writes ledger rows, and a Prisma model write
 * costs ~1 ms of CPU per call (docs/perf.md, "The web tier").
 */
export async function recordItem(tx: Tx, change: ItemChange): Promise<void> {
  if (!Number.isSafeInteger(change.quantityDelta))
    throw new Error(`recordItem: bad quantityDelta ${change.quantityDelta}`);
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("reason", "itemId", "templateId", "quantityDelta", "fromOwner", "toOwner", "ref")
    VALUES (${change.reason}, ${change.itemId}, ${change.templateId}, ${change.quantityDelta},
      ${change.fromOwner}, ${change.toOwner}, ${change.ref ?? null})`;
}
