import type { Item } from '@necp/db';
import type { Tx } from '../core/deps';
import { recordItem, type ItemChange } from '../ledger/record-item';

/**
 * Takes `n` of a stack the caller holds locked into a sink (destroyed, handed in to a
 * quest): the row goes when it is all of it, else its quantity drops; one ledger row
 * says from whom to where.
 */
export async function takeFromStack(
  tx: Tx,
  item: Pick<Item, 'id' | 'templateId' | 'quantity'>,
  n: number,
  ledger: Pick<ItemChange, 'reason' | 'fromOwner' | 'toOwner' | 'ref'>,
): Promise<void> {
  if (n === item.quantity) await tx.item.delete({ where: { id: item.id } });
  else await tx.item.update({ where: { id: item.id }, data: { quantity: item.quantity - n } });
  await recordItem(tx, {
    ...ledger,
    itemId: item.id,
    templateId: item.templateId,
    quantityDelta: -n,
  });
}
